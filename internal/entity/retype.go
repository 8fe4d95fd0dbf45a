package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// retypePeople corrects a tagger's type errors on people: a mention typed as
// an organization, place or other name that is not in the alias tables but
// is the name of a person the story names in full ("JD Vance" typed as an
// organization next to "Vice President J.D. Vance"), or that person's
// surname ("Zelenskiy"), becomes a person mention.
func (s *story) retypePeople() {
	surnames := map[string]bool{}
	fulls := map[string][]name{} // surname key → full names
	for i := range s.items {
		it := &s.items[i]
		if it.typ == Person && !it.ref && !it.dead && len(it.nm.given) > 0 {
			surnames[it.nm.skey] = true
			surnames[it.nm.lkey] = true
			fulls[it.nm.skey] = append(fulls[it.nm.skey], it.nm)
		}
	}
	if len(fulls) == 0 {
		return
	}
	for d := range s.docs {
		p := &parser{t: s.t, text: s.docs[d].Text}
		changed := false
		for i := s.lo[d]; i < s.lo[d+1]; i++ {
			it := &s.items[i]
			if !s.personLike(p, it, surnames, fulls) {
				continue
			}
			if !changed {
				s.all = words(p.text, 0, len(p.text), s.all[:0])
				changed = true
			}
			it.typ, it.key = Person, ""
			s.readPerson(p, it)
		}
		if changed {
			s.sortItems(d, s.lo[d], s.lo[d+1])
		}
	}
}

// personLike reports whether the non-person item it is written like a name
// of one of the story's people: capitalised words, a surname among surnames
// or a full name compatible with one of fulls (by surname key).
func (s *story) personLike(p *parser, it *item, surnames map[string]bool, fulls map[string][]name) bool {
	if it.typ == Person || it.dead || it.ref || it.alias >= 0 {
		return false
	}
	text := p.text[it.bs:it.be]
	if isAcronym(text) || !capitalised(text) {
		return false
	}
	ws := words(p.text, it.bs, it.be, s.ws[:0])
	s.ws = ws
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	nm := p.parseName(ws)
	if len(nm.given) == 0 {
		return surnames[nm.skey]
	}
	for _, f := range fulls[nm.skey] {
		if compatible(f, nm) {
			return true
		}
	}
	return false
}

// capitalised reports whether every word of s starts with a capital, short
// lower-case particles ("von", "der", "al") aside.
func capitalised(s string) bool {
	for s != "" {
		s = strings.TrimLeft(s, " ")
		end := strings.IndexByte(s, ' ')
		if end < 0 {
			end = len(s)
		}
		w := s[:end]
		s = s[end:]
		if r, _ := utf8.DecodeRuneInString(w); w != "" && !unicode.IsUpper(r) && len(w) > 3 {
			return false
		}
	}
	return true
}
