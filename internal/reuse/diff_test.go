package reuse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline-news/storyline/internal/article"
)

func TestDiff(t *testing.T) {
	edited := strings.Replace(paraMeeting, "He also", "Trump also", 1)
	old := article.Article{ID: "old", Text: paraPeople + "\n\n" + paraOther + "\n\n" + paraMeeting + "\n\n" + paraWalk}
	new := article.Article{ID: "new", Text: paraPeople + "\n\n" + paraVisit + "\n\n" + edited + "\n\n" + paraWalk}
	ps := Align(old.Text, new.Text, Options{})
	type line struct {
		Op       Op
		Old, New string
	}
	var got []line
	for _, c := range Diff(&old, &new, ps) {
		got = append(got, line{c.Op, c.Old.Text, c.New.Text})
		for _, p := range []Paragraph{c.Old, c.New} {
			if p.Text != "" && runeSlice(map[bool]string{true: old.Text, false: new.Text}[p == c.Old], p.Start, p.End) != p.Text {
				t.Errorf("paragraph offsets [%d,%d) do not slice to %q", p.Start, p.End, p.Text)
			}
		}
	}
	want := []line{
		{Kept, paraPeople, paraPeople},
		{Removed, paraOther, ""},
		{Added, "", paraVisit},
		{Edited, paraMeeting, edited},
		{Kept, paraWalk, paraWalk},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Diff mismatch (-want +got):\n%s", diff)
	}
}

func TestDiffSeeds(t *testing.T) {
	arts := loadSeeds(t)
	rels := mustRelations(t, arts, Options{})
	count := map[Op]int{}
	for _, c := range Diff(&arts[0], &arts[1], rels[0].Passages) {
		count[c.Op]++
	}
	want := map[Op]int{Kept: 2, Edited: 4, Removed: 4, Added: 5}
	if diff := cmp.Diff(want, count); diff != "" {
		t.Errorf("000→001 diff counts (-want +got):\n%s", diff)
	}
}

func TestParagraphs(t *testing.T) {
	got := paragraphs(" é one \n\n\t two\r\nthree")
	want := []Paragraph{{1, 6, "é one"}, {11, 14, "two"}, {16, 21, "three"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paragraphs mismatch (-want +got):\n%s", diff)
	}
}
