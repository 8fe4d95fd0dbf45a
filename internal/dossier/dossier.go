// Package dossier defines storyline's public output contracts and encodes
// them: the story dossier (schema storyline.dossier/v1, spec/dossier.md) as
// JSON and Markdown, and the per-article annotations (spec/annotations.md)
// as JSON Lines.
//
// The wire types live here and only here, so renaming a Go field elsewhere
// can never change the contract. Every list is sorted explicitly and no map
// is encoded, so the same input gives byte-identical output apart from
// GeneratedAt.
package dossier

import (
	"encoding/json"
	"io"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/story"
)

// Schema names the version of the dossier contract.
const Schema = "storyline.dossier/v1"

// Dossier is the document `storyline digest --format json` prints.
type Dossier struct {
	Schema      string  `json:"schema"`
	GeneratedAt string  `json:"generated_at"`
	Stories     []Story `json:"stories"`
}

// Story is one story of the dossier.
type Story struct {
	ID             string       `json:"id"`
	Headline       string       `json:"headline"`
	FirstPublished *string      `json:"first_published"`
	LastPublished  *string      `json:"last_published"`
	Articles       []Article    `json:"articles"`
	Reuse          []Reuse      `json:"reuse"`
	Entities       []Entity     `json:"entities"`
	Quotes         []Quote      `json:"quotes"`
	Timeline       []Event      `json:"timeline"`
	Divergences    []Divergence `json:"divergences"`
	// Agreements are the figures and dates that several sources confirm.
	Agreements []Agreement `json:"agreements"`
	// Compared is how many articles divergences and agreements were
	// drawn from, when the story was too long to compare them all;
	// absent when every article was compared.
	Compared int `json:"compared_articles,omitempty"`
}

// Article is one article of a story.
type Article struct {
	ID                string  `json:"id"`
	SourceRef         string  `json:"source_ref"`
	Outlet            *string `json:"outlet"`
	URL               *string `json:"url"`
	Title             *string `json:"title"`
	Published         *string `json:"published"`
	PublishedInferred bool    `json:"published_inferred"`
	// PublishedInference says how an inferred date was derived.
	PublishedInference string  `json:"published_inference,omitempty"`
	Language           *string `json:"language"`
	Words              int     `json:"words"`
	// Origin says how much of the article's text is its own; present only
	// for articles that carry text first published by another article.
	Origin *Origin `json:"origin,omitempty"`
	// Why says why the article is in the story; present when known.
	Why *Why `json:"why,omitempty"`
}

// Why is the evidence for an article's place in its story: the similarity
// to the story when it arrived and the terms they share most. The article
// that started the story has StartedStory set and no score.
type Why struct {
	StartedStory bool     `json:"started_story"`
	Score        float64  `json:"score"`
	Shared       []string `json:"shared"`
	// MergedFrom is the story the article first joined (and whose start
	// StartedStory and Score describe), when that story was later found to
	// be part of this one and merged into it.
	MergedFrom string `json:"merged_from,omitempty"`
}

// Origin says how much of an article is original text, and from whom the
// rest comes.
type Origin struct {
	// Original is the fraction of the article's text (in code points) that
	// no earlier article of the story carries.
	Original   float64 `json:"original"`
	SharedFrom []Share `json:"shared_from"`
}

// Share counts the code points of an article first published by another.
type Share struct {
	Article string `json:"article"`
	Chars   int    `json:"chars"`
}

// Reuse relates two articles that share text.
type Reuse struct {
	A          string    `json:"a"`
	B          string    `json:"b"`
	Relation   string    `json:"relation"`
	Similarity float64   `json:"similarity"`
	Passages   []Passage `json:"passages"`
	// Changes lists, for a revision, what B changed in A paragraph by
	// paragraph.
	Changes []Change `json:"changes,omitempty"`
}

// Change is one paragraph of a revision diff: kept, edited, added or
// removed, with code-point offsets into the old (A) and new (B) text.
type Change struct {
	Op       string `json:"op"`
	OldStart *int   `json:"old_start,omitempty"`
	OldEnd   *int   `json:"old_end,omitempty"`
	NewStart *int   `json:"new_start,omitempty"`
	NewEnd   *int   `json:"new_end,omitempty"`
	// OldText and NewText are the paragraphs' texts, given for edits,
	// additions and removals.
	OldText string `json:"old_text,omitempty"`
	NewText string `json:"new_text,omitempty"`
}

// Passage is one stretch of text shared by two articles, with code-point
// offsets into each article's text.
type Passage struct {
	AStart int    `json:"a_start"`
	AEnd   int    `json:"a_end"`
	BStart int    `json:"b_start"`
	BEnd   int    `json:"b_end"`
	Text   string `json:"text"`
	// Origin is the earliest article of the story that carries the passage.
	Origin string `json:"origin,omitempty"`
}

// Entity is one real person, organization, place or other named thing.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles"`
	Mentions int      `json:"mentions"`
	Articles []string `json:"articles"`
}

// Quote is something a speaker said, directly or reported.
type Quote struct {
	Text          string  `json:"text"`
	Speaker       *string `json:"speaker"`
	SpeakerEntity *string `json:"speaker_entity"`
	Article       string  `json:"article"`
	Direct        bool    `json:"direct"`
}

// Event is one dated entry of a story's timeline.
type Event struct {
	Date      string   `json:"date"`
	Precision string   `json:"precision"`
	Kind      string   `json:"kind"`
	Text      string   `json:"text"`
	Articles  []string `json:"articles"`
	Entities  []string `json:"entities"`
}

// Divergence is a point on which the story's sources disagree.
type Divergence struct {
	Topic string `json:"topic"`
	// Kind is what differs: amount, count, percent, deadline, date,
	// duration, speaker or spelling.
	Kind     string    `json:"kind"`
	Variants []Variant `json:"variants"`
}

// Variant is one version of a disputed fact and the articles that give it.
type Variant struct {
	Value    string   `json:"value"`
	Articles []string `json:"articles"`
	// Sources locate the variant in each article.
	Sources []Source `json:"sources,omitempty"`
}

// Source locates a claim: an article and a code-point span of its text,
// and who the article attributes it to.
type Source struct {
	Article string  `json:"article"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
}

// Agreement is a figure or date that several of the story's sources give
// alike.
type Agreement struct {
	Topic    string   `json:"topic"`
	Kind     string   `json:"kind"`
	Value    string   `json:"value"`
	Articles []string `json:"articles"`
	Sources  []Source `json:"sources,omitempty"`
}

// New returns the dossier of the given stories, generated at now. Stories
// are sorted by last publication date, newest first, undated last, then by
// ID.
func New(stories []story.Story, now time.Time) Dossier {
	ss := make([]Story, 0, len(stories))
	for _, s := range stories {
		ss = append(ss, FromStory(s))
	}
	return Of(ss, now)
}

// Of returns the dossier of stories already in their wire form, generated
// at now, sorted as New sorts them. It keeps stories and sorts it.
func Of(stories []Story, now time.Time) Dossier {
	if stories == nil {
		stories = []Story{}
	}
	sortStories(stories)
	return Dossier{Schema: Schema, GeneratedAt: now.UTC().Format(time.RFC3339), Stories: stories}
}

// FromStory converts a story to its wire form.
func FromStory(s story.Story) Story {
	out := Story{
		ID:             s.ID,
		Headline:       s.Headline,
		FirstPublished: date(s.FirstPublished),
		LastPublished:  date(s.LastPublished),
		Articles:       make([]Article, 0, len(s.Articles)),
		Reuse:          []Reuse{},
		Entities:       []Entity{},
		Quotes:         []Quote{},
		Timeline:       []Event{},
		Divergences:    []Divergence{},
		Agreements:     []Agreement{},
		Compared:       s.Compared,
	}
	for i, a := range s.Articles {
		wa := FromArticle(a)
		if i < len(s.Origins) {
			wa.Origin = fromOrigin(s.Origins[i])
		}
		if i < len(s.Analyses) {
			wa.PublishedInference = s.Analyses[i].Inference
		}
		if w, ok := s.Why[a.ID]; ok {
			wa.Why = &Why{StartedStory: len(w.Evidence) == 0 && w.Score == 0, Score: round3(w.Score), Shared: nonNil(w.Evidence), MergedFrom: w.MergedFrom}
		}
		out.Articles = append(out.Articles, wa)
	}
	for _, r := range s.Reuse {
		out.Reuse = append(out.Reuse, fromReuse(r))
	}
	for _, e := range s.Entities {
		out.Entities = append(out.Entities, fromEntity(e))
	}
	for _, ev := range s.Timeline {
		out.Timeline = append(out.Timeline, fromEvent(ev))
	}
	for _, d := range s.Divergences {
		out.Divergences = append(out.Divergences, fromDivergence(d))
	}
	for _, a := range s.Agreements {
		out.Agreements = append(out.Agreements, fromAgreement(a))
	}
	for i, an := range s.Analyses {
		for _, q := range story.Notable(an.Quotes) {
			out.Quotes = append(out.Quotes, Quote{
				Text: q.Content(), Speaker: optional(q.Speaker), SpeakerEntity: optional(q.SpeakerEntity),
				Article: s.Articles[i].ID, Direct: q.Direct,
			})
		}
	}
	return out
}

// FromArticle converts an article's metadata to its wire form.
func FromArticle(a article.Article) Article {
	return Article{
		ID:                a.ID,
		SourceRef:         a.SourceRef,
		Outlet:            optional(a.Outlet),
		URL:               optional(a.URL),
		Title:             optional(a.Title),
		Published:         date(a.Published),
		PublishedInferred: a.PublishedInferred,
		Language:          optional(a.Language),
		Words:             a.Words(),
	}
}

// WriteJSON writes d as indented JSON followed by a newline.
func (d Dossier) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// WriteJSONLines writes the dossier's stories as JSON Lines: each story
// object of the dossier (an element of "stories"), compact, on a line of
// its own, in the dossier's order.
func (d Dossier) WriteJSONLines(w io.Writer) error {
	for _, s := range d.Stories {
		if err := WriteStoryLine(w, s); err != nil {
			return err
		}
	}
	return nil
}

// WriteStoryLine writes one story object, compact, and a newline: a line
// of JSON Lines output, for callers that stream stories one at a time.
func WriteStoryLine(w io.Writer, s Story) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}
