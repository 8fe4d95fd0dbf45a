package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// tinyCorpus is a small corpus in the shape of ../shared/bench/corpus, so
// that the bench machinery is tested without ../shared.
var tinyCorpus = []BenchRecord{
	{ID: "r-1", Title: "Chrysler raises dividend", Outlet: "Reuters", Date: "1987-03-09T13:27:30",
		Text: "Chrysler Corp said its board raised the quarterly dividend to 37.5 cts from 30 cts.\n\nThe dividend is payable April 15 to holders of record March 20, the company said.\n\nChrysler also said it would buy back 10 mln shares."},
	{ID: "r-2", Title: "Talks on coffee quotas fail", Outlet: "Reuters", Date: "1987-03-02T10:00:00",
		Text: "Talks in London on coffee export quotas broke down on Monday, delegates said.\n\n\"There is no basis for agreement,\" said Jorio Dauster, the Brazilian delegate.\n\nProducers and consumers will meet again in September."},
	{ID: "b-1", Title: "Blair pledges school reform", Outlet: "BBC News",
		Text: "Tony Blair has promised to reform secondary schools within two years.\n\nThe prime minister told teachers in Manchester that the plans would be published next week."},
	{ID: "r-3", Title: "Fed adds reserves", Outlet: "Reuters", Date: "1987-04-01T15:04:05",
		Text: "The Federal Reserve entered the government securities market to add reserves via customer repurchase agreements, a spokesman said.\n\nFederal funds were trading at 6-1/8 pct at the time."},
}

func TestGeneratorDeterministic(t *testing.T) {
	write := func(seed uint64, n int) []byte {
		var buf bytes.Buffer
		if err := NewGenerator(tinyCorpus, seed).WriteJSONL(&buf, n); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	n := 5 * len(tinyCorpus)
	a, b := write(7, n), write(7, n)
	if diff := cmp.Diff(string(a), string(b)); diff != "" {
		t.Errorf("same seed, different articles (-first +second):\n%s", diff)
	}
	if bytes.Equal(a, write(8, n)) {
		t.Error("seeds 7 and 8 generated the same articles")
	}
	if small := write(7, n-3); !bytes.HasPrefix(a, small) {
		t.Error("a smaller size is not a prefix of a larger one")
	}
}

func TestGeneratorRecords(t *testing.T) {
	g := NewGenerator(tinyCorpus, 1)
	seen := make(map[string]bool)
	for n := range 4 * len(tinyCorpus) {
		r := g.Record(n)
		if seen[r.ID] {
			t.Fatalf("record %d repeats ID %s", n, r.ID)
		}
		seen[r.ID] = true
		k, epoch := n%len(tinyCorpus), n/len(tinyCorpus)
		src := tinyCorpus[g.order[k]]
		if epoch == 0 {
			if diff := cmp.Diff(src, r); diff != "" {
				t.Errorf("record %d is not the corpus article (-want +got):\n%s", n, diff)
			}
			continue
		}
		checkCopy(t, n, src, r, epoch)
	}
}

// checkCopy checks that r is a perturbed copy of src from the given epoch.
func checkCopy(t *testing.T, n int, src, r BenchRecord, epoch int) {
	t.Helper()
	srcPars, pars := strings.Split(src.Text, "\n\n"), strings.Split(r.Text, "\n\n")
	if len(pars) != len(srcPars) || len(strings.Fields(r.Text)) != len(strings.Fields(src.Text)) {
		t.Errorf("record %d: paragraphs or words changed in number:\n%q\nfrom\n%q", n, r.Text, src.Text)
	}
	if !strings.HasPrefix(r.ID, src.ID+"~") || r.URL == "" || r.Outlet != src.Outlet {
		t.Errorf("record %d: ID %q, URL %q, outlet %q from %+v", n, r.ID, r.URL, r.Outlet, src)
	}
	if src.Date == "" {
		if r.Date != "" {
			t.Errorf("record %d: undated article got date %q", n, r.Date)
		}
		return
	}
	from, _ := parseBenchDate(src.Date)
	to, ok := parseBenchDate(r.Date)
	if days := to.Sub(from).Hours() / 24; !ok || days < float64(365*epoch-2) || days > float64(365*epoch+2) {
		t.Errorf("record %d: date %q from %q, want %d±2 days later", n, r.Date, src.Date, 365*epoch)
	}
}

func TestArrivalOrder(t *testing.T) {
	recs := []BenchRecord{{Date: "1987-03-09T00:00:00"}, {Date: "1987-03-01T00:00:00"}, {}, {Date: "1987-03-05"}}
	order := arrivalOrder(recs, 1)
	var dated []int32
	for _, i := range order {
		if recs[i].Date != "" {
			dated = append(dated, i)
		}
	}
	if diff := cmp.Diff([]int32{1, 3, 0}, dated); diff != "" {
		t.Errorf("dated records out of date order (-want +got):\n%s", diff)
	}
	if len(order) != len(recs) {
		t.Errorf("order %v lost records", order)
	}
}

func TestSplitToken(t *testing.T) {
	tests := []struct{ in, pre, core, post string }{
		{"Reuters", "", "Reuters", ""},
		{"(Reuters),", "(", "Reuters", "),"},
		{"\"There", "\"", "There", ""},
		{"U.S.", "", "U.S", "."},
		{"37.5", "", "37.5", ""},
		{"--", "--", "", ""},
		{"Zürich.", "", "Zürich", "."},
	}
	for _, tt := range tests {
		pre, core, post := splitToken(tt.in)
		if pre != tt.pre || core != tt.core || post != tt.post {
			t.Errorf("splitToken(%q) = %q, %q, %q, want %q, %q, %q", tt.in, pre, core, post, tt.pre, tt.core, tt.post)
		}
	}
}

func TestShiftDate(t *testing.T) {
	tests := []struct {
		in   string
		days int
		want string
	}{
		{"1987-03-09T13:27:30", 366, "1988-03-09T13:27:30"}, // over 29 February 1988
		{"1987-03-09T13:27:30", -2, "1987-03-07T13:27:30"},
		{"1987-03-09", 365, "1988-03-08T00:00:00"},
		{"2025-08-18T10:00:00Z", 1, "2025-08-19T10:00:00"},
		{"", 365, ""},
		{"31-MAR-1987", 365, "31-MAR-1987"},
	}
	for _, tt := range tests {
		if got := shiftDate(tt.in, tt.days); got != tt.want {
			t.Errorf("shiftDate(%q, %d) = %q, want %q", tt.in, tt.days, got, tt.want)
		}
	}
}

func TestScrambleDigits(t *testing.T) {
	tests := []string{"37.5", "1987", "6-1/8", "0.05", "10,000", "Q3", "no digits"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, in := range tests {
		for range 20 {
			got := scrambleDigits(in, rng)
			if len(got) != len(in) {
				t.Fatalf("scrambleDigits(%q) = %q: length changed", in, got)
			}
			for i := range len(in) {
				wasDigit, isDigit := in[i] >= '0' && in[i] <= '9', got[i] >= '0' && got[i] <= '9'
				lead := i == 0 || in[i-1] < '0' || in[i-1] > '9'
				switch {
				case wasDigit != isDigit, !wasDigit && in[i] != got[i]:
					t.Fatalf("scrambleDigits(%q) = %q: not a digit for a digit", in, got)
				case wasDigit && lead && in[i] != '0' && got[i] == '0':
					t.Fatalf("scrambleDigits(%q) = %q: a number now starts with 0", in, got)
				}
			}
		}
	}
}

func TestShuffleParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"one", "Only one paragraph."},
		{"two", "Lead.\n\nSecond."},
		{"five", "Lead.\n\nB.\n\nC.\n\nD.\n\nE."},
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Split(tt.in, "\n\n")
			for range 10 {
				got := strings.Split(shuffleParagraphs(tt.in, rng), "\n\n")
				if got[0] != want[0] {
					t.Fatalf("lead paragraph moved: %q", got)
				}
				if diff := cmp.Diff(slices.Sorted(slices.Values(want)), slices.Sorted(slices.Values(got))); diff != "" {
					t.Fatalf("paragraphs changed (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestSubstitute(t *testing.T) {
	g := &Generator{words: []string{"market"}, names: []string{"Paris"}}
	tests := []struct {
		name, in string
		// want is what every substitution would give; got must agree with
		// it or with in, token by token.
		want string
	}{
		{"name inside a sentence", "Talks with Brazil, delegates said.", "Talks market Paris, market market."},
		{"no name at a sentence start", "Brazil agreed. Brazil said.", "Brazil market. Brazil market."},
		{"words of four letters or more", "the coffee quotas (talks) fail", "the market market (market) market"},
		{"punctuation kept", "\"Exports\" rose to 37.5 pct.", "\"Exports\" market to 00.0 pct."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(5, 6))
			for range 30 {
				got := g.substitute(tt.in, rng)
				in, want, toks := strings.Split(tt.in, " "), strings.Split(tt.want, " "), strings.Split(got, " ")
				if len(toks) != len(in) {
					t.Fatalf("substitute(%q) = %q: tokens changed in number", tt.in, got)
				}
				for i := range toks {
					if toks[i] != in[i] && toks[i] != want[i] && !sameShape(toks[i], want[i]) {
						t.Fatalf("substitute(%q) = %q: token %q, want %q or %q", tt.in, got, toks[i], in[i], want[i])
					}
				}
			}
		})
	}
}

// sameShape reports whether a and b differ in digits only.
func sameShape(a, b string) bool {
	digit := func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	}
	return strings.Map(digit, a) == strings.Map(digit, b)
}

func TestMembershipPick(t *testing.T) {
	m := newMembership(8)
	decide := func(story string, merged ...string) {
		m.add(cluster.Decision{StoryID: story, Merged: merged})
	}
	decide("s1")
	decide("s2")
	decide("s1")
	decide("s3")
	decide("s3", "s2") // s2 turns out to be part of s3
	decide("s4")
	decide("s5")
	decide("s5")
	if got, want := m.stories(), 4; got != want {
		t.Errorf("stories() = %d, want %d", got, want)
	}
	if got, want := m.ids[m.final(m.of[1])], "s3"; got != want {
		t.Errorf("article 1 ends in %s, want %s", got, want)
	}
	tests := []struct {
		limit, maxStory int
		want            []string
		tooBig          int
	}{
		{100, 100, []string{"s1", "s3", "s4", "s5"}, 0},
		{4, 100, []string{"s1", "s4"}, 0}, // every 2nd story: s1 (2), s4 (1); never over 4
		{1, 100, []string{}, 0},           // stride 8 takes s1 only, which is too big
		{100, 2, []string{"s1", "s4", "s5"}, 1},
	}
	for _, tt := range tests {
		p := m.pick(tt.limit, tt.maxStory)
		got := []string{}
		for s := range p.chosen {
			got = append(got, m.ids[s])
		}
		slices.Sort(got)
		if diff := cmp.Diff(tt.want, got); diff != "" || p.tooBig != tt.tooBig || p.largest != 3 {
			t.Errorf("pick(%d, %d) = %d too big, largest %d, want %d, 3; chosen (-want +got):\n%s",
				tt.limit, tt.maxStory, p.tooBig, p.largest, tt.tooBig, diff)
		}
	}
}

// countingIngester submits to an engine over an in-memory store and counts
// what it is given; it does not derive, so "full" stops after ingest.
type countingIngester struct {
	eng               *engine.Engine
	batches, articles int
}

func (c *countingIngester) Submit(ctx context.Context, arts []article.Article) *engine.Pending {
	c.batches++
	c.articles += len(arts)
	return c.eng.Submit(ctx, arts)
}

func newCountingIngester(ctx context.Context) (*countingIngester, error) {
	db, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		return nil, err
	}
	eng, err := engine.Open(ctx, db, engine.Options{})
	if err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return &countingIngester{eng: eng}, nil
}

func TestBenchTiny(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "tiny.jsonl")
	var buf bytes.Buffer
	for _, r := range tinyCorpus {
		json.NewEncoder(&buf).Encode(r)
	}
	if err := os.WriteFile(corpus, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var sinks []*countingIngester
	var snapshots []string
	o := BenchOptions{
		Corpus: []string{corpus}, Seed: 1, Sizes: []int{6, 13}, Workers: 2, Batch: 5, Dir: dir,
		Open: func(ctx context.Context, size int) (*Sink, error) {
			c, err := newCountingIngester(ctx)
			if err != nil {
				return nil, err
			}
			sinks = append(sinks, c)
			return &Sink{Ingester: c, Store: func() Usage { return Usage{} }, Close: c.eng.Close}, nil
		},
		Snapshot: func(stage string, size int) { snapshots = append(snapshots, stage) },
	}
	rep, err := Bench(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	checkBenchRows(t, rep, o.Sizes)
	for _, f := range sinks {
		if f.articles != 6 && f.articles != 13 {
			t.Errorf("an engine was given %d articles in %d batches, want 6 or 13", f.articles, f.batches)
		}
	}
	if want := []string{"cluster", "ingest", "assembly", "full", "cluster", "ingest", "assembly", "full"}; !slices.Equal(snapshots, want) {
		t.Errorf("snapshots after %v, want %v", snapshots, want)
	}
	checkBenchOutput(t, rep)
	if left, _ := filepath.Glob(filepath.Join(dir, "storyline-bench-*")); len(left) > 0 {
		t.Errorf("generated files left behind: %v", left)
	}
}

// checkBenchRows checks that every stage reported every size.
func checkBenchRows(t *testing.T, rep *BenchReport, sizes []int) {
	t.Helper()
	want := []string{"reference", "read", "cluster", "ingest", "store", "analysis ×1", "analysis ×2", "assembly", "full ×2"}
	for _, n := range sizes {
		var got []string
		for _, s := range rep.Results {
			if s.Size != n {
				continue
			}
			got = append(got, s.label())
			if s.Articles != n && s.Stage != "assembly" || s.Articles == 0 {
				t.Errorf("size %d, %s: %d articles", n, s.label(), s.Articles)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("stages at size %d (-want +got):\n%s", n, diff)
		}
	}
}

// checkBenchOutput checks that the report prints as a table and as JSON.
func checkBenchOutput(t *testing.T, rep *BenchReport) {
	t.Helper()
	var tab, js bytes.Buffer
	if err := rep.WriteTable(&tab); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"reference", "full ×2", "goal full ≤ 20x reference at 13"} {
		if !strings.Contains(tab.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, tab.String())
		}
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Results []struct {
			Stage    string  `json:"stage"`
			Articles int     `json:"articles"`
			Rate     float64 `json:"articles_per_s"`
		} `json:"results"`
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("JSON report: %v", err)
	}
	if len(back.Results) != len(rep.Results) || back.Results[0].Stage != "reference" || back.Results[0].Rate <= 0 {
		t.Errorf("JSON report: %+v", back.Results)
	}
}

func TestBenchOptionsCheck(t *testing.T) {
	open := func(context.Context, int) (*Sink, error) { return nil, nil }
	tests := []struct {
		name string
		o    BenchOptions
		want string // in the error; "" for none
	}{
		{"defaults", BenchOptions{Corpus: []string{"c"}, Open: open}, ""},
		{"unknown stage", BenchOptions{Corpus: []string{"c"}, Open: open, Stages: []string{"reed"}}, `unknown stage "reed"`},
		{"no store", BenchOptions{Corpus: []string{"c"}}, "need a store"},
		{"no store needed", BenchOptions{Corpus: []string{"c"}, Stages: []string{"read", "analysis"}}, ""},
		{"no corpus", BenchOptions{Open: open}, "no corpus"},
		{"bad size", BenchOptions{Corpus: []string{"c"}, Open: open, Sizes: []int{10, 0}}, "size 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.o.withDefaults().check()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("check() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("check() = %v, want an error with %q", err, tt.want)
			}
		})
	}
}
