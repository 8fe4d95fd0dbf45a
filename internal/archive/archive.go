// Package archive is storyline's read model across stories: the archive's
// entities (one per real person, organization or place, whatever its
// spelling in each story), their stories, quotes and mentions over time,
// and search that knows their spellings. It reads what the store keeps of
// each story's analysis and never analyses anything itself, so the CLI, the
// pages and the API show the same archive at any size, at once.
//
// Lists are paged by opaque cursors: a page's Next continues the list
// after its last entry, however many entries were added meanwhile.
package archive

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/memo"
	"github.com/storyline-news/storyline/internal/store"
)

// Archive reads the archive of one store. It is safe for concurrent use.
// It keeps its answers for Fresh, so that many readers of one entity, list
// or search share one reading of the store.
type Archive struct {
	st       store.Store
	entities *memo.Memo[EntityQuery, dossier.EntityList]
	pages    *memo.Memo[pageKey, dossier.EntityPage]
	searches *memo.Memo[searchKey, searched]
}

// Fresh is how long an archive keeps an answer: what ingest changes shows
// within it.
const Fresh = 2 * time.Second

// memoSize bounds the answers an archive keeps of each kind.
const memoSize = 512

// pageKey names an entity page: the entity, its totals (a page of other
// totals is out of date) and the pages asked for.
type pageKey struct {
	entity store.Entity
	q      PageQuery
}

// New returns the archive of st.
func New(st store.Store) *Archive {
	return &Archive{
		st:       st,
		entities: memo.New[EntityQuery, dossier.EntityList](Fresh, memoSize),
		pages:    memo.New[pageKey, dossier.EntityPage](Fresh, memoSize),
		searches: memo.New[searchKey, searched](Fresh, memoSize),
	}
}

// ErrCursor is returned (wrapped) for a cursor that no page of this list
// made.
var ErrCursor = errors.New("invalid cursor")

// Limits on page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// limit returns n as a page size: DefaultLimit for 0, at most MaxLimit.
func limit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return min(n, MaxLimit)
}

// EntityQuery selects a page of entities.
type EntityQuery struct {
	Type   string // "" for every type
	Limit  int    // 0: DefaultLimit
	Cursor string // "" for the first page
}

// Entities returns a page of the archive's entities, most mentioned first.
func (a *Archive) Entities(ctx context.Context, q EntityQuery) (dossier.EntityList, error) {
	return a.entities.Do(q, func() (dossier.EntityList, error) { return a.readEntities(ctx, q) })
}

func (a *Archive) readEntities(ctx context.Context, q EntityQuery) (dossier.EntityList, error) {
	f := store.EntityFilter{Type: q.Type, Limit: limit(q.Limit) + 1}
	if q.Cursor != "" {
		n, id, err := decodeCursor(q.Cursor, "e")
		if err != nil {
			return dossier.EntityList{}, err
		}
		m, err := strconv.Atoi(n)
		if err != nil {
			return dossier.EntityList{}, fmt.Errorf("%w: %s", ErrCursor, q.Cursor)
		}
		f.After = store.EntityCursor{Mentions: m, ID: id}
	}
	es, total, err := a.st.Entities(ctx, f)
	if err != nil {
		return dossier.EntityList{}, err
	}
	out := dossier.EntityList{Total: total, Entities: []dossier.EntitySummary{}}
	if len(es) > limit(q.Limit) {
		es = es[:limit(q.Limit)]
		last := es[len(es)-1]
		next := encodeCursor("e", strconv.Itoa(last.Mentions), last.ID)
		out.Next = &next
	}
	for _, e := range es {
		out.Entities = append(out.Entities, dossier.FromEntity(e))
	}
	return out, nil
}

// PageQuery selects a page of an entity's stories and of its quotes.
type PageQuery struct {
	StoriesLimit  int // 0: DefaultLimit
	StoriesCursor string
	QuotesLimit   int // 0: DefaultLimit
	QuotesCursor  string
}

// Entity returns the archive entity with the given ID (or a story's ID for
// it): its names, roles and days, and a page of its stories and quotes. An
// unknown ID gives an error wrapping store.ErrNotFound.
func (a *Archive) Entity(ctx context.Context, id string, q PageQuery) (dossier.EntityPage, error) {
	e, err := a.st.Entity(ctx, id)
	if err != nil {
		return dossier.EntityPage{}, err
	}
	return a.pages.Do(pageKey{e, q}, func() (dossier.EntityPage, error) { return a.readEntity(ctx, e, q) })
}

// readEntity reads the page of e that q asks for.
func (a *Archive) readEntity(ctx context.Context, e store.Entity, q PageQuery) (dossier.EntityPage, error) {
	all, err := a.st.EntityStories(ctx, e.ID, store.PageFilter{})
	if err != nil {
		return dossier.EntityPage{}, err
	}
	days, err := a.st.EntityDays(ctx, e.ID)
	if err != nil {
		return dossier.EntityPage{}, err
	}
	page := dossier.EntityPage{Entity: dossier.ArchiveEntity{
		EntitySummary: dossier.FromEntity(e),
		Aliases:       aliases(all),
		Roles:         roles(all),
		Days:          make([]dossier.DayCount, len(days)),
	}}
	for i, d := range days {
		page.Entity.Days[i] = dossier.DayCount{Day: d.Day, Mentions: d.Mentions}
	}
	if page.Stories, err = a.stories(ctx, e, q.StoriesLimit, q.StoriesCursor); err != nil {
		return dossier.EntityPage{}, err
	}
	if page.Quotes, err = a.quotes(ctx, e, q.QuotesLimit, q.QuotesCursor); err != nil {
		return dossier.EntityPage{}, err
	}
	return page, nil
}

// stories returns a page of the stories that name e.
func (a *Archive) stories(ctx context.Context, e store.Entity, n int, cursor string) (dossier.StoryPage, error) {
	p, err := pageFilter(cursor, "s", limit(n)+1)
	if err != nil {
		return dossier.StoryPage{}, err
	}
	ss, err := a.st.EntityStories(ctx, e.ID, p)
	if err != nil {
		return dossier.StoryPage{}, err
	}
	out := dossier.StoryPage{Total: e.Stories, Items: []dossier.EntityStory{}}
	if len(ss) > limit(n) {
		ss = ss[:limit(n)]
		last := ss[len(ss)-1].Story
		next := encodeCursor("s", timeText(last.LastPublished), last.ID)
		out.Next = &next
	}
	for _, s := range ss {
		out.Items = append(out.Items, dossier.EntityStory{
			Summary: dossier.FromSummary(s.Story), Entity: s.Entity.Local, Name: s.Entity.Name,
			Mentions: s.Entity.Mentions, Roles: s.Entity.Roles,
		})
	}
	return out, nil
}

// quotes returns a page of e's quotes.
func (a *Archive) quotes(ctx context.Context, e store.Entity, n int, cursor string) (dossier.QuotePage, error) {
	p, err := pageFilter(cursor, "q", limit(n)+1)
	if err != nil {
		return dossier.QuotePage{}, err
	}
	qs, err := a.st.EntityQuotes(ctx, e.ID, p)
	if err != nil {
		return dossier.QuotePage{}, err
	}
	out := dossier.QuotePage{Total: e.Quotes, Items: []dossier.EntityQuote{}}
	if len(qs) > limit(n) {
		qs = qs[:limit(n)]
		last := qs[len(qs)-1]
		next := encodeCursor("q", timeText(last.Published), last.ID)
		out.Next = &next
	}
	for _, q := range qs {
		var w dossier.Quote
		if err := json.Unmarshal(q.Data, &w); err != nil {
			return dossier.QuotePage{}, fmt.Errorf("archive: quote %s: %w", q.ID, err)
		}
		out.Items = append(out.Items, dossier.EntityQuote{Story: q.StoryID, Quote: w})
	}
	return out, nil
}

// StoriesNaming returns the IDs of every story that names the entity with
// the given ID, newest first; none for an unknown entity.
func (a *Archive) StoriesNaming(ctx context.Context, id string) ([]string, error) {
	e, err := a.st.Entity(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ss, err := a.st.EntityStories(ctx, e.ID, store.PageFilter{})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(ss))
	for _, s := range ss {
		if len(ids) == 0 || ids[len(ids)-1] != s.Story.ID {
			ids = append(ids, s.Story.ID)
		}
	}
	return ids, nil
}

// aliases counts the stories that use each spelling, most used first,
// then in byte order.
func aliases(ss []store.EntityStory) []dossier.Alias {
	n := make(map[string]int)
	for _, s := range ss {
		for _, a := range s.Entity.Aliases {
			n[a]++
		}
	}
	out := make([]dossier.Alias, 0, len(n))
	for a, k := range n {
		out = append(out, dossier.Alias{Name: a, Stories: k})
	}
	slices.SortFunc(out, func(a, b dossier.Alias) int {
		if a.Stories != b.Stories {
			return b.Stories - a.Stories
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// roles returns each role with the span of the stories that give it, in
// the order of their first day (undated last), then by name.
func roles(ss []store.EntityStory) []dossier.Role {
	type span struct {
		first, last time.Time
		stories     int
	}
	by := make(map[string]*span)
	for _, s := range ss {
		for _, r := range s.Entity.Roles {
			sp := by[r]
			if sp == nil {
				sp = &span{}
				by[r] = sp
			}
			sp.stories++
			if f := s.Story.FirstPublished; !f.IsZero() && (sp.first.IsZero() || f.Before(sp.first)) {
				sp.first = f
			}
			if l := s.Story.LastPublished; l.After(sp.last) {
				sp.last = l
			}
		}
	}
	out := make([]dossier.Role, 0, len(by))
	for r, sp := range by {
		out = append(out, dossier.Role{Role: r, First: day(sp.first), Last: day(sp.last), Stories: sp.stories})
	}
	slices.SortFunc(out, func(a, b dossier.Role) int {
		switch {
		case a.First == nil && b.First != nil:
			return 1
		case a.First != nil && b.First == nil:
			return -1
		case a.First != nil && *a.First != *b.First:
			return strings.Compare(*a.First, *b.First)
		}
		return strings.Compare(a.Role, b.Role)
	})
	return out
}

// day returns t's day in UTC, as the dossier dates stories, or nil.
func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}

// encodeCursor returns the cursor of the list kind at position (a, id).
func encodeCursor(kind, a, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + "\x00" + a + "\x00" + id))
}

// decodeCursor is the inverse of encodeCursor for a cursor of kind.
func decodeCursor(c, kind string) (a, id string, err error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", "", fmt.Errorf("%w: %s", ErrCursor, c)
	}
	parts := strings.Split(string(b), "\x00")
	if len(parts) != 3 || parts[0] != kind || parts[2] == "" {
		return "", "", fmt.Errorf("%w: %s", ErrCursor, c)
	}
	return parts[1], parts[2], nil
}

// timeText writes a cursor's time: "" for unknown.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// pageFilter returns the store's page filter for a cursor of kind.
func pageFilter(cursor, kind string, n int) (store.PageFilter, error) {
	p := store.PageFilter{Limit: n}
	if cursor == "" {
		return p, nil
	}
	t, id, err := decodeCursor(cursor, kind)
	if err != nil {
		return p, err
	}
	if t != "" {
		if p.Before, err = time.Parse(time.RFC3339Nano, t); err != nil {
			return p, fmt.Errorf("%w: %s", ErrCursor, cursor)
		}
	}
	p.BeforeID = id
	return p, nil
}
