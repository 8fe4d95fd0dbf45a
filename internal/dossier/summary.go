package dossier

import (
	"time"

	"github.com/storyline-news/storyline/internal/store"
)

// Summary is a story's one-line summary, as `storyline stories --format
// json` lists it.
type Summary struct {
	ID             string  `json:"id"`
	Headline       string  `json:"headline"`
	FirstPublished *string `json:"first_published"`
	LastPublished  *string `json:"last_published"`
	Articles       int     `json:"articles"`
	// Updated is when the store last saw the story change (RFC 3339,
	// UTC, to the second); absent when the store does not know.
	Updated *string `json:"updated,omitempty"`
}

// FromSummary converts a stored story summary to its wire form.
func FromSummary(s store.Story) Summary {
	out := Summary{
		ID:             s.ID,
		Headline:       s.Headline,
		FirstPublished: date(s.FirstPublished),
		LastPublished:  date(s.LastPublished),
		Articles:       s.Articles,
	}
	if !s.Updated.IsZero() {
		u := s.Updated.UTC().Format(time.RFC3339)
		out.Updated = &u
	}
	return out
}

// Hit is one full-text search result.
type Hit struct {
	Article string  `json:"article"`
	Story   *string `json:"story"`
	Title   *string `json:"title"`
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
}

// FromHit converts a search hit to its wire form.
func FromHit(h store.Hit) Hit {
	return Hit{
		Article: h.ArticleID,
		Story:   optional(h.StoryID),
		Title:   optional(h.Title),
		Snippet: h.Snippet,
		Rank:    h.Rank,
	}
}
