package timex

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract checks the invariants of Extract on any text: no panic,
// spans are valid code-point ranges whose Text is the text they cover,
// sorted and not overlapping, and Date and LastDay never panic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"On Tuesday morning, hours after Monday's talks, within the next week to 10 days.",
		"August 15, 2025; 15 August 2025; Aug. 15; 2025-08-15; 8/15/2025; mid-August; the 1990s; '80s.",
		"the third quarter of 1989, Q3 2025, the year-ago quarter, a year earlier, last year's quarter",
		"10:35 a.m. EDT Wednesday, noon Thursday, 5 1/2 hours, a minute and a half, every other week",
		"Zelenskyy — “on Friday” — и 2014, the summer of 2025, Christmas Eve, New Year's Day",
		"by the end of the month, in the coming days, nineteen ninety-six, the past few weeks",
		"He will be installed Tuesday and banks will stay closed until\n9 a.m. (0735 GMT) Friday; the year two thousand and one, 9/11, the '90s, three straight days, a quarter of a century, Sunday mornings, Wednesday's ruling",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1755475200))
	}
	if paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "ukraine-talks", "*.txt")); err == nil {
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b), int64(1755561600))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var dct time.Time
		if unix != 0 {
			dct = time.Unix(unix%(1<<36), 0).UTC()
		}
		es := Extract(text, dct)
		n := utf8.RuneCountInString(text)
		var runes []rune
		if utf8.ValidString(text) {
			runes = []rune(text)
		}
		prev := 0
		for i, e := range es {
			if e.Start < prev || e.End <= e.Start || e.End > n {
				t.Fatalf("expression %d %+v: bad span (previous end %d, %d code points)", i, e, prev, n)
			}
			if runes != nil && string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("expression %d: runes[%d:%d] = %q, Text = %q", i, e.Start, e.End, string(runes[e.Start:e.End]), e.Text)
			}
			if e.Type == "" || e.Value == "" {
				t.Fatalf("expression %d %+v: empty type or value", i, e)
			}
			prev = e.End
			e.Date()
			e.LastDay()
		}
		if !sort.SliceIsSorted(es, func(i, j int) bool { return es[i].Start < es[j].Start }) {
			t.Fatal("expressions not sorted")
		}
	})
}
