package ner

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dateMarker is the " date YYYY-MM-DD " line prefix of the seed files,
// which ingest strips before analysis.
var dateMarker = regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s+`)

func seedText(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../../examples/ukraine-talks", name))
	if err != nil {
		t.Skipf("seed %s: %v", name, err)
	}
	return dateMarker.ReplaceAllString(string(b), "")
}

func TestTagSeed(t *testing.T) {
	text := seedText(t, "003_545589a7eaafdb4a.txt")
	ms := Default().Tag(text)
	// types[name] holds the types of the mentions that have name as a
	// word ("Yuri Ushakov" counts for Ushakov).
	types := map[string]map[string]bool{}
	for _, m := range ms {
		names := append(strings.Fields(m.Text), m.Text)
		for _, name := range names {
			if types[name] == nil {
				types[name] = map[string]bool{}
			}
			types[name][string(m.Type)] = true
		}
		if strings.Contains(m.Text, "February") || strings.Contains(m.Text, "President") {
			t.Errorf("mention %+v: months and titles are not entities", m)
		}
		if got := string([]rune(text)[m.Start:m.End]); got != m.Text {
			t.Errorf("mention %+v: text at offsets is %q", m, got)
		}
	}
	want := map[string]string{
		"Trump": "person", "Zelenskyy": "person", "Putin": "person", "Merz": "person",
		"Macron": "person", "Ushakov": "person", "Rutte": "person",
		"NATO": "organization", "Kremlin": "organization", "Foreign Ministry": "organization",
		"European Union": "organization",
		"Alaska":         "location", "Hungary": "location", "Turkey": "location", "Crimea": "location",
		"Donetsk": "location", "Kyiv": "location", "Moscow": "location", "Washington": "location",
	}
	for name, typ := range want {
		if !types[name][typ] {
			t.Errorf("%s: types found %v, want %s", name, types[name], typ)
		}
	}
	if t.Failed() || testing.Verbose() {
		for _, m := range ms {
			t.Logf("%5d %5d %-14s %s", m.Start, m.End, m.Type, m.Text)
		}
	}
}
