package timex

import "strconv"

// This file holds the rules for durations ("two weeks", "over two hours",
// "the past two months", "a two-year term", "its fourth year", "for a
// while") and sets ("every week", "weekly", "each Thursday", "twice a
// week").

// dur is a parsed duration: a quantity of a unit.
type dur struct {
	q qty
	u int
}

// approx parses the modifiers a duration or an "ago" expression may open
// with and returns the index after them with the TIMEX3 mod they set.
// "about", "around", "over" and "some" stay outside the span, as they
// mostly do in TimeBank.
func (x *extractor) approx(i int) (int, Mod) {
	switch x.key(i) {
	case kNearly, kAlmost:
		return i + 1, ModEqualOrLess
	case kMore:
		if x.key(i+1) == kThan {
			return i + 2, ModMoreThan
		}
	case kLess:
		if x.key(i+1) == kThan {
			return i + 2, ModLessThan
		}
	case kUnder:
		return i + 1, ModLessThan
	case kAt:
		if x.key(i+1) == kLeast {
			return i + 2, ModEqualOrMore
		}
		if x.key(i+1) == kMost {
			return i + 2, ModEqualOrLess
		}
	case kUp:
		if x.key(i+1) == kTo {
			return i + 2, ModEqualOrLess
		}
	case kNo:
		if x.key(i+1) == kMore && x.key(i+2) == kThan {
			return i + 3, ModEqualOrLess
		}
	}
	return i, ""
}

// duration matches an amount of time.
func (x *extractor) duration(i int) (cand, bool) {
	j, mod := x.approx(i)
	if x.key(i) == kIts {
		return x.ordinalSpan(i)
	}
	if x.unit(i) != uNone && x.hyphen(i+1) {
		return x.lengthAdjective(i)
	}
	k := j
	if x.key(k) == kThe {
		k++
	}
	switch x.key(k) {
	case kLast:
		if p := x.at(k - 1); k == i && (p.lex.key == kTo || p.lex.vg == vgModal || p.lex.vg == vgWeak || p.lex.vg == vgAdv) {
			return cand{}, false // expected to last several months: a verb
		}
		k++
	case kPast, kNext, kComing, kFirst, kFinal, kPrevious, kFollowing:
		k++
	}
	if mod != "" && k != j {
		return cand{}, false // over the past two weeks: "over" is a preposition
	}
	q, e, ok := x.durationQty(i, j, k)
	if !ok {
		return cand{}, false
	}
	if x.key(e) == kTo || x.key(e) == kOr {
		// two to three weeks, 12 to 18 months: the upper bound counts
		if q2, e2, ok := x.quantity(e + 1); ok && !q.vague && !q2.vague && x.unit(e2) != uNone && q2.n > q.n {
			q, e = q2, e2
		}
	}
	e, u, ok := x.durationUnitAt(i, k, e, q)
	if !ok {
		return cand{}, false
	}
	if u == uQuarter && q.n == 1 && !q.half && x.at(e).lex.flags&lfPlural == 0 {
		switch {
		case x.unit(e+1) == uCentury: // a quarter century
			e, u, q = e+1, uYear, qty{n: 25}
		case x.key(e+1) == kOf && (x.key(e+2) == kA || x.key(e+2) == kAn) && x.unit(e+3) == uCentury:
			e, u, q = e+3, uYear, qty{n: 25}
		case x.key(e+1) == kOf:
			return cand{}, false // a quarter of the market
		}
	}
	d := dur{q: q, u: u}
	end := e + 1
	if x.hyphen(end) && x.key(end+1) == kLong {
		end += 2 // three-week-long
	}
	end, d = x.durationTail(end, d)
	if x.key(end) == kOr && x.key(end+1) == kSo {
		end, mod = end+2, ModApprox
	}
	if q.mod != "" && mod == "" {
		mod = q.mod
	}
	if x.key(end) == kOld || x.hyphen(end) && x.key(end+1) == kOld {
		return cand{}, false // ages: 44-year-old, 37 years old
	}
	return cand{end: end, typ: Duration, value: durValue(d.q, d.u), mod: mod, dur: d}, true
}

// while matches the vague durations "for a while", "after a while" and
// "for some time": an unknown amount of time, PXX.
func (x *extractor) while(i int) (cand, bool) {
	switch p := x.key(i - 1); {
	case x.key(i) == kA && x.key(i+1) == kWhile && (p == kFor || p == kAfter || p == kIn):
	case x.key(i) == kSome && x.key(i+1) == kTime && p == kFor:
	default:
		return cand{}, false
	}
	return cand{end: i + 2, typ: Duration, value: "PXX"}, true
}

// durationUnitAt finds the unit of the duration whose quantity q, parsed
// at k, ends at e: after "more", "additional" or "straight" ("two more
// weeks", "three straight days"), or after a hyphen ("a two-year term").
// It returns the unit's index.
func (x *extractor) durationUnitAt(i, k, e int, q qty) (int, int, bool) {
	if (x.key(e) == kMore || x.key(e) == kExtra || x.key(e) == kFull) && x.unit(e+1) != uNone {
		e++ // two more weeks, an additional year, eight trading days
	}
	adjective := false
	if x.hyphen(e) && x.unit(e+1) != uNone && x.at(e+1).lex.flags&lfPlural == 0 {
		e, adjective = e+1, true
	}
	u := x.unit(e)
	long := adjective && x.hyphen(e+1) && x.key(e+2) == kLong // a three-week-long strike
	if !x.durationUnit(i, k, e, u, q) || adjective && x.key(i) == kThe || x.hyphen(e+1) && !long {
		return e, u, false // the 14-day period: "14-day"; year-earlier
	}
	if !adjective && !q.vague && q.n != 1 && !q.half && x.at(e).lex.flags&lfPlural == 0 && (q.n >= 1000 || u == uSecond) {
		return e, u, false // the 1988 second quarter
	}
	return e, u, true
}

// lengthAdjective matches "decades-long", "day-long", "years-old" at i:
// a unit and "-long" or, for a plural unit, "-old".
func (x *extractor) lengthAdjective(i int) (cand, bool) {
	u := x.unit(i)
	plural := x.at(i).lex.flags&lfPlural != 0
	if u < uHour || !x.hyphen(i+1) || x.key(i+2) != kLong && (x.key(i+2) != kOld || !plural) {
		return cand{}, false
	}
	q := qty{n: 1, vague: plural}
	return cand{end: i + 3, typ: Duration, value: durValue(q, u), dur: dur{q: q, u: u}}, true
}

// durationQty parses the quantity of a duration at k, after the
// modifiers ending at j of an expression starting at i: a number, "the
// next week" (one) or, after "for", "in", "over", "within", a bare plural
// ("for years").
func (x *extractor) durationQty(i, j, k int) (qty, int, bool) {
	if q, e, ok := x.quantity(k); ok {
		return q, e, true
	}
	t := x.at(k)
	if k > j && x.key(k-1) != kThe && x.unit(k) >= uDay && t.lex.flags&lfPlural == 0 {
		return qty{n: 1}, k, true // the next week (to 10 days)
	}
	if x.unit(k) == uNone || t.lex.flags&lfPlural == 0 || k != i {
		return qty{}, k, false
	}
	switch x.key(i - 1) {
	case kFor, kIn, kOver, kWithin, kAfter, kFollowing, kUntil, kDuring, kSpan:
		return qty{vague: true}, k, true // for years, spent decades, after months
	}
	if x.key(k+1) == kOf && x.bareHead(i-1) && x.at(k+2).kind == tWord {
		return qty{vague: true}, k, true // decades of war
	}
	switch x.key(k + 1) {
	case kLater, kAfter:
		return qty{vague: true}, k, true // hours later
	}
	return qty{}, k, false
}

// bareHead reports whether token p, before a plural unit, leaves the unit
// the head of its noun phrase: not a determiner, a number or "of"
// ("hundreds of years"), nor a modifier that makes the phrase a period
// ("the early years of").
func (x *extractor) bareHead(p int) bool {
	t := x.at(p)
	if t.kind == tNum || t.lex.cl == clNumber || t.lex.cl == clOrdinal || t.kind == tPunct && t.num == '-' {
		return false
	}
	switch t.lex.key {
	case kThe, kA, kAn, kThis, kThat, kIts, kOf, kMany, kFew, kSeveral, kSome, kEarly, kLate, kLast, kPast,
		kNext, kComing, kRecent, kFirst, kFinal, kPrevious, kMore, kLess:
		return false
	}
	return !(t.kind == tWord && x.capital(p) && !x.sentenceStart(p))
}

// durationUnit reports whether unit u at token e completes the quantity q
// parsed at k into a duration: "a year" after a price is a rate, not a
// duration; "second" needs a number.
func (x *extractor) durationUnit(i, k, e, u int, q qty) bool {
	if u == uNone || u == uHalf {
		return false
	}
	plural := x.at(e).lex.flags&lfPlural != 0
	if q.vague && !plural {
		return false
	}
	if a := x.key(k); (a == kA || a == kAn) && !q.half {
		for p := i - 1; p >= i-3 && p >= 0; p-- {
			if t := x.at(p); t.kind == tNum || t.lex.cl == clNumber || t.kind == tPunct && t.num == '$' || t.lex.key == kTimes || t.lex.key == kTwice || t.lex.key == kOnce || t.lex.key == kPer {
				return false
			}
		}
	}
	if x.key(k) == kSome && !plural || u == uSecond && !plural && x.at(k).kind != tNum {
		return false // some time, a second betrayal
	}
	return x.at(e).flags&fCap == 0 || x.sentenceStart(e) // CBS's "60 Minutes"
}

// durationTail extends a duration at end: "a minute and a half", "a week
// to 10 days" (the upper bound counts).
func (x *extractor) durationTail(end int, d dur) (int, dur) {
	if !d.q.half {
		if q, e := x.andAHalf(d.q, end); e != end {
			return e, dur{q: q, u: d.u}
		}
	}
	if x.key(end) == kTo || x.key(end) == kOr {
		if q, e, ok := x.quantity(end + 1); ok && !q.vague {
			if u := x.unit(e); u != uNone {
				return e + 1, dur{q: q, u: u}
			}
			if x.at(end+1).kind == tNum || x.at(end+1).lex.cl == clNumber {
				return e, dur{q: q, u: d.u} // 12 to 18 months
			}
		}
	}
	return end, d
}

// ordinalSpan matches "its fourth year", "its 20th week": a duration of
// one unit.
func (x *extractor) ordinalSpan(i int) (cand, bool) {
	t, j := x.at(i+1), i+2
	switch {
	case t.lex.cl == clOrdinal || t.lex.key == kSecond:
	case t.kind == tNum && t.ndig <= 3 && x.ordSuffix(i+1) == i+3:
		j = i + 3 // its 20th day
	default:
		return cand{}, false
	}
	u := x.unit(j)
	if u != uWeek && u != uMonth && u != uYear || x.at(j).lex.flags&lfPlural != 0 || x.hyphen(j+1) {
		return cand{}, false
	}
	d := dur{q: qty{n: 1}, u: u}
	return cand{end: j + 1, typ: Duration, value: durValue(d.q, d.u), dur: d}, true
}

// unitCode gives the TIMEX3 designator of each unit; decades and centuries
// are written in years.
var unitCode = [...]string{uSecond: "S", uMinute: "M", uHour: "H", uDay: "D", uWeekend: "WE", uWeek: "W",
	uFortnight: "W", uMonth: "M", uQuarter: "Q", uHalf: "M", uYear: "Y", uDecade: "Y", uCentury: "Y", uMillennium: "Y"}

// unitScale converts a unit to the one its code counts in.
var unitScale = [...]int{uSecond: 1, uMinute: 1, uHour: 1, uDay: 1, uWeekend: 1, uWeek: 1, uFortnight: 2,
	uMonth: 1, uQuarter: 1, uHalf: 6, uYear: 1, uDecade: 10, uCentury: 100, uMillennium: 1000}

// halfOf gives, for each unit, the next smaller unit and how many of it
// make half the unit.
var halfOf = [...][2]int{uSecond: {uSecond, 0}, uMinute: {uSecond, 30}, uHour: {uMinute, 30}, uDay: {uHour, 12},
	uWeekend: {uDay, 1}, uWeek: {uDay, 3}, uFortnight: {uDay, 7}, uMonth: {uDay, 15}, uQuarter: {uMonth, 1},
	uHalf: {uMonth, 3}, uYear: {uMonth, 6}, uDecade: {uYear, 5}, uCentury: {uYear, 50}, uMillennium: {uYear, 500}}

// durValue formats quantity q of unit u as a TIMEX3 duration: P2W, PT2H,
// P2Y6M, PXY.
func durValue(q qty, u int) string {
	b := make([]byte, 0, 12)
	b = append(b, 'P')
	if u <= uHour {
		b = append(b, 'T')
	}
	code := unitCode[u]
	switch {
	case u == uDecade && q.vague:
		code = "E" // TempEval-3 writes decades E, centuries C, millennia L
	case u == uCentury && q.vague:
		code = "C"
	case u == uMillennium && q.vague:
		code = "L"
	}
	if q.vague {
		return string(append(append(b, 'X'), code...))
	}
	if q.n > 0 || !q.half {
		b = strconv.AppendInt(b, int64(q.n*unitScale[u]), 10)
		b = append(b, code...)
	}
	if q.half {
		h := halfOf[u]
		if q.n > 0 && u > uHour && h[0] <= uHour {
			b = append(b, 'T')
		} else if q.n == 0 && u > uHour && h[0] <= uHour {
			b = append(b, 'T')
		}
		b = strconv.AppendInt(b, int64(h[1]), 10)
		b = append(b, unitCode[h[0]]...)
	}
	return string(b)
}
