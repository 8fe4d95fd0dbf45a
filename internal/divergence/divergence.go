package divergence

import (
	"cmp"
	"slices"
	"time"

	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/timex"
)

// Doc is one article of a story as Compare reads it: the plain outputs of
// the earlier stages, so that this package depends on their values only.
type Doc struct {
	// ID is the article's ID; results name articles by it.
	ID string
	// Text is the article's cleaned body text; every offset refers to it.
	Text string
	// Published is the publication date, or the zero Time when unknown:
	// the date Timexes were resolved against. It is informational.
	Published time.Time
	// Timexes are the time expressions of Text, resolved against the
	// publication date (timex.Extract).
	Timexes []timex.Expr
	// Mentions are the entity mentions of Text, in any order; role-only
	// references ("the Ukrainian president") may be included.
	Mentions []Mention
	// Quotes are the quotations and reported speech of Text with their
	// speakers.
	Quotes []Quote
}

// Mention is one mention of an entity: runes [Start, End) of Doc.Text.
type Mention struct {
	Start, End int
	// Entity is the ID of the entity named, or "" when unresolved.
	Entity string
	// Name is the entity's canonical name ("Volodymyr Zelensky"); Compare
	// names spelling divergences by it.
	Name string
	// Type is the entity's type.
	Type entity.Type
}

// Quote is one quotation or piece of reported speech: its content is runes
// [Start, End) of Doc.Text.
type Quote struct {
	Start, End int
	// Speaker is the speaker's name or the phrase naming the speaker.
	Speaker string
	// Entity is the speaker's entity ID, or "".
	Entity string
	// Direct reports a quotation in quotation marks, whose words the
	// article gives as the speaker's own.
	Direct bool
	// Named reports that the article names the speaker at the quotation
	// ("…,” Trump said), rather than by a pronoun or role that an earlier
	// stage resolved ("…,” he said).
	Named bool
}

// Source is where an article states a variant: its figure, date or name
// as written, and who the article says stated it.
type Source struct {
	Article string
	// Start and End delimit Text in code points of the article's text.
	Start, End int
	Text       string
	// Speaker is who the article attributes the claim to, or "".
	Speaker string
}

// Variant is one value that some of a story's articles give.
type Variant struct {
	// Value is the value as written: the shortest phrase among Sources.
	Value string
	// Articles are the IDs of the articles that give it, in input order.
	Articles []string
	// Sources locate each statement of it, in input order.
	Sources []Source
}

// Divergence is a subject on which a story's articles disagree: they give
// different figures, dates or deadlines, attribute one quotation to
// different people, or spell a name differently.
type Divergence struct {
	// Topic names the subject in words: "when the two leaders will meet",
	// "spelling of Volodymyr Zelensky".
	Topic string
	Kind  Kind
	// Variants are the different values, with the articles giving each,
	// in order of first appearance; there are at least two.
	Variants []Variant
}

// Agreement is a figure, date or deadline that two or more of a story's
// articles give alike. It has the shape of a Divergence with one variant,
// so that a dossier can list what all sources confirm beside where they
// differ.
type Agreement struct {
	// Topic names the subject in words: "amount of U.S. arms package".
	Topic string
	Kind  Kind
	// Value is the value as written: the shortest phrase among Sources.
	Value string
	// Articles are the IDs of the articles that give it, in input order.
	Articles []string
	// Sources locate each statement of it.
	Sources []Source
}

// Compare finds where the articles of one story disagree and what they
// agree on. It extracts each article's claims (see Claims), aligns claims
// of the same kind about the same subject across articles, and reports
// every aligned set whose values conflict as a Divergence and every set
// whose values are the same as an Agreement; sets whose values merely
// differ in precision ("in February", "on February 28") are neither. It
// adds a Speaker divergence for each direct quotation that articles
// attribute to different people, and a Spelling divergence for each word
// of an entity's name that they write differently. Both lists are sorted
// by first appearance (article order of docs, then offset). The result
// depends only on docs.
func Compare(docs []Doc) ([]Divergence, []Agreement) {
	s := newStory(docs)
	var divs []Divergence
	var agrs []Agreement
	for _, g := range s.align() {
		d, a := s.judge(g)
		divs = append(divs, d...)
		agrs = append(agrs, a...)
	}
	divs = append(divs, s.quoteSpeakers()...)
	divs = append(divs, spellings(docs, s.texts)...)
	slices.SortStableFunc(divs, func(a, b Divergence) int {
		return s.order(a.Variants[0].Sources[0], b.Variants[0].Sources[0])
	})
	slices.SortStableFunc(agrs, func(a, b Agreement) int {
		return s.order(a.Sources[0], b.Sources[0])
	})
	return divs, agrs
}

// order compares two sources by article order, then offset.
func (s *story) order(a, b Source) int {
	return cmp.Or(cmp.Compare(s.index[a.Article], s.index[b.Article]),
		cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}
