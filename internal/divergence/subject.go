package divergence

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/entity/ner"
	stext "github.com/storyline-news/storyline/internal/text"
)

// extraStopWords are words that say nothing about a claim's subject beyond
// the snowball stop list: reporting verbs, modals, number words.
var extraStopWords = map[string]bool{
	"said": true, "says": true, "say": true, "saying": true, "told": true,
	"tell": true, "telling": true, "according": true, "also": true,
	"would": true, "could": true, "may": true, "might": true, "must": true,
	"shall": true, "n't": true, "'s": true, "'": true, "mr.": true,
	"mrs.": true, "ms.": true, "reported": true, "added": true,
	"adding": true, "stated": true, "stating": true, "noted": true,
	"per": true, "cent": true, "percent": true, "including": true,
	"like": true, "us": true, "yet": true, "still": true, "even": true,
	"however": true, "within": true, "early": true, "approximately": true,
	"around": true, "nearly": true, "almost": true, "least": true,
	"many": true, "much": true, "well": true, "since": true, "ago": true,
	"one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"hundred": true, "thousand": true, "million": true, "billion": true,
	"people": true, "official": true, "officials": true,
}

// synonyms map words to the word that stands for them all before stemming,
// so that paraphrases share features: "arms" and "weapons", "summit" and
// "meeting", "killed" and "dead".
var synonyms = map[string]string{
	"arms": "weapon", "weaponry": "weapon", "weapons": "weapon",
	"purchase": "buy", "purchased": "buy", "purchasing": "buy",
	"bought": "buy", "buying": "buy", "summit": "meet", "meeting": "meet",
	"meetings": "meet", "met": "meet", "dead": "kill", "deaths": "kill",
	"death": "kill", "died": "kill", "killed": "kill", "killing": "kill",
	"fatalities": "kill", "toll": "kill", "quake": "earthquake",
	"tremor": "earthquake", "temblor": "earthquake", "injured": "injur",
	"wounded": "injur", "hurt": "injur", "injuries": "injur",
	"jailed": "sentenc", "imprisoned": "sentenc", "prison": "sentenc",
	"leaders": "leader", "presidents": "leader", "president": "leader",
	"counterpart": "leader", "counterparts": "leader",
	"guarantee": "guarante", "guarantees": "guarante", "assurances": "guarante",
}

// leaderWords name the head of a country after a nationality word ("the
// Russian leader", "Ukrainian President").
var leaderWords = map[string]bool{
	"leader": true, "leaders": true, "president": true, "presidents": true,
	"counterpart": true, "chancellor": true, "premier": true, "minister": true,
}

// isStopWord reports whether the lower-case word w carries no subject.
func isStopWord(w string) bool {
	return english.IsStopWord(w) || extraStopWords[w]
}

// stem returns the feature form of the lower-case word w: its synonym's
// or its own snowball stem.
func stem(w string) string {
	if s, ok := synonyms[w]; ok {
		return s
	}
	return stext.Stem(w)
}

// contentWord reports whether the lower-case word w may be a feature: not
// a stop word, and with a letter in it.
func contentWord(w string) bool {
	if isStopWord(w) {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// feature is one subject feature of a sentence at a word.
type feature struct {
	name string
	word int
}

// sentFeatures returns the subject features of sentence s: entities,
// places named by nationality words, their leaders, and the stems of the
// other content words. ents maps word indexes to the entity mention that
// covers them; nations maps person entity IDs to the place of their
// nationality.
func sentFeatures(t *text, s int, ents []*Mention, nations map[string]string) []feature {
	var out []feature
	var last *Mention
	from, to := t.sents[s][0], t.sents[s][1]
	for i := from; i < to; i++ {
		w := t.words[i]
		if place, ok := ner.Demonym(w.text); ok && capitalized(w.text) {
			p := strings.ToLower(place)
			out = append(out, feature{"p:" + p, i})
			if leads(t, i+1, to) {
				out = append(out, feature{"lead:" + p, i})
			}
			continue
		}
		if m := ents[i]; m != nil {
			if m != last {
				out = append(out, mentionFeatures(m, nations, i)...)
			}
			last = m
			continue
		}
		if contentWord(w.lower) && !strings.HasPrefix(w.lower, "'") {
			out = append(out, feature{stem(w.lower), i})
		}
	}
	return out
}

// mentionFeatures returns the features of a mention starting at word i.
func mentionFeatures(m *Mention, nations map[string]string, i int) []feature {
	if m.Entity == "" {
		return []feature{{"n:" + strings.ToLower(m.Name), i}}
	}
	out := []feature{{"e:" + m.Entity, i}}
	if m.Type == entity.Location && m.Name != "" {
		out = append(out, feature{"p:" + strings.ToLower(m.Name), i})
	}
	if p, ok := nations[m.Entity]; ok {
		out = append(out, feature{"lead:" + p, i})
	}
	return out
}

// leads reports whether a leader word follows at words[i:], possibly
// after more nationality words: "Russian and Ukrainian leaders".
func leads(t *text, i, to int) bool {
	for ; i < to && i < len(t.words); i++ {
		w := t.words[i]
		if leaderWords[w.lower] {
			return true
		}
		if _, ok := ner.Demonym(w.text); !ok && w.lower != "and" && w.lower != "," {
			return false
		}
	}
	return false
}

// vector is a weighted bag of features, as a subject is built.
type vector map[string]float64

// unit is a vector compiled for fast comparison: feature IDs ascending,
// weights scaled to unit length. Sums run in ID order, so a cosine is the
// same on every run.
type unit struct {
	ids []int32
	w   []float64
}

// compile returns v as a unit vector, numbering new features in ids.
func (v vector) compile(ids map[string]int32) unit {
	type entry struct {
		id int32
		w  float64
	}
	// New features are numbered in name order, not map order, so that the
	// numbering, and with it the order of every sum below, is the same on
	// every run.
	es := make([]entry, 0, len(v))
	var norm float64
	for _, name := range slices.Sorted(maps.Keys(v)) {
		id, ok := ids[name]
		if !ok {
			id = int32(len(ids))
			ids[name] = id
		}
		es = append(es, entry{id, v[name]})
	}
	slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.id, b.id) })
	for _, e := range es {
		norm += e.w * e.w
	}
	if norm == 0 {
		return unit{}
	}
	norm = math.Sqrt(norm)
	u := unit{ids: make([]int32, len(es)), w: make([]float64, len(es))}
	for k, e := range es {
		u.ids[k], u.w[k] = e.id, e.w/norm
	}
	return u
}

// cosine returns the cosine similarity of a and b.
func cosine(a, b unit) float64 {
	var dot float64
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			dot += a.w[i] * b.w[j]
			i++
			j++
		}
	}
	return dot
}
