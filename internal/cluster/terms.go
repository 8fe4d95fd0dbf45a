package cluster

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/text"
)

// namePrefix marks a feature as a proper-noun key rather than a word stem.
const namePrefix = "@"

// token is one word or number of a text.
type token struct {
	text string
	// capital reports that the token starts with an upper-case letter.
	capital bool
	// initial reports that the token opens a sentence or a line, where a
	// capital says nothing about proper nouns.
	initial bool
	// joined reports that only spaces separate the token from the one
	// before it, so that capitalized neighbours form one name.
	joined bool
}

// tokenize splits s into tokens, appending them to dst. Words are runs of
// word characters (text.IsWordRune: letters, digits, combining marks); a
// '.' or ',' between two digits stays inside the token, so "6.1" and
// "155,221" are one token each. A token opens a sentence after end
// punctuation, a colon or a line break (text.IsLineBreak).
func tokenize(dst []token, s string) []token {
	initial, joined := true, false
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		inWord := text.IsWordRune(r)
		if !inWord && start >= 0 && (r == '.' || r == ',') && isDigitAt(s, i-1) && isDigitAt(s, i+1) {
			inWord = true
		}
		if inWord {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start >= 0 {
			dst = appendToken(dst, s[start:i], initial, joined)
			start, initial, joined = -1, false, true
		}
		switch {
		case r == '.' || r == '!' || r == '?' || r == ':' || r == ';' || text.IsLineBreak(r):
			initial, joined = true, false
		case r == ' ':
		default:
			joined = false
		}
		i += size
	}
	if start >= 0 {
		dst = appendToken(dst, s[start:], initial, joined)
	}
	return dst
}

func appendToken(dst []token, w string, initial, joined bool) []token {
	r, _ := utf8.DecodeRuneInString(w)
	return append(dst, token{text: w, capital: unicode.IsUpper(r), initial: initial, joined: joined})
}

func isDigitAt(s string, i int) bool {
	return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// extractor turns articles into weighted feature counts. It interns
// features in a vocab as it meets them, caches the feature of each word it
// has seen (stemming is the most expensive step) and reuses its buffers;
// it is not safe for concurrent use.
type extractor struct {
	opts  Options
	voc   *vocab
	words map[string]int32 // token -> feature ID, or -1 for no feature
	// Scratch space: tokens, capitalized words seen, and by feature ID
	// the count and the generation that wrote it.
	tokens []token
	known  map[string]bool
	count  []float64
	stamp  []uint32
	gen    uint32
	ids    []int32
	key    []byte   // a name feature being spelled out
	lower  []string // see names
}

// maxWords bounds the word cache; past it, new words are stemmed every
// time they occur.
const maxWords = 1 << 20

func newExtractor(opts Options, voc *vocab) *extractor {
	return &extractor{
		opts:  opts,
		voc:   voc,
		words: make(map[string]int32),
		known: make(map[string]bool),
	}
}

// features returns the weighted counts of a's features, sorted by ID: the
// stems of its title and body words (the lead counting more), numbers as
// written, and proper-noun keys.
func (x *extractor) features(a article.Article) []feat {
	x.gen++
	x.ids = x.ids[:0]
	lead := 0
	if x.opts.ablate&noLead == 0 {
		lead = leadWords
	}
	// The title is part of the lead.
	x.text(a.Title, lead)
	x.text(a.Text, lead)
	switch {
	case x.opts.ablate&noNames != 0:
	case x.opts.Names != nil:
		for _, n := range x.opts.Names(a) {
			words := strings.Fields(strings.ToLower(n))
			for i, w := range words {
				words[i] = fold(w)
			}
			x.name(words, 1)
		}
	default:
		x.names(lead)
		x.markedNames(a.Title)
	}
	slices.Sort(x.ids)
	out := make([]feat, len(x.ids))
	for i, id := range x.ids {
		out[i] = feat{id, float32(x.count[id])}
	}
	return out
}

// add counts feature id with weight w.
func (x *extractor) add(id int32, w float64) {
	for int(id) >= len(x.count) {
		x.count = append(x.count, 0)
		x.stamp = append(x.stamp, 0)
	}
	if x.stamp[id] != x.gen {
		x.stamp[id] = x.gen
		x.count[id] = 0
		x.ids = append(x.ids, id)
	}
	x.count[id] += w
}

// weight is how much a feature at token index i counts: leadWeight within
// the first lead tokens, 1 after.
func weight(i, lead int) float64 {
	if i < lead {
		return leadWeight
	}
	return 1
}

// text counts the word features of s, leaving its tokens in x.tokens.
func (x *extractor) text(s string, lead int) {
	x.tokens = tokenize(x.tokens[:0], s)
	for i, tok := range x.tokens {
		if id := x.word(tok.text); id >= 0 {
			x.add(id, weight(i, lead))
		}
	}
}

// word returns the feature of a word, or -1.
func (x *extractor) word(w string) int32 {
	if id, ok := x.words[w]; ok {
		return id
	}
	id := int32(-1)
	if t := x.term(w); t != "" {
		id = x.voc.intern(t)
	}
	if len(x.words) < maxWords {
		x.words[strings.Clone(w)] = id
	}
	return id
}

// names counts proper-noun keys in x.tokens (the body), a proxy for named
// entities: each run of capitalized words ("Hugh Jackman") counts as a
// whole and as each of its words. A capitalized word that opens a sentence
// counts only inside a run or when the text capitalizes it elsewhere too.
// Names in the lead count more, as lead words do.
func (x *extractor) names(lead int) {
	toks := x.tokens
	// lower holds each token lower-cased if it may be part of a name, ""
	// otherwise.
	x.lower = x.lower[:0]
	clear(x.known)
	for _, t := range toks {
		lw := nameWord(t)
		x.lower = append(x.lower, lw)
		if lw != "" && !t.initial {
			x.known[lw] = true
		}
	}
	var run []string
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && x.lower[j] != "" && (j == i || toks[j].joined) {
			j++
		}
		if j == i {
			i++
			continue
		}
		run = run[:0]
		for k := i; k < j; k++ {
			w := x.lower[k]
			if j-i >= 2 || !toks[k].initial || x.known[w] {
				run = append(run, fold(w))
			}
		}
		x.name(run, weight(i, lead))
		i = j
	}
}

// markedNames counts the names a title marks between angle brackets, as
// wire services mark companies and their tickers ("COBANCO INC <CBCO> YEAR
// NET", "<PAGE PETROLEUM LTD> YEAR LOSS"). An all-capitals title says
// nothing else about which of its words are names.
func (x *extractor) markedNames(title string) {
	for {
		i := strings.IndexByte(title, '<')
		if i < 0 {
			return
		}
		j := strings.IndexByte(title[i:], '>')
		if j < 0 {
			return
		}
		// Stop words go ("BANK OF NEW YORK"), unless they are all there
		// is: a ticker such as <AM>.
		toks := tokenize(nil, title[i+1:i+j])
		var words []string
		for _, t := range toks {
			if w := strings.ToLower(t.text); len(toks) == 1 || !english.IsStopWord(w) {
				words = append(words, fold(w))
			}
		}
		if len(words) > 0 && len(words) <= 6 {
			x.name(words, leadWeight)
		}
		title = title[i+j+1:]
	}
}

// name counts one mention of the name made of the given lower-case words.
func (x *extractor) name(words []string, w float64) {
	for _, word := range words {
		if len(words) >= 2 && genericName[word] {
			continue // "Statistics" of Statistics Canada, "New" of New Zealand
		}
		x.key = append(append(x.key[:0], namePrefix...), word...)
		x.add(x.voc.internBytes(x.key), w)
	}
	if len(words) >= 2 {
		x.key = append(x.key[:0], namePrefix...)
		for i, word := range words {
			if i > 0 {
				x.key = append(x.key, '_')
			}
			x.key = append(x.key, word...)
		}
		x.add(x.voc.internBytes(x.key), w)
	}
}

// nameWord returns tok lower-cased if it may be part of a proper noun, or
// "" if it may not.
func nameWord(tok token) string {
	if !tok.capital || len(tok.text) < 2 {
		return ""
	}
	w := strings.ToLower(tok.text)
	if english.IsStopWord(w) || calendar[w] {
		return ""
	}
	return w
}

// genericName words are common nouns and adjectives that many names share
// ("Statistics Canada", "Central Bureau of Statistics", "New Zealand", "New
// York"): within a longer name they do not count as a name of their own.
var genericName = map[string]bool{
	"statistics": true, "statistical": true, "bureau": true, "office": true, "central": true,
	"national": true, "bank": true, "reserve": true, "ministry": true, "department": true,
	"institute": true, "federal": true, "council": true, "commission": true, "agency": true,
	"association": true, "corporation": true, "corp": true, "company": true, "co": true,
	"inc": true, "ltd": true, "plc": true, "group": true, "international": true,
	"university": true, "government": true, "new": true, "general": true, "united": true,
	"state": true, "states": true, "north": true, "south": true, "east": true, "west": true,
	"city": true, "county": true, "republic": true, "union": true, "party": true,
	"house": true, "court": true, "board": true, "committee": true, "trust": true,
	"financial": true, "securities": true, "exchange": true, "holdings": true,
	"industries": true, "services": true, "systems": true, "american": true,
}

// calendarWords are calendar words that are ordinary words too ("a protest
// march", "may", "to mar"): they stay terms.
var calendarWords = map[string]bool{"march": true, "may": true, "mar": true}

// calendar words are capitalized in English without naming anything
// specific to an event.
var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mr": true, "mrs": true, "ms": true, "dr": true,
}

// term maps one word to its feature, or "" for words that carry no topic:
// stop words and single characters. Numbers ("23", "6.1", "2013") are kept
// as written: they tell similar events apart.
func (x *extractor) term(word string) string {
	if len(word) < 2 {
		return ""
	}
	if isNumeric(word) {
		if x.opts.ablate&noNumbers != 0 {
			return ""
		}
		return word
	}
	w := strings.ToLower(word)
	if utf8.RuneCountInString(w) < 2 || english.IsStopWord(w) || calendar[w] && !calendarWords[w] {
		return ""
	}
	return text.Stem(w)
}

// isNumeric reports whether t is a number such as "23", "6.1" or "155,221"
// (not "76ers" or "21st", which are words).
func isNumeric(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return t != ""
}

// isYear reports whether t is a year of the last two centuries.
func isYear(t string) bool {
	return len(t) == 4 && (t[:2] == "19" || t[:2] == "20") && isNumeric(t[2:]) && !strings.ContainsAny(t, ".,")
}

// fold maps the endings of a lower-case name that transliteration varies
// to one: Zelenskyy, Zelenskiy and Zelensky all end in "i".
func fold(w string) string {
	for _, end := range []string{"yy", "iy", "ii", "y"} {
		if strings.HasSuffix(w, end) && len(w) > len(end)+1 {
			return w[:len(w)-len(end)] + "i"
		}
	}
	return w
}
