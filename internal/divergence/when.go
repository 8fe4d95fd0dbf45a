package divergence

import (
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/timex"
)

// unitDays are the lengths of time units in days.
var unitDays = map[string]float64{
	"second": 1.0 / 86400, "minute": 1.0 / 1440, "hour": 1.0 / 24, "day": 1,
	"week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3650,
	"century": 36500,
}

// deadlineCues are the words written before a deadline's time expression
// that belong to the claim ("as early as within a week"), longest first.
var deadlineCues = [][]string{
	{"as", "early", "as", "within"}, {"as", "soon", "as", "within"},
	{"in", "as", "little", "as"}, {"no", "later", "than"},
	{"as", "early", "as"}, {"within"}, {"in"}, {"by"}, {"before"},
}

// relationalWords before a date make it the bound of a period ("since
// February"), not the date of the subject.
var relationalWords = map[string]bool{
	"since": true, "until": true, "till": true, "from": true, "before": true,
	"after": true, "by": true, "through": true, "between": true, "to": true,
}

// timeClaims returns the claims of d's time expressions and marks the
// words they cover in skip.
func timeClaims(d *Doc, t *text, skip []bool) []Claim {
	var out []Claim
	for _, x := range d.Timexes {
		if x.Start < 0 || x.End > len(t.runes) || x.Start >= x.End {
			continue
		}
		i := t.wordAt(x.Start)
		j := i
		for j < len(t.words) && t.words[j].start < x.End {
			skip[j] = true
			j++
		}
		if i == j {
			continue
		}
		if c, ok := timeClaim(d, t, x, i, j); ok {
			out = append(out, c)
		}
	}
	return out
}

// timeClaim makes the claim of time expression x, words [i, j).
func timeClaim(d *Doc, t *text, x timex.Expr, i, j int) (Claim, bool) {
	c := Claim{Article: d.ID, sent: t.words[i].sent, unit: -1}
	from, ok := i, false
	switch {
	case x.Type == timex.Set:
	case !x.Deadline.IsZero() || (x.Type == timex.Duration && x.Expected):
		c.Kind, from = Deadline, cueBefore(t, i, deadlineCues)
		c.val, ok = deadlineValue(t.words[i:j], x)
		ok = ok && !vague(t.words[i:j])
	case x.Type == timex.Duration:
		days, _ := valueDays(x.Value)
		c.Kind, c.val.num, c.val.mod = Duration, days, timexMod(x.Mod)
		ok = days > 0 && countable(t.words[i].lower) && !running(t, i, j)
		if j < len(t.words) && (t.words[j].lower == "before" || t.words[j].lower == "after") {
			c.val.unit = "offset" // "nine days after a heart attack"
		}
	default:
		c.Kind, from = Date, cueBefore(t, i, [][]string{{"on"}, {"in"}, {"at"}, {"during"}})
		c.val, ok = dateValue(t.words[i:j], x)
		ok = ok && !(i > 0 && (relationalWords[t.words[i-1].lower] || determiners[t.words[i-1].lower])) &&
			!reported(t, from, j) && !metadata(t, i, j, d.Timexes)
	}
	if !ok {
		return c, false
	}
	c.words = [2]int{from, j}
	c.Start, c.End = t.words[from].start, x.End
	c.Text = t.slice(c.Start, c.End)
	c.Value = c.val.key(c.Kind)
	if c.Kind == Duration {
		c.Value = x.Value
	}
	return c, true
}

// deadlineValue returns the value of deadline x, written as ws: the
// duration the words name ("within the next week to 10 days" is 7 to 10
// days) or else its TIMEX3 value, and its due date.
func deadlineValue(ws []word, x timex.Expr) (value, bool) {
	var v value
	v.lo, v.hi = phraseDays(ws)
	if v.hi == 0 {
		v.lo, v.hi = valueDays(x.Value)
	}
	if !x.Deadline.IsZero() {
		v.date = x.Deadline.Format(time.DateOnly)
	}
	return v, v.hi > 0 || v.date != ""
}

// dateValue returns the value of date x, written as ws. References
// ("now"), decades ("the 1970s") and parts of a year without the year ("in
// the second quarter" of a game) are not claims.
func dateValue(ws []word, x timex.Expr) (value, bool) {
	v := value{date: x.Value, absolute: absolute(ws)}
	if strings.Contains(x.Value, "REF") || len(x.Value) < 4 || (!v.absolute && partOfYear(x.Value)) {
		return v, false
	}
	v.first, _, v.dated = x.Date()
	if last, ok := x.LastDay(); ok && v.dated {
		v.last = last
	} else {
		v.dated = false
	}
	return v, true
}

// cueBefore returns the index of the first word of the longest cue in
// cues that ends just before word i, or i.
func cueBefore(t *text, i int, cues [][]string) int {
	for _, cue := range cues {
		k := i - len(cue)
		if k < 0 || t.words[k].sent != t.words[i].sent {
			continue
		}
		ok := true
		for n, w := range cue {
			if t.words[k+n].lower != w {
				ok = false
				break
			}
		}
		if ok {
			if len(cue) == 1 && cue[0] == "within" {
				return cueBefore(t, k, [][]string{{"as", "early", "as"}, {"as", "soon", "as"}})
			}
			return k
		}
	}
	return i
}

// countable reports whether a duration's first word states an amount of
// time ("two hours", "more than a decade"), not a period ("its fourth
// year", "the past week").
func countable(w string) bool {
	if _, ok := digits(w); ok {
		return true
	}
	_, small := smallNumbers[w]
	return small || isArticle(w) || w == "more" || w == "over" || w == "nearly" ||
		w == "almost" || w == "about" || w == "some" || w == "less"
}

// timexMod maps a TIMEX3 mod to a figure's modifier.
func timexMod(m timex.Mod) string {
	switch m {
	case timex.ModMoreThan, timex.ModEqualOrMore:
		return modMin
	case timex.ModLessThan, timex.ModEqualOrLess:
		return modMax
	case timex.ModApprox:
		return modApprox
	}
	return modExact
}

// phraseDays reads the lengths of time a deadline phrase names, in days:
// "two weeks" is 14 to 14, "the next week to 10 days" 7 to 10. Both are
// 0 when it names none.
func phraseDays(ws []word) (lo, hi float64) {
	n, unit := 0.0, 0.0
	add := func(d float64) {
		if hi == 0 || d < lo {
			lo = d
		}
		hi = max(hi, d)
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i].lower
		if v, next, ok := numberAt(ws, i); ok && next > i {
			n, i = v, next-1
			continue
		}
		u, ok := unitDays[strings.TrimSuffix(w, "s")]
		if !ok {
			u, ok = unitDays[strings.TrimSuffix(w, "ies")+"y"]
		}
		if !ok {
			continue
		}
		if n == 0 {
			n = 1 // "a week", "the next week"
		}
		add(n * u)
		n, unit = 0, u
	}
	if n > 0 && unit > 0 {
		add(n * unit) // "a week or two"
	}
	return lo, hi
}

// valueDays returns the length in days of a TIMEX3 duration value such as
// "P2W" or "PT48H", twice, or zeros when it has unknown parts ("PXD").
func valueDays(v string) (float64, float64) {
	rest, ok := strings.CutPrefix(v, "P")
	if !ok || len(rest) < 2 {
		return 0, 0
	}
	units := map[byte]string{'Y': "year", 'M': "month", 'W': "week", 'D': "day", 'E': "decade", 'C': "century"}
	if r, ok := strings.CutPrefix(rest, "T"); ok {
		rest, units = r, map[byte]string{'H': "hour", 'M': "minute", 'S': "second"}
	}
	n, err := strconv.ParseFloat(rest[:len(rest)-1], 64)
	u, ok := units[rest[len(rest)-1]]
	if err != nil || !ok {
		return 0, 0
	}
	d := n * unitDays[u]
	return d, d
}

// reportingVerbs say that someone stated something.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "announced": true,
	"reported": true, "stated": true, "added": true, "confirmed": true,
	"tweeted": true, "posted": true, "wrote": true, "declared": true,
	"explained": true, "noted": true, "claimed": true, "insisted": true,
	"warned": true, "indicated": true, "signaled": true, "signalled": true,
	"commented": true, "revealed": true, "disclosed": true,
}

// reported reports whether the date at words [i, j) is when something was
// said ("said on Sunday", "on Friday announced"), not when the subject
// happened.
func reported(t *text, i, j int) bool {
	for k := i - 1; k >= 0 && k >= i-2 && t.words[k].sent == t.words[i].sent; k-- {
		if reportingVerbs[t.words[k].lower] {
			return true
		}
	}
	return j < len(t.words) && reportingVerbs[t.words[j].lower]
}

// metadataWords before a date mark a dateline, not a claim.
var metadataWords = map[string]bool{
	"published": true, "updated": true, "posted": true, "modified": true,
	"created": true, "edt": true, "est": true, "gmt": true,
}

// metadata reports whether the date at words [i, j) is a dateline: it
// follows "Published" or "Updated", or its sentence has fewer than three
// content words outside time expressions.
func metadata(t *text, i, j int, xs []timex.Expr) bool {
	s := t.sents[t.words[i].sent]
	for k := max(s[0], i-4); k < i; k++ {
		if metadataWords[t.words[k].lower] {
			return true
		}
	}
	n := 0
	for k := s[0]; k < s[1]; k++ {
		if contentWord(t.words[k].lower) && !inTimex(t.words[k], xs) {
			n++
		}
	}
	return n < 3
}

// inTimex reports whether word w lies in one of the time expressions xs.
func inTimex(w word, xs []timex.Expr) bool {
	for _, x := range xs {
		if x.Start <= w.start && w.end <= x.End {
			return true
		}
	}
	return false
}

// absolute reports whether a date expression names its year, or points
// back to a year the text named ("that same year"), so that its value does
// not depend on the publication date.
func absolute(ws []word) bool {
	for _, w := range ws {
		if w.lower == "that" || w.lower == "same" {
			return true
		}
		if v, ok := digits(w.lower); ok && len(w.lower) == 4 && v >= 1000 {
			return true
		}
		if strings.Count(w.lower, "/") == 2 || strings.Count(w.lower, "-") == 2 {
			return true // "05/03/2013", "2013-05-03"
		}
	}
	return false
}

// partOfYear reports a TIMEX3 value naming a quarter, half or season,
// which sports reports use for periods of a game.
func partOfYear(v string) bool {
	for _, p := range []string{"-Q", "-H", "-SP", "-SU", "-FA", "-WI"} {
		if strings.Contains(v, p) {
			return true
		}
	}
	return false
}

// vague reports a duration without a number ("the next few years").
func vague(ws []word) bool {
	for _, w := range ws {
		switch w.lower {
		case "few", "several", "coming", "many", "some":
			return true
		}
	}
	return false
}

// running reports a duration at words [i, j) that is a running count or
// a bound rather than a length: "after four days of riots" grows with the
// day an article is written, "12 years from now" and "between six and 75
// years" are not how long something lasted.
func running(t *text, i, j int) bool {
	if i > 0 {
		switch t.words[i-1].lower {
		case "after", "between", "and", "within", "than":
			return true
		}
	}
	return j+1 < len(t.words) && t.words[j].lower == "from" && t.words[j+1].lower == "now"
}
