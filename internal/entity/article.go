package entity

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// An item is one mention being resolved: a tagger's mention or a role-only
// reference found in the text.
type item struct {
	doc    int
	mi     int    // index in Doc.Mentions, -1 for a reference
	bs, be int    // byte span of the name (or of the reference)
	rs, re int    // the same span in code points
	typ    Type   // normalised mention type
	nm     name   // persons: the name's parts
	roles  []role // roles written with it; for a reference, the role sought
	ref    bool   // a role-only reference
	key    string // non-persons not in the alias tables: the folded name
	alias  int    // non-persons: index of the alias table entry, or -1
	dead   bool   // cannot be resolved
}

// A story is the state of one call to Resolve.
type story struct {
	t    *tables
	docs []Doc
	buffers
	clusters []cluster
	docIndex map[string]int // article ID → index of its first document
}

// buffers are the slices of a story that Resolve reuses from call to call
// through bufferPool: a stream of single articles resolves with few
// allocations beyond its results.
type buffers struct {
	items   []item
	lo      []int  // the items of doc d are items[lo[d]:lo[d+1]]
	parent  []int  // union-find forest over items
	all     []word // the words of the document being read
	ws, tmp []word // scratch
}

var bufferPool = sync.Pool{New: func() any { return new(buffers) }}

// release empties the buffers, dropping what their items point to, and
// returns them to bufferPool.
func (b buffers) release() {
	clear(b.items)
	b.items, b.lo, b.parent, b.all, b.ws, b.tmp = b.items[:0], b.lo[:0], b.parent[:0], b.all[:0], b.ws[:0], b.tmp[:0]
	bufferPool.Put(&b)
}

func newStory(t *tables, docs []Doc) *story {
	s := &story{t: t, docs: docs, buffers: *bufferPool.Get().(*buffers), docIndex: map[string]int{}}
	for d := len(docs) - 1; d >= 0; d-- {
		s.docIndex[docs[d].ArticleID] = d
	}
	return s
}

// readDocs reads every document's mentions and references and groups each
// document's people.
func (s *story) readDocs() {
	n, longest := 0, 0
	for _, d := range s.docs {
		n += len(d.Mentions) + 8
		longest = max(longest, len(d.Text))
	}
	s.items = slices.Grow(s.items[:0], n)
	s.all = slices.Grow(s.all[:0], longest/5+16)
	for d := range s.docs {
		s.lo = append(s.lo, len(s.items))
		s.readDoc(d)
	}
	s.lo = append(s.lo, len(s.items))
	s.retypePeople()
	s.parent = slices.Grow(s.parent[:0], len(s.items))[:len(s.items)]
	for i := range s.parent {
		s.parent[i] = i
	}
	for d := range s.docs {
		s.clusterPeople(d)
	}
}

func (s *story) readDoc(d int) {
	doc := s.docs[d]
	off := newOffsets(doc.Text)
	p := &parser{t: s.t, text: doc.Text}
	s.all = words(doc.Text, 0, len(doc.Text), s.all[:0])
	start := len(s.items)
	for i, m := range doc.Mentions {
		bs, be, ok := off.bytes(m.Start, m.End)
		if !ok {
			continue
		}
		it := item{doc: d, mi: i, bs: bs, be: be, typ: normType(m.Type), alias: -1}
		if it.typ == Person {
			s.readPerson(p, &it)
		} else {
			s.readName(p, &it)
		}
		s.items = append(s.items, it)
	}
	s.findReferences(p, d, start)
	s.sortItems(d, start, len(s.items))
}

// sortItems sorts items[start:end], those of document d, by offset and sets
// their code point offsets.
func (s *story) sortItems(d, start, end int) {
	slices.SortStableFunc(s.items[start:end], func(a, b item) int {
		if a.bs != b.bs {
			return a.bs - b.bs
		}
		if a.be != b.be {
			return b.be - a.be
		}
		return a.mi - b.mi
	})
	s.runeSpans(d, start, end)
}

// runeSpans sets the code point offsets of items[start:end], those of
// document d, which are sorted by byte offset.
func (s *story) runeSpans(d, start, end int) {
	text := s.docs[d].Text
	b, r := 0, 0 // a byte offset and its rune offset
	for i := start; i < end; i++ {
		it := &s.items[i]
		if it.bs < b {
			b, r = 0, 0
		}
		r += utf8.RuneCountInString(text[b:it.bs])
		b = it.bs
		it.rs, it.re = r, r+utf8.RuneCountInString(text[it.bs:it.be])
	}
}

// readPerson splits a person mention into role and name and looks for roles
// written around it: before it ("German Chancellor Friedrich Merz") and in an
// apposition after it ("Steve Witkoff, Trump’s special envoy,").
func (s *story) readPerson(p *parser, it *item) {
	ws := words(p.text, it.bs, it.be, s.ws[:0])
	s.ws = ws
	if len(ws) == 0 {
		it.dead = true
		return
	}
	r, roleEnd, first := p.splitPerson(ws)
	if first == len(ws) {
		if r.qual == "" {
			it.dead = true
		}
		it.ref, it.roles = true, []role{r}
		it.bs, it.be = ws[0].s, ws[len(ws)-1].e
		return
	}
	last := ws[len(ws)-1]
	it.nm = p.parseName(ws[first:])
	nbs := ws[first].s
	if br, ok := s.roleBefore(p, it.bs, ws, roleEnd); ok {
		r = br
	} else if r.title == "" && first == 0 {
		if ar, ok := s.appositionBefore(p, it.bs); ok {
			r = ar
		}
	}
	if r.title != "" {
		it.roles = append(it.roles, r)
	}
	if !last.poss {
		if ar, ok := s.apposition(p, last.pe); ok {
			it.roles = append(it.roles, ar)
		}
	}
	it.bs, it.be = nbs, last.e
}

// roleBefore parses the role that ends at ws[j], a word of the mention that
// starts at byte bs, reading on into the text before the mention.
func (s *story) roleBefore(p *parser, bs int, ws []word, j int) (role, bool) {
	all, _ := s.wordsBefore(bs)
	if n := len(all); n > 0 {
		gap := p.text[all[n-1].pe:bs]
		// Words glued to the mention ("Putin-Zelenskyy") or on another line
		// carry no role for it.
		all[n-1].brk = gap == "" || strings.TrimLeft(gap, " \t\u00a0") != ""
	}
	n := len(all)
	all = append(all, ws...)
	s.tmp = all
	r, _, ok := p.roleBefore(all, n+j)
	return r, ok
}

// roleWindow is how many words before a name are read for its role: a few
// are enough for any role.
const roleWindow = 24

// wordsBefore returns a copy, in s.tmp, of the last roleWindow words of the
// document that end at or before byte bs, and the index in s.all of the
// first of them.
func (s *story) wordsBefore(bs int) ([]word, int) {
	k, _ := slices.BinarySearchFunc(s.all, bs, func(w word, bs int) int { return cmp.Compare(w.pe, bs+1) })
	from := max(0, k-roleWindow)
	s.tmp = append(s.tmp[:0], s.all[from:k]...)
	return s.tmp, from
}

// appositionBefore parses a role in an apposition before a name that starts
// at byte bs: "The Russian leader, Vladimir Putin, said".
func (s *story) appositionBefore(p *parser, bs int) (role, bool) {
	all, from := s.wordsBefore(bs)
	n := len(all)
	if n == 0 || strings.TrimSpace(p.text[all[n-1].pe:bs]) != "," {
		return role{}, false
	}
	all[n-1].brk = false
	r, start, ok := p.roleBefore(all, n)
	if !ok {
		return role{}, false
	}
	// The role phrase, with its determiner, must stand on its own after
	// punctuation or at the start of the text ("The Russian leader,
	// Vladimir Putin, said"), not end a phrase of its own ("Speaking to
	// the chancellor, Zelensky said").
	if start > 0 && p.isDeterminer(all, start-1) {
		start--
	}
	switch {
	case start > 0:
		ok = all[start-1].brk
	case from > 0:
		ok = s.all[from-1].brk
	}
	return r, ok
}

// apposition parses a role in an apposition after a name: ", the Ukrainian
// president," or ", Trump’s special envoy." (end is the name's end).
func (s *story) apposition(p *parser, end int) (role, bool) {
	k, _ := slices.BinarySearchFunc(s.all, end, func(w word, end int) int { return cmp.Compare(w.s, end) })
	ws := s.all[k:min(len(s.all), k+roleWindow)]
	if len(ws) < 1 || strings.TrimSpace(p.text[end:ws[0].s]) != "," {
		return role{}, false
	}
	i := 0
	if p.isDeterminer(ws, 0) {
		i = 1
	}
	r, e, ok := p.roleAt(ws, i)
	if !ok || ws[e-1].poss {
		return role{}, false
	}
	if ws[e-1].brk || k+e == len(s.all) {
		return r, true
	}
	return role{}, false
}

// readName reads a mention of an organization, place or other name: a
// leading "the" and a possessive ending are dropped, and the name is looked
// up in the alias tables.
func (s *story) readName(p *parser, it *item) {
	ws := words(p.text, it.bs, it.be, s.ws[:0])
	s.ws = ws
	if len(ws) == 0 {
		it.dead = true
		return
	}
	k := 0
	if len(ws) > 1 && p.isDeterminer(ws, 0) {
		k = 1
	}
	it.bs, it.be = ws[k].s, ws[len(ws)-1].e
	p.buf = fold(p.buf[:0], p.text[it.bs:it.be])
	if id, ok := s.t.byName[string(p.buf)]; ok {
		it.alias = id
		return
	}
	it.key = string(p.buf)
}

// offsets converts the code point offsets of the API to byte offsets. It
// walks the text from its last answer, so mentions in text order cost one
// pass over the text.
type offsets struct {
	text  string
	n     int // number of runes in text
	ascii bool
	b, r  int // a byte offset and its rune offset
}

func newOffsets(text string) *offsets {
	n := utf8.RuneCountInString(text)
	return &offsets{text: text, n: n, ascii: n == len(text)}
}

// bytes converts the rune span [start, end) to bytes; ok is false when the
// span is empty or out of the text.
func (o *offsets) bytes(start, end int) (bs, be int, ok bool) {
	if start < 0 || end > o.n || start >= end {
		return 0, 0, false
	}
	if o.ascii {
		return start, end, true
	}
	bs = o.seek(start)
	be = o.seek(end)
	return bs, be, true
}

// seek returns the byte offset of rune offset r.
func (o *offsets) seek(r int) int {
	if r < o.r {
		o.b, o.r = 0, 0
	}
	for o.r < r {
		_, n := utf8.DecodeRuneInString(o.text[o.b:])
		o.b += n
		o.r++
	}
	return o.b
}
