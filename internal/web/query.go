package web

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"sort"
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

// storyQuery selects stories: those naming an entity, those whose
// articles span overlaps [From, To], and those changed after Since. Zero
// fields select everything. A page starts after the story Cursor names
// (see storyCursor), else at Offset.
type storyQuery struct {
	Entity   string
	From, To time.Time
	Since    time.Time
	Limit    int // 0: no limit
	Offset   int
	Cursor   string
}

func (q storyQuery) filtered() bool {
	return q.Entity != "" || !q.From.IsZero() || !q.To.IsZero() || !q.Since.IsZero()
}

// storyCursor returns the cursor of the position after s in the list's
// order (newest first, then by ID).
func storyCursor(s store.Story) string {
	t := ""
	if !s.LastPublished.IsZero() {
		t = s.LastPublished.UTC().Format(time.RFC3339Nano)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(t + "|" + s.ID))
}

// after returns the position in ss (in list order) of the first story
// after the cursor c.
func after(ss []store.Story, c string) (int, error) {
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
	// The list is sorted newest first (undated last), then by ID: the
	// first story that sorts after (t, id).
	return sort.Search(len(ss), func(i int) bool {
		s := ss[i]
		switch {
		case s.LastPublished.Equal(t):
			return s.ID > id
		case t.IsZero():
			return false // dated stories come before undated ones
		case s.LastPublished.IsZero():
			return true
		}
		return s.LastPublished.Before(t)
	}), nil
}

// parseStoryQuery reads entity, from, to, limit and offset from r's query.
func parseStoryQuery(r *http.Request, defaultLimit int) (storyQuery, error) {
	v := r.URL.Query()
	q := storyQuery{Entity: v.Get("entity")}
	if q.Entity != "" && !validID(q.Entity, entityPrefix) {
		return q, badRequest("entity must be an entity ID such as e-0123456789abcdef")
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

// selectStories returns the summaries q selects, newest first, and whether
// more follow the page.
func (s *Server) selectStories(ctx context.Context, q storyQuery) ([]store.Story, bool, error) {
	sums, more, _, err := s.selectCounted(ctx, q)
	return sums, more, err
}

// selectCounted is selectStories that also returns how many stories q
// selects on all pages.
func (s *Server) selectCounted(ctx context.Context, q storyQuery) ([]store.Story, bool, int, error) {
	all, err := s.selected(ctx, q)
	if err != nil {
		return nil, false, 0, err
	}
	offset := q.Offset
	if q.Cursor != "" {
		if offset, err = after(all, q.Cursor); err != nil {
			return nil, false, 0, err
		}
	}
	sums, more, err := page(all, offset, q.Limit)
	return sums, more, len(all), err
}

// selected returns every summary q selects, newest first.
func (s *Server) selected(ctx context.Context, q storyQuery) ([]store.Story, error) {
	all, err := s.cache.stories(ctx)
	if err != nil {
		return nil, err
	}
	if !q.filtered() {
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
	out := []store.Story{}
	for _, sum := range all {
		if named != nil && !named[sum.ID] || !q.overlaps(sum) || !q.Since.IsZero() && !sum.Updated.After(q.Since) {
			continue
		}
		out = append(out, sum)
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
// all), and whether more follow.
func page(ss []store.Story, offset, limit int) ([]store.Story, bool, error) {
	if offset >= len(ss) {
		return []store.Story{}, false, nil
	}
	ss = ss[offset:]
	if limit > 0 && len(ss) > limit {
		return ss[:limit], true, nil
	}
	return ss, false, nil
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
