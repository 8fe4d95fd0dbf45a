package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a calendar value.
type gran uint8

const (
	gNone gran = iota
	gDay
	gWeekend
	gWeek
	gMonth
	gSeason
	gQuarter
	gHalf
	gYear
	gDecade
	gCentury
)

// anchor is a calendar period: a granularity, the period's first day, and
// for quarters, halves and seasons their number (t is then in the year).
type anchor struct {
	gran gran
	t    time.Time
	n    int
}

func day(t time.Time) anchor { return anchor{gran: gDay, t: t} }

func dateOf(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// at returns the period of granularity g that contains t.
func at(g gran, t time.Time) anchor {
	y, m, _ := t.Date()
	switch g {
	case gDay:
		return day(t)
	case gWeek, gWeekend:
		return anchor{gran: g, t: t.AddDate(0, 0, 1-isoWeekday(t))}
	case gMonth:
		return anchor{gran: g, t: dateOf(y, int(m), 1)}
	case gQuarter:
		return anchor{gran: g, t: dateOf(y, 1, 1), n: (int(m)-1)/3 + 1}
	case gHalf:
		return anchor{gran: g, t: dateOf(y, 1, 1), n: (int(m)-1)/6 + 1}
	case gSeason:
		s, sy := seasonOf(int(m), y)
		return anchor{gran: g, t: dateOf(sy, 1, 1), n: s}
	case gYear:
		return anchor{gran: g, t: dateOf(y, 1, 1)}
	case gDecade:
		return anchor{gran: g, t: dateOf(y-y%10, 1, 1)}
	case gCentury:
		return anchor{gran: g, t: dateOf(y-y%100, 1, 1)}
	}
	return anchor{}
}

// seasonOf returns the season of month m of year y (winter belongs to the
// year in which it starts, so January 2026 is in 2025-WI).
func seasonOf(m, y int) (int, int) {
	switch {
	case m <= 2:
		return sWinter, y - 1
	case m <= 5:
		return sSpring, y
	case m <= 8:
		return sSummer, y
	case m <= 11:
		return sFall, y
	}
	return sWinter, y
}

// shift moves a by n periods of its own granularity.
func (a anchor) shift(n int) anchor {
	switch a.gran {
	case gDay:
		a.t = a.t.AddDate(0, 0, n)
	case gWeek, gWeekend:
		a.t = a.t.AddDate(0, 0, 7*n)
	case gMonth:
		a.t = a.t.AddDate(0, n, 0)
	case gQuarter, gHalf, gSeason:
		per := 4
		if a.gran == gHalf {
			per = 2
		}
		k := a.t.Year()*per + a.n - 1 + n
		a.t = dateOf(floorDiv(k, per), 1, 1)
		a.n = k - floorDiv(k, per)*per + 1
	case gYear:
		a.t = a.t.AddDate(n, 0, 0)
	case gDecade:
		a.t = a.t.AddDate(10*n, 0, 0)
	case gCentury:
		a.t = a.t.AddDate(100*n, 0, 0)
	}
	return a
}

// end returns the last day of a.
func (a anchor) end() time.Time {
	switch a.gran {
	case gDay:
		return a.t
	case gWeek:
		return a.t.AddDate(0, 0, 6)
	case gWeekend:
		return a.t.AddDate(0, 0, 6)
	case gMonth:
		return a.t.AddDate(0, 1, -1)
	case gQuarter:
		return dateOf(a.t.Year(), 3*a.n+1, 0)
	case gHalf:
		return dateOf(a.t.Year(), 6*a.n+1, 0)
	case gSeason:
		return dateOf(a.t.Year(), 3*a.n+3, 0)
	case gYear:
		return dateOf(a.t.Year(), 12, 31)
	case gDecade:
		return dateOf(a.t.Year()+9, 12, 31)
	case gCentury:
		return dateOf(a.t.Year()+99, 12, 31)
	}
	return a.t
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// isoWeekday returns 1 for Monday through 7 for Sunday.
func isoWeekday(t time.Time) int {
	if w := int(t.Weekday()); w != 0 {
		return w
	}
	return 7
}

// value formats a as a TIMEX3 value.
func (x *extractor) value(a anchor) string {
	b := x.buf[:0]
	y := a.t.Year()
	switch a.gran {
	case gDay:
		b = appendDate(b, a.t)
	case gWeek, gWeekend:
		wy, w := a.t.ISOWeek()
		b = appendInt(b, wy, 4)
		b = append(b, "-W"...)
		b = appendInt(b, w, 2)
		if a.gran == gWeekend {
			b = append(b, "-WE"...)
		}
	case gMonth:
		b = appendInt(b, y, 4)
		b = append(b, '-')
		b = appendInt(b, int(a.t.Month()), 2)
	case gQuarter, gHalf:
		b = appendInt(b, y, 4)
		b = append(b, '-', "QH"[a.gran-gQuarter])
		b = strconv.AppendInt(b, int64(a.n), 10)
	case gSeason:
		b = appendInt(b, y, 4)
		b = append(b, '-')
		b = append(b, seasonCode[a.n]...)
	case gYear:
		b = appendInt(b, y, 4)
	case gDecade:
		b = appendInt(b, y/10, 3)
	case gCentury:
		b = appendInt(b, y/100, 2)
	}
	x.buf = b
	return string(b)
}

func appendDate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	b = appendInt(b, y, 4)
	b = append(b, '-')
	b = appendInt(b, int(m), 2)
	b = append(b, '-')
	return appendInt(b, d, 2)
}

// appendInt appends n zero-padded to width digits.
func appendInt(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var d [20]byte
	i := len(d)
	for n > 0 || i == len(d) {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	for k := len(d) - i; k < width; k++ {
		b = append(b, '0')
	}
	return append(b, d[i:]...)
}

// unknown returns the TIMEX3 value of a period of granularity g whose
// position is unknown: "XXXX-XX-XX", "XXXX-WXX", "XXXX".
func unknown(g gran) string {
	switch g {
	case gDay:
		return "XXXX-XX-XX"
	case gWeek:
		return "XXXX-WXX"
	case gWeekend:
		return "XXXX-WXX-WE"
	case gMonth:
		return "XXXX-XX"
	case gQuarter:
		return "XXXX-QX"
	case gHalf:
		return "XXXX-HX"
	case gSeason:
		return "XXXX-XX"
	case gDecade:
		return "XXX"
	case gCentury:
		return "XX"
	}
	return "XXXX"
}
