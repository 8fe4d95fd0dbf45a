package web

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/store"
)

// Limits on list sizes.
const (
	defaultSearchLimit = 20
	maxSearchLimit     = 200
	maxStoryLimit      = 10000
	pageSize           = 50 // stories per page of the story list
)

// storyQuery selects stories: those naming an entity, those with an
// article from an outlet, those whose articles span overlaps [From, To],
// and those changed after Since. Zero fields select everything. Sort
// orders them. A page starts after the story Cursor names (see
// storyCursor), else at Offset.
type storyQuery struct {
	Entity   string
	Outlet   string
	From, To time.Time
	Since    time.Time
	Sort     string // sortNewest or sortArticles
	Limit    int    // 0: no limit
	Offset   int
	Cursor   string
}

// Orders of the story list.
const (
	sortNewest   = "newest"   // the latest publication first (the store's order)
	sortArticles = "articles" // most articles first, then newest
)

func (q storyQuery) filtered() bool {
	return q.Entity != "" || q.Outlet != "" || !q.From.IsZero() || !q.To.IsZero() || !q.Since.IsZero()
}

// storyCursor returns the cursor of the position after s in a story list.
func storyCursor(s store.Story) string {
	t := ""
	if !s.LastPublished.IsZero() {
		t = s.LastPublished.UTC().Format(time.RFC3339Nano)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(t + "|" + s.ID))
}

// after returns the position in ss, a list in q's order, of the first
// story after the cursor c: after the story it names, or, when that story
// has left the list, (newest first) after its place.
func after(ss []store.Story, c string, sort string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	ts, id, ok := strings.Cut(string(b), "|")
	if err != nil || !ok || !validID(id, storyPrefix) {
		return 0, badRequest("invalid cursor: use the next link of a previous page")
	}
	var t time.Time
	if ts != "" {
		if t, err = time.Parse(time.RFC3339Nano, ts); err != nil {
			return 0, badRequest("invalid cursor: use the next link of a previous page")
		}
	}
	if i := slices.IndexFunc(ss, func(s store.Story) bool { return s.ID == id }); i >= 0 || sort != sortNewest {
		return i + 1, nil // from the start when the story has gone from a list by size
	}
	// Newest first (undated last), then by ID: the first story that sorts
	// after (t, id).
	i, _ := slices.BinarySearchFunc(ss, store.Story{ID: id, LastPublished: t}, func(s, target store.Story) int {
		switch {
		case s.LastPublished.Equal(target.LastPublished):
			return strings.Compare(s.ID, target.ID)
		case s.LastPublished.IsZero():
			return 1
		case target.LastPublished.IsZero():
			return -1
		case s.LastPublished.After(target.LastPublished):
			return -1
		}
		return 1
	})
	for i < len(ss) && ss[i].ID == id {
		i++
	}
	return i, nil
}

// parseStoryQuery reads entity, from, to, limit and offset from r's query.
func parseStoryQuery(r *http.Request, defaultLimit int) (storyQuery, error) {
	v := r.URL.Query()
	q := storyQuery{Entity: v.Get("entity"), Outlet: shorten(strings.TrimSpace(v.Get("outlet")), 200), Sort: v.Get("sort")}
	if q.Entity != "" && !validID(q.Entity, entityPrefix) {
		return q, badRequest("entity must be an entity ID such as e-0123456789abcdef")
	}
	switch q.Sort {
	case "":
		q.Sort = sortNewest
	case sortNewest, sortArticles:
	default:
		return q, badRequest("sort must be %s or %s", sortNewest, sortArticles)
	}
	var err error
	if q.From, err = dateParam(r, "from"); err != nil {
		return q, err
	}
	if q.To, err = dateParam(r, "to"); err != nil {
		return q, err
	}
	if q.Limit, err = intParam(r, "limit", defaultLimit, maxStoryLimit); err != nil {
		return q, err
	}
	if q.Offset, err = intParam(r, "offset", 0, 1<<31-1); err != nil {
		return q, err
	}
	if q.Since, err = timeParam(r, "since"); err != nil {
		return q, err
	}
	q.Cursor = r.URL.Query().Get("cursor")
	return q, nil
}

// selectStories returns the page of summaries q selects, in q's order,
// and how many it selects in all.
func (s *Server) selectStories(ctx context.Context, q storyQuery) ([]store.Story, int, error) {
	sums, _, total, err := s.selectCounted(ctx, q)
	return sums, total, err
}

// selectCounted returns the page of summaries q selects, whether more
// follow it, and how many q selects in all.
func (s *Server) selectCounted(ctx context.Context, q storyQuery) ([]store.Story, bool, int, error) {
	all, err := s.selected(ctx, q)
	if err != nil {
		return nil, false, 0, err
	}
	offset := q.Offset
	if q.Cursor != "" {
		if offset, err = after(all, q.Cursor, q.Sort); err != nil {
			return nil, false, 0, err
		}
	}
	p := page(all, offset, q.Limit)
	return p, offset+len(p) < len(all), len(all), nil
}

// selected returns every summary q selects, in q's order.
func (s *Server) selected(ctx context.Context, q storyQuery) ([]store.Story, error) {
	all, err := s.cache.stories(ctx)
	if err != nil {
		return nil, err
	}
	if q.Outlet != "" {
		if err := s.outlets.update(ctx); err != nil {
			return nil, err
		}
	}
	if !q.filtered() && q.Sort != sortArticles {
		return all, nil
	}
	var named map[string]bool
	if q.Entity != "" {
		ids, err := s.arch.StoriesNaming(ctx, q.Entity)
		if err != nil {
			return nil, err
		}
		named = make(map[string]bool, len(ids))
		for _, id := range ids {
			named[id] = true
		}
	}
	out := make([]store.Story, 0, len(all))
	for _, sum := range all {
		if named != nil && !named[sum.ID] || !q.overlaps(sum) || q.Outlet != "" && !s.outlets.has(sum.ID, q.Outlet) ||
			!q.Since.IsZero() && !sum.Updated.After(q.Since) {
			continue
		}
		out = append(out, sum)
	}
	if q.Sort == sortArticles {
		slices.SortStableFunc(out, func(a, b store.Story) int { return b.Articles - a.Articles })
	}
	return out, nil
}

// overlaps reports whether the story's date span meets q's dates; with a
// date given, undated stories never do.
func (q storyQuery) overlaps(s store.Story) bool {
	if q.From.IsZero() && q.To.IsZero() {
		return true
	}
	if s.LastPublished.IsZero() {
		return false
	}
	if !q.From.IsZero() && s.LastPublished.Before(q.From) {
		return false
	}
	// To is a whole day: a story published any time that day overlaps.
	return q.To.IsZero() || s.FirstPublished.Before(q.To.AddDate(0, 0, 1))
}

// page returns the page of ss from offset with at most limit entries (0:
// all).
func page(ss []store.Story, offset, limit int) []store.Story {
	if offset >= len(ss) {
		return []store.Story{}
	}
	ss = ss[offset:]
	if limit > 0 && len(ss) > limit {
		return ss[:limit]
	}
	return ss
}

// storyOf returns the ID of the story that holds an article, or "" if it is
// in none. hint, a story ID from the link that led here, is tried first.
func (s *Server) storyOf(ctx context.Context, articleID, hint string) (string, error) {
	if validID(hint, storyPrefix) {
		if b, err := s.cache.story(ctx, hint); err == nil {
			for _, a := range b.arts {
				if a.ID == articleID {
					return hint, nil
				}
			}
		}
	}
	id, err := s.eng.StoryOf(ctx, articleID)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	return id, err
}

// articleStory returns the built story that holds an article, or nil if it
// is in none (see storyOf).
func (s *Server) articleStory(ctx context.Context, articleID, hint string) (*built, error) {
	storyID, err := s.storyOf(ctx, articleID, hint)
	if err != nil || storyID == "" {
		return nil, err
	}
	return s.cache.story(ctx, storyID)
}

// intParam reads a non-negative integer query parameter, def when absent,
// at most max.
func intParam(r *http.Request, name string, def, max int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, badRequest("%s must be a non-negative integer", name)
	}
	return min(n, max), nil
}

// boolParam reads a query parameter that is 1/true or 0/false.
func boolParam(r *http.Request, name string) (bool, error) {
	switch r.URL.Query().Get(name) {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	}
	return false, badRequest("%s must be 1, true, 0 or false", name)
}

// timeParam reads a time query parameter, an RFC 3339 time or a
// YYYY-MM-DD day (its start, UTC); the zero Time when absent.
func timeParam(r *http.Request, name string) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	return time.Time{}, badRequest("%s must be a time such as 2025-08-18T09:30:00Z or a date such as 2025-08-18", name)
}

// dateParam reads a YYYY-MM-DD query parameter; the zero Time when absent.
func dateParam(r *http.Request, name string) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, badRequest("%s must be a date such as 2025-08-18", name)
	}
	return t, nil
}
