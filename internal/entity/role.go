package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A role is a title a person holds, normalised: "U.S. President" for "US
// president", "NATO Secretary-General" for "NATO secretary general".
type role struct {
	prefix string // "Former", "Late", … or ""
	qual   string // whose role it is: "U.S.", "German", "NATO", or ""
	title  string // modifiers and titles: "Prime Minister", "Presidential Aide"
	head   bool   // the title is a head of state or government
}

// String returns the role as it is reported: prefix, qualifier and title.
func (r role) String() string {
	s := r.title
	if r.qual != "" {
		s = r.qual + " " + s
	}
	if r.prefix != "" {
		s = r.prefix + " " + s
	}
	return s
}

// matches reports whether a person holding r is what a reference to want
// ("the Ukrainian leader", "the US president") points to. A "Leader" of a
// country is its head of state or government.
func (r role) matches(want role) bool {
	if r.qual != want.qual || r.prefix != want.prefix {
		return false
	}
	if want.title == "Leader" {
		return r.head || r.title == "Leader"
	}
	return r.title == want.title
}

// A parser reads roles and names in one text with the resolver's tables.
type parser struct {
	t    *tables
	text string
	buf  []byte // scratch space for folded keys
}

// key returns the folded form of the words ws[i:j] as they appear in the
// text, possessive ending of the last word excluded; it is valid until the
// next call.
func (p *parser) key(ws []word, i, j int) []byte {
	p.buf = fold(p.buf[:0], p.text[ws[i].s:ws[j-1].e])
	return p.buf
}

// joined reports whether ws[i:j] are written as one phrase: no punctuation
// between them and no possessive before the last.
func joined(ws []word, i, j int) bool {
	for k := i; k < j-1; k++ {
		if ws[k].brk || ws[k].poss {
			return false
		}
	}
	return true
}

// titleAt returns the longest title that starts at ws[i] and its length in
// words, or 0. The title may end with a possessive ("the Ukrainian leader’s").
func (p *parser) titleAt(ws []word, i int) (title, int) {
	if !p.wordIn(ws, i, p.t.titleFirst) {
		return title{}, 0
	}
	for n := min(p.t.maxTitle, len(ws)-i); n > 0; n-- {
		if !joined(ws, i, i+n) {
			continue
		}
		if ti, ok := p.t.titles[string(p.key(ws, i, i+n))]; ok {
			return ti, n
		}
	}
	return title{}, 0
}

// titleBefore returns the longest title that ends just before ws[j].
func (p *parser) titleBefore(ws []word, j int) (title, int) {
	if !p.wordIn(ws, j-1, p.t.titleLast) {
		return title{}, 0
	}
	for n := min(p.t.maxTitle, j); n > 0; n-- {
		if !joined(ws, j-n, j) || ws[j-1].poss {
			continue
		}
		if ti, ok := p.t.titles[string(p.key(ws, j-n, j))]; ok {
			return ti, n
		}
	}
	return title{}, 0
}

// qualAt returns the role qualifier of the longest country, place or
// organization name that starts at ws[i] with a capital, and its length.
func (p *parser) qualAt(ws []word, i int) (string, int) {
	if i >= len(ws) || !ws[i].up || !p.wordIn(ws, i, p.t.qualFirst) {
		return "", 0
	}
	for n := min(p.t.maxQual, len(ws)-i); n > 0; n-- {
		if !joined(ws, i, i+n) {
			continue
		}
		if q, ok := p.t.quals[string(p.key(ws, i, i+n))]; ok {
			return q, n
		}
	}
	return "", 0
}

// qualBefore is qualAt for the name that ends just before ws[j].
func (p *parser) qualBefore(ws []word, j int) (string, int) {
	if !p.wordIn(ws, j-1, p.t.qualLast) {
		return "", 0
	}
	for n := min(p.t.maxQual, j); n > 0; n-- {
		if !ws[j-n].up || !joined(ws, j-n, j) {
			continue
		}
		if q, ok := p.t.quals[string(p.key(ws, j-n, j))]; ok {
			return q, n
		}
	}
	return "", 0
}

// wordIn reports whether the single word ws[i] is in set.
func (p *parser) wordIn(ws []word, i int, set map[string]bool) bool {
	return i >= 0 && i < len(ws) && set[string(p.key(ws, i, i+1))]
}

// roleAt parses a role that starts at ws[i]: an optional prefix ("former"),
// an optional qualifier or possessive ("German", "Russia’s", "Trump’s"), then
// titles and modifiers ending with a title. It returns the role and the index
// just past it.
func (p *parser) roleAt(ws []word, i int) (role, int, bool) {
	var r role
	j := i
	if p.wordIn(ws, j, p.t.prefixes) && !ws[j].brk && !ws[j].poss {
		r.prefix = prefixName(p.text[ws[j].s:ws[j].e])
		j++
	}
	if q, n := p.qualAt(ws, j); n > 0 {
		r.qual = q
		j += n
	} else if j < len(ws) && ws[j].poss && ws[j].up {
		j++ // "Trump’s special envoy": the possessor is not part of the role
	}
	if j > i && ws[j-1].brk {
		return role{}, i, false
	}
	var parts []string
	end := -1
	for j < len(ws) {
		if ti, n := p.titleAt(ws, j); n > 0 {
			parts = append(parts, ti.name)
			r.head = ti.head
			j += n
			end, r.title = j, strings.Join(parts, " ")
		} else if p.wordIn(ws, j, p.t.modifiers) && !ws[j].poss {
			parts = append(parts, titleCase(p.text[ws[j].s:ws[j].e]))
			j++
		} else {
			break
		}
		if ws[j-1].brk || ws[j-1].poss {
			break
		}
	}
	if end < 0 {
		return role{}, i, false
	}
	return r, end, true
}

// roleBefore parses the role written just before ws[j] ("U.S. President" in
// "U.S. President Donald Trump"). It returns the role and the index of its
// first word.
func (p *parser) roleBefore(ws []word, j int) (role, int, bool) {
	var r role
	var parts []string
	k := j
	for k > 0 && !ws[k-1].brk && !ws[k-1].poss {
		if ti, n := p.titleBefore(ws, k); n > 0 {
			if len(parts) == 0 {
				r.head = ti.head
			}
			parts = append(parts, ti.name)
			k -= n
		} else if len(parts) > 0 && p.wordIn(ws, k-1, p.t.modifiers) {
			parts = append(parts, titleCase(p.text[ws[k-1].s:ws[k-1].e]))
			k--
		} else {
			break
		}
	}
	if len(parts) == 0 {
		return role{}, j, false
	}
	for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
		parts[a], parts[b] = parts[b], parts[a]
	}
	r.title = strings.Join(parts, " ")
	if k > 0 && !ws[k-1].brk {
		if q, n := p.qualBefore(ws, k); n > 0 {
			r.qual = q
			k -= n
		} else if ws[k-1].poss && ws[k-1].up {
			k-- // a person's possessive, dropped from the role
		}
	}
	if k > 0 && !ws[k-1].brk && !ws[k-1].poss && p.wordIn(ws, k-1, p.t.prefixes) {
		r.prefix = prefixName(p.text[ws[k-1].s:ws[k-1].e])
		k--
	}
	return r, k, true
}

// titleCase upper-cases the first letter of a lower-case word.
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// prefixName normalises a prefix word: "ex" and "former" say the same.
func prefixName(w string) string {
	if strings.EqualFold(w, "ex") {
		return "Former"
	}
	return titleCase(strings.ToLower(w))
}
