package timex

// This file holds the rules for periods named relative to the document or
// to the last date mentioned: "last week", "this year", "next Friday",
// "the following day", "recent years", "two days ago", "a year earlier",
// "the year-ago quarter".

// unitGran maps time units to the granularity of the period they name.
var unitGran = [...]gran{uDay: gDay, uWeekend: gWeekend, uWeek: gWeek, uMonth: gMonth, uQuarter: gQuarter,
	uHalf: gHalf, uYear: gYear, uDecade: gDecade, uCentury: gCentury, uMillennium: gNone}

// relative matches a relation word (last, next, this, past, coming,
// previous, following, current, recent) and the period it modifies.
func (x *extractor) relative(i int) (cand, bool) {
	j, the := i, false
	if x.key(j) == kThe {
		j, the = j+1, true
	}
	k := x.key(j)
	if c, ok := x.vaguePlural(i, j, the); ok {
		return c, true
	}
	if k == kThis && (x.key(j+1) == kPast || x.key(j+1) == kComing) {
		j, k = j+1, x.key(j+1) // this past weekend, this coming Sunday
	}
	switch {
	case k == kRecent:
		return x.recentPlural(j + 1)
	case k == kThat && !the:
		if x.key(j+1) == kSame {
			j++
		}
		if pd := x.dayPart(j + 1); pd != pdNone {
			return x.thatDayPart(j+2, pd), true // that night
		}
		return x.currentUnit(j + 1)
	case k == kYear && x.hyphen(j+1) && x.key(j+2) == kEnd || k == kYear && x.key(j+1) == kEnd:
		return x.yearEnd(i, j+3-btoi(x.key(j+1) == kEnd))
	case k == kYear && x.is(j+1, '\'') && x.key(j+2) == kS && x.key(j+3) == kEnd:
		return x.yearEnd(i, j+4)
	}
	rel := relOf(k)
	if rel == relNone {
		if the {
			return x.thePeriod(i + 1)
		}
		return cand{}, false
	}
	return x.related(i, j, k, rel, the)
}

// related matches the period after the relation word k at token j of an
// expression starting at i ("the" before it when the).
func (x *extractor) related(i, j int, k key, rel int, the bool) (cand, bool) {
	t := x.at(j + 1)
	switch {
	case the && (k == kLast || k == kThis || k == kCurrent) && t.lex.cl != clUnit:
		return cand{}, false
	case t.lex.cl == clWeekday && the && (k == kPrevious || k == kFollowing):
		return x.anchoredWeekday(j+1, rel)
	case t.lex.cl == clWeekday && !the:
		return x.weekdayAt(i, j+1, rel)
	case t.lex.cl == clMonth && x.capital(j+1) && !the:
		e := j + 2
		if t.lex.flags&lfAbbr != 0 {
			e = x.abbrDot(j + 1)
		}
		if _, _, ok := x.dayNum(e); ok {
			return cand{}, false // last Oct. 23: the date alone is the expression
		}
		return x.monthNoYear(i, e, int(t.lex.val), rel), true
	case t.lex.cl == clHoliday && !the:
		return x.holidayAt(i, j+1, rel)
	case t.lex.cl == clSeason:
		return x.seasonAt(i, j+1, rel)
	case t.lex.cl == clUnit && t.lex.flags&lfPlural == 0:
		if the && (k == kPast || k == kNext || k == kComing || k == kFollowing) && (t.lex.val == uDecade || t.lex.val == uCentury) {
			// the past decade, the next decade: the ten years up to now or
			// from then, not the 2000s or the 2020s
			q := qty{n: 1}
			return cand{end: j + 2, typ: Duration, value: durValue(q, int(t.lex.val)), dur: dur{q: q, u: int(t.lex.val)}}, true
		}
		if the && (k == kFollowing || k == kPrevious || k == kNext && t.lex.val == uDay) {
			return x.anchoredUnit(j+2, int(t.lex.val), rel)
		}
		return x.unitRel(j+2, int(t.lex.val), rel)
	case t.lex.cl == clUnit && the && (k == kComing || k == kNext || k == kPast):
		return x.vagueSpan(j+2, int(t.lex.val)), k != kPast || x.key(i-1) == kIn
	case t.lex.cl == clDayPart && the && (k == kNext || k == kFollowing):
		c, ok := x.anchoredUnit(j+1, uDay, relNext)
		c.end, c.typ = j+2, Date
		return c, ok
	}
	return cand{}, false
}

// thatDayPart resolves "that night", "that morning" ending before end:
// part pd of the last day mentioned, or of the creation date.
func (x *extractor) thatDayPart(end, pd int) cand {
	a, ok := x.base(gDay)
	if !ok {
		return cand{end: end, typ: Time, value: unknown(gDay) + "T" + dayPartCode[pd]}
	}
	return cand{end: end, typ: Time, value: x.value(a) + "T" + dayPartCode[pd]}
}

// anchoredWeekday resolves "the previous Friday", "the following Monday"
// at token w: the weekday before or after the last day mentioned.
func (x *extractor) anchoredWeekday(w, rel int) (cand, bool) {
	if !x.capital(w) {
		return cand{}, false
	}
	base, ok := x.base(gDay)
	if !ok {
		return cand{end: w + 1, typ: Date, value: "XXXX-WXX-" + string(rune('0'+x.at(w).lex.val))}, true
	}
	saved := x.dct
	x.dct = base.t
	t := x.weekdayDay(int(x.at(w).lex.val), rel, 0)
	x.dct = saved
	return x.dayAt(w+1, t), true
}

// yearEnd resolves "year-end", "year end", "year's end" ending before end:
// the last day of the creation date's year, or of the year before after
// "since" or in the past tense.
func (x *extractor) yearEnd(i, end int) (cand, bool) {
	if !x.known {
		return cand{end: end, typ: Date, value: "XXXX-12-31"}, true
	}
	y := x.dct.Year()
	if x.key(i-1) == kSince || x.key(i-1) != kBy && x.direction(i, end) < 0 {
		y--
	}
	return x.dayCand(end, y, 12, 31), true
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// unitRel resolves "last week", "this year", "next month" against the
// creation date; the expression ends before token end.
func (x *extractor) unitRel(end, u, rel int) (cand, bool) {
	if x.at(end-1).flags&fCap != 0 && x.at(end-1).flags&fUpper == 0 {
		return cand{}, false // ABC's "This Week"
	}
	g := gNone
	if u < len(unitGran) {
		g = unitGran[u]
	}
	if g == gNone || g == gDay || g == gHalf {
		return cand{}, false
	}
	if !x.known {
		return cand{end: end, typ: Date, value: unknown(g)}, true
	}
	a := at(g, x.dct)
	switch rel {
	case relLast:
		a = a.shift(-1)
	case relNext:
		a = a.shift(1)
	}
	return cand{end: end, typ: Date, value: x.value(a), ref: a}, true
}

// anchoredUnit resolves "the following day", "the previous year", "the
// next day" against the last date mentioned, or the creation date.
func (x *extractor) anchoredUnit(end, u, rel int) (cand, bool) {
	g := unitGran[min(u, len(unitGran)-1)]
	if g == gNone {
		return cand{}, false
	}
	base, ok := x.base(g)
	if !ok {
		return cand{end: end, typ: Date, value: unknown(g)}, true
	}
	n := 1
	if rel == relLast {
		n = -1
	}
	return cand{end: end, typ: Date, value: x.value(base.shift(n))}, true
}

// base returns the period of granularity g that contains the last date
// mentioned, or the creation date.
func (x *extractor) base(g gran) (anchor, bool) {
	switch {
	case x.ref.gran != gNone && x.ref.gran <= g:
		return at(g, x.ref.t), true
	case x.known:
		return at(g, x.dct), true
	}
	return anchor{}, false
}

// thePeriod matches "the weekend" and "the week" (the current ones), and
// "the year", "the fiscal year", "the full year" after "the" at token j-1.
func (x *extractor) thePeriod(j int) (cand, bool) {
	if c, ok := x.theYear(j); ok {
		return c, true
	}
	u := x.unit(j)
	if x.at(j).lex.flags&lfPlural != 0 || u != uWeekend && u != uWeek {
		return cand{}, false
	}
	if !x.known {
		return cand{end: j + 1, typ: Date, value: unknown(unitGran[u])}, true
	}
	a := at(unitGran[u], x.dct)
	if u == uWeekend && isoWeekday(x.dct) <= 5 {
		// "over the weekend", written on a weekday: the last one in the
		// past tense or, early in the week, without a tense
		if dir := x.direction(j-1, j+1); dir < 0 || dir == 0 && isoWeekday(x.dct) <= 4 {
			a = a.shift(-1)
		}
	}
	return cand{end: j + 1, typ: Date, value: x.value(a), ref: a}, true
}

// theYear matches "the year", "the full year", "the (current, latest)
// fiscal year" at j, after "the": in news, the year under report. Followed
// by "ended" or "ending" it is the duration of a year (TimeBank).
func (x *extractor) theYear(j int) (cand, bool) {
	k, latest := j, false
	for {
		switch x.key(k) {
		case kFull, kFiscal, kCalendar, kCurrent:
			k++
			continue
		case kLatest:
			k, latest = k+1, true
			continue
		}
		break
	}
	if x.key(k) != kYear || x.hyphen(k+1) || x.key(k+1) == kOf || x.key(k+1) == kBefore || x.key(k+1) == kAfter {
		return cand{}, false
	}
	if _, _, ok := x.yearNum(k + 1); ok {
		return cand{}, false // the year 2000
	}
	if x.key(k+1) == kEnded {
		return cand{end: k + 1, typ: Duration, value: "P1Y", dur: dur{q: qty{n: 1}, u: uYear}}, true
	}
	if !x.known {
		return cand{end: k + 1, typ: Date, value: unknown(gYear)}, true
	}
	a := at(gYear, x.dct)
	if latest {
		a = a.shift(-1)
	}
	return cand{end: k + 1, typ: Date, value: x.value(a)}, true
}

// vaguePlural matches durations of unspecified length named by a plural
// unit at j: "coming weeks" without "the", "the weeks ahead", and "the
// years" after over, through, during or in; i starts the expression.
func (x *extractor) vaguePlural(i, j int, the bool) (cand, bool) {
	k := x.key(j)
	u, plural := x.unit(j), x.at(j).lex.flags&lfPlural != 0
	switch {
	case k == kComing && !the && x.unit(j+1) != uNone && x.at(j+1).lex.flags&lfPlural != 0:
		return x.vagueSpan(j+2, x.unit(j+1)), true
	case the && plural && u >= uDay && x.key(j+1) == kAhead:
		return x.vagueSpan(j+2, u), true
	case the && plural && u >= uDay && x.key(j+1) != kOf:
		switch x.key(i - 1) {
		case kOver, kUntil, kDuring, kIn:
			return x.vagueSpan(j+1, u), true
		}
	}
	return cand{}, false
}

// recentPlural matches "recent years", "recent weeks" at j: durations of
// unspecified length, as TimeBank mostly has them.
func (x *extractor) recentPlural(j int) (cand, bool) {
	if x.unit(j) == uNone || x.at(j).lex.flags&lfPlural == 0 {
		return cand{}, false
	}
	return x.vagueSpan(j+1, x.unit(j)), true
}

// vagueSpan is "the coming days", "the next weeks": a duration of
// unspecified length.
func (x *extractor) vagueSpan(end, u int) cand {
	return cand{end: end, typ: Duration, value: durValue(qty{vague: true}, u), dur: dur{u: u, q: qty{vague: true}}}
}

// ago matches "two years ago", "a year earlier", "three days later",
// "year-earlier" and "the year-ago quarter".
func (x *extractor) ago(i int) (cand, bool) {
	if c, ok := x.yearAgo(i); ok {
		return c, true
	}
	j, mod := x.approx(i)
	q, k, ok := x.quantity(j)
	if !ok && x.at(j).lex.flags&lfPlural != 0 && x.key(j+1) == kAgo && j == i {
		q, k, ok = qty{vague: true}, j, true // months ago
	}
	if !ok {
		return cand{}, false
	}
	u := x.unit(k)
	if u == uNone || u < uDay || u == uWeekend {
		return cand{}, false
	}
	w := x.key(k + 1)
	if w != kAgo && w != kEarlier || w == kEarlier && x.key(k+2) == kThan {
		// "three days later" is the duration "three days", and so is "a
		// month earlier than usual": a comparison, not a date
		return cand{}, false
	}
	c := cand{end: k + 2, typ: Date, mod: mod}
	switch {
	case q.vague:
		c.value = "PAST_REF"
		return c, true
	case w == kAgo:
		switch {
		case !x.known:
			c.value = unknown(unitGran[u])
		case x.refQ.gran == gQuarter && u == uYear && q.n == 1 && !q.half:
			c.value = x.value(x.refQ.shift(-4)) // earnings: the year-ago quarter
		default:
			c.value = x.value(shiftBy(at(gDay, x.dct), -1, q, u))
		}
		return c, true
	}
	c.value = x.shifted(-1, q, u)
	return c, true
}

// shifted resolves "a year earlier", "two days later" against the last date
// mentioned (a quarter stays a quarter), or the creation date.
func (x *extractor) shifted(sign int, q qty, u int) string {
	if x.refQ.gran == gQuarter && u == uYear && !q.half {
		return x.value(x.refQ.shift(sign * 4 * q.n)) // earnings: the year-ago quarter
	}
	base, ok := x.base(gDay)
	if !ok {
		return unknown(unitGran[u])
	}
	if x.ref.gran != gNone && x.ref.gran > gDay {
		base = at(gDay, x.ref.t)
	}
	return x.value(shiftBy(base, sign, q, u))
}

// shiftBy moves day a by sign × q units u and returns the period of the
// unit's granularity that contains the result.
func shiftBy(a anchor, sign int, q qty, u int) anchor {
	n := sign * q.n
	t := a.t
	switch u {
	case uDay:
		t = t.AddDate(0, 0, n)
	case uWeek:
		t = t.AddDate(0, 0, 7*n)
	case uFortnight:
		t = t.AddDate(0, 0, 14*n)
	case uMonth:
		t = t.AddDate(0, n, 0)
	case uQuarter:
		t = t.AddDate(0, 3*n, 0)
	case uYear:
		months := 12 * n
		if q.half {
			months += sign * 6
		}
		t = t.AddDate(0, months, 0)
		if q.half {
			return at(gMonth, t)
		}
	case uDecade:
		t = t.AddDate(10*n, 0, 0)
		return at(gYear, t)
	case uCentury:
		t = t.AddDate(100*n, 0, 0)
		return at(gYear, t)
	}
	return at(unitGran[u], t)
}

// yearAgo matches "year-earlier", "year-ago" and "the year-ago quarter":
// the period a year before the last one mentioned.
func (x *extractor) yearAgo(i int) (cand, bool) {
	j := i
	if x.key(j) == kThe {
		j++
	}
	if x.unit(j) != uYear || !x.hyphen(j+1) || x.key(j+2) != kAgo && x.key(j+2) != kEarlier {
		return cand{}, false
	}
	end := j + 3
	switch {
	case x.unit(end) == uQuarter || x.key(end) == kPeriod:
		if x.known {
			return cand{end: end + 1, typ: Date, value: x.value(x.quarterRef(false, false).shift(-4))}, true
		}
		end++
	case x.unit(end) == uYear:
		end++
	case j != i:
		return cand{}, false
	}
	return cand{end: end, typ: Date, value: x.shifted(-1, qty{n: 1}, uYear)}, true
}
