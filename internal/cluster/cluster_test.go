package cluster

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

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
// canonical string: groups of source refs, after the merges decisions
// report.
func partition(arts []article.Article, order []int) string {
	c := New(Options{})
	groups := make(map[string][]string)
	for _, i := range order {
		d := c.Assign(arts[i])
		for _, m := range d.Merged {
			groups[d.StoryID] = append(groups[d.StoryID], groups[m]...)
			delete(groups, m)
		}
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

// quakes are short reports of two similar events, two earthquakes years and
// thousands of kilometres apart, and similar to a third, others[1]. They
// must form two stories of their own.
var quakes = []string{
	"A magnitude 7.0 earthquake struck Kumamoto on the southern island of Kyushu late on Saturday, killing nine people and toppling houses in Mashiki, Japanese officials said. Kyushu Electric said its Sendai nuclear plant was operating normally.",
	"Rescuers in Mashiki pulled survivors from collapsed homes on Sunday after the magnitude 7.0 Kumamoto earthquake, the strongest to hit Kyushu in decades. Nine people died and Kumamoto Castle was damaged.",
	"Aftershocks kept shaking Kumamoto prefecture on Sunday as thousands slept outside in Mashiki. Saturday's 7.0 quake damaged Kumamoto Castle and cut roads across Kyushu.",
	"A magnitude 7.2 earthquake struck Sulawesi, Indonesia, on Friday, killing at least 12 people in Palu and collapsing houses, Indonesia's disaster agency BNPB said. A tsunami warning for the Makassar Strait was lifted after an hour.",
	"Rescuers in Palu searched collapsed houses on Saturday after Friday's magnitude 7.2 quake on Sulawesi killed 12 people, Indonesia's BNPB disaster agency said. The tsunami warning had been lifted.",
	"The 7.2 magnitude earthquake that hit central Sulawesi on Friday killed 12 in Palu, Indonesian officials said, as aftershocks shook the Makassar Strait coast and people slept outside.",
}

// orderCase returns the seeds, the unrelated articles and the quakes.
func orderCase(t *testing.T) []article.Article {
	arts := seeds(t)
	for i, text := range others {
		a := article.Article{SourceRef: fmt.Sprintf("other-%d", i), Text: text}
		a.SetID()
		arts = append(arts, a)
	}
	for i, text := range quakes {
		a := article.Article{SourceRef: fmt.Sprintf("quake-%c%d", "jjjsss"[i], i), Text: text}
		a.SetID()
		arts = append(arts, a)
	}
	return arts
}

func TestOrderRobustOnSmallCase(t *testing.T) {
	arts := orderCase(t)
	forward := make([]int, len(arts))
	for i := range arts {
		forward[i] = i
	}
	want := partition(arts, forward)
	if n := strings.Count(want, "|") + 1; n != 1+len(others)+2 {
		t.Fatalf("%d stories, want the seeds, %d unrelated articles and 2 earthquakes:\n%s", n, len(others), want)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 30 {
		order := slices.Clone(forward)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		if got := partition(arts, order); got != want {
			t.Errorf("order %d %v: partition\n%s\nwant\n%s", n, order, got, want)
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

// near returns a copy of a with one sentence added, as a re-published
// article is: a distinct article that any story of a fits.
func near(a article.Article, ref string) article.Article {
	b := a
	b.SourceRef = ref
	b.Text += "\n\nThis article was updated."
	b.SetID()
	return b
}

func TestMergeRecordsAbsorbedStories(t *testing.T) {
	arts := seeds(t)
	// A threshold that only near-copies reach keeps the seeds apart until
	// copies make one of their stories grow to 4 articles, the first size
	// at which a story looks for merges.
	c := New(Options{Threshold: 0.8, MergeThreshold: 0.3})
	a, b := c.Assign(arts[0]), c.Assign(arts[1])
	if !a.New || !b.New || c.Stories() != 2 {
		t.Fatalf("seeds joined at threshold 0.8: %+v %+v", a, b)
	}
	for i := range 2 {
		if d := c.Assign(near(arts[1], fmt.Sprint("copy ", i))); d.StoryID != b.StoryID || len(d.Merged) != 0 {
			t.Fatalf("copy %d of a seed: %+v, want story %s and no merge", i, d, b.StoryID)
		}
	}
	d := c.Assign(near(arts[1], "copy 2"))
	if d.New || len(d.Merged) != 1 {
		t.Fatalf("copy of a seed: %+v, want a join and one merge", d)
	}
	if got, want := []string{d.StoryID, d.Merged[0]}, []string{a.StoryID, b.StoryID}; !sameSet(got, want) {
		t.Errorf("story %s absorbed %v, want stories %v", d.StoryID, d.Merged, want)
	}
	if c.Stories() != 1 {
		t.Errorf("Stories() = %d after the merge, want 1", c.Stories())
	}
	// The absorbed ID now stands for the merged story.
	c.Restore(near(arts[0], "copy-2"), d.Merged[0])
	if c.Stories() != 1 {
		t.Errorf("Restore under a merged ID made a story: Stories() = %d", c.Stories())
	}
	if e := c.Assign(near(arts[1], "copy 3")); e.StoryID != d.StoryID || len(e.Merged) != 0 {
		t.Errorf("after the merge: %+v, want story %s", e, d.StoryID)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestDecisionsAreDeterministic(t *testing.T) {
	arts := orderCase(t)
	run := func() []Decision {
		c := New(Options{})
		var out []Decision
		for _, a := range arts {
			out = append(out, c.Assign(a))
		}
		return out
	}
	want := run()
	for range 5 {
		if got := run(); !reflect.DeepEqual(got, want) {
			t.Fatalf("decisions differ between runs:\n%+v\n%+v", got, want)
		}
	}
}

func TestNamesHookReplacesProxy(t *testing.T) {
	var asked []string
	c := New(Options{Names: func(a article.Article) []string {
		asked = append(asked, a.SourceRef)
		return []string{"Hugh Jackman", "Academy"}
	}})
	a := article.Article{SourceRef: "a", Text: "Hugh Jackman will host the Oscars, the Academy said."}
	counts := c.x.features(a)
	var names []string
	for _, f := range counts {
		if t := c.voc.terms[f.id]; strings.HasPrefix(t, namePrefix) {
			names = append(names, t)
		}
	}
	if want := []string{"@academi", "@hugh", "@hugh_jackman", "@jackman"}; !sameSet(names, want) || len(asked) != 1 {
		t.Errorf("names %v (asked for %v), want %v", names, asked, want)
	}
}

// TestWireBriefsOfDifferentCompanies clusters 24 Reuters earnings briefs
// (Reuters-21578, February-March 1987), each about another company: the
// same template ("Shr 34 cts vs 1.19 dlrs / Net ... vs ..."), names only
// in an all-capitals title that marks the company between angle brackets.
// Each is its own event; before the title's marked names and the name
// conflict penalty, they chained into one story.
func TestWireBriefsOfDifferentCompanies(t *testing.T) {
	data, err := os.ReadFile("testdata/earnings.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{})
	stories := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var r struct{ ID, Title, Text, Date string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		a := article.Article{SourceRef: r.ID, Title: r.Title, Text: r.Text}
		a.Published, _ = time.Parse("2006-01-02T15:04:05", r.Date)
		a.SetID()
		d := c.Assign(a)
		stories[d.StoryID] = append(stories[d.StoryID], r.Title)
	}
	joined := 0
	for _, titles := range stories {
		if len(titles) > 1 {
			joined += len(titles)
			t.Logf("one story: %q", titles)
		}
	}
	// A pair may still meet by chance; a chain may not.
	if len(stories) < 20 || joined > 4 {
		t.Errorf("24 briefs on 24 companies made %d stories, %d briefs in stories of several", len(stories), joined)
	}
}
