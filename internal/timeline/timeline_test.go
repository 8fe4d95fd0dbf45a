package timeline

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/timex"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// doc builds a document with its time expressions extracted for real.
func doc(id, published, text string, ents ...Span) Doc {
	p := day(published)
	return Doc{ArticleID: id, Text: text, Published: p, Timexes: timex.Extract(text, p), Entities: ents}
}

// brief is the part of an event the table tests compare.
type brief struct {
	Date      string // ISO 8601 at Precision
	Precision timex.Precision
	Kind      Kind
	Articles  []string
}

func briefs(es []Event) []brief {
	out := make([]brief, len(es))
	for i, e := range es {
		layout := time.DateOnly
		switch e.Precision {
		case timex.PrecisionYear:
			layout = "2006"
		case timex.PrecisionMonth:
			layout = "2006-01"
		}
		out[i] = brief{e.Date.Format(layout), e.Precision, e.Kind, e.Articles}
	}
	return out
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		want []brief
	}{
		{"one article, past weekday and month", []Doc{
			doc("a", "2025-08-18", "Trump met Putin in Alaska on Friday. Their last talks were in February."),
		}, []brief{
			{"2025-02", "month", Reported, []string{"a"}},
			{"2025-08-15", "day", Reported, []string{"a"}},
		}},
		{"a subheading is not an event; a one-line text is", []Doc{
			doc("a", "2025-08-18", "Trump met Putin in Alaska on Friday.\nA Friendly Tone After February’s Shouting Match\nThe mood was cordial."),
			doc("b", "2025-08-18", "Floods closed schools in Bavaria on Saturday"),
			doc("c", "2025-08-18", "Key dates:\r\n  Aug 10 - Trump announces a summit\r\n  A Summit Meeting Arranged In February  \r\nThe end."),
		}, []brief{
			{"2025-08-10", "day", Reported, []string{"c"}},
			{"2025-08-15", "day", Reported, []string{"a"}},
			{"2025-08-16", "day", Reported, []string{"b"}},
		}},
		{"the same event from two outlets is one entry", []Doc{
			doc("a", "2025-08-18", "Trump met Putin for a summit in Alaska on Friday."),
			doc("b", "2025-08-19", "The summit between Trump and Putin in Alaska took place on August 15."),
		}, []brief{
			{"2025-08-15", "day", Reported, []string{"a", "b"}},
		}},
		{"different events on one day stay apart", []Doc{
			doc("a", "2025-08-18", "Trump met Putin for a summit in Alaska on Friday."),
			doc("b", "2025-08-18", "Floods closed schools across Bavaria on Friday."),
		}, []brief{
			{"2025-08-15", "day", Reported, []string{"a"}},
			{"2025-08-15", "day", Reported, []string{"b"}},
		}},
		{"deadlines are expected at their date, merged across outlets", []Doc{
			doc("a", "2025-08-17", "He could organize a meeting between the Russian and Ukrainian leaders within a week, the people said."),
			doc("b", "2025-08-18", "He could organize a meeting between the Russian and Ukrainian leaders within a week, people said."),
			doc("c", "2025-08-19", "He said the details could be worked out within 10 days."),
		}, []brief{
			{"2025-08-24", "day", Expected, []string{"a", "b"}},
			{"2025-08-29", "day", Expected, []string{"c"}},
		}},
		{"weeks and quarters take the month or year that holds them", []Doc{
			doc("a", "2025-03-03", "Talks with unions are scheduled for next week. Results are due in the third quarter. Markets opened this week."),
			doc("b", "2025-03-28", "The committee meets next week."),
		}, []brief{
			{"2025", "year", Expected, []string{"a"}},
			{"2025", "year", Expected, []string{"b"}}, // March 31 to April 6
			{"2025-03", "month", Reported, []string{"a"}},
			{"2025-03", "month", Expected, []string{"a"}},
		}},
		{"durations and sets are not dates", []Doc{
			doc("a", "2025-08-18", "The war is in its fourth year. The talks lasted over two hours. They meet every week."),
		}, []brief{}},
		{"undated article resolves only absolute dates", []Doc{
			{ArticleID: "a", Text: "Russia annexed Crimea in 2014. They met on Friday.",
				Timexes: timex.Extract("Russia annexed Crimea in 2014. They met on Friday.", time.Time{})},
		}, []brief{
			{"2014", "year", Reported, []string{"a"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := briefs(Build(tt.docs, Options{}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Build (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEventKeepsProvenanceAndEntities(t *testing.T) {
	text := "Trump met Putin in Alaska on Friday. Nothing else happened."
	d := doc("a", "2025-08-18", text,
		Span{Start: 0, End: 5, Entity: "e-trump"}, Span{Start: 10, End: 15, Entity: "e-putin"},
		Span{Start: 10, End: 15, Entity: "e-putin"}, Span{Start: 37, End: 44, Entity: "e-outside"})
	es := Build([]Doc{d}, Options{})
	if len(es) != 1 {
		t.Fatalf("%d events, want 1", len(es))
	}
	e := es[0]
	if diff := cmp.Diff([]string{"e-putin", "e-trump"}, e.Entities); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
	src := e.Sources[0]
	rs := []rune(text)
	if got := string(rs[src.Start:src.End]); got != "Trump met Putin in Alaska on Friday." || e.Text != got {
		t.Errorf("source sentence %q, text %q", got, e.Text)
	}
	if got := string(rs[src.TimexStart:src.TimexEnd]); got != "Friday" {
		t.Errorf("source timex %q", got)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	docs := []Doc{
		doc("a", "2025-08-18", "Trump met Putin in Alaska on Friday. A meeting could follow within two weeks."),
		doc("b", "2025-08-19", "Trump and Putin met in Alaska on Friday. Leaders met at the White House on Monday."),
	}
	first := Build(docs, Options{})
	for i := 0; i < 20; i++ {
		if diff := cmp.Diff(first, Build(docs, Options{})); diff != "" {
			t.Fatalf("run %d differs:\n%s", i, diff)
		}
	}
}
