package reuse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline-news/storyline/internal/article"
)

func TestOrigins(t *testing.T) {
	// c (day 3) lifts paraMeeting from b (day 2), which lifted it from a
	// (day 1); c also lifts paraWalk from b, where it first appeared.
	a := article.Article{ID: "a", Published: day(1), Text: paraOther + "\n" + paraMeeting}
	b := article.Article{ID: "b", Published: day(2), Text: paraMeeting + "\n" + paraWalk}
	c := article.Article{ID: "c", Published: day(3), Text: paraPeople + "\n" + paraWalk + "\n" + paraMeeting}
	arts := []article.Article{c, a, b} // input order does not matter
	rels := mustRelations(t, arts, Options{})
	var pairs [][2]string
	for _, r := range rels {
		pairs = append(pairs, [2]string{r.A, r.B})
		for _, p := range r.Passages {
			if p.Text == paraMeeting && p.Origin != "a" {
				t.Errorf("%s→%s: passage origin %q, want a", r.A, r.B, p.Origin)
			}
			if p.Text == paraWalk && p.Origin != "b" {
				t.Errorf("%s→%s: paraWalk origin %q, want b", r.A, r.B, p.Origin)
			}
		}
	}
	if diff := cmp.Diff([][2]string{{"a", "b"}, {"a", "c"}, {"b", "c"}}, pairs); diff != "" {
		t.Errorf("relation pairs (-want +got):\n%s", diff)
	}
	n := func(s string) int { return len([]rune(s)) }
	want := []Origin{
		{Article: "c", Length: n(c.Text), Original: n(paraPeople) + 2,
			Shares: []Share{{From: "a", Length: n(paraMeeting)}, {From: "b", Length: n(paraWalk)}}},
		{Article: "a", Length: n(a.Text), Original: n(a.Text), Shares: []Share{}},
		{Article: "b", Length: n(b.Text), Original: n(paraWalk) + 1, Shares: []Share{{From: "a", Length: n(paraMeeting)}}},
	}
	if diff := cmp.Diff(want, Origins(arts, rels)); diff != "" {
		t.Errorf("Origins mismatch (-want +got):\n%s", diff)
	}
	if f := want[0].OriginalFraction(); f <= 0 || f >= 1 {
		t.Errorf("OriginalFraction = %v", f)
	}
}
