package timex

// This file holds the rules for years and their parts: "2014", "fiscal
// 1989", "the 1990s", "'80s", "the third quarter of 1989", "Q3",
// "the first half", "the summer of 2025", "the 20th century", holidays.

// yearExpr matches a year, a fiscal year or a decade.
func (x *extractor) yearExpr(i int) (cand, bool) {
	j := i
	switch x.key(i) {
	case kFiscal:
		j++
		if x.key(j) == kYear {
			j++
		}
	case kThe:
		j++
		if x.key(j) == kYear {
			// the year 2000, the year two thousand
			if y, k, ok := x.theYearNum(j + 1); ok {
				a := anchor{gran: gYear, t: dateOf(y, 1, 1)}
				return cand{end: k, typ: Date, value: x.value(a), ref: a}, true
			}
		}
	}
	y, k, ok := x.yearNum(j)
	if !ok {
		return cand{}, false
	}
	if x.key(k) == kS && x.tight(k) {
		if x.is(j, '\'') || y%10 == 0 {
			a := anchor{gran: gDecade, t: dateOf(y-y%10, 1, 1)}
			return cand{end: k + 1, typ: Date, value: x.value(a)}, true
		}
		return cand{}, false
	}
	if x.is(j, '\'') && x.key(i) != kFiscal || !x.plausibleYear(j, k) {
		return cand{}, false
	}
	if x.key(i) == kThe {
		// "the 1988 period", "the 1988 quarter": in earnings news, the
		// quarter under report, of that year
		switch {
		case (x.key(k) == kPeriod || x.unit(k) == uQuarter) && x.refQ.gran == gQuarter:
			a := anchor{gran: gQuarter, t: dateOf(y, 1, 1), n: x.refQ.n}
			return cand{end: k + 1, typ: Date, value: x.value(a)}, true
		case x.key(k) != kPeriod && x.unit(k) != uYear && x.unit(k) != uQuarter:
			return cand{}, false
		}
		k++
	}
	a := anchor{gran: gYear, t: dateOf(y, 1, 1)}
	return cand{end: k, typ: Date, value: x.value(a), ref: a}, true
}

// theYearNum parses the year after "the year": digits or words ("two
// thousand", "two thousand and one").
func (x *extractor) theYearNum(j int) (int, int, bool) {
	if y, k, ok := x.yearNum(j); ok {
		return y, k, true
	}
	t := x.at(j)
	if t.lex.cl != clNumber || t.lex.val > 9 || x.key(j+1) != kThousand {
		return 0, j, false
	}
	y, k := 1000*int(t.lex.val), j+2
	e := k
	if x.key(e) == kAnd {
		e++
	}
	if x.at(e).lex.cl == clNumber && x.at(e).lex.val < 100 {
		n, e2 := x.wordNumber(e)
		y, k = y+n, e2
	}
	return y, k, true
}

// plausibleYear reports whether the four digits at token j (ending before
// k) are a year rather than a count, a price or part of a name.
func (x *extractor) plausibleYear(j, k int) bool {
	t := x.at(j)
	if t.kind == tWord {
		return true // nineteen ninety-six
	}
	prev := x.at(j - 1)
	if prev.kind == tPunct && (prev.num == '$' || prev.num == '#' || prev.num == '.' && x.tight(j)) {
		return false
	}
	next := x.at(k)
	if next.kind == tPunct && (next.num == '%' || next.num == ':' && x.tight(k)) {
		return false
	}
	if next.lex.cl == clZone && x.capital(k) {
		return false // 1930 GMT: a 24-hour clock time
	}
	if x.is(k, '-') && x.tight(k) && x.at(k+1).kind == tNum && x.tight(k+1) && x.at(k+1).ndig != 2 {
		return false // 2082-7: an ID
	}
	switch prev.lex.key {
	case kIn, kSince, kOf, kFrom, kBy, kUntil, kBefore, kAfter, kFiscal, kDuring, kEarly, kLate, kMid, kEnd, kThe:
		return true
	}
	if prev.kind == tWord && prev.lex.cl == clNone && x.capital(j-1) && prev.lex.key == kNone && !x.sentenceStart(j-1) {
		return false // Orion 1980, Windows 2000
	}
	if x.key(k) == kPercent {
		return false
	}
	return t.num >= 1900 && t.num <= 2100
}

// sentenceStart reports whether token i starts a sentence.
func (x *extractor) sentenceStart(i int) bool {
	return i == 0 || x.at(i).flags&fNewline != 0 || x.sentenceEnd(i-1) || x.is(i-1, '"')
}

// quarterExpr matches "the third quarter [of 1989]", "third-quarter",
// "the fiscal first quarter", "Q3 2025", "the first half [of 2025]",
// "this year's third quarter", "the year-ago quarter", "the latest
// quarter" and "the quarter".
func (x *extractor) quarterExpr(i int) (cand, bool) {
	j := i
	if x.key(j) == kThe {
		j++
		if c, ok := x.theQuarter(j); ok {
			return c, true
		}
	}
	year, shift, j := x.quarterPrefix(j)
	if x.key(j) == kFiscal || x.hyphen(j) && x.key(j-1) == kFiscal {
		j++
	}
	n, k, per, ok := x.quarterName(j)
	if !ok || x.hyphen(k-2) && x.key(i) == kThe && j == i+1 {
		return cand{}, false // the third-quarter loss: "third-quarter"
	}
	g := gQuarter
	if per == 2 {
		g = gHalf
	}
	e := k
	if x.key(e) == kOf || x.is(e, ',') {
		e++
	}
	if x.key(e) == kFiscal {
		e++
	}
	if y, k2, ok := x.yearNum(e); ok && year == 0 {
		year, k = y, k2
	}
	if n <= 0 {
		c := x.currentQuarter(k, n < 0, n == 0)
		if shift != 0 && x.known {
			c.value = x.value(x.quarterRef(n < 0, n == 0).shift(4 * shift))
		}
		return c, true
	}
	if year == 0 && !x.known {
		return cand{end: k, typ: Date, value: unknown(g)[:6] + string(rune('0'+n))}, true
	}
	if year == 0 {
		year = x.quarterYear(n, per, x.direction(i, k)) + shift
	}
	a := anchor{gran: g, t: dateOf(year, 1, 1), n: n}
	return cand{end: k, typ: Date, value: x.value(a), ref: a}, true
}

// quarterPrefix parses what may name the year of a quarter before it: a
// year ("the 1988 second quarter"), "this year's", "last year's",
// "year-ago", "year-earlier". It returns the year or the shift in years
// from the default, and the index after the prefix.
func (x *extractor) quarterPrefix(j int) (year, shift, end int) {
	if y, k, ok := x.yearNum(j); ok {
		return y, 0, k
	}
	if x.unit(j) == uYear && x.hyphen(j+1) && (x.key(j+2) == kAgo || x.key(j+2) == kEarlier) {
		return 0, -1, j + 3
	}
	rel := relOf(x.key(j))
	if rel != relNone && x.key(j+1) == kYear && x.is(j+2, '\'') && x.key(j+3) == kS && x.known {
		y := x.dct.Year()
		switch rel {
		case relLast:
			y--
		case relNext:
			y++
		}
		if x.quarterNext(j + 4) {
			return y, 0, j + 4
		}
		return 0, y - x.dct.Year(), j + 4
	}
	return 0, 0, j
}

// quarterNext reports whether a quarter number follows at j.
func (x *extractor) quarterNext(j int) bool {
	_, _, _, ok := x.quarterName(j)
	if x.key(j) == kFiscal {
		_, _, _, ok = x.quarterName(j + 1)
	}
	return ok
}

// theQuarter matches "quarter" and "latest period" after "the": the
// quarter last named in the text.
func (x *extractor) theQuarter(j int) (cand, bool) {
	switch {
	case x.unit(j) == uQuarter && x.at(j).lex.flags&lfPlural == 0 && !x.hyphen(j+1):
		return x.currentQuarter(j+1, false, false), true
	case x.key(j) == kLatest && x.key(j+1) == kPeriod:
		return x.currentQuarter(j+2, false, true), true
	}
	return cand{}, false
}

// quarterRef returns the quarter "the quarter" refers to: with cur, "the
// current quarter", the creation date's; else the quarter last named, or
// the last completed one. With latest, "the latest quarter", a quarter
// named that has not ended yet ("a fourth-quarter charge" in an October
// earnings report) is no reference: the latest is the last completed one.
func (x *extractor) quarterRef(cur, latest bool) anchor {
	now := at(gQuarter, x.dct)
	switch {
	case cur:
		return now
	case x.refQ.gran == gQuarter && !(latest && quarterKey(x.refQ) >= quarterKey(now)):
		return x.refQ
	}
	return now.shift(-1)
}

// quarterKey orders quarter anchors.
func quarterKey(a anchor) int { return a.t.Year()*4 + a.n - 1 }

// quarterName parses "third quarter", "third-quarter", "Q3", "first half"
// at j. It returns the number (0 for "the quarter", "the latest quarter"),
// the end, and the periods per year (4 or 2).
func (x *extractor) quarterName(j int) (n, k, per int, ok bool) {
	t := x.at(j)
	if t.kind == tWord && (x.text[t.start:t.end] == "Q" || x.text[t.start:t.end] == "H") {
		d := x.at(j + 1)
		if d.kind == tNum && x.tight(j+1) && d.ndig == 1 && d.num >= 1 && d.num <= 4 {
			per = 4
			if x.text[t.start] == 'H' {
				per = 2
			}
			return int(d.num), j + 2, per, int(d.num) <= per
		}
		return 0, j, 0, false
	}
	switch {
	case t.lex.cl == clOrdinal && t.lex.val <= 4:
		n = int(t.lex.val)
	case t.lex.key == kSecond:
		n = 2
	case t.lex.key == kLatest:
		n = 0
	case t.lex.key == kCurrent:
		n = -1
	case t.lex.key == kFinal || t.lex.key == kLast && x.key(j-1) == kThe:
		n = 99
	case t.kind == tNum && t.ndig == 1 && t.num >= 1 && t.num <= 4:
		if s := x.ordSuffix(j); s == j+2 {
			n, j = int(t.num), j+1
			break
		}
		return 0, j, 0, false
	default:
		return 0, j, 0, false
	}
	k = j + 1
	if x.hyphen(k) {
		k++
	}
	switch {
	case x.unit(k) == uQuarter && x.at(k).lex.flags&lfPlural == 0:
		per = 4
	case x.key(k) == kHalf && (n == 1 || n == 2 || n == 99):
		per = 2
	default:
		return 0, j, 0, false
	}
	if n == 99 {
		n = per
	}
	return n, k + 1, per, true
}

// currentQuarter resolves "the quarter" and "the latest quarter", ending
// before token end: the quarter last named in the text, else the last
// completed one; with cur, "the current quarter", the creation date's.
func (x *extractor) currentQuarter(end int, cur, latest bool) cand {
	if !x.known {
		return cand{end: end, typ: Date, value: unknown(gQuarter)}
	}
	return cand{end: end, typ: Date, value: x.value(x.quarterRef(cur, latest))}
}
