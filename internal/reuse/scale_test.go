package reuse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/rusage"
)

// copies returns bases×n articles: n edited copies of each of bases short
// made-up articles, dated and from outlets so that every kind of relation
// occurs, in an order that mixes them: the shape of the stories of the 1M
// benchmark, whose generator copies each article dozens of times.
func copies(bases, n int, seed uint64) []article.Article {
	g := newProse(seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	outlets := []string{"", "Wire", "Daily", "Herald"}
	var arts []article.Article
	for b := range bases {
		ps := make([]string, 3+rng.IntN(4))
		for i := range ps {
			ps[i] = g.paragraph()
		}
		text := strings.Join(ps, "\n\n")
		for k := range n {
			t := text
			if k > 0 {
				t = edit(text, g.paragraph(), editLevel{Reorder: k%2 == 0, Words: 0.05 * float64(k%3), Sentences: 0.1 * float64(k%2)}, rng)
			}
			a := article.Article{Text: t, Outlet: outlets[rng.IntN(len(outlets))],
				Published: time.Date(2025, 8, 1+k, b%24, 0, 0, 0, time.UTC)}
			if k%7 == 3 {
				a.Published = time.Time{}
			}
			a.SetID()
			arts = append(arts, a)
		}
	}
	rng.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	return arts
}

// oddities returns articles that relate without sharing seeds, or barely:
// the same URL over other texts, exact copies of texts too short to seed,
// empty texts, short texts copied into longer ones.
func oddities() []article.Article {
	short := "Talks resumed on Monday in Geneva."
	arts := []article.Article{
		{ID: "u1", URL: "https://ex.com/story/", Text: paraPeople},
		{ID: "u2", URL: "http://www.ex.com/story", Text: paraVisit},
		{ID: "t1", Text: "Ceasefire"},
		{ID: "t2", Text: "ceasefire!"},
		{ID: "t3", Text: "Ceasefire holds"},
		{ID: "e1"},
		{ID: "e2", Text: " \n "},
		{ID: "s1", Text: short},
		{ID: "s2", Text: paraOther + "\n" + short},
		{ID: "s3", Text: "Talks resumed on Monday in Bern."},
	}
	for i := range arts {
		arts[i].Published = day(1 + i%3)
	}
	return arts
}

// relationCases are stories on which Relations must equal refRelations:
// few articles (aligned pair by pair) and many (aligned on candidates).
func relationCases(t *testing.T) map[string][]article.Article {
	return map[string][]article.Article{
		"seeds":       loadSeeds(t),
		"overlapping": Overlapping(4, 40_000, 2),
		"copies":      copies(6, 8, 3),
		"oddities":    append(oddities(), copies(2, 3, 4)...),
		"mixed":       append(append(loadSeeds(t), Overlapping(5, 10_000, 5)...), copies(3, 4, 6)...),
	}
}

// TestRelationsMatchReference checks that Relations, Diff and Origins give
// what they gave before they were bounded (reference_test.go).
func TestRelationsMatchReference(t *testing.T) {
	for name, arts := range relationCases(t) {
		t.Run(name, func(t *testing.T) {
			want := refRelations(arts, Options{})
			got := mustRelations(t, arts, Options{})
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("Relations differs from the reference (-want +got):\n%s", diff)
			}
			byID := make(map[string]*article.Article)
			for i := range arts {
				byID[arts[i].ID] = &arts[i]
			}
			covers := make(map[string][]cover)
			for _, r := range got {
				for _, p := range r.Passages {
					covers[r.B] = append(covers[r.B], cover{p.BStart, p.BEnd, p.Origin})
				}
				a, b := byID[r.A], byID[r.B]
				if diff := cmp.Diff(refDiff(a, b, r.Passages), Diff(a, b, r.Passages)); diff != "" {
					t.Errorf("Diff %s→%s differs from the reference (-want +got):\n%s", r.A, r.B, diff)
				}
			}
			ranks := rank(arts)
			for id, cs := range covers {
				if diff := cmp.Diff(refAttribute(cs, ranks), attribute(cs, ranks)); diff != "" {
					t.Errorf("attribute %s differs from the reference (-want +got):\n%s", id, diff)
				}
			}
			t.Logf("%d articles, %d relations", len(arts), len(got))
		})
	}
}

// TestRelationsCanceled checks that Relations stops at once with a done
// context.
func TestRelationsCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	arts := Overlapping(4, 2_000_000, 1)
	start := time.Now()
	if _, err := Relations(ctx, arts, Options{}); err != context.Canceled {
		t.Fatalf("Relations with a canceled context: error %v, want %v", err, context.Canceled)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Relations took %v to notice the canceled context", d)
	}
}

// FuzzDiff checks Diff against the reference on passages that need not
// come from Align: crossing paragraphs, overlapping, out of range.
func FuzzDiff(f *testing.F) {
	f.Add("one two\n\nthree four five\nsix", "one two\nthree four\n\nfive six", uint64(1), uint8(5))
	f.Add(paraPeople+"\n"+paraMeeting, paraMeeting+"\n\n"+paraPeople, uint64(2), uint8(9))
	f.Fuzz(func(t *testing.T, old, new string, seed uint64, n uint8) {
		rng := rand.New(rand.NewPCG(seed, 0))
		lo, ln := len([]rune(old))+2, len([]rune(new))+2
		ps := make([]Passage, n%32)
		for i := range ps {
			a, b := rng.IntN(lo)-1, rng.IntN(ln)-1
			ps[i] = Passage{AStart: a, AEnd: a + rng.IntN(lo), BStart: b, BEnd: b + rng.IntN(ln)}
		}
		o, w := article.Article{Text: old}, article.Article{Text: new}
		if diff := cmp.Diff(refDiff(&o, &w, ps), Diff(&o, &w, ps)); diff != "" {
			t.Errorf("Diff differs from the reference (-want +got):\n%s", diff)
		}
	})
}

// BenchmarkRelationsCopies relates a story of 2,025 articles, 45 edited
// copies of each of 45 short articles: the shape of the largest stories
// of the 1M benchmark. It reports the pairs aligned per run against all
// 2,049,300 pairs; ref is the quadratic reference (on 2,025 articles, 18 s
// of CPU against 2.2 s on the 2-vCPU Xeon of 2026-12-07).
func BenchmarkRelationsCopies(b *testing.B) {
	for _, tc := range []struct {
		name  string
		bases int
		ref   bool
	}{
		{"new/2025", 45, false},
		{"new/405", 9, false},
		{"ref/405", 9, true},
		{"ref/2025", 45, true},
	} {
		arts := copies(tc.bases, 45, 1)
		b.Run(tc.name, func(b *testing.B) {
			rels := 0
			cpu := rusage.CPU()
			for b.Loop() {
				if tc.ref {
					rels = len(refRelations(arts, Options{}))
				} else {
					rels = len(mustRelations(b, arts, Options{}))
				}
			}
			b.ReportMetric((rusage.CPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(rels), "relations")
			if !tc.ref {
				b.ReportMetric(float64(aligned(arts)), "aligned-pairs")
			}
			b.ReportMetric(float64(len(arts)*(len(arts)-1)/2), "pairs")
		})
	}
}

// aligned returns the number of pairs of arts that Relations aligns.
func aligned(arts []article.Article) int {
	es := make([]*entry, len(arts))
	for i := range arts {
		es[i] = newEntry(&arts[i], i)
	}
	cands, n := candidates(es, Options{}.withDefaults()), 0
	for i := range es {
		n += len(cands(i))
	}
	return n
}

// BenchmarkOverlapping relates four overlapping articles of the given size
// and diffs their revisions, as story.Build does.
func BenchmarkOverlapping(b *testing.B) {
	for _, size := range []int{300_000, 1_000_000} {
		arts := Overlapping(4, size, 1)
		byID := make(map[string]*article.Article)
		for i := range arts {
			byID[arts[i].ID] = &arts[i]
		}
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			cpu := rusage.CPU()
			for b.Loop() {
				for _, r := range mustRelations(b, arts, Options{}) {
					if r.Kind == Revision {
						Diff(byID[r.A], byID[r.B], r.Passages)
					}
				}
			}
			b.ReportMetric((rusage.CPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
