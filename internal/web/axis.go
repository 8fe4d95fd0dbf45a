package web

import (
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
)

// How far around the articles' dates the timeline draws to scale. Events
// further back (background: "since 2014", "in February") and further ahead
// are drawn in order, not to scale, in narrow segments at the edges, so that
// a decade of background does not squeeze the news days into a few pixels.
const (
	focusMargin  = 7 * 24 * time.Hour  // around the articles' dates
	focusBefore  = 30 * 24 * time.Hour // the earliest event drawn to scale
	focusAfter   = 90 * 24 * time.Hour // the latest event drawn to scale
	focusMaxSpan = 40 * 24 * time.Hour // longer periods (years) are background
	contextStep  = 64                  // width per date in an edge segment
	breakGap     = 18                  // width of the cut between segments
)

// axis maps periods to x coordinates: a linear scale over the focus period,
// and the dates before and after it spread evenly over edge segments.
type axis struct {
	focus         scale
	before, after []contextDate
	x1, x2        float64 // the whole axis
}

// contextDate is a date drawn outside the focus, with its label.
type contextDate struct {
	t     time.Time
	label string
	x     float64
}

// newAxis lays out the axis for the given events and article dates; ok is
// false when nothing has a date.
func newAxis(events []dossier.Event, evs []span, evOK []bool, arts []span, x1, x2 float64) (axis, bool) {
	lo, hi, ok := focusWindow(evs, evOK, arts)
	if !ok {
		return axis{}, false
	}
	ax := axis{x1: x1, x2: x2}
	for i, sp := range evs {
		switch {
		case !evOK[i]:
		case !sp.end.After(lo):
			ax.before = addContext(ax.before, sp.start, humanDate(events[i].Date))
		case !sp.start.Before(hi):
			ax.after = addContext(ax.after, sp.start, humanDate(events[i].Date))
		}
	}
	fx1, fx2 := x1, x2
	if n := len(ax.before); n > 0 {
		w := min(float64(n*contextStep), 0.3*(x2-x1))
		spread(ax.before, x1, x1+w)
		fx1 = x1 + w + breakGap
	}
	if n := len(ax.after); n > 0 {
		w := min(float64(n*contextStep), 0.2*(x2-x1))
		spread(ax.after, x2-w, x2)
		fx2 = x2 - w - breakGap
	}
	ax.focus = scale{min: lo, max: hi, x1: fx1, x2: fx2}
	return ax, true
}

// focusWindow returns the period drawn to scale: the articles' dates with a
// margin, widened to the day- and month-precision events near them.
func focusWindow(evs []span, evOK []bool, arts []span) (lo, hi time.Time, ok bool) {
	core := arts
	if len(core) == 0 {
		for i, sp := range evs {
			if evOK[i] && sp.end.Sub(sp.start) <= focusMaxSpan {
				core = append(core, sp)
			}
		}
	}
	if len(core) == 0 {
		return lo, hi, false
	}
	lo, hi = bounds(core)
	first, last := lo, hi
	lo, hi = lo.Add(-focusMargin), hi.Add(focusMargin)
	for i, sp := range evs {
		if !evOK[i] || sp.end.Sub(sp.start) > focusMaxSpan ||
			sp.start.Before(first.Add(-focusBefore)) || sp.end.After(last.Add(focusAfter)) {
			continue
		}
		lo, hi = minTime(lo, sp.start), maxTime(hi, sp.end)
	}
	pad := hi.Sub(lo) / 50
	return lo.Add(-pad), hi.Add(pad), true
}

func bounds(spans []span) (lo, hi time.Time) {
	lo, hi = spans[0].start, spans[0].end
	for _, s := range spans[1:] {
		lo, hi = minTime(lo, s.start), maxTime(hi, s.end)
	}
	return lo, hi
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// addContext adds a date to a sorted list of distinct context dates.
func addContext(cs []contextDate, t time.Time, label string) []contextDate {
	i, found := slices.BinarySearchFunc(cs, t, func(c contextDate, t time.Time) int { return c.t.Compare(t) })
	if found {
		return cs
	}
	return slices.Insert(cs, i, contextDate{t: t, label: label})
}

// spread places context dates evenly over [x1, x2].
func spread(cs []contextDate, x1, x2 float64) {
	for i := range cs {
		cs[i].x = round1(x1 + (x2-x1)*(float64(i)+0.5)/float64(len(cs)))
	}
}

// place returns the x coordinate and width of a period: a point at its
// middle when point is set, a bar over it otherwise. Periods outside the
// focus are points at their context date.
func (ax axis) place(sp span, point bool) (x, w float64) {
	lo, hi := ax.focus.min, ax.focus.max
	switch {
	case !sp.end.After(lo):
		return contextX(ax.before, sp.start), 0
	case !sp.start.Before(hi):
		return contextX(ax.after, sp.start), 0
	case point:
		return ax.focus.x(sp.start.Add(sp.end.Sub(sp.start) / 2)), 0
	}
	x = ax.focus.x(maxTime(sp.start, lo))
	return x, ax.focus.x(minTime(sp.end, hi)) - x
}

// contextX returns the x coordinate of a context date.
func contextX(cs []contextDate, t time.Time) float64 {
	for _, c := range cs {
		if c.t.Equal(t) {
			return c.x
		}
	}
	return 0 // not reached: every context date was added by newAxis
}

// lines returns the axis's line segments at height y and the marks of its
// cuts.
func (ax axis) lines(y float64) (segs, breaks []segmentLine) {
	segs = []segmentLine{{X1: ax.focus.x1, Y1: y, X2: ax.focus.x2, Y2: y}}
	cut := func(x float64) {
		breaks = append(breaks, segmentLine{X1: x - 5, Y1: y + 6, X2: x - 1, Y2: y - 6},
			segmentLine{X1: x + 1, Y1: y + 6, X2: x + 5, Y2: y - 6})
	}
	if len(ax.before) > 0 {
		segs = append(segs, segmentLine{X1: ax.x1, Y1: y, X2: ax.focus.x1 - breakGap, Y2: y})
		cut(ax.focus.x1 - breakGap/2)
	}
	if len(ax.after) > 0 {
		segs = append(segs, segmentLine{X1: ax.focus.x2 + breakGap, Y1: y, X2: ax.x2, Y2: y})
		cut(ax.focus.x2 + breakGap/2)
	}
	return segs, breaks
}

// ticks returns the focus's ticks and a tick per context date, labelled
// where the label does not run into the previous one.
func (ax axis) ticks() []tick {
	var out []tick
	out = appendContext(out, ax.before)
	out = append(out, ax.focus.ticks()...)
	return appendContext(out, ax.after)
}

// labelWidth estimates the width of a tick label in SVG user units.
func labelWidth(s string) float64 { return 6.5 * float64(len([]rune(s))) }

// appendContext appends the ticks of context dates; a date too close to
// the last labelled one keeps its tick without a label.
func appendContext(out []tick, cs []contextDate) []tick {
	lastX, lastW := math.Inf(-1), 0.0
	for _, c := range cs {
		t := tick{X: c.x, Context: true}
		if w := labelWidth(c.label); c.x-lastX >= (lastW+w)/2+6 {
			t.Label, lastX, lastW = c.label, c.x, w
		}
		out = append(out, t)
	}
	return out
}

// scale maps times to x coordinates linearly.
type scale struct {
	min, max time.Time
	x1, x2   float64
}

// x returns the x coordinate of t, rounded to a tenth of a unit.
func (sc scale) x(t time.Time) float64 {
	f := float64(t.Sub(sc.min)) / float64(sc.max.Sub(sc.min))
	return round1(sc.x1 + f*(sc.x2-sc.x1))
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// ticks returns labelled ticks for days, weeks, months or years, whichever
// gives a readable number for the scale's width.
func (sc scale) ticks() []tick {
	days := sc.max.Sub(sc.min).Hours() / 24
	perTick := days / max((sc.x2-sc.x1)/70, 1) // days per tick at 70 units apart
	var start time.Time
	var step func(time.Time) time.Time
	label := func(t time.Time, _ bool) string { return t.Format("Jan 2") }
	switch {
	case perTick <= 1:
		start = sc.min.Truncate(24*time.Hour).AddDate(0, 0, 1)
		step = func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	case perTick <= 7:
		start = sc.min.Truncate(24 * time.Hour)
		for start.Weekday() != time.Monday || start.Before(sc.min) {
			start = start.AddDate(0, 0, 1)
		}
		step = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	case perTick <= 365:
		n := int(math.Ceil(perTick / 30.5)) // months per tick
		start = time.Date(sc.min.Year(), sc.min.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(0, n, 0) }
		label = func(t time.Time, first bool) string {
			if first || t.Month() == time.January {
				return t.Format("Jan 2006")
			}
			return t.Format("Jan")
		}
	default:
		n := int(math.Ceil(perTick / 365)) // years per tick
		start = time.Date(sc.min.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(n, 0, 0) }
		label = func(t time.Time, _ bool) string { return strconv.Itoa(t.Year()) }
	}
	var out []tick
	for t := start; t.Before(sc.max); t = step(t) {
		out = append(out, tick{X: sc.x(t), Label: label(t, len(out) == 0)})
	}
	return out
}
