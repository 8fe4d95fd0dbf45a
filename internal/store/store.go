// Package store defines the contract between storyline and its persistent
// storage: articles, their assignment to stories, and full-text search.
//
// Two backends meet the contract: store/sqlite, the embedded default, and
// store/postgres for several processes sharing one database. Package
// store/storetest holds the one conformance suite that every backend runs.
// Backends never import the analysis stages; the engine computes everything
// derived (clusters, headlines) and hands the store plain values. What the
// backends do alike whatever their database is here too (backend.go): listing
// the embedded migrations, reading Scan a page at a time, and reading search
// hits and their snippets.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/storyline-news/storyline/internal/article"
)

// ErrNotFound is returned (wrapped) when a requested article or story does
// not exist.
var ErrNotFound = errors.New("not found")

// Store is the contract every storage backend meets. All methods are safe for
// concurrent use.
//
// Times are stored to the microsecond, PostgreSQL's precision: a time read
// back equals the time written truncated to the microsecond, as an instant
// (the zone is not kept). The zero time stands for unknown and stays zero.
type Store interface {
	// Known returns the subset of ids that are already stored.
	Known(ctx context.Context, ids []string) (map[string]bool, error)
	// Commit stores one batch in a single transaction: either all of it is
	// stored or none of it. Articles whose ID is already stored are left
	// unchanged and not counted; Commit reports how many were new. An
	// article keeps the first story it was assigned to; every assignment
	// must name an article and a story that are stored or in the batch.
	Commit(ctx context.Context, b Batch) (added int, err error)
	// Article returns the article with the given ID, or ErrNotFound.
	Article(ctx context.Context, id string) (article.Article, error)
	// StoryOf returns the ID of the story that holds the article with the
	// given ID: "" when the article is stored but in no story, ErrNotFound
	// when it is not stored.
	StoryOf(ctx context.Context, articleID string) (string, error)
	// Stories lists story summaries, most recently published first (stories
	// without any dated article last), then by ID.
	Stories(ctx context.Context, f StoryFilter) ([]Story, error)
	// Story returns one story's summary, or ErrNotFound. For a story that
	// was merged into another, it returns the summary of the story that
	// absorbed it, whose ID differs from id.
	Story(ctx context.Context, id string) (Story, error)
	// StoryArticles returns the articles assigned to a story, in the order
	// they were stored.
	StoryArticles(ctx context.Context, storyID string) ([]article.Article, error)
	// Assignments returns why each of a story's articles is in it: the
	// assignments, in the order the articles were stored. A story that
	// does not exist has none.
	Assignments(ctx context.Context, storyID string) ([]Assignment, error)
	// Search runs a full-text query over titles and bodies and returns at
	// most limit matches (limit <= 0: all), best first. A query is words
	// that must all match (stemmed, case and accents folded), "quoted
	// phrases" that must match as phrases, and word* prefixes; nothing else
	// is an operator, and no query is a syntax error.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// Scan calls fn for every article stored after the one with sequence
	// number after (0: every article), with its sequence number and its
	// story ("" when it has none), in the order the articles were stored;
	// it stops at fn's first error and returns it. Sequence numbers are
	// positive and increase in commit order: once a reader has seen
	// number N, every later commit stores numbers above N. The engine uses
	// Scan to rebuild its clustering state on start and to catch up with
	// articles that other processes stored since.
	Scan(ctx context.Context, after int64, fn func(seq int64, a article.Article, storyID string) error) error
	// Merges returns the merges committed after the one with sequence
	// number after (0: all), in commit order, each with its sequence
	// number. The engine reads them to learn of the merges that other
	// processes made.
	Merges(ctx context.Context, after int64) ([]Merge, error)
	// Counts returns the number of stored articles and stories (merged
	// stories not counted).
	Counts(ctx context.Context) (articles, stories int, err error)
	// PutDerived stores what the analysis made of stories, in one
	// transaction, replacing what was stored for them. A row for a story
	// that is not stored (merged away meanwhile) is dropped, and so is a
	// row of the stored version made from fewer articles than the stored
	// row: a slow writer never undoes a newer analysis. A merge deletes
	// the retired story's row.
	PutDerived(ctx context.Context, ds []Derived) error
	// Derived returns what is stored for one story (ErrNotFound when
	// nothing is); it does not follow merges. The caller compares its
	// Version and Articles with what it expects.
	Derived(ctx context.Context, storyID string) (Derived, error)
	// Stale lists, by ID in ascending order, at most limit stories after
	// the ID after whose derived data is missing, of another version than
	// version, or made from another number of articles than the story
	// holds now.
	Stale(ctx context.Context, version, after string, limit int) ([]string, error)
	// DerivedCounts returns how many stories have derived data of version
	// made from every article they hold (current), and how many do not.
	DerivedCounts(ctx context.Context, version string) (current, stale int, err error)
	// Entities lists archive entities, most mentioned first, then by ID,
	// with the number of entities the filter's type selects.
	Entities(ctx context.Context, f EntityFilter) (es []Entity, total int, err error)
	// Entity returns the archive entity with the given ID, or the one that
	// a story's analysis gave that ID to (StoryEntity.Local or Others);
	// ErrNotFound when there is none.
	Entity(ctx context.Context, id string) (Entity, error)
	// EntityStories lists the stories that name an archive entity, in the
	// order of Stories, paged by p (Before being the last published time
	// and BeforeID the ID of the previous page's last story).
	EntityStories(ctx context.Context, id string, p PageFilter) ([]EntityStory, error)
	// EntityDays returns an archive entity's mentions by day, summed over
	// its stories, in day order.
	EntityDays(ctx context.Context, id string) ([]DayCount, error)
	// EntityQuotes lists an archive entity's quotes, newest article first
	// (undated last), paged by p (Before being the previous page's last
	// quote's Published and BeforeID its QuoteID).
	EntityQuotes(ctx context.Context, id string, p PageFilter) ([]EntityQuote, error)
	// Annotation returns what the analysis of the article's story found
	// in the article (see Derived.Annotations), with the derived row it
	// came with (without its Data): the caller compares the row's Version
	// and Articles with the story's. ErrNotFound when none is stored.
	Annotation(ctx context.Context, articleID string) (Annotation, Derived, error)
	// EntitiesByKey returns the IDs of the archive entities one of whose
	// aliases folds to key (StoryEntity.Keys), most mentioned first.
	EntitiesByKey(ctx context.Context, key string) ([]string, error)
	// Close releases the store's resources.
	Close() error
}

// Batch is what one ingest step writes: new articles, where each one goes,
// and the updated summaries of the stories it touched.
type Batch struct {
	Articles    []article.Article
	Assignments []Assignment
	// Stories holds the new state of every story the batch created or
	// changed; a story is inserted or replaced by ID.
	Stories []Story
	// Merges are applied last, in order: each moves the articles of From
	// (stored or in the batch) to Into, which must be stored or in the
	// batch, and retires From, whose ID then stands for Into.
	Merges []Merge
}

// Merge records that story From turned out to be part of story Into.
type Merge struct {
	// Seq orders merges in commit order (set by the store on read).
	Seq  int64
	From string
	Into string
	// ArticleID is the article whose arrival showed the two to be one.
	ArticleID string
}

// CheckMerges rejects merges that no backend can apply: without a story
// or an article, or of a story into itself.
func CheckMerges(ms []Merge) error {
	for _, m := range ms {
		switch {
		case m.From == "" || m.Into == "" || m.ArticleID == "":
			return fmt.Errorf("merge %q into %q by %q: empty ID", m.From, m.Into, m.ArticleID)
		case m.From == m.Into:
			return fmt.Errorf("merge of %s into itself", m.From)
		}
	}
	return nil
}

// Assignment places one article in one story, with the evidence for it.
type Assignment struct {
	ArticleID string
	StoryID   string
	// Score is the similarity that decided the assignment (0 for an article
	// that started its story).
	Score float64
	// Evidence lists the top shared terms and entities behind Score.
	Evidence []string
	// MergedFrom is, on read, the story the article was first assigned
	// to when a merge has since moved it to StoryID ("" otherwise).
	MergedFrom string
}

// Story is a story's summary as stored.
type Story struct {
	ID       string
	Headline string
	// FirstPublished and LastPublished span the dates of the story's dated
	// articles; both are zero when none is dated.
	FirstPublished time.Time
	LastPublished  time.Time
	// Articles is the number of articles assigned to the story.
	Articles int
	// Updated is when a commit last created or changed the story (its
	// summary differs from the stored one), set by the store on commit:
	// the writer's clock on SQLite, the database server's on PostgreSQL.
	// It is zero for stories stored before the store kept it. Commit
	// ignores the value given.
	Updated time.Time
}

// Derived is what the analysis stages made of one story, as stored: the
// engine writes it when the story changes and readers take it instead of
// analysing the story again.
type Derived struct {
	StoryID string
	// Version names the analysis that made Data; rows of another version
	// are stale.
	Version string
	// Articles is the number of articles the story held when it was
	// analysed. Stories only grow, so a story that holds another number
	// has changed since.
	Articles int
	// Data is the analysis as the engine encoded it; the store keeps it
	// as given.
	Data []byte
	// Entities and Quotes are the story's archive entities and their
	// quotes, stored and replaced with Data; the store keeps each archive
	// entity's totals from them.
	Entities []StoryEntity
	Quotes   []EntityQuote
	// Annotations are what the analysis found in each of the story's
	// articles, stored and replaced with Data.
	Annotations []Annotation
}

// Annotation is what the analysis found in one article, in its story, as
// the engine encoded it; the store keeps Data as given.
type Annotation struct {
	ArticleID string
	Data      []byte
}

// StoryFilter selects and pages stories. Its zero value lists all stories.
type StoryFilter struct {
	Limit  int // 0 means no limit
	Offset int
}

// Hit is one full-text search result.
type Hit struct {
	ArticleID string
	StoryID   string // "" when the article is not assigned
	Title     string
	// Snippet is a short extract of the matching text with the matched terms
	// marked by « and ».
	Snippet string
	// Rank orders hits: lower is better (SQLite's bm25 convention).
	Rank float64
}
