package timex

import "time"

// This file holds the rules for seasons, centuries and holidays.

// seasonExpr matches "the summer of 2025", "summer 2025" and "the summer".
func (x *extractor) seasonExpr(i int) (cand, bool) {
	j := i
	if x.key(j) == kThe {
		j++
	}
	return x.seasonAt(i, j, relNone)
}

// seasonAt matches the season at token j of an expression starting at i,
// after relation rel.
func (x *extractor) seasonAt(i, j, rel int) (cand, bool) {
	t := x.at(j)
	if t.lex.cl != clSeason {
		return cand{}, false
	}
	s := int(t.lex.val)
	k := j + 1
	if x.key(k) == kOf {
		k++
	}
	if y, e, ok := x.yearNum(k); ok {
		a := anchor{gran: gSeason, t: dateOf(y, 1, 1), n: s}
		return cand{end: e, typ: Date, value: x.value(a), ref: a}, true
	}
	if x.key(j+1) == kOf {
		return cand{}, false // the fall of the Berlin Wall
	}
	if rel == relNone && j == i {
		switch x.key(i - 1) {
		case kIn, kDuring, kSince, kUntil, kBy, kEarly, kLate, kThis:
		default:
			return cand{}, false
		}
	}
	if t.lex.flags&lfWeak != 0 && j == i && rel == relNone && x.key(i-1) != kIn && x.key(i-1) != kDuring {
		return cand{}, false
	}
	if !x.known {
		return cand{end: j + 1, typ: Date, value: "XXXX-" + seasonCode[s]}, true
	}
	cur := at(gSeason, x.dct)
	a := anchor{gran: gSeason, t: cur.t, n: s}
	dir := 0
	if rel == relNone {
		dir = x.direction(i, j+1)
	}
	switch {
	case rel == relLast || rel == relNone && dir <= 0:
		if s >= cur.n && (rel == relLast || s > cur.n) {
			a = a.shift(-4)
		}
	case rel == relNext || dir > 0:
		if s < cur.n || rel == relNext && s == cur.n {
			a = a.shift(4)
		}
	}
	return cand{end: j + 1, typ: Date, value: x.value(a), ref: a}, true
}

// centuryExpr matches "the 20th century", "the nineteenth century".
func (x *extractor) centuryExpr(i int) (cand, bool) {
	j := i
	if x.key(j) == kThe {
		j++
	}
	t := x.at(j)
	var n, k int
	switch {
	case t.lex.cl == clOrdinal:
		n, k = int(t.lex.val), j+1
	case t.kind == tNum && t.ndig <= 2 && x.ordSuffix(j) == j+2:
		n, k = int(t.num), j+2
	default:
		return cand{}, false
	}
	if x.hyphen(k) {
		k++
	}
	if n < 1 || x.unit(k) != uCentury || x.at(k).lex.flags&lfPlural != 0 {
		return cand{}, false
	}
	a := anchor{gran: gCentury, t: dateOf((n-1)*100, 1, 1)}
	return cand{end: k + 1, typ: Date, value: x.value(a)}, true
}

// holidayExpr matches Christmas, Christmas Eve, Thanksgiving, Easter,
// Halloween, Election Day and New Year's Day, with an optional year.
func (x *extractor) holidayExpr(i int) (cand, bool) { return x.holidayAt(i, i, relNone) }

// holidayAt matches the holiday at token j of an expression starting at
// token i, after relation rel ("last Thanksgiving").
func (x *extractor) holidayAt(i, j, rel int) (cand, bool) {
	h, k := x.holidayName(j)
	if h == hNone {
		return cand{}, false
	}
	e := k
	if x.is(e, ',') {
		e++
	}
	if y, e2, ok := x.yearNum(e); ok {
		return x.dayCand(e2, y, 1, 1).withDay(x, holidayDate(h, y)), true
	}
	if !x.known {
		return cand{end: k, typ: Date, value: unknown(gDay)}, true
	}
	dir := x.direction(i, k)
	switch rel {
	case relLast:
		dir = -1
	case relNext:
		dir = 1
	}
	y := x.dct.Year()
	best := holidayDate(h, y)
	for _, cy := range [2]int{y - 1, y + 1} {
		d := holidayDate(h, cy)
		diff, bd := d.Sub(x.dct), best.Sub(x.dct)
		if dir < 0 && bd > 0 && diff <= 0 || dir > 0 && bd < 0 && diff >= 0 || dir == 0 && abs(diff) < abs(bd) {
			best = d
		}
	}
	return x.dayAt(k, best), true
}

// holidayName returns the holiday named at token i and the end.
func (x *extractor) holidayName(i int) (int, int) {
	t := x.at(i)
	if t.lex.cl != clHoliday || !x.capital(i) {
		return hNone, i
	}
	h, k := int(t.lex.val), i+1
	switch {
	case h == hNewYear:
		if !(x.key(k) == kYear && x.is(k+1, '\'') && x.key(k+2) == kS) {
			return hNone, i
		}
		k += 3
		if x.key(k) == kEve {
			return hNewYearsEve, k + 1
		}
		if x.key(k) != kDay {
			return hNone, i
		}
	case x.key(k) == kEve && h == hChristmas:
		return hChristmasEve, k + 1
	case h == hElection:
		if x.key(k) != kDay || !x.capital(k) {
			return hNone, i
		}
	}
	if x.key(k) == kDay && x.capital(k) || h == hEaster && x.at(k).lex.val == 7 && x.at(k).lex.cl == clWeekday {
		k++
	}
	return h, k
}

// holidayDate returns the date of holiday h in year y.
func holidayDate(h, y int) time.Time {
	switch h {
	case hChristmas:
		return dateOf(y, 12, 25)
	case hChristmasEve:
		return dateOf(y, 12, 24)
	case hNewYear:
		return dateOf(y, 1, 1)
	case hNewYearsEve:
		return dateOf(y, 12, 31)
	case hHalloween:
		return dateOf(y, 10, 31)
	case hThanksgiving:
		first := dateOf(y, 11, 1)
		return first.AddDate(0, 0, (4-isoWeekday(first)+7)%7+21)
	case hEaster:
		return easter(y)
	case hElection:
		first := dateOf(y, 11, 2) // the Tuesday after the first Monday
		return first.AddDate(0, 0, (2-isoWeekday(first)+7)%7)
	}
	return dateOf(y, 1, 1)
}

// easter returns Easter Sunday of year y (the Gregorian computus of the
// anonymous algorithm published in Nature, 1876).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	return dateOf(y, month, (h+l-7*m+114)%31+1)
}

func abs[T int | time.Duration](d T) T {
	if d < 0 {
		return -d
	}
	return d
}

// withDay replaces the date of c by t.
func (c cand) withDay(x *extractor, t time.Time) cand {
	a := day(t)
	c.value, c.ref = x.value(a), a
	return c
}
