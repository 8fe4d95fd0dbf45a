package divergence

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// seedResult is what the golden file holds.
type seedResult struct {
	Divergences []Divergence
	Agreements  []Agreement
}

// TestSeeds runs the whole pipeline over examples/ukraine-talks and
// compares the result with testdata/seeds.golden (-update rewrites it).
func TestSeeds(t *testing.T) {
	divs, agrs := Compare(docsOf(seedArticles(t)))
	got, err := json.MarshalIndent(seedResult{divs, agrs}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "seeds.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("result differs from %s (run with -update and review the diff):\n%s", path, got)
	}
}

// TestSeedFindings states what issue 6 asks of the seeds, independently
// of the golden file's details.
func TestSeedFindings(t *testing.T) {
	divs, agrs := Compare(docsOf(seedArticles(t)))
	variants := func(d Divergence) map[string][]string {
		m := make(map[string][]string)
		for _, v := range d.Variants {
			m[v.Value] = v.Articles
		}
		return m
	}
	find := func(kind Kind, value string) (Divergence, bool) {
		for _, d := range divs {
			if _, ok := variants(d)[value]; ok && d.Kind == kind {
				return d, true
			}
		}
		return Divergence{}, false
	}
	for _, tc := range []struct {
		name  string
		kind  Kind
		value string
		want  map[string][]string
	}{
		{"meeting", Deadline, "within two weeks", map[string][]string{
			"as early as within a week": {"000", "001"}, "within two weeks": {"003", "004"}}},
		{"guarantees", Deadline, "within 10 days", map[string][]string{
			"within 10 days": {"002"}, "within the next week to 10 days": {"003"}}},
		{"spelling", Spelling, "Zelensky", map[string][]string{
			"Zelenskiy": {"000"}, "Zelensky": {"001", "004"}, "Zelenskyy": {"002", "003"}}},
	} {
		d, ok := find(tc.kind, tc.value)
		if !ok {
			t.Errorf("%s: no %s divergence with %q", tc.name, tc.kind, tc.value)
			continue
		}
		if got := variants(d); !equalVariants(got, tc.want) {
			t.Errorf("%s (%q): variants %v, want %v", tc.name, d.Topic, got, tc.want)
		}
	}
	if len(divs) != 3 {
		t.Errorf("%d divergences, want the 3 above: %+v", len(divs), divs)
	}
	i := slices.IndexFunc(agrs, func(a Agreement) bool { return a.Kind == Amount })
	if i < 0 || agrs[i].Value != "$90 billion" || !slices.Equal(agrs[i].Articles, []string{"002", "003"}) {
		t.Errorf("no agreement on $90 billion by 002 and 003: %+v", agrs)
	}
	for _, d := range divs {
		for _, v := range d.Variants {
			for _, s := range v.Sources {
				if s.Article == "" || s.Start >= s.End {
					t.Errorf("%q: source without provenance: %+v", d.Topic, s)
				}
			}
		}
	}
}

// equalVariants compares value → articles maps.
func equalVariants(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestSeedClaimSpans checks that every claim of the seeds locates its
// text.
func TestSeedClaimSpans(t *testing.T) {
	for _, d := range docsOf(seedArticles(t)) {
		rs := []rune(d.Text)
		for _, c := range Claims(d) {
			if c.Start < 0 || c.End > len(rs) || c.Start >= c.End || string(rs[c.Start:c.End]) != c.Text {
				t.Errorf("%s: claim %q has span [%d,%d)", d.ID, c.Text, c.Start, c.End)
			}
			if strings.TrimSpace(c.Subject) == "" {
				t.Errorf("%s: claim %q has no subject", d.ID, c.Text)
			}
		}
	}
}
