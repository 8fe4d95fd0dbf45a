package cluster

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
)

var dateMarker = regexp.MustCompile(`^ date \d{4}-\d{2}-\d{2} `)

// seeds reads the reference articles, stripping their date marker as the
// text reader does.
func seeds(t *testing.T) []article.Article {
	t.Helper()
	paths, err := filepath.Glob("../../examples/ukraine-talks/*.txt")
	if err != nil || len(paths) != 5 {
		t.Fatalf("seeds: %v (%d files)", err, len(paths))
	}
	var out []article.Article
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := article.Article{SourceRef: p, Text: dateMarker.ReplaceAllString(string(b), "")}
		a.SetID()
		out = append(out, a)
	}
	return out
}

// others are short articles on unrelated events.
var others = []string{
	"The central bank raised interest rates by a quarter point on Wednesday, citing persistent inflation in services and a tight labour market. Economists had expected the move, and bond yields rose after the decision.",
	"A magnitude 6.1 earthquake struck off the coast of northern Japan early on Tuesday, shaking buildings in Sendai. No tsunami warning was issued and there were no immediate reports of damage, the meteorological agency said.",
	"Manchester City beat Arsenal 2-1 at the Etihad Stadium on Sunday, with a late header from the captain settling the match. The result lifts City to the top of the Premier League table.",
}

func TestSeedsFormOneStory(t *testing.T) {
	c := New(Options{})
	arts := seeds(t)
	first := c.Assign(arts[0])
	if !first.New {
		t.Fatalf("first article did not start a story: %+v", first)
	}
	for _, a := range arts[1:] {
		d := c.Assign(a)
		if d.StoryID != first.StoryID {
			t.Errorf("%s: story %s (score %.3f), want %s", a.SourceRef, d.StoryID, d.Score, first.StoryID)
		}
		if len(d.Evidence) == 0 {
			t.Errorf("%s: no evidence for joining", a.SourceRef)
		}
	}
}

func TestUnrelatedArticlesStartStories(t *testing.T) {
	c := New(Options{})
	for _, a := range seeds(t) {
		c.Assign(a)
	}
	for i, text := range others {
		a := article.Article{Text: text}
		a.SetID()
		if d := c.Assign(a); !d.New {
			t.Errorf("unrelated article %d joined %s (score %.3f, evidence %v)", i, d.StoryID, d.Score, d.Evidence)
		}
	}
	if got, want := c.Stories(), 1+len(others); got != want {
		t.Errorf("Stories() = %d, want %d", got, want)
	}
}

// partition returns the clustering of arts in the given order as a
// canonical string: groups of source refs.
func partition(arts []article.Article, order []int) string {
	c := New(Options{})
	groups := make(map[string][]string)
	for _, i := range order {
		d := c.Assign(arts[i])
		groups[d.StoryID] = append(groups[d.StoryID], arts[i].SourceRef)
	}
	var out []string
	for _, g := range groups {
		sortStrings(g)
		out = append(out, strings.Join(g, ","))
	}
	sortStrings(out)
	return strings.Join(out, " | ")
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestOrderRobustOnSmallCase(t *testing.T) {
	arts := seeds(t)
	for i, text := range others {
		a := article.Article{SourceRef: fmt.Sprintf("other-%d", i), Text: text}
		a.SetID()
		arts = append(arts, a)
	}
	forward := make([]int, len(arts))
	backward := make([]int, len(arts))
	for i := range arts {
		forward[i] = i
		backward[i] = len(arts) - 1 - i
	}
	interleaved := []int{5, 0, 6, 3, 7, 1, 4, 2}
	want := partition(arts, forward)
	for name, order := range map[string][]int{"backward": backward, "interleaved": interleaved} {
		if got := partition(arts, order); got != want {
			t.Errorf("%s order: partition\n%s\nwant\n%s", name, got, want)
		}
	}
}

func TestRestoreRebuildsState(t *testing.T) {
	arts := seeds(t)
	live := New(Options{})
	var ids []string
	for _, a := range arts[:3] {
		ids = append(ids, live.Assign(a).StoryID)
	}
	restored := New(Options{})
	for i, a := range arts[:3] {
		restored.Restore(a, ids[i])
	}
	for _, a := range arts[3:] {
		if got, want := restored.Assign(a), live.Assign(a); got.StoryID != want.StoryID || got.Score != want.Score {
			t.Errorf("%s: restored decision %+v, live %+v", a.SourceRef, got, want)
		}
	}
}

func TestStoryIDIsStable(t *testing.T) {
	if got, want := StoryID("a-0001"), StoryID("a-0001"); got != want || !strings.HasPrefix(got, "s-") || len(got) != 18 {
		t.Errorf("StoryID = %q, %q", got, want)
	}
}

func BenchmarkAssign(b *testing.B) {
	t := &testing.T{}
	arts := seeds(t)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := New(Options{})
		for _, a := range arts {
			c.Assign(a)
		}
	}
}
