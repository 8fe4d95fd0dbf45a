// Package timeline builds a story's timeline: dated events taken from the
// sentences of its articles that carry a resolved time expression.
//
// A sentence anchored by a date ("Trump hosted Zelensky at the White House
// on Monday") becomes an event on that date, reported when the date lies
// before the article's publication and expected when the text places it
// after ("a meeting could take place within two weeks", dated at the
// deadline). Events on the same date reported by several articles are
// merged into one entry that lists them all when their sentences share
// enough content words. It sits after the timex and entity stages: it reads
// their values and never re-parses time.
package timeline

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/entity/ner"
	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/timex"
)

// Kind tells events reported as past from events expected.
type Kind string

// Kinds of events.
const (
	Reported Kind = "reported"
	Expected Kind = "expected"
)

// Doc is one article as the timeline sees it.
type Doc struct {
	ArticleID string
	Text      string
	// Published is the article's (possibly inferred) publication date; zero
	// when unknown.
	Published time.Time
	// Timexes are the article's time expressions, resolved against
	// Published.
	Timexes []timex.Expr
	// Entities are the article's entity mentions, linked to entity IDs.
	Entities []Span
}

// Span is an entity mention: code-point offsets and the entity's ID.
type Span struct {
	Start, End int
	Entity     string
}

// Event is one dated entry of the timeline.
type Event struct {
	// Date is the first day of the event's day, month or year, at
	// midnight UTC; Precision says which.
	Date time.Time
	// Precision is timex.PrecisionDay, timex.PrecisionMonth or
	// timex.PrecisionYear.
	Precision timex.Precision
	// Kind is Reported or Expected.
	Kind Kind
	// Text is the sentence that best describes the event.
	Text string
	// Articles are the IDs of the articles that report the event, in story
	// order.
	Articles []string
	// Entities are the IDs of the entities the event's sentences mention,
	// sorted.
	Entities []string
	// Sources locate every sentence the event was built from.
	Sources []Source
}

// Source is the provenance of an event: one sentence of one article and the
// time expression in it, in code-point offsets.
type Source struct {
	Article              string
	Start, End           int
	TimexStart, TimexEnd int
}

// Options configures Build. The zero value is a good default.
type Options struct {
	// MergeSimilarity is the least overlap of content words (shared words
	// over the smaller sentence's words) for two sentences on the same date
	// to be one event (default 0.35).
	MergeSimilarity float64
}

// Build returns the timeline of a story's documents, given in story order,
// sorted by date, then kind, then the order the events were first seen.
func Build(docs []Doc, opts Options) []Event {
	if opts.MergeSimilarity == 0 {
		opts.MergeSimilarity = 0.35
	}
	var cands []candidate
	for _, d := range docs {
		cands = append(cands, candidates(d)...)
	}
	events := merge(cands, opts.MergeSimilarity)
	sort.SliceStable(events, func(i, j int) bool {
		a, b := events[i], events[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		if a.Precision != b.Precision {
			return coarser(a.Precision, b.Precision) // "2025" before "2025-01"
		}
		return a.Kind > b.Kind // reported before expected
	})
	return events
}

// candidate is one dated sentence before merging.
type candidate struct {
	date      time.Time
	precision timex.Precision
	kind      Kind
	text      string
	words     map[string]bool
	entities  []string
	src       Source
}

// candidates finds the dated sentences of one document: for each sentence,
// its first time expression that resolves to a day, month or year, or to a
// deadline.
func candidates(d Doc) []candidate {
	runes := []rune(d.Text)
	var out []candidate
	for _, s := range sentences(d.Text) {
		if heading(runes, s) {
			continue // "A Friendly Tone After February’s Disastrous Encounter"
		}
		for _, e := range d.Timexes {
			if e.Start < s.start || e.End > s.end {
				continue
			}
			date, precision, kind, ok := anchor(e, d.Published)
			if !ok {
				continue
			}
			text := strings.TrimSpace(string(runes[s.start:s.end]))
			out = append(out, candidate{
				date: date, precision: precision, kind: kind, text: text,
				words:    contentWords(runes[s.start:s.end], e.Start-s.start, e.End-s.start),
				entities: entitiesIn(d.Entities, s.start, s.end),
				src:      Source{Article: d.ArticleID, Start: s.start, End: s.end, TimexStart: e.Start, TimexEnd: e.End},
			})
			break
		}
	}
	return out
}

// anchor returns the date an expression anchors an event to, its
// precision and the event's kind.
func anchor(e timex.Expr, published time.Time) (date time.Time, precision timex.Precision, kind Kind, ok bool) {
	if !e.Deadline.IsZero() {
		return truncate(e.Deadline, timex.PrecisionDay), timex.PrecisionDay, Expected, true
	}
	if e.Type != timex.Date && e.Type != timex.Time {
		return time.Time{}, "", "", false
	}
	t, p, ok := e.Date()
	if !ok {
		return time.Time{}, "", "", false
	}
	switch p {
	case timex.PrecisionDay, timex.PrecisionHour, timex.PrecisionMinute:
		precision = timex.PrecisionDay
	case timex.PrecisionMonth:
		precision = timex.PrecisionMonth
	case timex.PrecisionWeek:
		// The dossier's precisions are day, month and year: a week is its
		// month when it lies in one ("next week" in early March), else its
		// year.
		end, _ := e.LastDay()
		if end.Year() == t.Year() && end.Month() == t.Month() {
			precision = timex.PrecisionMonth
		} else if end.Year() == t.Year() {
			precision = timex.PrecisionYear
		} else {
			return time.Time{}, "", "", false
		}
	case timex.PrecisionQuarter, timex.PrecisionHalf, timex.PrecisionSeason, timex.PrecisionYear:
		precision = timex.PrecisionYear
	default:
		return time.Time{}, "", "", false
	}
	kind = Reported
	if e.Expected || (!published.IsZero() && t.After(published)) {
		kind = Expected
	}
	return truncate(t, precision), precision, kind, true
}

// truncate returns the first day of the day, month or year p that holds
// t, at midnight UTC.
func truncate(t time.Time, p timex.Precision) time.Time {
	y, m, d := t.Date()
	switch p {
	case timex.PrecisionMonth:
		d = 1
	case timex.PrecisionYear:
		m, d = time.January, 1
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// coarser reports whether precision a is coarser than b, of the day, month
// and year an Event has.
func coarser(a, b timex.Precision) bool {
	rank := func(p timex.Precision) int {
		switch p {
		case timex.PrecisionYear:
			return 0
		case timex.PrecisionMonth:
			return 1
		}
		return 2
	}
	return rank(a) < rank(b)
}

// span is a sentence's code-point range.
type span struct{ start, end int }

// sentences splits src into sentences with the splitter of package text,
// so that every stage agrees on sentence boundaries.
func sentences(src string) []span {
	var out []span
	for _, s := range text.Sentences(text.Tokenize(src)) {
		out = append(out, span{s[0].Start, s[len(s)-1].End})
	}
	return out
}

// heading reports whether sentence s is a heading: a line of its own in
// title case (as ner.TitleCase reads it), short and without final punctuation, which names a section
// ("A Friendly Tone After February’s Disastrous Encounter") rather than
// reports an event. A text of one line has none.
func heading(text []rune, s span) bool {
	before, after := lineEdge(text, s.start-1, -1), lineEdge(text, s.end, 1)
	if before == edgeText || after == edgeText || before == edgeStart && after == edgeEnd {
		return false
	}
	words := strings.Fields(string(text[s.start:s.end]))
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(words[len(words)-1])
	if strings.ContainsRune(".!?:;\"”’'…)", last) {
		return false
	}
	return ner.TitleCase(words)
}

// What lineEdge finds next to a sentence.
const (
	edgeText  = iota // more text on the same line
	edgeLine         // a line break
	edgeStart        // the start of the text
	edgeEnd          // the end of the text
)

// lineEdge steps from text[i] in direction dir over blanks and reports
// what it meets first.
func lineEdge(text []rune, i, dir int) int {
	for ; i >= 0 && i < len(text); i += dir {
		switch text[i] {
		case '\n':
			return edgeLine
		case ' ', '\t', '\r', '\u00a0':
			continue
		}
		return edgeText
	}
	if i < 0 {
		return edgeStart
	}
	return edgeEnd
}

// entitiesIn returns the sorted, distinct entity IDs mentioned in [start, end).
func entitiesIn(spans []Span, start, end int) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range spans {
		if m.Start >= start && m.End <= end && m.Entity != "" && !seen[m.Entity] {
			seen[m.Entity] = true
			out = append(out, m.Entity)
		}
	}
	sort.Strings(out)
	return out
}
