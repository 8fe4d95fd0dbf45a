package timex

// This file holds the rules for calendar dates: "August 15, 2025",
// "15 August 2025", "Aug. 15", "August 2025", "February", "2025-08-15",
// "8/15/2025".

// calendarDate matches a date that names its month in words.
func (x *extractor) calendarDate(i int) (cand, bool) {
	switch t := x.at(i); {
	case t.lex.cl == clMonth:
		return x.monthFirst(i)
	case t.kind == tNum:
		return x.dayFirst(i)
	}
	return cand{}, false
}

// monthFirst matches "Month [day][, year]", "Month [of] year", "Month last
// year" and a month alone.
func (x *extractor) monthFirst(i int) (cand, bool) {
	t := x.at(i)
	if !x.capital(i) {
		return cand{}, false
	}
	m := int(t.lex.val)
	j := i + 1
	if t.lex.flags&lfAbbr != 0 {
		j = x.abbrDot(i)
	}
	if d, k, ok := x.dayNum(j); ok {
		e := k
		if x.is(e, ',') {
			e++
		}
		if y, k2, ok := x.yearNum(e); ok && d <= daysIn(y, m) {
			return x.dayCand(k2, y, m, d), true
		}
		return x.dayNoYear(i, k, m, d), d <= daysIn(2000, m)
	}
	k := j
	if x.is(k, ',') || x.key(k) == kOf {
		k++
	}
	if y, k2, ok := x.yearNum(k); ok {
		return x.monthCand(k2, y, m), true
	}
	if t.lex.flags&lfAbbr != 0 && j == i+1 || !x.monthAlone(i) {
		return cand{}, false
	}
	if rel := relOf(x.key(j)); rel != relNone && x.unit(j+1) == uYear && x.at(j+1).lex.flags&lfPlural == 0 {
		// "June last year"
		y := x.dct.Year()
		if rel == relLast {
			y--
		} else if rel == relNext {
			y++
		}
		if !x.known {
			return x.monthNoYear(i, j+2, m, rel), true
		}
		return x.monthCand(j+2, y, m), true
	}
	return x.monthNoYear(i, j, m, relNone), true
}

// monthAlone reports whether the month word at i, followed by no day or
// year, is a month: words that are also verbs or names (May, March) need a
// preposition or modifier before them.
func (x *extractor) monthAlone(i int) bool {
	if x.at(i).lex.flags&lfWeak == 0 {
		return true
	}
	switch x.key(i - 1) {
	case kIn, kSince, kEarly, kLate, kMid, kOf, kUntil, kBy, kFrom, kLast, kNext, kThis, kBefore, kAfter, kEnd:
		return true
	}
	return x.at(i-2).lex.key == kMid && x.hyphen(i-1)
}

// dayNum parses a day of the month at i: 1 to 31, with an optional ordinal
// suffix, and not the start of a larger number or a time.
func (x *extractor) dayNum(i int) (int, int, bool) {
	t := x.at(i)
	if t.kind != tNum || t.ndig > 2 || t.num < 1 || t.num > 31 {
		return 0, i, false
	}
	if (x.is(i+1, ':') || x.is(i+1, ',') || x.is(i+1, '.')) && x.at(i+2).kind == tNum && x.tight(i+2) {
		return 0, i, false
	}
	if x.is(i+1, '%') {
		return 0, i, false
	}
	return int(t.num), x.ordSuffix(i), true
}

// yearNum parses a year at i: four digits from 1000 to 2999, or an
// apostrophe and two digits ('98).
func (x *extractor) yearNum(i int) (int, int, bool) {
	t := x.at(i)
	if t.kind == tPunct && t.num == '\'' {
		n := x.at(i + 1)
		if n.kind == tNum && n.ndig == 2 && x.tight(i+1) && (!x.tight(i+2) || x.key(i+2) == kS) {
			return x.century(int(n.num)), i + 2, true
		}
		return 0, i, false
	}
	if t.lex.cl == clNumber && t.lex.val >= 11 && t.lex.val <= 20 {
		return x.wordYear(i)
	}
	if t.kind != tNum || t.ndig != 4 || t.num < 1000 || t.num > 2999 {
		return 0, i, false
	}
	if (x.is(i+1, ',') || x.is(i+1, '.')) && x.at(i+2).kind == tNum && x.tight(i+2) && x.tight(i+1) {
		return 0, i, false
	}
	return int(t.num), i + 1, true
}

// wordYear parses a year spoken in words at i: "nineteen ninety-six",
// "nineteen seventy-nine", "twenty twenty".
func (x *extractor) wordYear(i int) (int, int, bool) {
	hi := x.at(i + 1)
	if hi.lex.cl != clNumber || hi.lex.flags&lfTens == 0 {
		return 0, i, false
	}
	n, k := x.wordNumber(i + 1)
	return int(x.at(i).lex.val)*100 + n, k, true
}

// century completes a two-digit year: the nearest year to the creation
// date, or to 2000 without one, that ends in yy.
func (x *extractor) century(yy int) int {
	ref := 2000
	if x.known {
		ref = x.dct.Year()
	}
	y := ref - ref%100 + yy
	if y > ref+20 {
		y -= 100
	}
	return y
}

// dayFirst matches "15 August [2025]" and "15th of August".
func (x *extractor) dayFirst(i int) (cand, bool) {
	d, j, ok := x.dayNum(i)
	if !ok {
		return cand{}, false
	}
	if x.key(j) == kOf {
		j++
	}
	mt := x.at(j)
	if mt.lex.cl != clMonth || !x.capital(j) {
		return cand{}, false
	}
	m := int(mt.lex.val)
	k := j + 1
	if mt.lex.flags&lfAbbr != 0 {
		k = x.abbrDot(j)
	}
	e := k
	if x.is(e, ',') {
		e++
	}
	if y, k2, ok := x.yearNum(e); ok && d <= daysIn(y, m) {
		return x.dayCand(k2, y, m, d), true
	}
	return x.dayNoYear(i, k, m, d), d <= daysIn(2000, m)
}

// numericDate matches 9/11 (the attacks of 2001-09-11), 2025-08-15, 2025/08/15, 8/15/2025, 8/15/25 and
// 15.08.2025.
func (x *extractor) numericDate(i int) (cand, bool) {
	a := x.at(i)
	if a.kind == tNum && a.num == 9 && a.ndig == 1 && x.is(i+1, '/') && x.tight(i+1) && x.tight(i+2) &&
		x.at(i+2).num == 11 && x.at(i+2).ndig == 2 && !(x.tight(i+3) && (x.is(i+3, '/') || x.at(i+3).kind == tNum)) {
		return x.dayCand(i+3, 2001, 9, 11), true // 9/11
	}
	if a.kind != tNum || !x.tight(i+1) || !x.tight(i+2) || !x.tight(i+3) || !x.tight(i+4) {
		return cand{}, false
	}
	sep := x.at(i + 1)
	if sep.kind != tPunct || (sep.num != '-' && sep.num != '/' && sep.num != '.') || !x.is(i+3, sep.num) {
		return cand{}, false
	}
	b, c := x.at(i+2), x.at(i+4)
	if b.kind != tNum || c.kind != tNum || x.at(i+5).kind == tNum && x.tight(i+5) {
		return cand{}, false
	}
	if x.tight(i+5) && (x.is(i+5, sep.num) || x.is(i+5, '-')) {
		return cand{}, false // a longer number: a phone or an ID
	}
	var y, m, d int
	switch {
	case a.ndig == 4 && b.ndig <= 2 && c.ndig <= 2 && sep.num != '.':
		y, m, d = int(a.num), int(b.num), int(c.num)
	case a.ndig <= 2 && b.ndig <= 2 && (c.ndig == 4 || c.ndig == 2) && sep.num != '-':
		y, m, d = int(c.num), int(a.num), int(b.num)
		if c.ndig == 2 {
			y = x.century(y)
		}
		if sep.num == '.' || m > 12 {
			m, d = d, m
		}
	default:
		return cand{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) || y < 1000 {
		return cand{}, false
	}
	return x.dayCand(i+5, y, m, d), true
}

func daysIn(y, m int) int { return dateOf(y, m+1, 0).Day() }

// dayCand is the valid date y-m-d ending before token end.
func (x *extractor) dayCand(end, y, m, d int) cand {
	a := day(dateOf(y, m, d))
	return cand{end: end, typ: Date, value: x.value(a), ref: a}
}

// monthCand is a month of a known year.
func (x *extractor) monthCand(end, y, m int) cand {
	a := anchor{gran: gMonth, t: dateOf(y, m, 1)}
	return cand{end: end, typ: Date, value: x.value(a), ref: a}
}

// dayNoYear resolves month m, day d without a year; the expression spans
// tokens [i, end).
func (x *extractor) dayNoYear(i, end, m, d int) cand {
	if !x.known {
		b := append([]byte("XXXX-"), appendInt(nil, m, 2)...)
		return cand{end: end, typ: Date, value: string(appendInt(append(b, '-'), d, 2))}
	}
	y := x.dayYear(m, d, x.direction(i, end))
	if d > daysIn(y, m) {
		d = daysIn(y, m) // February 29 outside a leap year
	}
	return x.dayCand(end, y, m, d)
}

// monthNoYear resolves month m without a year, after relation rel.
func (x *extractor) monthNoYear(i, end, m, rel int) cand {
	if !x.known {
		return cand{end: end, typ: Date, value: "XXXX-" + string(appendInt(nil, m, 2))}
	}
	dir := x.direction(i, end)
	if k := x.key(i - 1); k == kUntil || k == kBy {
		dir = x.limitDirection(i, end) // until March, by May
	}
	return x.monthCand(end, x.monthYear(m, rel, dir), m)
}
