package entity

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// dateMarker is the metadata marker some seed files start with.
var dateMarker = regexp.MustCompile(`^ date \d{4}-\d{2}-\d{2} `)

// seedDocs reads the seed articles, without their date markers.
func seedDocs(t testing.TB) []Doc {
	t.Helper()
	files, err := filepath.Glob("../../examples/ukraine-talks/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	sort.Strings(files)
	var docs []Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		docs = append(docs, Doc{ArticleID: id, Text: dateMarker.ReplaceAllString(string(b), "")})
	}
	return docs
}

// seedNames are the names in the seed articles, typed by hand: what a good
// tagger would find. Titles are left out, as CoNLL-style taggers do.
var seedNames = []string{
	"PER:Donald Trump", "PER:Trump", "PER:Volodymyr Zelenskyy", "PER:Volodymyr Zelensky",
	"PER:Zelenskiy", "PER:Zelensky", "PER:Zelenskyy", "PER:Vladimir Putin", "PER:Putin",
	"PER:Emmanuel Macron", "PER:Macron", "PER:Keir Starmer", "PER:Alexander Stubb",
	"PER:Giorgia Meloni", "PER:Friedrich Merz", "PER:Merz", "PER:Ursula von der Leyen",
	"PER:von der Leyen", "PER:Mark Rutte", "PER:Rutte", "PER:J.D. Vance", "PER:JD Vance",
	"PER:Vance", "PER:Marco Rubio", "PER:Steve Witkoff", "PER:Yuri Ushakov", "PER:MANDEL NGAN",
	"LOC:Ukraine", "LOC:Russia", "LOC:US", "LOC:U.S.", "LOC:United States", "LOC:America",
	"LOC:UK", "LOC:U.K.", "LOC:Britain", "LOC:France", "LOC:Germany", "LOC:Italy",
	"LOC:Finland", "LOC:Europe", "LOC:Alaska", "LOC:Kyiv", "LOC:Moscow", "LOC:Washington",
	"LOC:Hungary", "LOC:Turkey", "LOC:Crimea", "LOC:Donetsk", "LOC:Slovakia",
	"LOC:White House", "LOC:Oval Office",
	"ORG:NATO", "ORG:EU", "ORG:European Union", "ORG:European Commission", "ORG:Kremlin",
	"ORG:Bloomberg", "ORG:Vesti", "ORG:BBC", "ORG:Truth Social", "ORG:Telegram",
	"ORG:Foreign Ministry", "ORG:International Criminal Court", "ORG:AFP",
	"MISC:Russian", "MISC:Ukrainian", "MISC:German", "MISC:French", "MISC:Italian",
	"MISC:Finnish", "MISC:European", "MISC:Western", "MISC:Article 5",
}

// tag finds every whole-word occurrence of the typed names ("PER:Trump") in
// text, longest first and without overlaps, as mentions with rune offsets.
func tag(text string, names []string) []Mention {
	sorted := append([]string(nil), names...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return len(sorted[i]) > len(sorted[j])
	})
	taken := make([]bool, len(text))
	var out []Mention
	for _, tn := range sorted {
		typ, n, _ := strings.Cut(tn, ":")
		for i := 0; ; {
			k := strings.Index(text[i:], n)
			if k < 0 {
				break
			}
			s, e := i+k, i+k+len(n)
			i = e
			if !boundary(text, s, e) || anyTaken(taken[s:e]) {
				continue
			}
			for j := s; j < e; j++ {
				taken[j] = true
			}
			rs := utf8.RuneCountInString(text[:s])
			out = append(out, Mention{Start: rs, End: rs + utf8.RuneCountInString(n), Text: n, Type: Type(typ)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func boundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func anyTaken(b []bool) bool {
	for _, x := range b {
		if x {
			return true
		}
	}
	return false
}

// taggedSeeds returns the seeds with hand-made mentions.
func taggedSeeds(t testing.TB) []Doc {
	docs := seedDocs(t)
	for i := range docs {
		docs[i].Mentions = tag(docs[i].Text, seedNames)
	}
	return docs
}
