package ner

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/text"
)

//go:embed data/gazetteer/*.txt
var gazetteerFiles embed.FS

// Gazetteer lists. Matches are features only; the model learns how much
// each list is worth, so a list may mix types (place.txt holds the
// Kremlin) and lower-case ambiguity ("us") is left to the weights.
const (
	gazCountry = iota
	gazPlace
	gazDemonym
	gazOrg
	gazPerson // given names
	gazTitle
	gazPeople // well-known people
	gazTeam
	gazEvent
	numGaz
)

var gazFile = [numGaz]string{"country", "place", "demonym", "org", "person", "title", "people", "team", "event"}

// gazetteer matches token sequences against the lists.
type gazetteer struct {
	first     map[string][]gazEntry // lower-cased first token → entries
	demonym   map[string]string
	overrides map[string]entity.Type // mention text → storyline type
}

type gazEntry struct {
	toks  []string // normalized tokens as written
	lower []string
	list  int
}

var (
	gazOnce sync.Once
	gazData *gazetteer
)

// defaultGazetteer returns the gazetteer built from the embedded lists.
func defaultGazetteer() *gazetteer {
	gazOnce.Do(func() {
		g, err := loadGazetteer()
		if err != nil {
			panic(err) // the lists are part of the binary
		}
		gazData = g
	})
	return gazData
}

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{first: map[string][]gazEntry{}, demonym: map[string]string{}, overrides: map[string]entity.Type{}}
	for list, name := range gazFile {
		err := readList(name, func(fields []string) {
			g.add(fields[0], list)
			if list == gazDemonym && len(fields) > 1 {
				g.demonym[fields[0]] = fields[1]
			}
		})
		if err != nil {
			return nil, err
		}
	}
	err := readList("overrides", func(fields []string) {
		if len(fields) == 2 {
			g.overrides[fields[0]] = entity.Type(fields[1])
		}
	})
	return g, err
}

// readList calls f with the tab-separated fields of each entry of the
// embedded list name.
func readList(name string, f func(fields []string)) error {
	data, err := gazetteerFiles.ReadFile("data/gazetteer/" + name + ".txt")
	if err != nil {
		return fmt.Errorf("gazetteer %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f(strings.Split(line, "\t"))
	}
	return sc.Err()
}

func (g *gazetteer) add(entry string, list int) {
	var e gazEntry
	for _, t := range text.Tokenize(entry) {
		w := Normalize(t.Text)
		e.toks = append(e.toks, w)
		e.lower = append(e.lower, strings.ToLower(w))
	}
	if len(e.toks) == 0 {
		return
	}
	e.list = list
	g.first[e.lower[0]] = append(g.first[e.lower[0]], e)
}

// Gazetteer match codes per token and list: 0 for no match, else
// 1+position (B, I, L, U), plus gazExact when the case matched too.
const gazExact = 8

// match returns, for each token of a sentence (normalized and lower-cased
// forms), its match code in every list. At each position the longest entry
// of each list wins; matches of one list do not overlap.
func (g *gazetteer) match(words, lower []string) [][numGaz]uint8 {
	infos := make([]*wordInfo, len(words))
	for i := range words {
		infos[i] = &wordInfo{gaz: g.first[lower[i]]}
	}
	return matchInto(make([][numGaz]uint8, len(words)), infos, words, lower)
}

// matchInto is match writing into out, which holds len(words) zero codes,
// with the entries starting at each token taken from its wordInfo.
func matchInto(out [][numGaz]uint8, infos []*wordInfo, words, lower []string) [][numGaz]uint8 {
	var covered [numGaz]int
	for i := range words {
		var best [numGaz]int
		var exact [numGaz]bool
		for _, e := range infos[i].gaz {
			n := len(e.lower)
			if i < covered[e.list] || i+n > len(words) || n <= best[e.list] || !equal(e.lower, lower[i:i+n]) {
				continue
			}
			best[e.list], exact[e.list] = n, equal(e.toks, words[i:i+n])
		}
		for list, n := range best {
			if n == 0 {
				continue
			}
			covered[list] = i + n
			for k := 0; k < n; k++ {
				pos := posI
				switch {
				case n == 1:
					pos = posU
				case k == 0:
					pos = posB
				case k == n-1:
					pos = posL
				}
				code := uint8(1 + pos)
				if exact[list] {
					code |= gazExact
				}
				out[i+k][list] = code
			}
		}
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Demonym returns the place that a nationality or regional word names, as
// listed in data/gazetteer/demonym.txt: "Ukrainian" → "Ukraine",
// "Britons" → "United Kingdom".
func Demonym(word string) (place string, ok bool) {
	place, ok = defaultGazetteer().demonym[word]
	return place, ok
}
