package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// view is the part of a Quote the table tests compare, with spans turned
// into the text they cover.
type view struct {
	Direct  bool
	Content string
	Speaker string
	SpkText string // the words at the cue referring to the speaker
	Cue     string
	Frags   int
}

func viewOf(text string, q Quote) view {
	r := []rune(text)
	v := view{Direct: q.Direct, Content: q.Content(), Speaker: q.Speaker, Cue: q.Cue, Frags: len(q.Fragments)}
	if q.SpeakerStart >= 0 {
		v.SpkText = string(r[q.SpeakerStart:q.SpeakerEnd])
	}
	return v
}

func views(text string, qs []Quote) []view {
	out := make([]view, len(qs))
	for i, q := range qs {
		out[i] = viewOf(text, q)
	}
	return out
}

// seedText returns the body of seed article n of examples/ukraine-talks,
// without the " date YYYY-MM-DD " marker that ingest strips.
func seedText(t testing.TB, n string) string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "examples", "ukraine-talks", n+"_*.txt"))
	if len(paths) != 1 {
		t.Fatalf("seed %s not found", n)
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	return stripDateMarker(string(b))
}

// stripDateMarker drops a leading " date YYYY-MM-DD " metadata marker.
func stripDateMarker(s string) string {
	const marker = " date YYYY-MM-DD "
	if strings.HasPrefix(s, " date ") && len(s) >= len(marker) && s[len(marker)-1] == ' ' {
		return s[len(marker):]
	}
	return s
}

func TestSeedTextSentences(t *testing.T) {
	// The table tests quote the seeds; they must still say what is quoted.
	for n, want := range map[string]string{
		"002": "“Everyone is very happy about the possibility of PEACE for Russia/Ukraine,” Trump posted on Truth Social.",
		"003": "Zelenskyy praised the promise as “a major step forward,”",
		"004": `Merz said on Monday that "he cannot imagine the next meeting taking place without a ceasefire”.`,
	} {
		if !strings.Contains(seedText(t, n), want) {
			t.Errorf("seed %s no longer contains %q", n, want)
		}
	}
}

// TestStatement checks which reported content is a statement to list as
// what someone said, and which is an attribution of a thing or an
// intention.
func TestStatement(t *testing.T) {
	for _, tt := range []struct {
		in, content string
		want        bool
	}{
		{"Zelenskyy praised the promise of security guarantees on Monday.", "the promise of security guarantees on Monday", false},
		{"Putin denies these allegations.", "these allegations", false},
		{"Many officials doubt Putin wants to end the war in Ukraine.", "to end the war in Ukraine", false},
		{"Trump said discussions focused on security guarantees for Ukraine.", "discussions focused on security guarantees for Ukraine", true},
		{"Merz said such a meeting could take place within two weeks.", "such a meeting could take place within two weeks", true},
		{"Zelenskyy told reporters that the details would be worked out.", "that the details would be worked out", true},
		{"Merz said Europe stands with Ukraine.", "Europe stands with Ukraine", true},
		{"Zelenskyy said Ukraine needs air defence now.", "Ukraine needs air defence now", true},
		{"Macron said the war ends soon.", "the war ends soon", true},
		{"Trump said that Putin had suggested this sequence of meetings.", "this sequence of meetings", false},
	} {
		var got *Quote
		for _, q := range Extract(tt.in, Options{}) {
			if q.Content() == tt.content {
				got = &q
			}
		}
		if got == nil {
			t.Errorf("%q: no quote %q in %+v", tt.in, tt.content, Extract(tt.in, Options{}))
			continue
		}
		if got.Statement != tt.want {
			t.Errorf("%q: %q Statement = %v, want %v", tt.in, tt.content, got.Statement, tt.want)
		}
	}
	for _, q := range Extract("“We praise the plan,” Trump said. He praised “a major step forward.”", Options{}) {
		if q.Direct && !q.Statement {
			t.Errorf("direct quote %q is not a statement", q.Text)
		}
	}
}

// quoteCase is one row of the rule tables: a text and every quote Extract
// finds in it, without entity mentions.
type quoteCase struct {
	name string
	text string
	want []view
}

func runQuoteCases(t *testing.T, tests []quoteCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := views(tt.text, Extract(tt.text, Options{}))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
