package quote

import "strings"

// Resolution. A speaker phrase becomes a name: a name phrase its canonical
// form (titles dropped, a surname completed from the longest full name
// with that surname in the text, or the entity's longest mention); a role
// phrase ("the Ukrainian president") the nearest person named with that
// title; a pronoun the subject of the nearest preceding sentence that
// agrees with it — that subject being a quotation's speaker when the
// sentence has one — then a person named earlier in its own sentence, then
// any person named before.

// referent is what a speaker phrase resolved to.
type referent struct {
	name         string
	entity       string
	female, male bool
	person       bool
	plural       bool
	role         bool // a title phrase naming no one found: it still takes a pronoun
	ok           bool
}

// resolver memoizes sentence subjects during resolution.
type resolver struct {
	x       *extractor
	bySent  map[int][]int // sentence → drafts whose cue lies in it, in order
	subj    []referent
	done    []uint8 // 0 unknown, 1 in progress, 2 done
	gender  map[string]class
	count   map[string]int // surname → number of names ending in it
	longest map[string]int // surname → index of the longest person name ending in it
	canon   map[string]string
}

// resolve sets the speaker and entity of every draft.
func (x *extractor) resolve() {
	r := &resolver{x: x, bySent: map[int][]int{}, subj: make([]referent, len(x.sents)),
		done: make([]uint8, len(x.sents))}
	r.indexNames()
	for di, d := range x.drafts {
		if d.cueLo >= 0 {
			si := int(x.sentOf[d.cueLo])
			r.bySent[si] = append(r.bySent[si], di)
		}
	}
	for di := range x.drafts {
		d := &x.drafts[di]
		if !d.spk.ok() {
			continue
		}
		ref := r.phrase(d.spk, d.cueHi)
		d.speaker, d.entity = ref.name, ref.entity
	}
}

// indexNames records per surname the longest full name and the gender
// evidence of every name ending in it.
func (r *resolver) indexNames() {
	x := r.x
	r.gender, r.longest, r.count = map[string]class{}, map[string]int{}, map[string]int{}
	for i, n := range x.names {
		if !n.person() || n.core >= n.hi {
			continue
		}
		k := r.surname(n)
		r.count[k]++
		if n.female {
			r.gender[k] |= cFemale
		}
		if n.male {
			r.gender[k] |= cMale
		}
		if j, ok := r.longest[k]; !ok || n.hi-n.core > x.names[j].hi-x.names[j].core {
			r.longest[k] = i
		}
	}
}

// surname returns the last word of n's name proper, possessive dropped.
func (r *resolver) surname(n name) string {
	return stripPossessive(r.x.word(n.hi - 1))
}

func stripPossessive(w string) string {
	if strings.HasSuffix(w, "’s") {
		return w[:len(w)-len("’s")]
	}
	return strings.TrimSuffix(w, "'s")
}

// phrase resolves the speaker phrase p of a cue ending at cueHi.
func (r *resolver) phrase(p np, cueHi int) referent {
	x := r.x
	if x.cls(p.head)&cPronoun != 0 && p.hi-p.lo == 1 {
		return r.pronoun(p.head, cueHi)
	}
	for k := p.lo; k < p.head; k++ {
		if x.is(k, "and") && x.nameOf[p.head] >= 0 {
			return referent{plural: true, ok: true} // Trump and Putin agreed
		}
	}
	if ni := x.nameOf[p.head]; ni >= 0 && x.names[ni].kind != nRole {
		return r.nameRef(int(ni))
	}
	// A name in apposition to a role: "A Kremlin spokesman, Dmitry
	// Peskov, said".
	for k := p.head + 1; k+1 < p.hi; k++ {
		if !x.is(k, ",") {
			continue
		}
		if ni := x.nameOf[k+1]; ni >= 0 && x.names[ni].kind != nRole && x.names[ni].person() && x.names[ni].lo == k+1 {
			return r.nameRef(int(ni))
		}
	}
	return r.role(p)
}

// nameRef returns the referent of name phrase ni.
func (r *resolver) nameRef(ni int) referent {
	x := r.x
	n := x.names[ni]
	ref := referent{person: n.person() && !n.guess, ok: true, plural: false}
	k := r.surname(n)
	if ref.person {
		// The gender evidence of every name ending in the surname: "Merz"
		// is male when the text also says "Friedrich Merz".
		g := r.gender[k]
		ref.female, ref.male = g == cFemale, g == cMale
	}
	if n.mention >= 0 && x.mentions[n.mention].Entity != "" {
		ref.entity = x.mentions[n.mention].Entity
		ref.name = r.entityName(ref.entity)
	} else {
		full := n
		if n.person() && n.hi-n.core == 1 {
			if j, ok := r.longest[k]; ok {
				full = x.names[j]
			}
		}
		ref.name = r.coreText(full)
		if full.mention >= 0 {
			ref.entity = x.mentions[full.mention].Entity
		}
	}
	return ref
}

// coreText returns the name proper of n, possessive dropped.
func (r *resolver) coreText(n name) string {
	x := r.x
	lo := n.core
	if lo >= n.hi {
		lo = n.lo
	}
	a, b := x.toks[lo], x.toks[n.hi-1]
	s := x.s[a.b0:b.b1]
	if n.poss {
		s = stripPossessive(s)
	}
	return s
}

// entityName returns the longest mention text of entity e.
func (r *resolver) entityName(e string) string {
	if r.canon == nil {
		r.canon = map[string]string{}
		for _, m := range r.x.mentions {
			if m.Entity != "" && len(m.Text) > len(r.canon[m.Entity]) {
				r.canon[m.Entity] = m.Text
			}
		}
	}
	return r.canon[e]
}

// role resolves a common-noun phrase: one with a title word ("the U.S.
// president") resolves to the most mentioned person named with that title
// and the same demonyms, the nearest before the phrase on ties; others name
// no one.
func (r *resolver) role(p np) referent {
	x := r.x
	title, demonyms := "", []string(nil)
	for k := p.lo; k <= p.head && k < p.hi; k++ {
		c := x.cls(k)
		w := normTitle(x.word(k))
		switch {
		case c&cTitle != 0:
			title = w
		case c&cDemonym != 0:
			demonyms = append(demonyms, w)
		}
	}
	plural := false
	for k := p.lo; k < p.hi; k++ {
		plural = plural || x.cls(k)&cPlural != 0
	}
	if title == "" {
		return referent{plural: plural, ok: true}
	}
	role := referent{person: !plural, plural: plural, ok: true, role: true}
	best, bestN := -1, 0
	for i, n := range x.names {
		if n.kind == nRole || !n.person() || n.core == n.lo || !r.titled(n, title, demonyms) {
			continue
		}
		c := r.count[r.surname(n)]
		if c > bestN || c == bestN && n.lo < p.lo {
			best, bestN = i, c
		}
	}
	if best < 0 {
		return role
	}
	return r.nameRef(best)
}

// titled reports whether name n carries title and every demonym.
func (r *resolver) titled(n name, title string, demonyms []string) bool {
	x := r.x
	have := false
	for k := n.lo; k < n.core; k++ {
		if normTitle(x.word(k)) == title {
			have = true
		}
	}
	if !have {
		return false
	}
	for _, d := range demonyms {
		found := false
		for k := n.lo; k < n.core; k++ {
			found = found || normTitle(x.word(k)) == d
		}
		if !found {
			return false
		}
	}
	return true
}

// normTitle lower-cases a title or demonym and unifies U.S./US, U.K./UK.
func normTitle(w string) string {
	w = strings.ToLower(w)
	switch w {
	case "u.s.", "u.s":
		return "us"
	case "u.k.", "u.k":
		return "uk"
	}
	return w
}
