package divergence

import (
	"math"
	"strings"

	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/entity/ner"
)

// Weights of a claim's context words in its subject vector.
const (
	clauseWeight = 1.0 // in the clause of the figure
	entityWeight = 0.5 // entities and places elsewhere in its sentence
	sentWeight   = 0.3 // other words of its sentence
	prevWeight   = 0.3 // in the sentence before, where its anaphors point
	// anchorWords is how far after a figure its anchor may be named.
	anchorWords = 5
	// speakerWeight is the weight of the speaker a claim is attributed
	// to: one person's statement is often reported by several outlets.
	speakerWeight = 2.0
)

// story is the articles of one story, read once for alignment.
type story struct {
	docs  []Doc
	texts []*text
	// index maps article IDs to their position in docs.
	index map[string]int
	// feats[d][s] are the subject features of sentence s of doc d.
	feats [][][]feature
	idf   map[string]float64
	// claims are every article's claims, doc[i] the doc of claims[i] and
	// vecs[i] its subject vector.
	claims []Claim
	doc    []int
	subs   []subject
	// people holds the IDs of person entities.
	people map[string]bool
}

// newStory reads docs: their words, features, claims and subject vectors.
func newStory(docs []Doc) *story {
	s := &story{docs: docs, index: make(map[string]int), texts: make([]*text, len(docs)), people: make(map[string]bool)}
	ents := make([][]*Mention, len(docs))
	for i := range docs {
		for _, m := range docs[i].Mentions {
			if m.Entity != "" && m.Type == entity.Person {
				s.people[m.Entity] = true
			}
		}
		s.index[docs[i].ID] = i
		s.texts[i] = newText(docs[i].Text)
		ents[i] = mentionIndex(s.texts[i], docs[i].Mentions)
	}
	nations := nationalities(docs, s.texts)
	df := make(map[string]int)
	sents := 0
	s.feats = make([][][]feature, len(docs))
	for i, t := range s.texts {
		for k := range t.sents {
			fs := sentFeatures(t, k, ents[i], nations)
			s.feats[i] = append(s.feats[i], fs)
			seen := make(map[string]bool)
			for _, f := range fs {
				if !seen[f.name] {
					seen[f.name] = true
					df[f.name]++
				}
			}
			sents++
		}
	}
	s.idf = make(map[string]float64, len(df))
	for f, n := range df {
		s.idf[f] = math.Sqrt(math.Log(1 + float64(sents)/float64(n)))
	}
	ids := make(map[string]int32)
	for i := range docs {
		for _, c := range extract(&docs[i], s.texts[i]) {
			sub := s.subjectOf(i, &c)
			sub.unit, sub.vec = sub.vec.compile(ids), nil
			s.claims = append(s.claims, c)
			s.doc = append(s.doc, i)
			s.subs = append(s.subs, sub)
		}
	}
	return s
}

// mentionIndex maps each word of t to the longest mention covering it.
// Mentions without a name get their text as name; ms is not changed.
func mentionIndex(t *text, ms []Mention) []*Mention {
	idx := make([]*Mention, len(t.words))
	for _, m := range ms {
		if m.Start < 0 || m.End > len(t.runes) || m.Start >= m.End {
			continue
		}
		if m.Name == "" {
			m.Name = t.slice(m.Start, m.End)
		}
		for k := t.wordAt(m.Start); k < len(t.words) && t.words[k].start < m.End; k++ {
			if o := idx[k]; o == nil || o.End-o.Start < m.End-m.Start {
				idx[k] = &m
			}
		}
	}
	return idx
}

// nationalities maps person entities to the place of the nationality word
// written before one of their mentions ("Russian President Vladimir
// Putin"), the first found in docs order.
func nationalities(docs []Doc, texts []*text) map[string]string {
	out := make(map[string]string)
	for i, d := range docs {
		t := texts[i]
		for _, m := range d.Mentions {
			if m.Entity == "" || m.Type != entity.Person || out[m.Entity] != "" ||
				m.Start < 0 || m.Start > len(t.runes) {
				continue
			}
			k := t.wordAt(m.Start)
			for j := k - 1; j >= 0 && j >= k-3 && t.words[j].sent == t.words[min(k, len(t.words)-1)].sent; j-- {
				if p, ok := ner.Demonym(t.words[j].text); ok && capitalized(t.words[j].text) {
					out[m.Entity] = strings.ToLower(p)
					break
				}
			}
		}
	}
	return out
}

// subject is what a claim is about, as alignment compares it.
type subject struct {
	// vec weighs the features of the claim's context, as unit compiles
	// it.
	vec  vector
	unit unit
	// core holds the word stems of the claim's clause, and of the sentence
	// before when the clause points back to it; persons the people named
	// in the clause.
	core, persons map[string]bool
	// anchors are the places and organizations named just after the
	// figure: "26 miles north of Santa Rosa".
	anchors map[string]bool
}

// subjectOf returns the subject of claim c of doc d. Its vector holds the
// IDF-weighted features of the claim's clause, then those of the rest of
// its sentence, and of the sentence before when the clause points back to
// it ("the two leaders will meet"). The figure's own words do not count,
// its counted noun does.
func (s *story) subjectOf(d int, c *Claim) subject {
	t := s.texts[d]
	sub := subject{vec: make(vector), core: make(map[string]bool), persons: make(map[string]bool)}
	put := func(name string, w float64) {
		if x := w * s.idf[name]; x > sub.vec[name] {
			sub.vec[name] = x
		}
	}
	from, _ := clauseBefore(t, c.words[0], clauseLimit)
	_, to := clauseAfter(t, max(c.words[1], c.unit+1), 6)
	var before map[string]bool // people named earlier in the sentence
	for _, f := range s.feats[d][c.sent] {
		switch {
		case f.word >= c.words[0] && f.word < c.words[1] && f.word != c.unit:
		case f.word >= from && f.word < to:
			put(f.name, clauseWeight)
			sub.addCore(f.name, f.word < c.words[0])
		case strings.Contains(f.name, ":"):
			put(f.name, entityWeight)
		default:
			put(f.name, sentWeight)
		}
		if id, ok := strings.CutPrefix(f.name, "e:"); ok && f.word < from && s.people[id] {
			before = setAdd(before, id)
		} else if ok && !s.people[id] && f.word >= c.words[1] && f.word < c.words[1]+anchorWords {
			sub.anchors = setAdd(sub.anchors, id)
		}
	}
	sub.persons = s.agents(sub.persons, before, c.SpeakerEntity)
	if c.SpeakerEntity != "" {
		sub.vec["s:"+c.SpeakerEntity] = speakerWeight
	}
	if c.sent > 0 && anaphoric(t, t.sents[c.sent][0], to) {
		for _, f := range s.feats[d][c.sent-1] {
			put(f.name, prevWeight)
			if !strings.Contains(f.name, ":") {
				sub.core[f.name] = true
			}
		}
	}
	return sub
}

// addCore adds feature name of the clause to the core stems, or, for an
// entity named before the figure, to the candidate persons.
func (sub *subject) addCore(name string, before bool) {
	if id, ok := strings.CutPrefix(name, "e:"); ok {
		if before {
			sub.persons[id] = true
		}
	} else if !strings.Contains(name, ":") {
		sub.core[name] = true
	}
}

// agents returns the people a claim is about: the people named in its
// clause before the figure, or else those named earlier in its sentence
// ("Klitschko, who …, landed 178 punches"), never its speaker. People
// after the figure are objects ("178 punches to just 30 for Rahman").
func (s *story) agents(clause, before map[string]bool, speaker string) map[string]bool {
	out := make(map[string]bool)
	for id := range clause {
		if s.people[id] && id != speaker {
			out[id] = true
		}
	}
	if len(out) > 0 {
		return out
	}
	for id := range before {
		if id != speaker {
			out[id] = true
		}
	}
	return out
}

// setAdd adds k to the set m, making it when nil.
func setAdd(m map[string]bool, k string) map[string]bool {
	if m == nil {
		m = make(map[string]bool)
	}
	m[k] = true
	return m
}

// anaphoric reports whether words [i, j) point back to an earlier
// sentence: a pronoun, "such", "both", "the two".
func anaphoric(t *text, i, j int) bool {
	for k := i; k < j; k++ {
		switch t.words[k].lower {
		case "he", "she", "they", "it", "his", "her", "their", "its", "this",
			"these", "those", "such", "both", "him", "them":
			return true
		case "the":
			if k+1 < j {
				if _, ok := smallNumbers[t.words[k+1].lower]; ok {
					return true
				}
			}
		}
	}
	return false
}
