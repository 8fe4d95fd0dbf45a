package web

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
)

// Geometry of the timeline drawing, in SVG user units.
const (
	svgWidth   = 1200
	svgMarginX = 36
	laneHeight = 24
	maxLanes   = 10
	markerR    = 9
	lanesTop   = 20 // room for the "latest report" label above the lanes
)

// timelineView is a story's timeline laid out for the "timeline" template:
// an SVG with a date axis, the events above it (reported ones filled,
// expected ones hollow and dashed, month- and year-precision ones as bars
// over their period) and the articles' publication dates below it, plus the
// numbered list the markers refer to.
type timelineView struct {
	Width, Height int
	AxisY         int
	TickY, LabelY int // ends of the tick lines, baseline of their labels
	X1, X2        float64
	Ticks         []tick
	Axis, Breaks  []segmentLine // the axis, cut where periods are left out
	Events        []eventMark
	Articles      []articleMark
	Latest        *tick // the story's latest publication, dividing reported from expected
	Items         []timelineItem
	Drawn         bool   // false when nothing has a date to draw
	Left          int    // events left out, neither drawn nor listed
	FullHref      string // where they are
}

// tick is a labelled mark on the axis; Context marks the date of events
// drawn in order outside the period shown to scale.
type tick struct {
	X       float64
	Label   string
	Context bool
}

// segmentLine is a straight line.
type segmentLine struct{ X1, Y1, X2, Y2 float64 }

// eventMark is one event's marker. W > 0 draws a bar over the event's
// period.
type eventMark struct {
	N        int
	X, W, Y  float64
	Expected bool
	// Crowded marks a marker drawn where others already are: it is drawn
	// small and without its number, which the list has.
	Crowded bool
	Title   string
	// BarY, TextY and StemY are the top of the period bar, the baseline of
	// the number and the start of the line down to the axis.
	BarY, TextY, StemY float64
}

// articleMark is a triangle under the axis at an article's date.
type articleMark struct {
	X, Y   float64
	Points string // the triangle
	Label  string
	Title  string
	Href   string
}

// timelineItem is one event in the list under the drawing.
type timelineItem struct {
	N         int
	Date      string
	Precision string
	Expected  bool
	Text      string
	Articles  []articleRef
	MoreRefs  int
}

// span is a period of time: [start, end).
type span struct{ start, end time.Time }

// eventTip bounds the runes of an event's text in its marker's tooltip;
// the list under the timeline, where the marker links, has it in full.
const eventTip = 80

// parseDate reads an ISO 8601 date at the precision given: 2025-08-15,
// 2025-08 or 2025.
func parseDate(s string) (span, bool) {
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{time.DateOnly, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if len(s) == len(f.layout) {
			if t, err := time.Parse(f.layout, s); err == nil {
				return span{t, f.next(t)}, true
			}
		}
	}
	return span{}, false
}

// layoutTimeline lays out a story's timeline; arts are the story's
// articles with their page numbers. When limit > 0 only that many events
// are drawn and listed, those reported by most articles, still numbered as
// in the whole timeline.
func layoutTimeline(events []dossier.Event, arts []articleRef, latest *string, limit int) timelineView {
	v := timelineView{Width: svgWidth, X1: svgMarginX, X2: svgWidth - svgMarginX}
	keep := mostReported(events, limit)
	evSpans := make([]span, len(events))
	evOK := make([]bool, len(events))
	for i, e := range events {
		if keep != nil && !keep[i] {
			v.Left++
			continue
		}
		v.Items = append(v.Items, timelineItem{N: i + 1, Date: e.Date, Precision: e.Precision,
			Expected: e.Kind == "expected", Text: e.Text, Articles: refsTo(e.Articles, arts)})
		evSpans[i], evOK[i] = parseDate(e.Date)
	}
	var artSpans []span
	for _, a := range arts {
		if sp, ok := parseDate(a.Date); ok {
			artSpans = append(artSpans, sp)
		}
	}
	ax, ok := newAxis(events, evSpans, evOK, artSpans, v.X1, v.X2)
	if !ok {
		return v
	}
	v.Drawn = true
	lanes := placeEvents(&v, events, evSpans, evOK, ax)
	v.AxisY = lanesTop + max(lanes, 1)*laneHeight + 8
	v.TickY, v.LabelY = v.AxisY+5, v.AxisY+18
	for i := range v.Events {
		e := &v.Events[i]
		e.Y = float64(lanesTop + laneHeight/2 + int(e.Y)*laneHeight)
		e.BarY, e.TextY, e.StemY = e.Y-4, e.Y+4, e.Y+markerR
	}
	v.Ticks = ax.ticks()
	v.Axis, v.Breaks = ax.lines(float64(v.AxisY))
	if latest != nil {
		if sp, ok := parseDate(*latest); ok {
			x, _ := ax.place(sp, true)
			v.Latest = &tick{X: x, Label: "latest report"}
		}
	}
	artLanes := placeArticles(&v, arts, ax)
	v.Height = v.AxisY + 34 + artLanes*20 + 8
	return v
}

// mostReported marks the limit events reported by most articles, the
// earlier first among equals; nil when there is no limit or no more events
// than it.
func mostReported(events []dossier.Event, limit int) []bool {
	if limit <= 0 || len(events) <= limit {
		return nil
	}
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(events[order[a]].Articles) > len(events[order[b]].Articles) })
	keep := make([]bool, len(events))
	for _, i := range order[:limit] {
		keep[i] = true
	}
	return keep
}

// placeEvents adds the events' markers in lanes so that they do not overlap
// and returns the number of lanes used; a marker's Y is its lane until the
// caller converts it.
func placeEvents(v *timelineView, events []dossier.Event, spans []span, ok []bool, ax axis) int {
	var order []int
	for i := range events {
		if ok[i] {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return spans[order[a]].start.Before(spans[order[b]].start) })
	var ends []float64
	for _, i := range order {
		e, sp := events[i], spans[i]
		m := eventMark{N: i + 1, Expected: e.Kind == "expected", Title: e.Date + " — " + shorten(e.Text, eventTip)}
		m.X, m.W = ax.place(sp, sp.end.Sub(sp.start) <= 24*time.Hour)
		if m.W > 0 {
			m.W = max(m.W, 2*markerR)
		}
		lane, free := pickLane(&ends, m.X-markerR, max(m.X+m.W, m.X+markerR)+4)
		m.Y, m.Crowded = float64(lane), !free
		v.Events = append(v.Events, m)
	}
	return len(ends)
}

// pickLane returns the first lane free at from and marks it taken until
// to, and true. When every lane is taken and no new one may be opened, it
// returns the lane that frees first, to be shared, and false; that lane is
// left as it was, so that what is drawn there small does not push the next
// marker out too.
func pickLane(ends *[]float64, from, to float64) (int, bool) {
	best := 0
	for i, end := range *ends {
		if end <= from {
			(*ends)[i] = to
			return i, true
		}
		if end < (*ends)[best] {
			best = i
		}
	}
	if len(*ends) < maxLanes {
		*ends = append(*ends, to)
		return len(*ends) - 1, true
	}
	return best, false
}

// placeArticles adds a marker under the axis for each date on which
// articles were published, and returns the number of lanes used.
func placeArticles(v *timelineView, arts []articleRef, ax axis) int {
	byDate := map[string][]articleRef{}
	var dates []string
	for _, a := range arts {
		if _, ok := parseDate(a.Date); !ok {
			continue
		}
		if byDate[a.Date] == nil {
			dates = append(dates, a.Date)
		}
		byDate[a.Date] = append(byDate[a.Date], a)
	}
	sort.Strings(dates)
	var ends []float64
	for _, d := range dates {
		sp, _ := parseDate(d)
		group := byDate[d]
		x, _ := ax.place(sp, true)
		label, title := group[0].Label, group[0].Label+" "+group[0].Name+", published "+d
		if len(group) > 1 {
			label = strconv.Itoa(len(group)) + " articles"
			title = label + " published " + d
		}
		lane, free := pickLane(&ends, x-6, x+12+7*float64(len(label)))
		if !free {
			label = "" // it would run into another; the title has it
		}
		y := float64(v.AxisY + 26 + lane*20)
		v.Articles = append(v.Articles, articleMark{X: x, Y: y + 10,
			Points: fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f", x, y, x-6, y+10, x+6, y+10),
			Label:  label, Title: title, Href: "#" + group[0].Anchor})
	}
	return max(len(ends), 1)
}
