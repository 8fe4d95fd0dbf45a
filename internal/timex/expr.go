package timex

import (
	"strconv"
	"time"
)

// Date returns the first day of the calendar period e names and its
// precision (PrecisionDay, PrecisionWeek, …). ok is false for durations,
// sets, references such as PRESENT_REF and values with unknown parts.
func (e Expr) Date() (t time.Time, precision Precision, ok bool) {
	if e.Type != Date && e.Type != Time {
		return time.Time{}, "", false
	}
	a, ok := parseValue(e.Value)
	if !ok {
		return time.Time{}, "", false
	}
	return a.t, e.Precision, true
}

// LastDay returns the last day of the calendar period e names.
func (e Expr) LastDay() (time.Time, bool) {
	if e.Type != Date && e.Type != Time {
		return time.Time{}, false
	}
	a, ok := parseValue(e.Value)
	if !ok {
		return time.Time{}, false
	}
	return a.end(), true
}

// precisions names the precision of each granularity.
var precisions = [...]Precision{gDay: PrecisionDay, gWeekend: PrecisionWeek, gWeek: PrecisionWeek,
	gMonth: PrecisionMonth, gSeason: PrecisionSeason, gQuarter: PrecisionQuarter, gHalf: PrecisionHalf,
	gYear: PrecisionYear, gDecade: PrecisionDecade, gCentury: PrecisionCentury}

// precisionOf returns the precision of a DATE or TIME value, or "" when the
// value names no calendar period.
func precisionOf(v string) Precision {
	a, ok := parseShape(v)
	if !ok {
		return ""
	}
	if len(v) > 11 && v[10] == 'T' && v[11] >= '0' && v[11] <= '9' {
		return PrecisionMinute
	}
	return precisions[a]
}

// parseShape returns the granularity of a value by its shape, X digits
// allowed: "2025-08-18", "XXXX-WXX-5", "2025-W34", "199".
func parseShape(v string) (gran, bool) {
	if i := indexByte(v, 'T'); i == 10 {
		v = v[:10]
	}
	switch {
	case len(v) == 10 && v[4] == '-' && v[7] == '-', len(v) == 10 && v[5] == 'W' && v[8] == '-':
		return gDay, true
	case len(v) == 11 && v[5] == 'W' && v[8:] == "-WE":
		return gWeekend, true
	case len(v) == 8 && v[5] == 'W':
		return gWeek, true
	case len(v) == 7 && v[5] == 'Q':
		return gQuarter, true
	case len(v) == 7 && v[5] == 'H':
		return gHalf, true
	case len(v) == 7 && (v[5] == 'S' || v[5] == 'F' || v[5] == 'W'):
		return gSeason, true
	case len(v) == 7 && v[4] == '-':
		return gMonth, true
	case len(v) == 4:
		return gYear, isDigitOrX(v)
	case len(v) == 3:
		return gDecade, isDigitOrX(v)
	case len(v) == 2:
		return gCentury, isDigitOrX(v)
	}
	return gNone, false
}

// parseValue parses a fully resolved DATE or TIME value.
func parseValue(v string) (anchor, bool) {
	g, ok := parseShape(v)
	if !ok {
		return anchor{}, false
	}
	num := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			ok = false
		}
		return n
	}
	var a anchor
	switch g {
	case gDay:
		if v[5] == 'W' {
			return anchor{}, false
		}
		y, m, d := num(v[:4]), num(v[5:7]), num(v[8:10])
		a = day(dateOf(y, m, d))
		ok = ok && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
	case gWeek, gWeekend:
		y, w := num(v[:4]), num(v[6:8])
		jan4 := dateOf(y, 1, 4)
		a = anchor{gran: g, t: jan4.AddDate(0, 0, 1-isoWeekday(jan4)+7*(w-1))}
	case gMonth:
		a = anchor{gran: g, t: dateOf(num(v[:4]), num(v[5:7]), 1)}
	case gQuarter, gHalf:
		a = anchor{gran: g, t: dateOf(num(v[:4]), 1, 1), n: num(v[6:7])}
		if g == gQuarter {
			a.t = dateOf(a.t.Year(), 3*a.n-2, 1)
		} else {
			a.t = dateOf(a.t.Year(), 6*a.n-5, 1)
		}
	case gSeason:
		y, n := num(v[:4]), seasonNumber(v[5:])
		a = anchor{gran: g, t: dateOf(y, 3*n, 1), n: n}
		ok = ok && n > 0
	case gYear:
		a = anchor{gran: g, t: dateOf(num(v), 1, 1)}
	case gDecade:
		a = anchor{gran: g, t: dateOf(num(v)*10, 1, 1)}
	case gCentury:
		a = anchor{gran: g, t: dateOf(num(v)*100, 1, 1)}
	}
	return a, ok
}

func seasonNumber(code string) int {
	for i, c := range seasonCode {
		if c == code && i > 0 {
			return i
		}
	}
	return 0
}

func isDigitOrX(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != 'X' {
			return false
		}
	}
	return true
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
