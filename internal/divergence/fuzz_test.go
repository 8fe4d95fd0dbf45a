package divergence

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/timex"
)

// FuzzClaims checks Claims and Compare on any text: no panic, and every
// claim's span is a valid code point range whose Text is the text it
// covers.
func FuzzClaims(f *testing.F) {
	for _, s := range []string{
		"Zelenskyy said a $90 billion U.S. arms package, approximately $90bn, or 90 billion dollars.",
		"more than a million killed or wounded; at least eight times; nearly 235,000 comments; 5.4 per cent",
		"A 6.1-magnitude quake, a 33-year-old man, $137-million, €85 million ($108 million), $4. 9 million",
		"within the next week to 10 days, as early as within a week, within two weeks, on Friday",
		"one hundred and twenty-five, a dozen, twenty - five, 1,000,000, 3,500.50, 1.2m, 5k, US$ 3",
		"Article 5, 11:47, 9/11, 1990s, F-16, No. 5, #3, 3rd, 1/2, 50-50, 2014",
		"“$5,” he said — ‘9 times’ — 9 % 9 per 9 bn $ $ $ more than at least",
	} {
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
		d := Doc{ID: "a", Text: text, Published: dct, Timexes: timex.Extract(text, dct),
			Mentions: []Mention{{Start: 0, End: 3, Entity: "e", Name: "Abc", Type: "person"}},
			Quotes:   []Quote{{Start: 1, End: 1 << 20, Speaker: "X", Entity: "e", Direct: true, Named: true}}}
		var runes []rune
		if utf8.ValidString(text) {
			runes = []rune(text)
		}
		n := utf8.RuneCountInString(text)
		for _, c := range Claims(d) {
			if c.Start < 0 || c.End > n || c.Start >= c.End {
				t.Fatalf("claim %q: bad span [%d,%d) in %d code points", c.Text, c.Start, c.End, n)
			}
			if runes != nil && string(runes[c.Start:c.End]) != c.Text {
				t.Fatalf("claim: runes[%d:%d] = %q, Text = %q", c.Start, c.End, string(runes[c.Start:c.End]), c.Text)
			}
		}
		e := d
		e.ID = "b"
		Compare([]Doc{d, e})
	})
}
