package quote

import "sync"

// extractor holds one text's tokens and the analyses the passes share.
type extractor struct {
	s        string
	toks     []token
	sents    []sentence
	sentOf   []int32 // token → sentence index, -1 for breaks
	paraOf   []int32 // token → paragraph index
	regions  []region
	regOf    []int32 // token → index of the region whose marks or content hold it, -1 outside
	idx      []int32 // backing array of sentOf, paraOf, regOf and nameOf
	names    []name
	nameOf   []int32 // token → index of the name phrase holding it, -1 outside
	info     []entry // token → lexicon entry (possessive dropped for classes)
	mentions []Mention
	tagged   bool // mentions come from a tagger (Options.Tagged)
	drafts   []draft
	cueUsed  map[int]bool // cues after a direct quotation: they report nothing else
	seen     map[[3]int]bool
}

// np is a noun phrase: tokens [lo, hi), lo < 0 when absent; head is the
// token naming what the phrase refers to.
type np struct{ lo, hi, head int }

var noNP = np{-1, -1, -1}

func (p np) ok() bool { return p.lo >= 0 }

// draft is an attribution before speaker resolution.
type draft struct {
	frags        [][2]int // content fragments as token ranges [lo, hi)
	direct       bool
	spk          np
	cueLo, cueHi int // cue tokens, cueLo < 0 when none
	// aside marks reported content that states nothing: an object or an
	// intention (see Quote.Statement).
	aside   bool
	speaker string
	entity  string
}

// extractors recycles extractors, whose slices are sized by the texts
// they saw: Extract then allocates little beyond its result.
var extractors = sync.Pool{New: func() any { return new(extractor) }}

// reset prepares x for text s, keeping the capacity of its slices.
func (x *extractor) reset(s string, mentions []Mention) {
	x.s, x.mentions = s, mentions
	x.toks = tokenize(x.toks[:0], s)
	n := len(x.toks)
	if cap(x.idx) < 4*n {
		x.idx = make([]int32, 4*n)
	}
	idx := x.idx[:4*n]
	x.sentOf, x.paraOf, x.regOf, x.nameOf = idx[:n], idx[n:2*n], idx[2*n:3*n], idx[3*n:]
	for i := range x.sentOf {
		x.sentOf[i], x.regOf[i], x.nameOf[i] = -1, -1, -1
	}
	if cap(x.info) < n {
		x.info = make([]entry, n)
	}
	x.info = x.info[:n]
	clear(x.info)
	x.names, x.drafts = x.names[:0], x.drafts[:0]
	if x.cueUsed == nil {
		x.cueUsed = map[int]bool{}
	}
	clear(x.cueUsed)
	x.lookupWords()
	x.regions = pairMarks(x.regions[:0], s, x.toks)
	x.index()
	x.findNames()
}

// lookupWords fills x.info from the lexicon, dropping possessives.
func (x *extractor) lookupWords() {
	for i, t := range x.toks {
		if t.kind != kWord {
			continue
		}
		w := x.s[t.b0:t.b1]
		if v := stripPossessive(w); v != w {
			x.info[i] = entry{cls: lookup(v).cls}
		} else {
			x.info[i] = lookup(w)
		}
	}
}

// index maps tokens to their regions, sentences and paragraphs.
func (x *extractor) index() {
	n := len(x.toks)
	for ri, r := range x.regions {
		hi := r.close
		if hi >= n || x.toks[hi].kind == kBreak {
			hi--
		}
		for i := r.open; i <= hi; i++ {
			x.regOf[i] = int32(ri)
		}
	}
	x.sents = splitSentences(x.sents[:0], x.s, x.toks, x.inQuote)
	for si, st := range x.sents {
		for i := st.lo; i < st.hi; i++ {
			x.sentOf[i] = int32(si)
		}
	}
	p := int32(0)
	for i, t := range x.toks {
		if t.kind == kBreak {
			p++
		}
		x.paraOf[i] = p
	}
}

// word returns the text of token i.
func (x *extractor) word(i int) string { t := x.toks[i]; return x.s[t.b0:t.b1] }

// is reports whether token i is the punctuation or word p.
func (x *extractor) is(i int, p string) bool {
	return i >= 0 && i < len(x.toks) && x.word(i) == p
}

// isWord reports whether token i is a word.
func (x *extractor) isWord(i int) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].kind == kWord
}

// cls returns the lexicon classes of token i, possessive dropped, 0 for
// non-words.
func (x *extractor) cls(i int) class {
	if i < 0 || i >= len(x.info) {
		return 0
	}
	return x.info[i].cls
}

// cue returns the cue description of token i. Cues are lower-case: a
// capitalised form is a name (the United States) or a headline.
func (x *extractor) cue(i int) (cueInfo, bool) {
	if !x.isWord(i) || x.toks[i].cap {
		return cueInfo{}, false
	}
	return x.info[i].cue, x.info[i].isCue
}

// inQuote reports whether token i lies inside a quoted region's content.
func (x *extractor) inQuote(i int) bool {
	r := x.regOf[i]
	return r >= 0 && i > x.regions[r].open && i < x.regions[r].close
}

// spanText returns the text and rune offsets of tokens [lo, hi).
func (x *extractor) span(lo, hi int) Span {
	a, b := x.toks[lo], x.toks[hi-1]
	return Span{Start: a.start, End: b.end, Text: x.s[a.b0:b.b1]}
}

// quotes turns the drafts into Quotes, dropping repeats of a content span.
func (x *extractor) quotes() []Quote {
	out := make([]Quote, 0, len(x.drafts))
	seen := x.seen
	if seen == nil {
		seen = map[[3]int]bool{}
		x.seen = seen
	}
	clear(seen)
	for _, d := range x.drafts {
		first, last := d.frags[0], d.frags[len(d.frags)-1]
		all := x.span(first[0], last[1])
		key := [3]int{all.Start, all.End, 0}
		if d.direct {
			key[2] = 1
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		q := Quote{Start: all.Start, End: all.End, Text: all.Text, Direct: d.direct, Statement: d.direct || !d.aside,
			Speaker: d.speaker, SpeakerEntity: d.entity, SpeakerStart: -1, SpeakerEnd: -1,
			CueStart: -1, CueEnd: -1}
		if len(d.frags) > 1 {
			q.Fragments = make([]Span, len(d.frags))
			for i, f := range d.frags {
				q.Fragments[i] = x.span(f[0], f[1])
			}
		}
		if d.spk.ok() {
			sp := x.span(d.spk.lo, d.spk.hi)
			q.SpeakerStart, q.SpeakerEnd = sp.Start, sp.End
		}
		if d.cueLo >= 0 {
			c := x.span(d.cueLo, d.cueHi)
			q.Cue, q.CueStart, q.CueEnd = c.Text, c.Start, c.End
		}
		out = append(out, q)
	}
	return out
}
