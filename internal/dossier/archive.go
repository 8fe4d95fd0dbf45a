package dossier

import (
	"github.com/storyline-news/storyline/internal/store"
)

// EntityList is one page of the archive's entities, most mentioned first,
// as `storyline entities --format json` and GET /api/entities give it.
type EntityList struct {
	// Total is the number of entities the list's filter selects.
	Total    int             `json:"total"`
	Entities []EntitySummary `json:"entities"`
	// Next is the cursor of the next page, null on the last.
	Next *string `json:"next"`
}

// EntitySummary is an archive entity's totals: one person, organization,
// place or other name, whatever its spelling, across every story.
type EntitySummary struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	// Mentions, Stories and Quotes are summed over the stories that name
	// the entity.
	Mentions int `json:"mentions"`
	Stories  int `json:"stories"`
	Quotes   int `json:"quotes"`
}

// FromEntity converts a stored entity's totals to its wire form.
func FromEntity(e store.Entity) EntitySummary {
	return EntitySummary{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: e.Mentions, Stories: e.Stories, Quotes: e.Quotes}
}

// EntityPage is one archive entity: its names and roles over time, its
// mentions by day, and a page of its stories and of its quotes, as
// `storyline entity ID --format json` and GET /api/entities/{id} give it.
type EntityPage struct {
	Entity  ArchiveEntity `json:"entity"`
	Stories StoryPage     `json:"stories"`
	Quotes  QuotePage     `json:"quotes"`
}

// ArchiveEntity is an archive entity with what its stories say of it.
type ArchiveEntity struct {
	EntitySummary
	// Aliases are the spellings the stories use, most used first, each
	// with the number of stories that use it.
	Aliases []Alias `json:"aliases"`
	// Roles are the roles and titles the stories give the entity, in the
	// order they first appeared.
	Roles []Role `json:"roles"`
	// Days counts the mentions by publication day, in day order.
	Days []DayCount `json:"days"`
}

// Alias is one spelling of an entity's name.
type Alias struct {
	Name    string `json:"name"`
	Stories int    `json:"stories"`
}

// Role is one role or title of an entity, with the span of the stories
// that give it: First and Last are their first and last publication days
// (null when none is dated).
type Role struct {
	Role    string  `json:"role"`
	First   *string `json:"first"`
	Last    *string `json:"last"`
	Stories int     `json:"stories"`
}

// DayCount is a number of mentions on one day (YYYY-MM-DD).
type DayCount struct {
	Day      string `json:"day"`
	Mentions int    `json:"mentions"`
}

// StoryPage is one page of the stories that name an entity, newest first.
type StoryPage struct {
	Total int           `json:"total"`
	Items []EntityStory `json:"items"`
	Next  *string       `json:"next"`
}

// EntityStory is a story that names an entity, with what the story says of
// it: the story's own ID for the entity (as in its dossier), its name
// there, and its mentions and roles there.
type EntityStory struct {
	Summary
	Entity   string   `json:"entity"`
	Name     string   `json:"name"`
	Mentions int      `json:"mentions"`
	Roles    []string `json:"roles"`
}

// QuotePage is one page of an entity's quotes, newest article first.
type QuotePage struct {
	Total int           `json:"total"`
	Items []EntityQuote `json:"items"`
	Next  *string       `json:"next"`
}

// EntityQuote is a quote with the story it belongs to.
type EntityQuote struct {
	Story string `json:"story"`
	Quote
}
