package timex

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// seeds are the example articles with the creation dates the tests use:
// 000–002 carry theirs; 003 and 004 are undated.
var seeds = []struct {
	file string
	dct  string
}{
	{"000_a1ebcd8b6ec8c988.txt", "2025-08-17"},
	{"001_285625dd8339d7ad.txt", "2025-08-18"},
	{"002_b9a3e59ce27e83b7.txt", "2025-08-19"},
	{"003_545589a7eaafdb4a.txt", "2025-08-18"},
	{"004_dee0729d4e97f3c0.txt", "2025-08-19"},
}

func readSeed(t testing.TB, file string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "ukraine-talks", file))
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	return string(b)
}

// TestSeeds checks the expressions the issue names in the seed articles,
// each found by its text and the words just before it.
func TestSeeds(t *testing.T) {
	tests := []struct {
		seed   int
		before string // the text just before the expression
		want   found
	}{
		{2, "White House on ", found{"Monday", Date, "2025-08-18", "", false, ""}},
		{0, "on a call ", found{"Saturday", Date, "2025-08-16", "", false, ""}},
		{0, "signaled on ", found{"Friday", Date, "2025-08-15", "", false, ""}},
		{0, "since ", found{"February", Date, "2025-02", "", false, ""}},
		{0, "as early as within ", found{"a week", Duration, "P1W", "", true, "2025-08-24"}},
		{0, "halfway through ", found{"its fourth year", Duration, "P1Y", "", false, ""}},
		{3, "in Alaska on ", found{"Friday", Date, "2025-08-15", "", false, ""}},
		{3, "meeting in ", found{"February", Date, "2025-02", "", false, ""}},
		{3, "on paper within ", found{"the next week to 10 days", Duration, "P10D", "", true, "2025-08-28"}},
		{3, "held in Turkey in ", found{"June", Date, "2025-06", "", false, ""}},
		{3, "for over ", found{"two hours", Duration, "PT2H", "", false, ""}},
		{3, "annexed in ", found{"2014", Date, "2014", "", false, ""}},
		{4, "take place within ", found{"two weeks", Duration, "P2W", "", true, "2025-09-02"}},
		{4, "followed ", found{"last Friday", Date, "2025-08-15", "", false, ""}},
		{4, "On ", found{"Tuesday morning", Time, "2025-08-19TMO", "", false, ""}},
		{4, "hours after ", found{"Monday", Date, "2025-08-18", "", false, ""}},
	}
	for _, tt := range tests {
		s := seeds[tt.seed]
		t.Run(s.file[:3]+" "+tt.before+tt.want.Text, func(t *testing.T) {
			text := readSeed(t, s.file)
			r := []rune(text)
			for _, e := range Extract(text, date(s.dct)) {
				if e.Start >= len([]rune(tt.before)) && string(r[e.Start-len([]rune(tt.before)):e.Start]) == tt.before {
					got := foundOf(e)
					if diff := cmp.Diff(tt.want, got); diff != "" {
						t.Errorf("mismatch (-want +got):\n%s", diff)
					}
					return
				}
			}
			t.Errorf("no expression after %q", tt.before)
		})
	}
}

// TestGolden compares every expression of the seed articles with
// testdata/<seed>.golden; go test -update rewrites the files.
func TestGolden(t *testing.T) {
	for _, s := range seeds {
		t.Run(s.file, func(t *testing.T) {
			text := readSeed(t, s.file)
			var b strings.Builder
			fmt.Fprintf(&b, "# Extract(%s, %s)\n", s.file, s.dct)
			for _, e := range Extract(text, date(s.dct)) {
				fmt.Fprintf(&b, "%d-%d\t%q\t%s\t%s\t%s\t%s\texpected=%v\tdeadline=%s\n",
					e.Start, e.End, e.Text, e.Type, e.Value, e.Mod, e.Precision, e.Expected, isoDay(e.Deadline))
			}
			path := filepath.Join("testdata", strings.TrimSuffix(s.file, ".txt")+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}

func TestInferDCT(t *testing.T) {
	// The story's other articles: published 2025-08-17..19, reporting the
	// Alaska summit (Friday 2025-08-15), the calls of Saturday 2025-08-16
	// and the White House meeting (Monday 2025-08-18).
	story := []Known{
		{Date: date("2025-08-17")}, {Date: date("2025-08-18")}, {Date: date("2025-08-19")},
		{Date: date("2025-08-15"), Event: true}, {Date: date("2025-08-16"), Event: true},
		{Date: date("2025-08-18"), Event: true},
	}
	tests := []struct {
		name  string
		text  string
		known []Known
		want  string // "" when nothing can be inferred
	}{
		{"seed 003", readSeed(t, seeds[3].file), story, "2025-08-18"},
		{"seed 004", readSeed(t, seeds[4].file), story, "2025-08-19"},
		{"no story", readSeed(t, seeds[4].file), nil, ""},
		{"no cue", "Talks went well, officials said.", story, ""},
		// A date the text names only bounds the day: the story places it.
		{"explicit date alone", "The summit of August 15, 2025 ended.", nil, ""},
		{"explicit date in a story", "The summit of August 15, 2025 ended.", story, "2025-08-17"},
		{"history alone", "The treaty of December 15, 1953 still holds, he said on Wednesday.", nil, ""},
		{"deadline years ahead", "Talks went well on Monday; the treaty runs until January 1, 2030.", story, "2025-08-18"},
		{"yesterday's event", "Yesterday's calls with European leaders went well.", story, "2025-08-17"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inf, ok := InferDCT(tt.text, tt.known...)
			got := ""
			if ok {
				got = inf.Date.Format(time.DateOnly)
			}
			if got != tt.want {
				t.Errorf("InferDCT = %q (%s), want %q", got, inf.Reason, tt.want)
			}
			if ok && inf.Reason == "" {
				t.Error("InferDCT gave no reason")
			}
		})
	}
}

func TestExprDate(t *testing.T) {
	tests := []struct {
		value string
		typ   Type
		want  string // first day, "" when not a calendar period
		prec  Precision
		last  string
	}{
		{"2025-08-18", Date, "2025-08-18", PrecisionDay, "2025-08-18"},
		{"2025-08-19TMO", Time, "2025-08-19", PrecisionDay, "2025-08-19"},
		{"2025-08-19T14:30", Time, "2025-08-19", PrecisionMinute, "2025-08-19"},
		{"2025-W34", Date, "2025-08-18", PrecisionWeek, "2025-08-24"},
		{"2025-W33-WE", Date, "2025-08-11", PrecisionWeek, "2025-08-17"},
		{"2025-08", Date, "2025-08-01", PrecisionMonth, "2025-08-31"},
		{"2025-Q3", Date, "2025-07-01", PrecisionQuarter, "2025-09-30"},
		{"2025-H1", Date, "2025-01-01", PrecisionHalf, "2025-06-30"},
		{"2025-SU", Date, "2025-06-01", PrecisionSeason, "2025-08-31"},
		{"2025", Date, "2025-01-01", PrecisionYear, "2025-12-31"},
		{"199", Date, "1990-01-01", PrecisionDecade, "1999-12-31"},
		{"19", Date, "1900-01-01", PrecisionCentury, "1999-12-31"},
		{"XXXX-WXX-5", Date, "", PrecisionDay, ""},
		{"PRESENT_REF", Date, "", "", ""},
		{"P2W", Duration, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			e := Expr{Type: tt.typ, Value: tt.value}
			if tt.typ != Duration {
				e.Precision = precisionOf(tt.value)
			}
			if e.Precision != tt.prec {
				t.Errorf("precision = %q, want %q", e.Precision, tt.prec)
			}
			d, _, ok := e.Date()
			l, _ := e.LastDay()
			got, last := "", ""
			if ok {
				got, last = d.Format(time.DateOnly), l.Format(time.DateOnly)
			}
			if got != tt.want || last != tt.last {
				t.Errorf("Date, LastDay = %q, %q, want %q, %q", got, last, tt.want, tt.last)
			}
		})
	}
}
