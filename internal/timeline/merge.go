package timeline

import (
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/timex"
)

// contentWords returns the stemmed content words of a sentence, leaving out
// stop words, short words and the time expression at [ts, te).
func contentWords(sentence []rune, ts, te int) map[string]bool {
	words := make(map[string]bool)
	start := -1
	flush := func(end int) {
		if start >= 0 && (end <= ts || start >= te) {
			w := strings.ToLower(string(sentence[start:end]))
			if len(w) > 2 && !english.IsStopWord(w) && !reporting[w] {
				words[text.Stem(w)] = true
			}
		}
		start = -1
	}
	for i, r := range sentence {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(sentence))
	return words
}

// reporting lists the words that say who reports rather than what happened;
// they are left out of the comparison of event sentences.
var reporting = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true,
	"according": true, "reported": true, "reports": true, "stated": true, "noted": true,
	"people": true, "also": true,
}

// minShared is the least number of content words two sentences share to be
// one event, however short they are.
const minShared = 2

// overlap is the overlap coefficient of two word sets: shared words over
// the size of the smaller set, or 0 when they share fewer than minShared.
func overlap(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	if n < minShared {
		return 0
	}
	return float64(n) / float64(len(a))
}

// group is an event under construction.
type group struct {
	members []candidate
}

// Expected events are deadlines that each article computes from its own
// date ("within a week" written on the 17th and on the 18th): sentences
// whose deadlines lie at most deadlineSlack days apart are one event when
// they overlap by at least sameDeadline.
const (
	deadlineSlack = 7
	sameDeadline  = 0.6
)

// merge groups candidates with the same date, precision and kind whose
// sentences overlap by at least min, greedily in the order given, and turns
// each group into an event.
func merge(cands []candidate, min float64) []Event {
	var groups []*group
	byKey := make(map[string][]*group)
	for _, c := range cands {
		key := string(c.precision) + "|" + string(c.kind)
		if c.kind != Expected {
			key += "|" + c.date.Format(time.DateOnly)
		}
		var best *group
		bestScore := min
		for _, g := range byKey[key] {
			if s := g.similarity(c, min); s >= bestScore {
				best, bestScore = g, s
			}
		}
		if best == nil {
			best = &group{}
			groups = append(groups, best)
			byKey[key] = append(byKey[key], best)
		}
		best.members = append(best.members, c)
	}
	events := make([]Event, len(groups))
	for i, g := range groups {
		events[i] = g.event()
	}
	return events
}

// similarity is the best overlap between c and a member of g on the same
// date, or on a nearby deadline when they overlap by sameDeadline.
func (g *group) similarity(c candidate, min float64) float64 {
	best := 0.0
	for _, m := range g.members {
		s := overlap(c.words, m.words)
		if !m.date.Equal(c.date) && (s < sameDeadline || c.precision != timex.PrecisionDay || !near(m.date, c.date)) {
			continue
		}
		if s > best {
			best = s
		}
	}
	return best
}

// near reports whether two days are at most deadlineSlack days apart.
func near(a, b time.Time) bool {
	d := a.Sub(b)
	return d <= deadlineSlack*24*time.Hour && d >= -deadlineSlack*24*time.Hour
}

// event turns a group into an Event: the text is the member sentence most
// similar to the others (the first among equals), the articles and
// entities those of all members.
func (g *group) event() Event {
	first := g.members[0]
	e := Event{Date: first.date, Precision: first.precision, Kind: first.kind}
	for _, m := range g.members {
		if m.date.Before(e.Date) {
			e.Date = m.date // the earliest deadline any source gives
		}
	}
	best, bestScore := 0, -1.0
	seenArt := map[string]bool{}
	seenEnt := map[string]bool{}
	for i, m := range g.members {
		score := 0.0
		for j, o := range g.members {
			if i != j {
				score += overlap(m.words, o.words)
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
		if !seenArt[m.src.Article] {
			seenArt[m.src.Article] = true
			e.Articles = append(e.Articles, m.src.Article)
		}
		for _, id := range m.entities {
			if !seenEnt[id] {
				seenEnt[id] = true
				e.Entities = append(e.Entities, id)
			}
		}
		e.Sources = append(e.Sources, m.src)
	}
	sort.Strings(e.Entities)
	e.Text = g.members[best].text
	return e
}
