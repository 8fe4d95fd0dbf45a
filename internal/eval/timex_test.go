package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var timexErrors = flag.Bool("timex.errors", false, "print every timex error of the TempEval-3 runs")

// benchFile opens a file of ../shared/bench/timex, or skips the test when
// the benchmark data is absent.
func timexBench(t *testing.T, name string) *os.File {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "bench", "timex", name)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s not found; the TempEval-3 data lives in ../shared/bench/timex", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// twoDocs is a gold file of two documents. Against package timex: "Friday"
// matches strictly with the right value; "on Monday" (gold timexSpan includes
// "on") matches relaxed only, with the right value; "last week" matches
// strictly with another type and value; "the report" is a gold timex the
// system misses; and "2014" is spurious.
const twoDocs = `{"id":"a","dct":"2025-08-18","text":"They met on Friday and on Monday.","timexes":[` +
	`{"start":12,"end":18,"text":"Friday","type":"DATE","value":"2025-08-15"},` +
	`{"start":23,"end":32,"text":"on Monday","type":"DATE","value":"2025-08-18"}]}
{"id":"b","dct":"2025-08-18T10:00","text":"It fell last week in the report, as in 2014.","timexes":[` +
	`{"start":8,"end":17,"text":"last week","type":"DURATION","value":"P1W"},` +
	`{"start":21,"end":31,"text":"the report","type":"DATE","value":"PRESENT_REF"}]}
`

func TestTimexScore(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(twoDocs))
	zw.Close()
	for name, in := range map[string][]byte{"plain": []byte(twoDocs), "gzip": gz.Bytes()} {
		t.Run(name, func(t *testing.T) {
			r, err := TimexScore(bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			// 4 gold, 4 system; strict 2, relaxed 3; value 2 of 3, type 2 of 3.
			got := []float64{r.Strict.P, r.Strict.R, r.Relaxed.F1, r.ValueAcc, r.Value.F1, r.Type.F1}
			want := []float64{50, 50, 75, 2.0 / 3, 50, 50}
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-9 })); diff != "" {
				t.Errorf("scores mismatch (-want +got):\n%s", diff)
			}
			if r.Docs != 2 || r.Strict.Gold != 4 || r.Strict.Sys != 4 {
				t.Errorf("docs, gold, sys = %d, %d, %d, want 2, 4, 4", r.Docs, r.Strict.Gold, r.Strict.Sys)
			}
			kinds := map[string]int{}
			for _, e := range r.Errors {
				kinds[e.Kind]++
			}
			if diff := cmp.Diff(map[string]int{"span": 1, "value": 1, "type": 1, "missed": 1, "spurious": 1}, kinds); diff != "" {
				t.Errorf("error kinds mismatch (-want +got):\n%s", diff)
			}
			if s := r.String(); !strings.Contains(s, "HeidelTime") || !strings.Contains(s, "DURATION") {
				t.Errorf("String() lacks the anchor or the breakdown:\n%s", s)
			}
		})
	}
}

func TestTimexScoreBadInput(t *testing.T) {
	if _, err := TimexScore(strings.NewReader(`{"id":"x","dct":"soon","text":"","timexes":[]}`)); err == nil {
		t.Error("TimexScore accepted a bad creation time")
	}
	if _, err := TimexScore(strings.NewReader(`{"id":`)); err == nil {
		t.Error("TimexScore accepted broken JSON")
	}
}

// TestTimexTrain scores package timex on the TempEval-3 training set, the
// only set it is tuned on, and guards against regressions.
func TestTimexTrain(t *testing.T) {
	r, err := TimexScore(timexBench(t, "te3-train.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("te3-train\n%s", r)
	if *timexErrors {
		r.WriteErrors(os.Stdout)
	}
	if r.Strict.F1 < 88 || r.Value.F1 < 80 {
		t.Errorf("te3-train strict F1 %.2f, value F1 %.2f: below 88 and 80", r.Strict.F1, r.Value.F1)
	}
}

// TestTimexPlatinum reports the scores on the TempEval-3 platinum test set
// (go test -run Platinum -v); it is never tuned on.
func TestTimexPlatinum(t *testing.T) {
	r, err := TimexScore(timexBench(t, "te3-platinum.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("te3-platinum\n%s", r)
}

var (
	timexFile   = flag.String("timex.file", "", "a TempEval-3 JSON Lines file to score in TestTimexFile")
	timexSource = flag.String("timex.source", "", "score only the documents of this source (TimeBank, AQUAINT) in TestTimexFile")
)

// TestTimexFile scores any TempEval-3 style file named by -timex.file, for
// development on parts of the training set: -timex.source=AQUAINT scores
// the AQUAINT half of te3-train, -timex.source=TimeBank the other.
func TestTimexFile(t *testing.T) {
	if *timexFile == "" {
		t.Skip("no -timex.file")
	}
	f, err := os.Open(*timexFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := timexOfSource(f, *timexSource)
	if err != nil {
		t.Fatal(err)
	}
	r, err := TimexScore(in)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s %s\n%s", *timexFile, *timexSource, r)
	if *timexErrors {
		r.WriteErrors(os.Stdout)
	}
}

// timexOfSource returns the documents of r whose source is src, all of
// them when src is empty.
func timexOfSource(r io.Reader, src string) (io.Reader, error) {
	if src == "" {
		return r, nil
	}
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	var out bytes.Buffer
	dec := json.NewDecoder(br)
	for {
		var d struct {
			Source string `json:"source"`
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			return &out, nil
		} else if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &d); err != nil {
			return nil, err
		}
		if d.Source == src {
			out.Write(raw)
			out.WriteByte('\n')
		}
	}
}
