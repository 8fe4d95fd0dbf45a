package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/entity"
)

// nameKind is what a name phrase seems to name.
type nameKind uint8

const (
	nUnknown nameKind = iota // a capitalised sequence with no evidence either way; likely a person
	nPerson                  // a person: a personal title, a known first name or a person mention
	nOrg                     // an organization: an acronym or a word such as Ministry or Times
	nPlace                   // a country, state or city
	nRole                    // titles only: "The U.S. President"
)

// name is a capitalised name phrase, titles included: "U.S. President
// Donald Trump" has titles [lo, core) and the name proper [core, hi).
type name struct {
	lo, core, hi int
	kind         nameKind
	female, male bool
	poss         bool // the last word is a possessive (Trump’s)
	mention      int  // index into extractor.mentions, -1 when found here
	// guess marks one capitalised word opening a sentence that the tagger
	// did not mark (Options.Tagged): it may speak ("Kobuse said"), but is
	// likelier a common word ("Prices had also …") than someone "he" means.
	guess bool
}

// person reports whether the name can be a person.
func (n name) person() bool { return n.kind == nPerson || n.kind == nUnknown }

// findNames fills x.names and x.nameOf: first from the given mentions, then
// from capitalised sequences in the rest of the text.
func (x *extractor) findNames() {
	x.mentionNames()
	for i := 0; i < len(x.toks); i++ {
		if x.nameOf[i] >= 0 || !x.nameWord(i) && !(x.connects(i) && (i == 0 || !x.isWord(i-1) || !x.toks[i-1].cap)) {
			continue
		}
		j := x.nameEnd(i)
		guess := x.tagged && j == i+1 && x.opensSentence(i) && x.cls(i)&(cTitle|cDemonym|cPlace) == 0
		x.addName(name{lo: i, hi: j, mention: -1, guess: guess})
		i = j - 1
	}
	sort.Slice(x.names, func(a, b int) bool { return x.names[a].lo < x.names[b].lo })
	for k, n := range x.names {
		for i := n.lo; i < n.hi; i++ {
			x.nameOf[i] = int32(k)
		}
	}
}

// opensSentence reports whether token i is the first word of its sentence,
// quotation marks and brackets aside.
func (x *extractor) opensSentence(i int) bool {
	si := x.sentOf[i]
	if si < 0 {
		return false
	}
	for k := int(x.sents[si].lo); k < i; k++ {
		if x.isWord(k) {
			return false
		}
	}
	return true
}

// mentionNames turns the given mentions into name phrases.
func (x *extractor) mentionNames() {
	for mi, m := range x.mentions {
		lo := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].start >= m.Start })
		hi := lo
		for hi < len(x.toks) && x.toks[hi].end <= m.End && x.toks[hi].kind != kBreak {
			hi++
		}
		if hi == lo || x.nameOf[lo] >= 0 {
			continue
		}
		n := name{lo: lo, hi: hi, mention: mi}
		switch m.Type {
		case entity.Person:
			n.kind = nPerson
		case entity.Organization:
			n.kind = nOrg
		case entity.Location:
			n.kind = nPlace
		default:
			continue
		}
		x.addName(n)
	}
}

// addName completes n (core, kind, gender) and records it.
func (x *extractor) addName(n name) {
	n.core = n.lo
	for k := n.lo; k < n.hi; k++ {
		if x.cls(k)&cTitle != 0 || k > n.lo && x.is(k-1, "of") {
			n.core = k + 1
		}
	}
	w := x.word(n.hi - 1)
	n.poss = strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")
	if n.mention < 0 {
		n.kind = x.nameKind(n)
	}
	for k := n.lo; k < n.hi; k++ {
		c := x.cls(k)
		if k < n.core {
			c = titleGender(strings.ToLower(x.word(k)))
		} else if k > n.core {
			break
		}
		n.female = n.female || c&cFemale != 0
		n.male = n.male || c&cMale != 0
	}
	if n.female && n.male {
		n.female, n.male = false, false
	}
	if n.mention >= 0 && n.core >= n.hi {
		n.core = n.lo
	}
	x.names = append(x.names, n)
	for i := n.lo; i < n.hi; i++ {
		x.nameOf[i] = int32(len(x.names) - 1)
	}
}

// nameKind classifies a name phrase found in the text.
func (x *extractor) nameKind(n name) nameKind {
	if n.core >= n.hi {
		return nRole
	}
	places := 0
	for k := n.core; k < n.hi; k++ {
		w := x.word(k)
		c := x.cls(k)
		if c&cOrg != 0 || acronym(w) && c&cPlace == 0 {
			return nOrg
		}
		if c&cPlace != 0 {
			places++
		}
	}
	first := x.cls(n.core)
	if n.hi-n.core == 1 && first&cDemonym != 0 && first&cPlace == 0 {
		return nRole
	}
	switch {
	case places == n.hi-n.core || places > 0 && first&(cFemale|cMale) == 0 && n.hi-n.core > 1 && x.cls(n.hi-1)&cPlace != 0:
		return nPlace
	case n.core > n.lo || first&(cFemale|cMale) != 0:
		return nPerson
	}
	return nUnknown
}

// titleGender returns cFemale or cMale for gendered titles.
func titleGender(w string) class {
	switch w {
	case "mrs.", "ms.", "miss", "lady", "congresswoman", "chairwoman", "spokeswoman", "actress",
		"queen", "princess", "dame", "madam", "mrs", "ms":
		return cFemale
	case "mr.", "mr", "congressman", "chairman", "spokesman", "king", "prince", "sir", "lord",
		"actor", "businessman":
		return cMale
	}
	return 0
}

// nameWord reports whether token i can be part of a name: a capitalised
// word that is not a function word, a time word or a speech verb.
func (x *extractor) nameWord(i int) bool {
	t := x.toks[i]
	if t.kind != kWord || !t.cap {
		return false
	}
	e := x.info[i]
	if e.cls&(cTitle|cDemonym|cPlace) != 0 {
		return true
	}
	if e.cls&(cDet|cPronoun|cPrep|cStop|cAux|cLead|cTime) != 0 {
		return false
	}
	return !e.isCue || e.cue.weak
}

// nameEnd returns the end of the name phrase starting at token i: it runs
// over capitalised words, name connectors (von der), "of" after a title
// (Secretary of State) and lower-case titles before a name (chancellor
// Friedrich Merz), and stops after a possessive.
func (x *extractor) nameEnd(i int) int {
	j := i
	for j < len(x.toks) {
		switch {
		case x.nameWord(j):
			w := x.word(j)
			j++
			if strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") {
				return j
			}
			continue
		case x.connects(j):
		case j > i && x.is(j, "of") && x.cls(j-1)&cTitle != 0 && j+1 < len(x.toks) && x.nameWord(j+1):
		case x.isWord(j) && !x.toks[j].cap && x.cls(j)&cTitle != 0 && j+1 < len(x.toks) &&
			(x.nameWord(j+1) || x.isWord(j+1) && x.cls(j+1)&cTitle != 0 && j+2 < len(x.toks) && x.nameWord(j+2)):
		default:
			return j
		}
		j++
	}
	return j
}

// connects reports a lower-case name connector at j followed by more
// connectors and a name word: von der Leyen.
func (x *extractor) connects(j int) bool {
	for k := j; k < len(x.toks) && k < j+3; k++ {
		if x.nameWord(k) {
			return k > j
		}
		if !x.isWord(k) || x.toks[k].cap || x.cls(k)&cConnector == 0 {
			return false
		}
	}
	return false
}

// acronym reports an all-capitals word of two or more letters without
// dots (NATO, BBC; not the initials J.D.).
func acronym(w string) bool {
	n := 0
	for _, c := range w {
		if unicode.IsLower(c) || c == '.' {
			return false
		}
		if unicode.IsUpper(c) {
			n++
		}
	}
	return n >= 2
}
