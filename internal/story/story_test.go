package story

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/reuse"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSortArticles(t *testing.T) {
	arts := []article.Article{
		{ID: "undated-1"},
		{ID: "late", Published: day("2025-08-19")},
		{ID: "early", Published: day("2025-08-17")},
		{ID: "undated-2"},
		{ID: "early-2", Published: day("2025-08-17")},
	}
	var got []string
	for _, a := range SortArticles(arts) {
		got = append(got, a.ID)
	}
	want := []string{"early", "early-2", "late", "undated-1", "undated-2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SortArticles (-want +got):\n%s", diff)
	}
	if arts[0].ID != "undated-1" {
		t.Error("SortArticles changed its argument")
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct {
		name string
		arts []article.Article
		want string
	}{
		{"none", nil, ""},
		{"first titled wins", []article.Article{
			{Text: "Body without a title."},
			{Title: "  Ukraine talks result in US security guarantees  ", Text: "x"},
			{Title: "Later title", Text: "y"},
		}, "Ukraine talks result in US security guarantees"},
		{"first sentence, abbreviations kept", []article.Article{
			{Text: "The U.S. President said talks focused on security guarantees. He added more."},
		}, "The U.S. President said talks focused on security guarantees."},
		{"first line", []article.Article{
			{Text: "Bilateral talks\nThe talks also appear to have laid the groundwork."},
		}, "Bilateral talks"},
		{"long sentence shortened at a word", []article.Article{
			{Text: "On Monday, U.S. President Donald Trump told President Volodymyr Zelenskyy that the United States would help guarantee Ukraine’s security in any agreement to end Russia’s war, although the details of this assistance remain vague."},
		}, "On Monday, U.S. President Donald Trump told President Volodymyr Zelenskyy that the United States would help guarantee…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(tt.arts); got != tt.want {
				t.Errorf("Headline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBuild(t *testing.T) {
	s, err := Build(context.Background(), "s-1", []article.Article{
		{ID: "b", Published: day("2025-08-19")},
		{ID: "c"},
		{ID: "a", Published: day("2025-08-17"), Title: "First"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "s-1" || s.Headline != "First" || s.Articles[0].ID != "a" {
		t.Errorf("Build = %+v", s)
	}
	if !s.FirstPublished.Equal(day("2025-08-17")) || !s.LastPublished.Equal(day("2025-08-19")) {
		t.Errorf("span = %v .. %v", s.FirstPublished, s.LastPublished)
	}
}

func TestComparable(t *testing.T) {
	short := make([]article.Article, 3)
	if got := comparable(short); !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("comparable of 3 articles = %v, want all", got)
	}
	// A long story: one outlet with most of the articles, a few others.
	var long []article.Article
	for i := range MaxCompared + 100 {
		o := "Wire"
		if i%50 == 7 {
			o = fmt.Sprintf("Paper %d", i/50)
		}
		long = append(long, article.Article{ID: fmt.Sprint(i), Outlet: o})
	}
	got := comparable(long)
	if len(got) != MaxCompared {
		t.Fatalf("comparable picked %d articles, want %d", len(got), MaxCompared)
	}
	if !slices.IsSorted(got) {
		t.Errorf("comparable = %v, not ascending", got)
	}
	outlets := make(map[string]bool)
	for _, i := range got {
		outlets[long[i].Outlet] = true
	}
	if len(outlets) != 6 {
		t.Errorf("comparable kept %d outlets, want all 6", len(outlets))
	}
	if got[len(got)-1] == len(long)-1 {
		t.Errorf("comparable took the wire's last article before its earlier ones")
	}
}

// TestBuildCanceled checks that Build stops with the context's error,
// whether the context is done before it starts or while it works.
func TestBuildCanceled(t *testing.T) {
	arts := reuse.Overlapping(4, 1_000_000, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if _, err := Build(ctx, "s", arts); !errors.Is(err, context.Canceled) {
		t.Errorf("Build with a canceled context: error %v, want %v", err, context.Canceled)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Build took %v to notice a canceled context", d)
	}
	if testing.Short() {
		return
	}
	// Uncanceled, this build takes seconds of CPU.
	ctx, cancel = context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start = time.Now()
	if _, err := Build(ctx, "s", arts); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Build past its deadline: error %v, want %v", err, context.DeadlineExceeded)
	}
	t.Logf("Build returned %v after its deadline", time.Since(start)-100*time.Millisecond)
}
