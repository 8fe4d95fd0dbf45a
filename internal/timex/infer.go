package timex

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Known is a date a story already knows, offered to InferDCT as evidence
// about an undated article of the same story.
type Known struct {
	Date time.Time
	// Event marks the resolved date of an event the story reports (from
	// another article's time expressions); otherwise Date is another
	// article's publication date.
	Event bool
}

// Inference is a publication date inferred by InferDCT.
type Inference struct {
	Date time.Time
	// Reason says, in a sentence, which evidence decided.
	Reason string
	// Cues counts the time expressions of the text that took part.
	Cues int
}

// weekdayPrior is how often a weekday mentioned in news lies d days from
// the article's date, for d = -6..6 (index d+6): counts over the weekday
// names of TempEval-3 training (TimeBank and AQUAINT), plus one.
var weekdayPrior = func() (p [13]float64) {
	counts := [13]float64{3, 4, 11, 38, 27, 62, 133, 10, 2, 3, 3, 2, 1}
	sum := 0.0
	for _, c := range counts {
		sum += c
	}
	for i, c := range counts {
		p[i] = math.Log(c / sum)
	}
	return p
}()

// Weights of the other evidence, in log-odds.
var (
	matchBonus   = math.Log(3)   // a mention resolves to a date the story knows
	laterPenalty = math.Log(0.2) // an explicit date after the candidate
	dayAway      = math.Log(0.6) // each day outside the story's publication span
)

// InferDCT infers the publication date of an undated article from its
// text and from dates its story already knows (other articles'
// publication dates, and event dates resolved from them).
//
// The method scores every day from a week before the story's earliest
// publication date to a week after its latest one, as a naive-Bayes
// product:
//   - each distinct weekday the text names, resolved with that day as the
//     creation date, contributes how often news names a weekday that many
//     days before or after its date (weekdayPrior): "On Tuesday morning …
//     hours after Monday's talks" is likeliest written on the Tuesday;
//   - each distinct resolved day (weekday, yesterday, today, tomorrow) that
//     equals a known event date earns matchBonus: "Monday's talks" is
//     2025-08-18 when the story reports the White House meeting that day;
//   - each explicit full date later than the day costs laterPenalty, and
//     each day outside the span of known publication dates costs dayAway.
//
// Ties go to the earliest day. It reports false when the story knows no
// date, when the text names no weekday, relative day or full date, or when
// nothing bounds the search.
//
// A text alone does not date an article: the full dates it names are as
// often history or deadlines as the days around its writing. With its
// creation date hidden, the TempEval-3 training documents that name a full
// date would be dated right 1 time in 21 (a 1946 "today" for a 1999
// article, a 1953 meeting as the earliest possible day of a 2005 one), so
// without a story's dates nothing is inferred.
func InferDCT(text string, known ...Known) (Inference, bool) {
	if len(known) == 0 {
		return Inference{}, false
	}
	explicit, cues := datingCues(text)
	lo, hi, ok := searchSpan(known)
	if !ok || len(cues) == 0 && len(explicit) == 0 {
		return Inference{}, false
	}
	var best Inference
	bestScore := math.Inf(-1)
	for d := lo; !d.After(hi); d = d.AddDate(0, 0, 1) {
		s, why, n := score(text, d, cues, explicit, known)
		if s > bestScore {
			best, bestScore = Inference{Date: d, Reason: why, Cues: n}, s
		}
	}
	return best, true
}

// cue is the kind of a relative day expression.
type cue uint8

const (
	cueWeekday cue = iota + 1 // Friday, last Friday, Tuesday morning
	cueDeictic                // today, yesterday, tomorrow, tonight
)

// datingCues returns the explicit full dates of text and, by start offset,
// the expressions whose day depends on the creation date.
func datingCues(text string) ([]time.Time, map[int]cue) {
	var dates []time.Time
	cues := map[int]cue{}
	for _, e := range Extract(text, time.Time{}) {
		switch {
		case strings.HasPrefix(e.Value, "XXXX-WXX-") && e.Type != Set:
			cues[e.Start] = cueWeekday
		case strings.HasPrefix(e.Value, "XXXX-XX-XX") && e.Type != Set:
			cues[e.Start] = cueDeictic
		default:
			if t, p, ok := e.Date(); ok && p == PrecisionDay {
				dates = append(dates, t)
			}
		}
	}
	return dates, cues
}

// searchSpan returns the days to consider: a week around the story's
// publication dates, or around its event dates when it has none. The dates
// the text names do not widen it: a deadline years ahead or a treaty decades
// back says nothing of when the article was written.
func searchSpan(known []Known) (lo, hi time.Time, ok bool) {
	var all []time.Time
	for _, k := range known {
		if !k.Event {
			all = append(all, k.Date)
		}
	}
	if len(all) == 0 {
		for _, k := range known {
			all = append(all, k.Date)
		}
	}
	if len(all) == 0 {
		return lo, hi, false
	}
	for i, t := range all {
		y, m, d := t.Date()
		t = dateOf(y, int(m), d)
		if i == 0 || t.Before(lo) {
			lo = t
		}
		if i == 0 || t.After(hi) {
			hi = t
		}
	}
	lo, hi = lo.AddDate(0, 0, -7), hi.AddDate(0, 0, 7)
	if hi.Sub(lo) > 120*24*time.Hour {
		lo = hi.AddDate(0, 0, -120)
	}
	return lo, hi, true
}

// score returns the log-score of day d as the creation date of text, the
// reason, and the number of cues used.
func score(text string, d time.Time, cues map[int]cue, explicit []time.Time, known []Known) (float64, string, int) {
	s := 0.0
	var why []string
	seen := map[string]bool{}
	for _, e := range Extract(text, d) {
		kind := cues[e.Start]
		t, _, ok := e.Date()
		if kind == 0 || !ok || seen[e.Value[:10]] {
			continue
		}
		seen[e.Value[:10]] = true
		delta := days(t.Sub(d))
		if kind == cueWeekday && delta >= -6 && delta <= 6 {
			s += weekdayPrior[delta+6]
		}
		note := fmt.Sprintf("%q is %s", e.Text, e.Value[:10])
		if knownEvent(t, known) {
			s += matchBonus
			note += " (known event)"
		}
		why = append(why, note)
	}
	later := 0
	for _, t := range explicit {
		if t.After(d) {
			s += laterPenalty
			later++
		}
	}
	out := daysOutside(d, known)
	s += float64(out) * dayAway
	sort.Strings(why)
	reason := fmt.Sprintf("%s: %s", d.Format(time.DateOnly), strings.Join(why, ", "))
	if len(why) == 0 {
		reason = fmt.Sprintf("%s: no earlier than the dates the text names", d.Format(time.DateOnly))
	}
	if out > 0 {
		reason += fmt.Sprintf("; %d days outside the story's publication dates", out)
	}
	if later > 0 {
		reason += fmt.Sprintf("; before %d date(s) the text names", later)
	}
	return s, reason, len(why)
}

func knownEvent(t time.Time, known []Known) bool {
	for _, k := range known {
		if y, m, d := k.Date.Date(); k.Event && dateOf(y, int(m), d).Equal(t) {
			return true
		}
	}
	return false
}

// daysOutside returns how many days d lies outside the span of the known
// publication dates (0 inside it or when none is known).
func daysOutside(d time.Time, known []Known) int {
	var lo, hi time.Time
	for _, k := range known {
		if k.Event {
			continue
		}
		y, m, dd := k.Date.Date()
		t := dateOf(y, int(m), dd)
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if hi.IsZero() || t.After(hi) {
			hi = t
		}
	}
	switch {
	case lo.IsZero():
		return 0
	case d.Before(lo):
		return days(lo.Sub(d))
	case d.After(hi):
		return days(d.Sub(hi))
	}
	return 0
}
