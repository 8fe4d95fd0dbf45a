package entity

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
)

// The alias and title tables, as text files: facts, written by hand.
//
//go:embed data/*.txt
var dataFS embed.FS

// An alias is one entry of the alias tables: a country, region, city or
// organization with the names it goes by.
type alias struct {
	name string // canonical name
	typ  Type   // entity type; "" keeps the type the mentions give
	qual string // the entry's form in roles ("U.S.", "German", "NATO")
}

// A title is a word or phrase that names a role ("Prime Minister").
type title struct {
	name string // canonical form
	head bool   // a head of state or government
}

// tables holds everything the resolver looks up by folded key.
type tables struct {
	aliases    []alias
	byName     map[string]int    // folded name or alias → index in aliases
	quals      map[string]string // folded name, alias or adjective → role qualifier
	titles     map[string]title  // folded title phrase → title
	modifiers  map[string]bool
	prefixes   map[string]bool
	honorifics map[string]bool
	particles  map[string]bool
	suffixes   map[string]bool
	maxQual    int // longest qualifier, in words
	maxTitle   int // longest title, in words
	// The folded first and last words of qualifiers and titles, which let
	// the parser skip most words after one lookup.
	qualFirst, qualLast, titleFirst, titleLast map[string]bool
}

// loadTables parses the embedded tables once; the data ships with the binary,
// so an error is a programmer's error and panics.
var loadTables = sync.OnceValue(func() *tables {
	t, err := parseTables()
	if err != nil {
		panic(err)
	}
	return t
})

func parseTables() (*tables, error) {
	t := &tables{
		byName:     map[string]int{},
		quals:      map[string]string{},
		titles:     map[string]title{},
		modifiers:  map[string]bool{},
		prefixes:   map[string]bool{},
		honorifics: map[string]bool{},
		particles:  map[string]bool{},
		suffixes:   map[string]bool{},
		qualFirst:  map[string]bool{},
		qualLast:   map[string]bool{},
		titleFirst: map[string]bool{},
		titleLast:  map[string]bool{},
	}
	for _, f := range []string{"data/countries.txt", "data/places.txt", "data/organizations.txt"} {
		if err := t.readFile(f, t.addAlias); err != nil {
			return nil, err
		}
	}
	section := ""
	err := t.readFile("data/titles.txt", func(line string) error {
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			return nil
		}
		return t.addWord(section, line)
	})
	return t, err
}

// readFile calls add for each line of an embedded file that is neither blank
// nor a comment.
func (t *tables) readFile(name string, add func(line string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := add(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// addAlias adds one "name | type | qualifier | aliases | adjectives" line.
func (t *tables) addAlias(line string) error {
	cols := strings.Split(line, "|")
	if len(cols) != 5 {
		return fmt.Errorf("want 5 columns, got %d", len(cols))
	}
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	a := alias{name: cols[0], typ: Type(cols[1]), qual: cols[2]}
	if a.typ == "-" {
		a.typ = ""
	}
	id := len(t.aliases)
	t.aliases = append(t.aliases, a)
	for _, n := range append([]string{a.name}, splitList(cols[3])...) {
		k := foldString(n)
		if old, ok := t.byName[k]; ok && old != id {
			return fmt.Errorf("%q names both %s and %s", n, t.aliases[old].name, a.name)
		}
		t.byName[k] = id
		t.addQual(n, a.qual)
	}
	for _, adj := range splitList(cols[4]) {
		t.addQual(adj, a.qual)
	}
	return nil
}

func (t *tables) addQual(phrase, qual string) {
	phrase = strings.TrimPrefix(phrase, "the ")
	t.quals[foldString(phrase)] = qual
	t.maxQual = max(t.maxQual, addEnds(phrase, t.qualFirst, t.qualLast))
}

// addEnds adds the folded first and last words of phrase to first and last,
// and returns its number of words.
func addEnds(phrase string, first, last map[string]bool) int {
	ws := words(phrase, 0, len(phrase), nil)
	if len(ws) == 0 {
		return 0
	}
	first[foldString(phrase[ws[0].s:ws[0].e])] = true
	last[foldString(phrase[ws[len(ws)-1].s:ws[len(ws)-1].e])] = true
	return len(ws)
}

// addWord adds one line of a section of titles.txt.
func (t *tables) addWord(section, line string) error {
	switch section {
	case "titles":
		cols := strings.Split(line, "|")
		if len(cols) != 2 {
			return fmt.Errorf("want 2 columns, got %d", len(cols))
		}
		name := strings.TrimSpace(cols[0])
		ti := title{name: strings.TrimPrefix(name, "*"), head: strings.HasPrefix(name, "*")}
		for _, v := range append([]string{ti.name}, splitList(cols[1])...) {
			t.titles[foldString(v)] = ti
			t.maxTitle = max(t.maxTitle, addEnds(v, t.titleFirst, t.titleLast))
		}
	case "modifiers":
		t.modifiers[foldString(line)] = true
	case "prefixes":
		t.prefixes[foldString(line)] = true
	case "honorifics":
		t.honorifics[foldString(line)] = true
	case "particles":
		t.particles[foldString(line)] = true
	case "suffixes":
		t.suffixes[foldString(line)] = true
	default:
		return fmt.Errorf("line outside a known section: %q", line)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func foldString(s string) string {
	return string(fold(nil, s))
}
