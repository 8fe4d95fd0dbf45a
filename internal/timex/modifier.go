package timex

// This file holds the rule for periods with a modifier of position:
// "early Saturday", "mid-August", "late 2014", "the early 1990s", "earlier
// this month", "the end of the month", "the beginning of 2025".

// modified matches a positional modifier and the period after it.
func (x *extractor) modified(i int) (cand, bool) {
	j, mod := x.position(i)
	if mod == "" {
		return cand{}, false
	}
	if t := x.at(j); t.lex.cl == clWeekday && mod != ModStart || x.key(i) == kEarlier && t.lex.cl == clWeekday {
		return cand{}, false // "Later Thursday": TimeBank leaves the modifier out
	}
	if x.key(j) == kThe && x.key(j-1) == kOf {
		if c, ok := x.currentUnit(j + 1); ok {
			c.mod = mod
			return c, true // the end of the month
		}
	}
	var best cand
	found := false
	for _, r := range pointRules {
		if c, ok := r(x, j); ok && (!found || c.end > best.end) && (c.typ == Date || c.typ == Time) && c.value[0] != 'P' && c.value[1] != 'A' {
			best, found = c, true
		}
	}
	if !found || best.value == "PRESENT_REF" || best.value == "FUTURE_REF" || best.value == "PAST_REF" {
		return cand{}, false
	}
	if best.mod == "" {
		best.mod = mod
	}
	return best, true
}

// currentUnit resolves "the month", "the year", "the week" after "the end
// of": the period containing the last date mentioned, or the creation date,
// and never one before the creation date's when the sentence looks ahead.
func (x *extractor) currentUnit(j int) (cand, bool) {
	u := x.unit(j)
	if u < uDay || u > uCentury || x.at(j).lex.flags&lfPlural != 0 || unitGran[u] == gNone || x.hyphen(j+1) {
		return cand{}, false
	}
	g := unitGran[u]
	a, ok := x.base(g)
	if !ok {
		return cand{end: j + 1, typ: Date, value: unknown(g)}, true
	}
	// A last date mentioned in an earlier period does not pull a deadline
	// ahead of the article back into it: "The plan was presented last
	// Friday [in February]. Agencies are expected to rule by the end of the
	// month [March]."
	if x.known && x.direction(j, j+1) > 0 {
		if now := at(g, x.dct); x.value(a) < x.value(now) {
			a = now
		}
	}
	return cand{end: j + 1, typ: Date, value: x.value(a), ref: a}, true
}

// pointRules are the rules whose periods a positional modifier can take.
var pointRules = []rule{
	(*extractor).calendarDate,
	(*extractor).weekdayExpr,
	(*extractor).yearExpr,
	(*extractor).seasonExpr,
	(*extractor).centuryExpr,
	(*extractor).deictic,
	(*extractor).relative,
	(*extractor).quarterExpr,
}

// position parses a positional modifier at i and returns the index after
// it with its TIMEX3 mod, or "" when there is none.
func (x *extractor) position(i int) (int, Mod) {
	j := i
	if x.key(j) == kThe {
		j++
	}
	switch x.key(j) {
	case kEarly:
		return j + 1, ModStart
	case kLate:
		return j + 1, ModEnd
	case kMid:
		if x.hyphen(j + 1) {
			return j + 2, ModMid
		}
		return j + 1, ModMid
	case kEarlier:
		if j == i {
			return j + 1, ModStart
		}
	case kLater:
		if j == i {
			return j + 1, ModEnd
		}
	case kEnd, kBeginning, kStart, kMiddle:
		if j == i+1 && x.key(j+1) == kOf {
			switch x.key(j) {
			case kEnd:
				return j + 2, ModEnd
			case kMiddle:
				return j + 2, ModMid
			}
			return j + 2, ModStart
		}
	}
	return i, ""
}
