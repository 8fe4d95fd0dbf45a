package dossier

import (
	"encoding/json"
	"io"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/quote"
	"github.com/storyline-news/storyline/internal/story"
)

// Annotation is one line of `storyline annotate --format jsonl`: everything
// the analysis stages found in one article, with code-point offsets into
// Text (spec/annotations.md).
type Annotation struct {
	ID                string             `json:"id"`
	SourceRef         string             `json:"source_ref"`
	Published         *string            `json:"published"`
	PublishedInferred bool               `json:"published_inferred"`
	Text              string             `json:"text"`
	Mentions          []Mention          `json:"mentions"`
	Entities          []AnnotationEntity `json:"entities"`
	Quotes            []AnnotationQuote  `json:"quotes"`
	Timexes           []Timex            `json:"timexes"`
}

// Mention is one span of text that names an entity.
type Mention struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
	Type   string  `json:"type"`
	Entity *string `json:"entity"`
}

// AnnotationEntity is an entity as seen within one article.
type AnnotationEntity struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
	Roles   []string `json:"roles"`
}

// AnnotationQuote is one quote with its offsets and its speaker's.
type AnnotationQuote struct {
	Start         int     `json:"start"`
	End           int     `json:"end"`
	Text          string  `json:"text"`
	Direct        bool    `json:"direct"`
	Speaker       *string `json:"speaker"`
	SpeakerEntity *string `json:"speaker_entity"`
	SpeakerStart  *int    `json:"speaker_start"`
	SpeakerEnd    *int    `json:"speaker_end"`
	Cue           *string `json:"cue"`
}

// Timex is one time expression, TIMEX3-typed and normalized against the
// article's publication date.
type Timex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Annotate returns the annotation of a from what the stages found in it
// and the entities its mentions link to.
func Annotate(a article.Article, an story.Analysis, ents []entity.Entity) Annotation {
	out := NewAnnotation(a)
	for _, l := range an.Links {
		out.Mentions = append(out.Mentions, Mention{Start: l.Start, End: l.End, Text: l.Text, Type: string(l.Type), Entity: optional(l.Entity)})
	}
	for _, e := range ents {
		out.Entities = append(out.Entities, AnnotationEntity{
			ID: e.ID, Name: e.Name, Type: string(e.Type), Aliases: nonNil(e.Aliases), Roles: nonNil(e.Roles),
		})
	}
	for _, q := range an.Quotes {
		out.Quotes = append(out.Quotes, annotationQuotes(q)...)
	}
	for _, e := range an.Timexes {
		out.Timexes = append(out.Timexes, Timex{Start: e.Start, End: e.End, Text: e.Text, Type: string(e.Type), Value: e.Value})
	}
	return out
}

// NewAnnotation returns the annotation of a with every list present and
// empty.
func NewAnnotation(a article.Article) Annotation {
	return Annotation{
		ID:                a.ID,
		SourceRef:         a.SourceRef,
		Published:         date(a.Published),
		PublishedInferred: a.PublishedInferred,
		Text:              a.Text,
		Mentions:          []Mention{},
		Entities:          []AnnotationEntity{},
		Quotes:            []AnnotationQuote{},
		Timexes:           []Timex{},
	}
}

// WriteJSONL writes one annotation as a single JSON line.
func (an Annotation) WriteJSONL(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(an)
}

// annotationQuotes returns the annotation quotes of q: one, or for a
// quotation split around its cue ("X," he said. "Y.") or continued over
// paragraphs, one per fragment, each with the quotation's speaker and cue,
// so that every span covers quoted words only.
func annotationQuotes(q quote.Quote) []AnnotationQuote {
	base := AnnotationQuote{
		Start: q.Start, End: q.End, Text: q.Text, Direct: q.Direct,
		Speaker: optional(q.Speaker), SpeakerEntity: optional(q.SpeakerEntity), Cue: optional(q.Cue),
	}
	if q.SpeakerStart >= 0 {
		start, end := q.SpeakerStart, q.SpeakerEnd
		base.SpeakerStart, base.SpeakerEnd = &start, &end
	}
	if len(q.Fragments) == 0 {
		return []AnnotationQuote{base}
	}
	out := make([]AnnotationQuote, len(q.Fragments))
	for i, f := range q.Fragments {
		out[i] = base
		out[i].Start, out[i].End, out[i].Text = f.Start, f.End, f.Text
	}
	return out
}
