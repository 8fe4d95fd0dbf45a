package quote

import (
	"sort"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/entity"
)

// Quote is one attribution: a direct quotation or a piece of reported
// speech, with the phrase naming its speaker and the cue that links them.
// Offsets are Unicode code points into the text given to Extract, half-open.
type Quote struct {
	// Start and End delimit the content: without quotation marks for a
	// direct quote, the reported clause for reported speech. When the
	// content is split ("X," he said, "Y.") or runs over paragraphs, Start
	// is the first fragment's start and End the last one's end.
	Start, End int
	// Text is the text between Start and End, so for a split quote it
	// includes the words between the fragments; Content joins the fragments.
	Text string
	// Fragments lists the pieces of a split, continued or multi-paragraph
	// quotation in order, and is nil when the content is one piece. Such a
	// quotation is one Quote, as PolNeAR annotates it as one attribution
	// with discontinuous content.
	Fragments []Span
	// Direct reports a quotation in quotation marks; false marks reported
	// speech ("Zelenskyy told reporters that …").
	Direct bool
	// Statement reports content that gives what the speaker said: a
	// quotation, or a reported clause. It is false for reported content
	// that is the object of a verb ("praised the promise", "denies these
	// allegations") or an intention ("wants to end the war", "has not
	// agreed to a ceasefire"): attributions, but not statements to list as
	// what someone said.
	Statement bool
	// Speaker is the speaker's name: the canonical name of the entity the
	// speaker phrase refers to (a pronoun resolved to the person it stands
	// for, a surname to the full name), the name of an organization, or ""
	// when the phrase names no one ("officials") or cannot be resolved.
	Speaker string
	// SpeakerEntity is the entity ID of the Mention the speaker resolved
	// to, when Options.Mentions were given; otherwise "".
	SpeakerEntity string
	// SpeakerStart and SpeakerEnd delimit the words at the cue that refer
	// to the speaker ("Trump", "he", "the influential US daily"), even when
	// Speaker names an entity mentioned elsewhere; both are -1 when there
	// are none.
	SpeakerStart, SpeakerEnd int
	// Cue is the word or words that mark the attribution ("said",
	// "telling reporters", "according to"), or "" when a quotation has no
	// cue of its own; CueStart and CueEnd delimit it, -1 when Cue is "".
	Cue              string
	CueStart, CueEnd int
}

// Span is a piece of text: Text is the text between Start and End, in code points.
type Span struct {
	Start, End int
	Text       string
}

// Content returns the quoted or reported words: Text, or for a split quote
// its fragments in order. A fragment that ends a sentence is followed by a
// space; one cut off mid-sentence by the attribution ("a lot of help," Trump
// said. "They are …") by an ellipsis, as an editor marks words left out:
// "a lot of help … They are".
func (q Quote) Content() string {
	if len(q.Fragments) == 0 {
		return q.Text
	}
	n := 0
	for _, f := range q.Fragments {
		n += len(f.Text) + len(elision)
	}
	b := make([]byte, 0, n)
	for i, f := range q.Fragments {
		if i > 0 {
			if endsSentence(b) {
				b = append(b, ' ')
			} else {
				b = append(b, elision...)
			}
		}
		b = append(b, f.Text...)
	}
	return string(b)
}

// elision joins fragments that do not end a sentence.
const elision = " … "

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotation marks or brackets.
func endsSentence(s []byte) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRune(s)
		switch r {
		case '.', '!', '?', '…':
			return true
		case '"', '\'', '’', '”', '»', ')', ']':
			s = s[:len(s)-size]
		default:
			return false
		}
	}
	return false
}

// Mention is a name found by an earlier stage (package entity), with
// code-point offsets into the same text. Entity is the ID of the entity the
// mention was resolved to, or "".
type Mention struct {
	Start, End int
	Text       string
	Type       entity.Type
	Entity     string
}

// Options adjusts Extract. The zero value is a valid configuration that
// works on the raw text alone.
type Options struct {
	// Mentions are the article's entity mentions, in any order. When
	// given, speaker phrases snap to them, they join the candidates for
	// pronoun resolution, and Quote.SpeakerEntity links the speaker.
	Mentions []Mention
	// Tagged says that Mentions come from a tagger that read the whole
	// text, so that a capitalised word opening a sentence that it did not
	// mark is taken for a common word ("Prices had also been forced
	// down …"), not for someone a later "he" could refer to.
	Tagged bool
}

// Extract returns the quotations and reported speech in text, ordered by
// Start, then End. It never fails: text that holds none yields nil.
func Extract(text string, opts Options) []Quote {
	x := extractors.Get().(*extractor)
	x.tagged = opts.Tagged
	x.reset(text, opts.Mentions)
	x.direct()
	x.reported()
	x.resolve()
	qs := x.quotes()
	x.s, x.mentions = "", nil
	extractors.Put(x)
	sort.SliceStable(qs, func(i, j int) bool {
		if qs[i].Start != qs[j].Start {
			return qs[i].Start < qs[j].Start
		}
		return qs[i].End < qs[j].End
	})
	return qs
}
