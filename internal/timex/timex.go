package timex

import (
	"sync"
	"time"
)

// Type is the TIMEX3 type of an expression.
type Type string

// TIMEX3 types.
const (
	Date     Type = "DATE"
	Time     Type = "TIME"
	Duration Type = "DURATION"
	Set      Type = "SET"
)

// Precision is the granularity of the calendar period that a DATE or TIME
// value names.
type Precision string

// Precisions of a DATE or TIME value, coarsest last.
const (
	PrecisionMinute  Precision = "minute"
	PrecisionHour    Precision = "hour"
	PrecisionDay     Precision = "day"
	PrecisionWeek    Precision = "week"
	PrecisionMonth   Precision = "month"
	PrecisionSeason  Precision = "season"
	PrecisionQuarter Precision = "quarter"
	PrecisionHalf    Precision = "half"
	PrecisionYear    Precision = "year"
	PrecisionDecade  Precision = "decade"
	PrecisionCentury Precision = "century"
)

// Mod is a TIMEX3 mod attribute: where in a period, or how near an
// amount, the expression points.
type Mod string

// TIMEX3 mods.
const (
	ModStart       Mod = "START"         // "early August", "the beginning of 2025"
	ModMid         Mod = "MID"           // "mid-August"
	ModEnd         Mod = "END"           // "late 2014", "the end of the month"
	ModApprox      Mod = "APPROX"        // "about two weeks", "a couple of years"
	ModMoreThan    Mod = "MORE_THAN"     // "more than two weeks"
	ModLessThan    Mod = "LESS_THAN"     // "less than a month", "under a year"
	ModEqualOrLess Mod = "EQUAL_OR_LESS" // "nearly two weeks", "up to three years"
	ModEqualOrMore Mod = "EQUAL_OR_MORE" // "at least a year"
)

// Expr is one time expression found in a text.
type Expr struct {
	// Start and End are the expression's offsets in Unicode code points
	// into the text, half-open: the expression is []rune(text)[Start:End].
	Start, End int
	// Text is the expression as it appears in the text.
	Text string
	// Type is the TIMEX3 type: Date, Time, Duration or Set.
	Type Type
	// Value is the TIMEX3 value, resolved against the document creation
	// time: "2025-08-18", "2025-W34", "2025-Q3", "P2W", "PRESENT_REF",
	// "XXXX-WXX-5" when no creation time is known.
	Value string
	// Mod is the TIMEX3 mod attribute (ModStart, ModApprox, …), or "".
	Mod Mod
	// Precision is the granularity of a DATE or TIME value that names a
	// calendar period (PrecisionDay, PrecisionMonth, …), or "" otherwise.
	Precision Precision
	// Expected reports a reference to the future of the document: a
	// deadline ("within two weeks"), "next week", a weekday after the
	// creation date.
	Expected bool
	// Deadline is, for deadlines such as "within two weeks" or "by the end
	// of the month", the day by which the event is expected (for a range,
	// its upper bound), at midnight UTC; the zero Time otherwise or without
	// a creation time.
	Deadline time.Time
}

// Extract returns the time expressions of text in order, their values
// resolved against dct, the document creation time (an article's
// publication date). When dct is the zero Time, values that depend on it are
// left unresolved in the TIMEX3 manner ("XXXX-WXX-5" for "Friday").
// The spans never overlap.
func Extract(text string, dct time.Time) []Expr {
	x := pool.Get().(*extractor)
	x.reset(text, dct)
	x.tokenize()
	x.run()
	out := make([]Expr, len(x.out))
	copy(out, x.out)
	x.text = ""
	pool.Put(x)
	return out
}

var pool = sync.Pool{New: func() any { return new(extractor) }}

// extractor holds the state of one Extract call; its slices are reused.
type extractor struct {
	text   string
	dct    time.Time // at midnight UTC; zero when unknown
	known  bool      // dct is known
	toks   []token
	out    []Expr
	ref    anchor   // the last date mentioned, for "a year earlier"
	refEnd int      // the token after the expression that set ref
	refQ   anchor   // the last quarter mentioned, for "the quarter"
	lower  [15]byte // scratch for lexicon look-ups
	buf    []byte   // scratch for values
}

func (x *extractor) reset(text string, dct time.Time) {
	x.text = text
	x.known = !dct.IsZero()
	if x.known {
		y, m, d := dct.Date()
		x.dct = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	} else {
		x.dct = time.Time{}
	}
	x.toks = x.toks[:0]
	x.out = x.out[:0]
	x.ref, x.refEnd = anchor{}, 0
	x.refQ = anchor{}
}

// run matches rules at every token that may start an expression.
func (x *extractor) run() {
	for i := 0; i < len(x.toks); {
		if !x.mayStart(i) {
			i++
			continue
		}
		c, ok := x.best(i)
		if !ok {
			i++
			continue
		}
		x.emit(i, c)
		i = c.end
	}
}

// mayStart reports whether a rule can match at token i: a number, a time
// word, or a start word followed by what it needs ("at least", "the"
// before a time word).
func (x *extractor) mayStart(i int) bool {
	t := &x.toks[i]
	switch t.kind {
	case tNum:
		return true
	case tPunct:
		return t.num == '\''
	}
	if t.end-t.start == 1 && (x.text[t.start] == 'Q' || x.text[t.start] == 'H') {
		return x.at(i+1).kind == tNum && x.tight(i+1) // Q3
	}
	if t.lex.flags&lfStart == 0 {
		return false
	}
	if t.lex.cl != clNone {
		return true
	}
	n := x.at(i + 1)
	switch need := follow[t.lex.key]; need {
	case kNone:
		return true
	case kTimey:
		return n.kind == tNum || n.lex.flags&lfStart != 0 || timey[n.lex.key] || n.kind == tPunct && n.num == '\''
	default:
		return n.lex.key == need
	}
}

// follow gives, for each start word, the key the next word must have:
// kNone for any word, kTimey for a time word.
var follow = func() (f [256]key) {
	for k, need := range starts {
		f[k] = need
	}
	for k := range determiners {
		f[k] = kTimey
	}
	return f
}()

// timey lists keys that may follow a determiner in an expression without
// starting one themselves.
var timey = func() (t [256]bool) {
	for _, k := range []key{kFuture, kPresent, kNear, kSame, kFull, kCalendar, kEnd, kBeginning, kStart,
		kMiddle, kSecond, kPeriod, kHalf, kCouple, kWhile, kTime} {
		t[k] = true
	}
	return t
}()

// emit appends the expression c that starts at token i.
func (x *extractor) emit(i int, c cand) {
	a, b := &x.toks[i], &x.toks[c.end-1]
	e := Expr{
		Start: int(a.rstart), End: int(b.rend), Text: x.text[a.start:b.end],
		Type: c.typ, Value: c.value, Mod: c.mod, Expected: c.expected, Deadline: c.deadline,
	}
	if c.typ == Date || c.typ == Time {
		e.Precision = precisionOf(c.value)
	}
	if c.ref.gran != gNone {
		x.ref, x.refEnd = c.ref, c.end
		if c.ref.gran == gQuarter {
			x.refQ = c.ref
		}
	}
	x.out = append(x.out, e)
}
