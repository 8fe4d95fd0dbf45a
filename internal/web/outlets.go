package web

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// outletIndex knows the outlets of every story, for the story list's
// outlet filter and its rows. Stored articles never change and stories
// only grow or merge, so it reads each article once, in store order, and
// follows the merges; update reads what was stored since the last time.
type outletIndex struct {
	st store.Store

	mu        sync.Mutex
	seq       int64                      // the last article read
	mergeSeq  int64                      // the last merge followed
	byStory   map[string]map[string]bool // story → outlets
	articles  map[string]int             // outlet → articles
	retiredTo map[string]string          // merged story → the story it went into
}

func newOutletIndex(st store.Store) *outletIndex {
	return &outletIndex{st: st, byStory: map[string]map[string]bool{}, articles: map[string]int{},
		retiredTo: map[string]string{}}
}

// update reads the articles and merges stored since the last update. One
// update runs at a time; a failed one is resumed by the next.
func (x *outletIndex) update(ctx context.Context) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	err := x.st.Scan(ctx, x.seq, func(seq int64, a article.Article, storyID string) error {
		x.seq = seq
		if a.Outlet != "" {
			x.articles[a.Outlet]++
			if storyID != "" {
				x.add(x.live(storyID), a.Outlet)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	merges, err := x.st.Merges(ctx, x.mergeSeq)
	if err != nil {
		return err
	}
	for _, m := range merges {
		x.mergeSeq = m.Seq
		into := x.live(m.Into)
		x.retiredTo[m.From] = into
		for o := range x.byStory[m.From] {
			x.add(into, o)
		}
		delete(x.byStory, m.From)
	}
	return nil
}

func (x *outletIndex) add(story, outlet string) {
	set := x.byStory[story]
	if set == nil {
		set = map[string]bool{}
		x.byStory[story] = set
	}
	set[outlet] = true
}

// live follows merges from a story to the one that holds it now.
func (x *outletIndex) live(id string) string {
	for range 64 { // merges never loop; the bound is for safety
		to, ok := x.retiredTo[id]
		if !ok {
			break
		}
		id = to
	}
	return id
}

// outlets returns a story's outlets, sorted.
func (x *outletIndex) outlets(storyID string) []string {
	x.mu.Lock()
	defer x.mu.Unlock()
	set := x.byStory[x.live(storyID)]
	out := make([]string, 0, len(set))
	for o := range set {
		out = append(out, o)
	}
	slices.Sort(out)
	return out
}

// has reports whether a story has an article from outlet.
func (x *outletIndex) has(storyID, outlet string) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.byStory[x.live(storyID)][outlet]
}

// outletCount is an outlet and how many stored articles it has.
type outletCount struct {
	Name     string
	Articles int
}

// top returns the n outlets with most articles, most first.
func (x *outletIndex) top(n int) []outletCount {
	x.mu.Lock()
	out := make([]outletCount, 0, len(x.articles))
	for o, c := range x.articles {
		out = append(out, outletCount{o, c})
	}
	x.mu.Unlock()
	slices.SortFunc(out, func(a, b outletCount) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Name, b.Name))
	})
	return out[:min(n, len(out))]
}
