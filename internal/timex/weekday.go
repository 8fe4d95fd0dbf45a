package timex

import "time"

// This file holds the rules for days named relative to the document:
// weekdays ("Friday", "Tuesday morning", "Friday, Oct. 23"), and today,
// yesterday, tomorrow, tonight, "this morning", "last night".

// weekdayExpr matches a weekday without a relation word before it.
func (x *extractor) weekdayExpr(i int) (cand, bool) { return x.weekdayAt(i, i, relNone) }

// weekdayAt matches the weekday at token w in an expression that starts at
// token i, after relation rel ("last", "next", "this").
func (x *extractor) weekdayAt(i, w, rel int) (cand, bool) {
	t := x.at(w)
	if t.lex.cl != clWeekday || !x.capital(w) {
		return cand{}, false
	}
	j := w + 1
	if t.lex.flags&lfAbbr != 0 {
		if j = x.abbrDot(w); j == w+1 {
			return cand{}, false // "Sun", "Sat" without a period
		}
	}
	if x.capital(j) && newspapers[x.key(j)] {
		return cand{}, false // the Sunday Times
	}
	wd := int(t.lex.val)
	if t.lex.flags&lfPlural != 0 || rel == relNone && (x.key(i-1) == kEvery || x.key(i-1) == kEach) ||
		rel == relNone && x.at(j).lex.cl == clDayPart && x.at(j).lex.flags&lfPlural != 0 { // Sunday mornings
		return x.weekdaySet(j, wd), rel == relNone
	}
	k := j
	if x.is(k, ',') {
		k++
	}
	if c, ok := x.calendarDate(k); ok && c.ref.gran == gDay && rel == relNone {
		return c, true // Friday, Oct. 23: the date decides
	}
	if !x.known {
		v := "XXXX-WXX-" + string(rune('0'+wd))
		if pd := x.dayPart(j); pd != pdNone {
			return cand{end: j + 1, typ: Time, value: v + "T" + dayPartCode[pd]}, true
		}
		return cand{end: j, typ: Date, value: v}, true
	}
	dir := 0
	if rel == relNone {
		dir = x.direction(i, j)
		switch k := x.key(i - 1); {
		case k == kUntil || k == kBy:
			dir = x.limitDirection(i, j) // a deadline: until Tuesday, by Friday
		case x.is(j, '\'') && x.key(j+1) == kS && x.tight(j):
			dir = x.possessiveDirection(i, j+2)
		}
	}
	return x.dayAt(j, x.weekdayDay(wd, rel, dir)), true
}

// newspapers lists the words that make a weekday part of a newspaper's
// name.
var newspapers = [256]bool{kTimes: true, kPaper: true}

// possessiveDirection is direction for a weekday in the possessive
// ("Wednesday's ruling"), which names an event the news knows of: a past
// one, unless a future verb follows it closely ("Sunday's vote will
// decide") or "ahead of" precedes it.
func (x *extractor) possessiveDirection(i, end int) int {
	if x.key(i-1) == kOf && x.key(i-2) == kAhead {
		return 1
	}
	if c, d := x.cueRight(end + 1); c > 0 && d <= 3 {
		return 1
	}
	return -1
}

// weekdaySet is a recurring weekday: "Fridays", "Tuesday nights".
func (x *extractor) weekdaySet(j, wd int) cand {
	v := "XXXX-WXX-" + string(rune('0'+wd))
	if t := x.at(j); t.lex.cl == clDayPart {
		return cand{end: j + 1, typ: Set, value: v + "T" + dayPartCode[t.lex.val]}
	}
	return cand{end: j, typ: Set, value: v}
}

// dayPart returns the part of the day named at token j ("morning",
// "night"), or pdNone.
func (x *extractor) dayPart(j int) int {
	if t := x.at(j); t.lex.cl == clDayPart && t.lex.flags&lfPlural == 0 {
		return int(t.lex.val)
	}
	return pdNone
}

// dayAt is day t ending before token j, extended by a part of the day that
// follows ("Tuesday morning" is the TIME 2025-08-19TMO).
func (x *extractor) dayAt(j int, t time.Time) cand {
	a := day(t)
	v := x.value(a)
	if pd := x.dayPart(j); pd != pdNone {
		return cand{end: j + 1, typ: Time, value: v + "T" + dayPartCode[pd], ref: a}
	}
	return cand{end: j, typ: Date, value: v, ref: a}
}

// deictic matches today, yesterday, tomorrow, tonight, "this morning",
// "last night", and the present, past and future references (now,
// currently, recently, soon, the future).
func (x *extractor) deictic(i int) (cand, bool) {
	k := x.key(i)
	var off int
	switch k {
	case kToday:
	case kYesterday:
		off = -1
	case kTomorrow:
		off = 1
	case kTonight:
		return x.partOfDay(i+1, 0, pdNight), true
	case kThis, kLast:
		pd := x.dayPart(i + 1)
		if pd == pdNone || k == kLast && pd != pdNight {
			return cand{}, false
		}
		if k == kLast {
			off = -1
		}
		return x.partOfDay(i+2, off, pd), true
	default:
		return x.reference(i)
	}
	if pd := x.dayPart(i + 1); pd != pdNone {
		return x.partOfDay(i+2, off, pd), true
	}
	if !x.known {
		return cand{end: i + 1, typ: Date, value: unknown(gDay)}, true
	}
	a := day(x.dct.AddDate(0, 0, off))
	return cand{end: i + 1, typ: Date, value: x.value(a), ref: a}, true
}

// partOfDay is part pd of the day off days from the creation date.
func (x *extractor) partOfDay(end, off, pd int) cand {
	if !x.known {
		return cand{end: end, typ: Time, value: unknown(gDay) + "T" + dayPartCode[pd]}
	}
	return cand{end: end, typ: Time, value: x.value(day(x.dct.AddDate(0, 0, off))) + "T" + dayPartCode[pd]}
}

// reference matches PRESENT_REF, PAST_REF and FUTURE_REF expressions.
func (x *extractor) reference(i int) (cand, bool) {
	switch x.key(i) {
	case kNow:
		if x.sentenceStart(i) && (x.is(i+1, ',') || x.key(i+1) == kThat || x.key(i+1) == kFor) {
			// "Now, ..." opens a sentence as a discourse marker and "Now
			// that" as a conjunction, "Now for" a transition; "Now officials
			// are ..." is the present
			return cand{}, false
		}
		return cand{end: i + 1, typ: Date, value: "PRESENT_REF"}, true
	case kCurrently, kNowadays:
		return cand{end: i + 1, typ: Date, value: "PRESENT_REF"}, true
	case kCurrent:
		// "its current position": TimeBank marks the adjective about as
		// often as not; "the current year" is matched by a longer rule
		return cand{end: i + 1, typ: Date, value: "PRESENT_REF"}, true
	case kRecently, kLately:
		return cand{end: i + 1, typ: Date, value: "PAST_REF"}, true
	case kSoon:
		if x.key(i-1) == kAs || x.key(i+1) == kAs || x.key(i+1) == kAfter {
			return cand{}, false
		}
		if p, n := x.at(i-1), x.at(i+1); p.lex.tense < 0 || n.lex.tense < 0 || n.flags&fPast != 0 {
			return cand{}, false // "was soon released", "soon became": soon after a past event, not ahead
		}
		return cand{end: i + 1, typ: Date, value: "FUTURE_REF"}, true
	case kThe:
		switch x.key(i + 1) {
		case kFuture:
			if x.key(i+2) == kOf {
				return cand{}, false
			}
			return cand{end: i + 2, typ: Date, value: "FUTURE_REF"}, true
		case kPast:
			if n := x.at(i + 2); n.lex.cl != clNone || n.kind == tNum || n.lex.key == kFew || n.lex.key == kSeveral || n.lex.key == kCouple {
				return cand{}, false // the past two weeks
			}
			return cand{end: i + 2, typ: Date, value: "PAST_REF"}, true
		case kPresent:
			return cand{end: i + 2, typ: Date, value: "PRESENT_REF"}, true
		case kNear:
			if x.key(i+2) == kFuture {
				return cand{end: i + 3, typ: Date, value: "FUTURE_REF"}, true
			}
		}
	}
	return cand{}, false
}
