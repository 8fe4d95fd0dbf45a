package eval

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline-news/storyline/internal/quote"
)

var quoteSplits = flag.String("quotes.splits", "train,dev",
	"comma-separated PolNeAR splits that TestQuotesPolNeAR scores (train, dev, test)")

// polnearFile opens ../shared/bench/quotes/polnear.jsonl.gz, or skips the
// test when the benchmark data is absent.
func polnearFile(t *testing.T) *os.File {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "bench", "quotes", "polnear.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s not found; the PolNeAR data lives in ../shared/bench/quotes", path)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestQuotesPolNeAR prints the quote scores of the splits named by
// -quotes.splits. The test split is scored only on request:
//
//	go test ./internal/eval -run TestQuotesPolNeAR -v -quotes.splits=test
func TestQuotesPolNeAR(t *testing.T) {
	for _, split := range strings.Split(*quoteSplits, ",") {
		t.Run(split, func(t *testing.T) {
			rep, err := QuoteScore(polnearFile(t), split)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Articles == 0 {
				t.Fatalf("no %s articles", split)
			}
			var b strings.Builder
			if err := rep.WriteTable(&b); err != nil {
				t.Fatal(err)
			}
			t.Log("\n" + b.String())
		})
	}
}

// A toy article: one direct quotation with its speaker, one reported clause.
const toyPolNEAR = `{"id":"toy","split":"dev","text":"“We will win,” Smith said. Jones said the plan failed.","attributions":[` +
	`{"source":{"start":15,"end":20,"text":"Smith"},"cue":{"start":21,"end":25,"text":"said"},` +
	`"content":{"start":0,"end":14,"text":"“We will win,”"},"direct":true},` +
	`{"source":{"start":27,"end":32,"text":"Jones"},"cue":{"start":33,"end":37,"text":"said"},` +
	`"content":{"start":38,"end":53,"text":"the plan failed"},"direct":false}]}
{"id":"other","split":"train","text":"ignored","attributions":[]}
`

func TestQuoteScoreToy(t *testing.T) {
	rep, err := QuoteScore(strings.NewReader(toyPolNEAR), "dev")
	if err != nil {
		t.Fatal(err)
	}
	want := QuoteReport{
		Split: "dev", Articles: 1,
		Direct: QuoteScores{Gold: 1, System: 1, SysTokens: 3, SysTokensHit: 3, GoldTokens: 3,
			GoldTokensHit: 3, SysHit: 1, GoldHit: 1, Matched: 1, SpeakerRight: 1},
		All: QuoteScores{Gold: 2, System: 2, SysTokens: 6, SysTokensHit: 6, GoldTokens: 6,
			GoldTokensHit: 6, SysHit: 2, GoldHit: 2, Matched: 2, SpeakerRight: 2},
	}
	if diff := cmp.Diff(want, rep); diff != "" {
		t.Errorf("QuoteScore mismatch (-want +got):\n%s", diff)
	}
	if got := rep.All.TokenF1(); got != 100 {
		t.Errorf("TokenF1 = %v, want 100", got)
	}
}

func TestSpeakerRight(t *testing.T) {
	tests := []struct {
		name    string
		speaker string
		start   int
		src     polnearSpan
		want    bool
	}{
		{"span overlap", "", 10, polnearSpan{Start: 12, End: 14, Text: "he"}, true},
		{"surname in source", "Donald Trump", -1, polnearSpan{Start: 0, End: 9, Text: "Mr. Trump"}, true},
		{"other person", "Hillary Clinton", -1, polnearSpan{Start: 0, End: 9, Text: "Mr. Trump"}, false},
		{"no speaker", "", -1, polnearSpan{Start: 0, End: 2, Text: "he"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteWithSpeaker(tt.speaker, tt.start)
			if got := speakerRight(q, tt.src); got != tt.want {
				t.Errorf("speakerRight(%q at %d, %q) = %v, want %v", tt.speaker, tt.start, tt.src.Text, got, tt.want)
			}
		})
	}
}

func quoteWithSpeaker(name string, start int) quote.Quote {
	q := quote.Quote{Speaker: name, SpeakerStart: -1, SpeakerEnd: -1}
	if start >= 0 {
		q.SpeakerStart, q.SpeakerEnd = start, start+5
	}
	return q
}
