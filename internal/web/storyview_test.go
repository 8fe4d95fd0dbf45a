package web

import (
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/dossier"
)

// bigWire returns a story of n articles with many events, entities, quotes
// and divergences, each cited by every article.
func bigWire(n int) dossier.Story {
	s := dossier.Story{ID: "s-0123456789abcdef", Headline: "Big"}
	var ids []string
	for i := range n {
		id := fmt.Sprintf("a-%016x", i+1)
		ids = append(ids, id)
		day := fmt.Sprintf("2025-09-%02d", 1+i%20)
		s.Articles = append(s.Articles, dossier.Article{ID: id, SourceRef: id + ".txt", Published: &day})
	}
	for i := range 60 {
		// Event i is reported by i%7+1 articles: the summary keeps those
		// reported by most.
		s.Timeline = append(s.Timeline, dossier.Event{Date: fmt.Sprintf("2025-09-%02d", 1+i%28),
			Precision: "day", Kind: "reported", Text: fmt.Sprintf("event %d", i), Articles: ids[:i%7+1]})
	}
	for i := range 50 {
		s.Entities = append(s.Entities, dossier.Entity{ID: fmt.Sprintf("e-%016x", i+1),
			Name: fmt.Sprintf("Person %d", i), Type: "person", Mentions: 100 - i, Articles: ids})
	}
	for i := range 20 {
		who := fmt.Sprintf("Speaker %d", i)
		for j := range 9 {
			s.Quotes = append(s.Quotes, dossier.Quote{Text: fmt.Sprintf("quote %d of %d", j, i), Speaker: &who, Article: ids[j%n], Direct: true})
		}
	}
	for i := range 30 {
		s.Divergences = append(s.Divergences, dossier.Divergence{Topic: fmt.Sprintf("topic %d", i), Kind: "count",
			Variants: []dossier.Variant{{Value: "1", Articles: ids[:n/2]}, {Value: "2", Articles: ids[n/2:]}}})
	}
	return s
}

func TestStorySummary(t *testing.T) {
	b := &built{wire: bigWire(maxColumns + 12)}
	sum, full := newStoryView(b, false), newStoryView(b, true)
	if full.Left != 0 || len(full.Timeline.Items) != 60 || len(full.Quotes) != 20 || len(full.Divergences) != 30 {
		t.Fatalf("the full page leaves things out: left %d, %d events, %d speakers, %d divergences",
			full.Left, len(full.Timeline.Items), len(full.Quotes), len(full.Divergences))
	}
	tl := sum.Timeline
	if len(tl.Items) != summaryEvents || len(tl.Events) != summaryEvents || tl.Left != 60-summaryEvents {
		t.Errorf("summary timeline: %d listed, %d drawn, %d left; want %d, %d, %d",
			len(tl.Items), len(tl.Events), tl.Left, summaryEvents, summaryEvents, 60-summaryEvents)
	}
	for _, it := range tl.Items {
		// Numbers stay those of the whole timeline; the events left out
		// are those reported by fewest articles (1 or 2 of them).
		if it.Text != fmt.Sprintf("event %d", it.N-1) {
			t.Errorf("item %d is %q", it.N, it.Text)
		}
		if len(it.Articles)+it.MoreRefs < 3 {
			t.Errorf("event %d, reported by %d articles, kept over better reported ones", it.N, len(it.Articles)+it.MoreRefs)
		}
		if len(it.Articles) > summaryRefs {
			t.Errorf("event %d cites %d articles", it.N, len(it.Articles))
		}
	}
	people := sum.Entities[0]
	if len(people.Rows)+len(people.More) != summaryEntities || people.Left != 50-summaryEntities ||
		people.Rows[0].Name != "Person 0" || people.Rows[0].MoreRefs != len(b.wire.Articles)-summaryRefs {
		t.Errorf("summary people: %d rows, %d left, first %+v", len(people.Rows)+len(people.More), people.Left, people.Rows[0])
	}
	if len(sum.Quotes) != summarySpeakers || sum.MoreSpeakers != 20-summarySpeakers {
		t.Errorf("summary speakers: %d shown, %d more", len(sum.Quotes), sum.MoreSpeakers)
	}
	for _, g := range sum.Quotes {
		if len(g.Quotes)+len(g.More) != summaryQuotes || g.Left != 9-summaryQuotes || g.Count != 9 {
			t.Errorf("speaker %s: %d quotes shown, %d left of %d", g.Speaker, len(g.Quotes)+len(g.More), g.Left, g.Count)
		}
	}
	if len(sum.Divergences) != summaryDivergences || sum.MoreDivergences != 30-summaryDivergences {
		t.Errorf("summary divergences: %d shown, %d more", len(sum.Divergences), sum.MoreDivergences)
	}
	want := (60 - summaryEvents) + (50 - summaryEntities) + (20-summarySpeakers)*9 +
		summarySpeakers*(9-summaryQuotes) + (30 - summaryDivergences)
	if sum.Left != want {
		t.Errorf("summary leaves out %d items, want %d", sum.Left, want)
	}

	// A story whose articles all stand side by side is shown in full.
	small := &built{wire: bigWire(maxColumns)}
	if v := newStoryView(small, false); v.Left != 0 || len(v.Timeline.Items) != 60 || len(v.Quotes) != 20 {
		t.Errorf("a story of %d articles is summarized: left %d", maxColumns, v.Left)
	}
}
