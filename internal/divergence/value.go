package divergence

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// value is a claim's value in the form comparisons need.
type value struct {
	// num is the number stated (days for a duration), mod how the text
	// bounds it (modExact, modApprox, modMin, modMax), unit the currency
	// of an amount, the class of what a count counts, or "offset" for a
	// duration before or after something ("nine days after").
	num  float64
	mod  string
	unit string
	// lo and hi are a deadline's duration in days ("within a week to 10
	// days" is 7 to 10); hi is 0 when the deadline is not a duration.
	lo, hi float64
	// date is a date's TIMEX3 value, or a deadline's due date; first and
	// last bound the period it names when dated is true.
	date        string
	first, last time.Time
	dated       bool
	// absolute reports a date whose year the text gives ("April 21,
	// 2004", "later that year"), which does not depend on the publication
	// date.
	absolute bool
}

// relation is how two values of one kind relate.
type relation int

const (
	// same values state the same thing ("$90 billion", "90 billion
	// dollars").
	same relation = iota
	// compatible values differ in precision or bounds but can both be true
	// ("in February", "on February 28"; "more than a million", "1.2
	// million").
	compatible
	// incomparable values cannot be told apart: a weekday with no date.
	incomparable
	// differ values cannot both be true.
	differ
)

// relate returns how the values a and b of claims of kind k relate.
func relate(k Kind, a, b value) relation {
	switch k {
	case Deadline:
		return relateDeadlines(a, b)
	case Date:
		return relateDates(a, b)
	}
	return relateNumbers(a, b)
}

// relateNumbers compares two figures, bounds and rounding included.
// Figures far apart are incomparable rather than different.
func relateNumbers(a, b value) relation {
	if a.num == b.num {
		return same
	}
	alo, ahi := bounds(a)
	blo, bhi := bounds(b)
	if alo <= bhi && blo <= ahi {
		return compatible
	}
	if min(a.num, b.num) >= 1000 && rounded(a.num, b.num) {
		return compatible
	}
	if max(a.num, b.num) > maxRatio*min(a.num, b.num) {
		return incomparable // a season's points and a game's
	}
	return differ
}

// maxRatio bounds how far apart two figures about one thing may be: a
// larger gap means they count different things ("2,301 points" in a
// career, "20 points" in a game).
const maxRatio = 4

// bounds returns the interval a figure allows.
func bounds(v value) (lo, hi float64) {
	switch v.mod {
	case modApprox:
		return 0.9 * v.num, 1.1 * v.num
	case modMin:
		return v.num, math.Inf(1)
	case modMax:
		return 0.85 * v.num, v.num
	}
	return v.num, v.num
}

// rounded reports whether the more precise of a and b, rounded to the
// significant digits of the other, equals it: "$89.6 billion" and "$90
// billion".
func rounded(a, b float64) bool {
	if sig(a) > sig(b) {
		a, b = b, a
	}
	mag := math.Pow(10, math.Floor(math.Log10(math.Abs(b)))-float64(sig(a))+1)
	return math.Round(b/mag)*mag == a
}

// sig returns the number of significant digits of v.
func sig(v float64) int {
	s := strconv.FormatFloat(math.Abs(v), 'e', -1, 64)
	n := 0
	for _, c := range s {
		if c == 'e' {
			break
		}
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}

// relateDeadlines compares two deadlines: by their durations when both
// are durations ("within a week", "within seven days"), unless they fall
// due on the same day; by their due dates otherwise.
func relateDeadlines(a, b value) relation {
	if a.hi > 0 && b.hi > 0 {
		if a.lo == b.lo && a.hi == b.hi {
			return same
		}
		if a.date != "" && a.date == b.date {
			return compatible
		}
		return differ
	}
	if a.date == "" || b.date == "" || (a.hi > 0) != (b.hi > 0) {
		return incomparable // "within 60 days" of a date the text names, "by May 9th"
	}
	if a.date == b.date {
		return same
	}
	return differ
}

// relateDates compares two dates by the periods they name. Dates that
// depend on their article's publication date ("on Monday", "in July",
// "yesterday") can agree but not differ: their difference is as likely a
// misplaced reference (an inferred publication date, a weekday read in
// the wrong week) as the sources' disagreement.
func relateDates(a, b value) relation {
	if a.date == b.date {
		return same
	}
	_, ta, oka := strings.Cut(a.date, "T")
	_, tb, okb := strings.Cut(b.date, "T")
	if oka && okb {
		if ta == tb {
			return compatible // "7 p.m.", "7 p.m. Friday"
		}
		return incomparable // time zones, and one day's several events
	}
	if !a.dated || !b.dated || !a.absolute || !b.absolute {
		return incomparable // "on Friday", "yesterday": as likely a misplaced reference
	}
	if !a.first.After(b.last) && !b.first.After(a.last) {
		return compatible
	}
	return differ
}

// key returns the string that values stating the same thing share, to
// group a divergence's variants.
func (v value) key(k Kind) string {
	switch k {
	case Deadline:
		if v.hi > 0 {
			return durationKey(v.lo, v.hi)
		}
		return "by " + v.date
	case Date:
		return v.date
	case Amount:
		return v.unit + " " + formatNumber(v.num)
	}
	return formatNumber(v.num)
}

// durationKey writes a duration range in days: "P7D", "P7D/P10D".
func durationKey(lo, hi float64) string {
	if lo == hi {
		return "P" + formatNumber(hi) + "D"
	}
	return "P" + formatNumber(lo) + "D/P" + formatNumber(hi) + "D"
}
