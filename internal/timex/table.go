package timex

// table is an open-addressing hash table over the lexicon, probed with a
// hash the scanner computes while it lowers a word's case: a look-up costs
// one multiply per byte and, mostly, a single string comparison.
type table struct {
	slots []slot
	mask  uint32
}

type slot struct {
	word string
	e    lex
}

// words is the lexicon as the scanner uses it, with the words that end in
// -ed without being past forms marked lfNotPast.
var words = newTable()

func newTable() table {
	n := 1
	for n < 4*(len(lexicon)+len(notPast)) {
		n <<= 1
	}
	t := table{slots: make([]slot, n), mask: uint32(n - 1)}
	for w, e := range lexicon {
		if e.cl != clNone && e.cl != clZone {
			e.flags |= lfStart
		} else if _, ok := starts[e.key]; ok && e.key != kNone {
			e.flags |= lfStart
		}
		t.put(w, e)
	}
	for w := range notPast {
		if _, ok := lexicon[w]; !ok {
			t.put(w, lex{flags: lfNotPast})
		}
	}
	return t
}

func (t *table) put(w string, e lex) {
	for i := hashString(w) & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i].word == "" {
			t.slots[i] = slot{word: w, e: e}
			return
		}
	}
}

// get returns the entry of the lower-case word w with hash h.
func (t *table) get(w []byte, h uint32) (lex, bool) {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.word == "" {
			return lex{}, false
		}
		if s.word == string(w) {
			return s.e, true
		}
	}
}

// FNV-1a, 32 bits.
const (
	hashInit  = 2166136261
	hashPrime = 16777619
)

func hashString(s string) uint32 {
	h := uint32(hashInit)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * hashPrime
	}
	return h
}
