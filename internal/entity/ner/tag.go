package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/text"
)

// Mention is a named entity found in text.
type Mention struct {
	// Start and End are Unicode code point offsets into the text,
	// half-open: the mention is runes [Start, End).
	Start, End int
	// Text is the mention as written.
	Text string
	// Type is entity.Person, Organization, Location or Other (nationalities,
	// events, laws, products and other names).
	Type entity.Type
}

// Tag finds the named entities in raw text, such as an article's body:
// it splits the text into sentences and tokens, tags each sentence in turn
// (later sentences see how words were tagged earlier), and returns the
// mentions in text order. Two storyline conventions are applied on top of
// the CoNLL-2003 ones the model learned: seats of government used for the
// government ("the Kremlin said") are organizations, listed in
// data/gazetteer/overrides.txt; and a hyphen compound of names tagged as
// one entity ("Putin-Zelenskyy meeting") is split into its names when each
// of them is tagged on its own elsewhere in the text.
func (m *Model) Tag(text string) []Mention {
	sc := scratchPool.Get().(*scratch)
	out := m.tag(sc, text)
	scratchPool.Put(sc)
	return out
}

// tag is Tag with the buffers of sc.
func (m *Model) tag(sc *scratch, src string) []Mention {
	toks := sc.tok.Tokenize(src)
	sents := text.AppendSentences(sc.sents[:0], toks)
	sc.sents = sents
	words := grown(sc.words, len(sents))
	sc.words = words
	wbuf := grown(sc.wbuf, len(toks))
	sc.wbuf = wbuf
	for i, s := range sents {
		words[i], wbuf = wbuf[:len(s):len(s)], wbuf[len(s):]
		for j, t := range s {
			words[i][j] = t.Text
		}
		if isTitleLine(sents, i) && TitleCase(words[i]) {
			for j, w := range words[i] {
				words[i][j] = strings.ToUpper(w)
			}
		}
	}
	tags := m.decodeInto(sc, m.prepareInto(sc, words))
	var out []Mention
	for si, s := range sents {
		for _, sp := range bilouSpans(tags[si]) {
			start, end, typ := sp.start, sp.end, storylineType[sp.typ]
			// The model learned few names with lower-case particles and
			// may tag only "Leyen" in "von der Leyen": a person's name takes
			// in the particles right before it.
			for n := 0; typ == entity.Person && n < 3 && start > 0 && nameParticles[s[start-1].Text] && !s[start].Newline; n++ {
				start--
			}
			if end < len(s) && docParts[s[end-1].Text] && numbered(s[end].Text) {
				end, typ = end+1, entity.Other // "Article 5", "Chapter 11"
			}
			if typ == entity.Person && end < len(s) {
				// "Charles de Gaulle airport", "Kennedy School": a place or
				// an institution named after a person, not the person. A
				// noun in lower case after a surname alone is more often a
				// plain modifier ("the Trump hospital visit").
				next := s[end].Text
				if t, ok := namedAfter[strings.ToLower(next)]; ok && (capsClass(next) == "title" || end-start >= 2) {
					end, typ = end+1, t
				}
			}
			out = append(out, mention(src, s[start:end], typ))
		}
	}
	out = splitCompounds(src, sents, out)
	for i := range out {
		if t, ok := m.gaz.overrides[out[i].Text]; ok {
			out[i].Type = t
		}
	}
	return out
}

// nameParticles are the lower-case words that belong to surnames such as
// von der Leyen, de Gaulle, van Gogh, bin Salman or al-Assad's "al".
var nameParticles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "du": true, "des": true,
	"da": true, "di": true, "del": true, "della": true, "dos": true, "das": true,
	"la": true, "le": true, "bin": true, "ibn": true, "al": true, "el": true,
	"ter": true, "ten": true, "zu": true,
}

// namedAfter maps the nouns that, right after a person's name, make it the
// name of a place or an institution to that type.
var namedAfter = map[string]entity.Type{
	"airport": entity.Location, "airfield": entity.Location, "airbase": entity.Location, "stadium": entity.Location,
	"arena": entity.Location, "bridge": entity.Location, "square": entity.Location, "street": entity.Location,
	"avenue": entity.Location, "boulevard": entity.Location, "station": entity.Location, "park": entity.Location,
	"palace": entity.Location, "hospital": entity.Location, "prison": entity.Location, "dam": entity.Location,
	"harbour": entity.Location, "harbor": entity.Location, "highway": entity.Location, "tunnel": entity.Location,
	"canal": entity.Location, "university": entity.Organization, "college": entity.Organization,
	"school": entity.Organization, "institute": entity.Organization, "foundation": entity.Organization,
}

// docParts are the words that name a numbered part of a text: a mention
// ending in one of them takes in the number after it ("Article 5 of NATO's
// treaty", "Chapter 11 protection") and is a name of the other type, not
// the organization the model may take "Article" for.
var docParts = map[string]bool{
	"Article": true, "Articles": true, "Section": true, "Chapter": true, "Clause": true,
	"Paragraph": true, "Amendment": true, "Title": true, "Resolution": true,
}

// numbered reports a token that numbers a part: digits, possibly with a
// letter ("5", "11", "2231", "5a"), or a Roman numeral ("IV").
func numbered(tok string) bool {
	if tok == "" {
		return false
	}
	digits := 0
	for _, r := range tok {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits > 0 {
		return digits >= len(tok)-1 && tok[0] >= '0' && tok[0] <= '9'
	}
	return strings.Trim(tok, "IVXLC") == "" && len(tok) <= 6
}

// isTitleLine reports whether sentence i is a line of its own without
// final punctuation, as a headline is. In title case (see TitleCase) it is
// one: the model learned headlines from CoNLL-2003, where they are upper
// case, so Tag upper-cases these lines before tagging and lets the
// document-level features decide which words are names.
func isTitleLine(sents [][]text.Token, i int) bool {
	s := sents[i]
	return !(i > 0 && !s[0].Newline) && !(i+1 < len(sents) && !sents[i+1][0].Newline) && !text.IsTerminator(s[len(s)-1].Text)
}

// TitleCase reports whether words read as a title: at least two of their
// words of four letters or more, and nearly all of them, are capitalised.
func TitleCase(words []string) bool {
	long, caps := 0, 0
	for _, w := range words {
		c := capsClass(w)
		if utf8.RuneCountInString(w) < 4 || c == "none" {
			continue
		}
		long++
		if c == "title" || c == "upper" {
			caps++
		}
	}
	return long >= 2 && caps*10 >= long*8
}

func mention(src string, toks []text.Token, typ entity.Type) Mention {
	first, last := toks[0], toks[len(toks)-1]
	return Mention{Start: first.Start, End: last.End, Text: src[first.ByteStart:last.ByteEnd], Type: typ}
}

// tspan is an entity in a sentence's BILOU tags: tokens [start, end).
type tspan struct{ start, end, typ int }

// bilouSpans reads the entities of a valid BILOU tag sequence.
func bilouSpans(tags []int) []tspan {
	var out []tspan
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t == 0 {
			continue
		}
		j := i
		for j+1 < len(tags) && posOf(tags[j]) != posL && posOf(tags[j]) != posU {
			j++
		}
		out = append(out, tspan{i, j + 1, typeOf(t)})
		i = j
	}
	return out
}

// splitCompounds replaces a mention made of names joined by hyphens
// without spaces ("Putin-Zelenskyy", "Israel-PLO") by the names, when every
// capitalised part is also a mention on its own elsewhere in the text; each
// part gets the type it has there. Lower-case parts ("U.S.-led") are
// dropped. Other mentions are kept as they are.
func splitCompounds(src string, sents [][]text.Token, ms []Mention) []Mention {
	if !slices.ContainsFunc(ms, hyphenated) {
		return ms // no compound: most texts
	}
	typeOfText := map[string]entity.Type{}
	for _, m := range ms {
		if !strings.ContainsAny(m.Text, "-‐‑") {
			typeOfText[m.Text] = m.Type
		}
	}
	var out []Mention
	for _, m := range ms {
		parts := compoundParts(sents, m)
		if parts == nil {
			out = append(out, m)
			continue
		}
		var split []Mention
		ok := true
		for _, p := range parts {
			pm := mention(src, p, "")
			r := []rune(pm.Text)[0]
			if !unicode.IsUpper(r) {
				continue
			}
			if pm.Type, ok = typeOfText[pm.Text]; !ok {
				break
			}
			split = append(split, pm)
		}
		if !ok || len(split) == 0 {
			out = append(out, m)
			continue
		}
		out = append(out, split...)
	}
	return out
}

// hyphenated reports a mention with the hyphen compoundParts splits at.
func hyphenated(m Mention) bool { return strings.Contains(m.Text, "-") }

// compoundParts returns the token runs between the hyphens of a mention
// whose hyphens are glued to the words on both sides, or nil if it has no
// such hyphen.
func compoundParts(sents [][]text.Token, m Mention) [][]text.Token {
	if !hyphenated(m) {
		return nil
	}
	var toks []text.Token
	for _, s := range sents {
		if len(s) > 0 && s[0].Start <= m.Start && m.End <= s[len(s)-1].End {
			for _, t := range s {
				if t.Start >= m.Start && t.End <= m.End {
					toks = append(toks, t)
				}
			}
			break
		}
	}
	var parts [][]text.Token
	start := 0
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Text == "-" && toks[i-1].End == toks[i].Start && toks[i].End == toks[i+1].Start {
			parts = append(parts, toks[start:i])
			start = i + 1
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return append(parts, toks[start:])
}
