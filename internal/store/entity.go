package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// StoryEntity is one archive entity as one story knows it: what the
// analysis found of it in the story's articles. The engine computes it and
// stores it with the story's derived data (Derived.Entities); the store
// keeps every entity's totals across the archive from these rows.
type StoryEntity struct {
	// ID is the archive entity's ID, the same in every story that names
	// it; Local is the ID the story's own analysis gave it (the dossier's
	// entity ID), and Others the IDs of the story's other entities that
	// belong to it (the story told two spellings apart that the archive
	// folds alike).
	ID, Local string
	Others    []string
	Type      string
	// Name is the entity's name in this story.
	Name string
	// Aliases and Roles are the distinct spellings and roles the story
	// has, sorted.
	Aliases, Roles []string
	// Keys are the folded forms of the aliases, by which search finds the
	// entity whatever the spelling of the query.
	Keys []string
	// Mentions counts the story's mentions of the entity, Articles the
	// articles that name it, Quotes the quotes it is the speaker of.
	Mentions, Articles, Quotes int
	// Days counts the mentions by the publication day of their article
	// (YYYY-MM-DD, on the outlet's clock); mentions in undated articles
	// are not counted by day.
	Days []DayCount
}

// DayCount is a number of mentions on one day.
type DayCount struct {
	Day      string // YYYY-MM-DD
	Mentions int
}

// EntityQuote is one quote of an archive entity, as stored with the
// story's derived data.
type EntityQuote struct {
	// Entity is the speaker's archive entity ID.
	Entity  string
	StoryID string
	// Article is the ID of the article that carries the quote, Published
	// its publication time (zero when unknown).
	Article   string
	Published time.Time
	// Data is the quote as the engine encoded it; the store keeps it as
	// given.
	Data []byte
	// ID is set on read: the quote's place among its story's quotes (see
	// QuoteID), which orders quotes of one publication time.
	ID string
}

// QuoteID returns the ID of the n-th quote (from 0) of a story's derived
// data: the IDs of one story's quotes sort in quote order.
func QuoteID(storyID string, n int) string {
	return fmt.Sprintf("%s/%06d", storyID, n)
}

// Entity is an archive entity's totals across the live stories whose
// derived data is stored.
type Entity struct {
	ID   string
	Type string
	// Name is the name used by the story that mentions the entity most
	// (then the smallest name in byte order).
	Name string
	// Mentions, Stories and Quotes are summed over the stories.
	Mentions, Stories, Quotes int
}

// EntityFilter selects and pages archive entities, most mentioned first,
// then by ID. Its zero value lists every entity.
type EntityFilter struct {
	// Type, when set, keeps the entities of one type.
	Type  string
	Limit int // 0 means no limit
	// After, when its ID is set, starts the page after that entity in
	// the order above: a cursor that stays put while entities are added.
	After EntityCursor
}

// EntityCursor is a position in the list of entities: the mentions and ID
// of the last entity of the previous page.
type EntityCursor struct {
	Mentions int
	ID       string
}

// EntityStory is one story that names an archive entity: the story's
// summary and what it knows of the entity.
type EntityStory struct {
	Story  Story
	Entity StoryEntity // without Days
}

// PageFilter pages a list ordered newest first: Limit entries (0: all)
// after the entry with time Before and ID BeforeID, when BeforeID is set.
type PageFilter struct {
	Limit    int
	Before   time.Time
	BeforeID string
}

// JoinNames writes a list of names (aliases, roles) as backends store it:
// one text, joined by line feeds, which names never hold (the analysis
// collapses white space in them).
func JoinNames(ss []string) string { return strings.Join(ss, "\n") }

// JoinDays writes mentions by day as backends store them: one
// "YYYY-MM-DD n" a line.
func JoinDays(ds []DayCount) string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s %d", d.Day, d.Mentions)
	}
	return b.String()
}

// AddDays adds the mentions by day that JoinDays wrote to sum.
func AddDays(sum map[string]int, s string) error {
	for line := range strings.Lines(s) {
		day, n, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		k, err := strconv.Atoi(n)
		if !ok || err != nil {
			return fmt.Errorf("mentions by day: bad line %q", line)
		}
		sum[day] += k
	}
	return nil
}

// SortedDays returns the mentions by day of sum in day order.
func SortedDays(sum map[string]int) []DayCount {
	out := make([]DayCount, 0, len(sum))
	for day, n := range sum {
		out = append(out, DayCount{Day: day, Mentions: n})
	}
	slices.SortFunc(out, func(a, b DayCount) int { return strings.Compare(a.Day, b.Day) })
	return out
}

// SplitNames is the inverse of JoinNames; it never returns nil.
func SplitNames(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}

// EntityTotalsQuery lists, as backends check them, the archive entities
// whose stored totals differ from the sum of their story rows, and the
// entities of story rows that have no totals: none in a sound store. It is
// plain SQL that SQLite and PostgreSQL both run.
const EntityTotalsQuery = `
SELECT coalesce(e.id, s.entity_id) FROM entities e
FULL JOIN (SELECT entity_id, sum(mentions) AS mentions, count(*) AS stories, sum(quotes) AS quotes
	FROM story_entities GROUP BY entity_id) s ON s.entity_id = e.id
WHERE s.entity_id IS NULL AND e.stories > 0 OR e.id IS NULL
	OR e.mentions <> s.mentions OR e.stories <> s.stories OR e.quotes <> s.quotes
LIMIT 10`
