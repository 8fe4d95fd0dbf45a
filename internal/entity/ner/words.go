package ner

// TagWords tags a pre-tokenised document, given as sentences of words such
// as the CoNLL-2003 files hold, and returns one IOB2 tag per word ("B-PER",
// "I-PER", "O"). Words are split into run-time tokens first (see
// Tokenize) and the tokens' tags mapped back to the words.
func (m *Model) TagWords(doc [][]string) [][]string {
	subs := make([][]string, len(doc))
	owners := make([][]int, len(doc))
	for i, words := range doc {
		subs[i], owners[i] = splitWords(words)
	}
	tags := m.decode(m.prepare(subs))
	out := make([][]string, len(doc))
	for i, words := range doc {
		out[i] = wordTags(tags[i], owners[i], len(words))
	}
	return out
}

// wordTags maps the BILOU tags of sub-tokens back to IOB2 tags of the
// words they came from: a word takes the type of its first tagged
// sub-token, and continues the previous word's entity when its first
// sub-token does.
func wordTags(sub []int, owner []int, n int) []string {
	out := make([]string, n)
	typ := make([]int, n)
	cont := make([]bool, n)
	seen := make([]bool, n)
	for i := range typ {
		typ[i] = -1
	}
	for k, t := range sub {
		j := owner[k]
		if !seen[j] {
			seen[j] = true
			cont[j] = t != 0 && (posOf(t) == posI || posOf(t) == posL)
		}
		if typ[j] < 0 && t != 0 {
			typ[j] = typeOf(t)
		}
	}
	for j := range out {
		switch {
		case typ[j] < 0:
			out[j] = "O"
		case cont[j] && j > 0 && typ[j-1] == typ[j]:
			out[j] = "I-" + conllType[typ[j]]
		default:
			out[j] = "B-" + conllType[typ[j]]
		}
	}
	return out
}

// projectTags gives each sub-token of a word the word's IOB2 tag, with
// B- only on the first sub-token.
func projectTags(tags []string, owner []int) []string {
	out := make([]string, len(owner))
	for k, j := range owner {
		t := tags[j]
		if k > 0 && owner[k-1] == j && len(t) > 2 && t[0] == 'B' {
			t = "I" + t[1:]
		}
		out[k] = t
	}
	return out
}

// span is an entity found in IOB2 tags: words [start, end) of type typ.
type span struct {
	start, end int
	typ        string
}

// spansOf reads entities from IOB2 tags as conlleval does: an I- tag that
// does not continue an entity of its type starts a new one.
func spansOf(tags []string) []span {
	var out []span
	for i := 0; i < len(tags); {
		t := tags[i]
		if len(t) < 3 {
			i++
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && len(tags[j]) > 2 && tags[j][0] == 'I' && tags[j][2:] == typ {
			j++
		}
		out = append(out, span{i, j, typ})
		i = j
	}
	return out
}
