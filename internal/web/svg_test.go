package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
)

func TestParseDate(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, tc := range []struct {
		in         string
		start, end string
		ok         bool
	}{
		{"2025-08-15", "2025-08-15", "2025-08-16", true},
		{"2025-02", "2025-02-01", "2025-03-01", true},
		{"2014", "2014-01-01", "2015-01-01", true},
		{"2025-W34", "", "", false},
		{"2025-13", "", "", false},
		{"", "", "", false},
		{"XXXX-XX-XX", "", "", false},
	} {
		got, ok := parseDate(tc.in)
		if ok != tc.ok || (ok && (!got.start.Equal(day(tc.start)) || !got.end.Equal(day(tc.end)))) {
			t.Errorf("parseDate(%q) = %v, %v; want [%s, %s), %v", tc.in, got, ok, tc.start, tc.end, tc.ok)
		}
	}
}

func TestLayoutTimeline(t *testing.T) {
	refs := []articleRef{{ID: "a-1", Label: "#1", Date: "2025-08-17", Anchor: "art-1"},
		{ID: "a-2", Label: "#2", Date: "2025-08-19", Anchor: "art-2"}, {ID: "a-3", Label: "#3"}}
	events := []dossier.Event{
		{Date: "2025-08-15", Precision: "day", Kind: "reported", Text: "summit", Articles: []string{"a-1"}},
		{Date: "2025-08-15", Precision: "day", Kind: "reported", Text: "same day", Articles: []string{"a-2"}},
		{Date: "2025-08", Precision: "month", Kind: "expected", Text: "some time this month"},
		{Date: "soon", Precision: "day", Kind: "expected", Text: "undatable"},
	}
	latest := "2025-08-19"
	v := layoutTimeline(events, refs, &latest, 0)
	if !v.Drawn || len(v.Items) != 4 || len(v.Events) != 3 || len(v.Articles) != 2 || v.Latest == nil {
		t.Fatalf("layout: drawn %v, %d items, %d events, %d articles, latest %v",
			v.Drawn, len(v.Items), len(v.Events), len(v.Articles), v.Latest)
	}
	byN := map[int]eventMark{}
	for _, e := range v.Events {
		byN[e.N] = e
		if e.X < v.X1 || e.X+e.W > v.X2 || e.Y <= 0 || e.Y >= float64(v.AxisY) {
			t.Errorf("event %d at (%v+%v, %v) lies outside the drawing", e.N, e.X, e.W, e.Y)
		}
	}
	if byN[1].Y == byN[2].Y {
		t.Error("two events on the same day share a lane")
	}
	if !byN[3].Expected || byN[3].W <= 0 || byN[1].Expected || byN[1].W != 0 {
		t.Errorf("event kinds and periods: %+v", byN)
	}
	if v.Articles[0].X >= v.Articles[1].X || v.Articles[0].Href != "#art-1" {
		t.Errorf("article marks: %+v", v.Articles)
	}
	if len(v.Items[0].Articles) != 1 || v.Items[0].Articles[0].Label != "#1" {
		t.Errorf("item refs: %+v", v.Items[0].Articles)
	}
	if len(v.Ticks) < 3 || v.Height <= v.AxisY {
		t.Errorf("ticks %v, height %d, axis %d", v.Ticks, v.Height, v.AxisY)
	}
}

func TestLayoutTimelineUndated(t *testing.T) {
	v := layoutTimeline(nil, []articleRef{{ID: "a-1", Label: "#1"}}, nil, 0)
	if v.Drawn || len(v.Items) != 0 {
		t.Errorf("nothing dated: %+v", v)
	}
}

func TestTicks(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		first    string
	}{
		{"2025-08-17", "2025-08-20", "Aug 18"},
		{"2025-06-01", "2025-08-20", "Jun 2"},
		{"2024-02-10", "2025-08-20", "Mar 2024"},
		{"1990-01-01", "2025-08-20", "1991"},
	} {
		a, _ := parseDate(tc.from)
		b, _ := parseDate(tc.to)
		ticks := scale{min: a.start, max: b.start, x1: 0, x2: 900}.ticks()
		if len(ticks) < 2 || len(ticks) > 14 || ticks[0].Label != tc.first {
			t.Errorf("%s..%s: %d ticks, first %q; want 2..14 starting %q", tc.from, tc.to, len(ticks), ticks[0].Label, tc.first)
		}
		for i := 1; i < len(ticks); i++ {
			if ticks[i].X <= ticks[i-1].X {
				t.Errorf("%s..%s: ticks not increasing: %v", tc.from, tc.to, ticks)
			}
		}
	}
}

// TestAxisContext checks that background events years before the
// articles are drawn in order at the left edge, behind a cut, and that the
// articles' days keep the rest of the width.
func TestAxisContext(t *testing.T) {
	refs := []articleRef{{ID: "a-1", Label: "#1", Date: "2025-08-17"}, {ID: "a-2", Label: "#2", Date: "2025-08-19"}}
	events := []dossier.Event{
		{Date: "2014", Precision: "year", Kind: "reported", Text: "Crimea"},
		{Date: "2025-02", Precision: "month", Kind: "reported", Text: "Oval Office"},
		{Date: "2025-08-15", Precision: "day", Kind: "reported", Text: "Alaska"},
		{Date: "2025-09-01", Precision: "day", Kind: "expected", Text: "meeting"},
		{Date: "2027", Precision: "year", Kind: "expected", Text: "far ahead"},
	}
	v := layoutTimeline(events, refs, nil, 0)
	x := map[int]eventMark{}
	for _, e := range v.Events {
		x[e.N] = e
	}
	if !(x[1].X < x[2].X && x[2].X < x[3].X && x[3].X < x[4].X && x[4].X < x[5].X) {
		t.Errorf("events out of order: %+v", v.Events)
	}
	if x[1].W != 0 || x[2].W != 0 {
		t.Errorf("background periods drawn as bars: %+v %+v", x[1], x[2])
	}
	if len(v.Axis) != 3 || len(v.Breaks) != 4 {
		t.Errorf("axis %v, breaks %v; want three segments and two cuts", v.Axis, v.Breaks)
	}
	if focus := v.Axis[0].X2 - v.Axis[0].X1; focus < 0.6*float64(v.X2-v.X1) {
		t.Errorf("the focus period gets %.0f of %.0f units", focus, v.X2-v.X1)
	}
	var context []string
	for _, tk := range v.Ticks {
		if tk.Context {
			context = append(context, tk.Label)
		}
	}
	if strings.Join(context, ",") != "2014,Feb 2025,2027" {
		t.Errorf("context labels %v", context)
	}
}

// TestCrowdedContextLabels checks that many background dates squeezed into
// an edge segment keep their ticks but label only those with room.
func TestCrowdedContextLabels(t *testing.T) {
	refs := []articleRef{{ID: "a-1", Label: "#1", Date: "1987-03-02"}, {ID: "a-2", Label: "#2", Date: "1987-03-30"}}
	var events []dossier.Event
	for y := 1988; y < 2008; y++ {
		events = append(events, dossier.Event{Date: fmt.Sprint(y), Precision: "year", Kind: "expected", Text: "due"})
	}
	v := layoutTimeline(events, refs, nil, 0)
	var ticks []tick
	for _, tk := range v.Ticks {
		if tk.Context {
			ticks = append(ticks, tk)
		}
	}
	if len(ticks) != 20 {
		t.Fatalf("%d context ticks, want 20", len(ticks))
	}
	lastX, lastW, labelled := -1e9, 0.0, 0
	for _, tk := range ticks {
		if tk.Label == "" {
			continue
		}
		labelled++
		if w := labelWidth(tk.Label); tk.X-lastX < (lastW+w)/2 {
			t.Errorf("label %q at %.1f runs into the one at %.1f", tk.Label, tk.X, lastX)
		}
		lastX, lastW = tk.X, labelWidth(tk.Label)
	}
	if labelled < 2 || labelled == 20 {
		t.Errorf("%d of 20 crowded context dates labelled", labelled)
	}
}
