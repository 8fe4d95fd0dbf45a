package quote

import (
	"fmt"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzExtract checks Extract's contract on any input: no panic, spans in
// range and ordered, Text and fragment texts equal to the spans they cover,
// and speaker and cue spans either absent (-1) or valid.
func FuzzExtract(f *testing.F) {
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		f.Add(seedText(f, n))
	}
	for _, s := range []string{
		"“Everyone is very happy,” Trump posted on Truth Social.",
		`"We love them," he said. "It works.`,
		"''Wow,'' she said in Iowa. '''Hi,'' he said,'' said Ms. Compton.",
		"‘It’s the leaders’ plan,’ he told reporters: «Oui» „Ja“ ―",
		"According to , said the , Trump said:\n\n“\n”",
		"WALLACE: \"PENCE: ok\" - Sanders.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // offsets are code points of a valid text
		}
		checkQuotes(t, s, Extract(s, Options{}))
		checkQuotes(t, s, Extract(s, Options{Mentions: capitalMentions(s)}))
	})
}

// capitalMentions makes a person mention of every capitalised word of s,
// and one odd mention, so that fuzzing covers the mention path.
func capitalMentions(s string) []Mention {
	ms := []Mention{{Start: 3, End: 1, Type: "person", Entity: "e-odd"}}
	r, start := 0, -1
	for _, c := range s + " " {
		switch {
		case unicode.IsUpper(c) && start < 0:
			start = r
		case !unicode.IsLetter(c) && start >= 0:
			ms = append(ms, Mention{Start: start, End: r, Type: "person", Entity: fmt.Sprint("e-", start)})
			start = -1
		}
		r++
	}
	return ms
}

// checkQuotes checks the contract of Extract's result qs on text s.
func checkQuotes(t *testing.T, s string, qs []Quote) {
	t.Helper()
	runes := []rune(s)
	slice := func(a, b int) string { return string(runes[a:b]) }
	valid := func(a, b int) bool { return a == -1 && b == -1 || 0 <= a && a <= b && b <= len(runes) }
	prev := Quote{}
	for i, q := range qs {
		if q.Start < 0 || q.Start > q.End || q.End > len(runes) {
			t.Fatalf("quote %d: span [%d, %d) out of [0, %d)", i, q.Start, q.End, len(runes))
		}
		if q.Text != slice(q.Start, q.End) {
			t.Fatalf("quote %d: Text %q != text[%d:%d] %q", i, q.Text, q.Start, q.End, slice(q.Start, q.End))
		}
		for _, fr := range q.Fragments {
			if fr.Start < q.Start || fr.End > q.End || fr.Start > fr.End || fr.Text != slice(fr.Start, fr.End) {
				t.Fatalf("quote %d: bad fragment %+v in [%d, %d)", i, fr, q.Start, q.End)
			}
		}
		if !valid(q.SpeakerStart, q.SpeakerEnd) || !valid(q.CueStart, q.CueEnd) {
			t.Fatalf("quote %d: speaker [%d, %d) or cue [%d, %d) invalid", i, q.SpeakerStart, q.SpeakerEnd, q.CueStart, q.CueEnd)
		}
		if (q.Cue == "") != (q.CueStart == -1) || q.Cue != "" && q.Cue != slice(q.CueStart, q.CueEnd) {
			t.Fatalf("quote %d: cue %q does not match [%d, %d)", i, q.Cue, q.CueStart, q.CueEnd)
		}
		if i > 0 && (q.Start < prev.Start || q.Start == prev.Start && q.End < prev.End) {
			t.Fatalf("quote %d out of order", i)
		}
		prev = q
	}
}
