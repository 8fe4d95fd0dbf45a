package reuse

import (
	"context"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/storyline-news/storyline/internal/article"
)

// Kind names how two articles are related, in the dossier's words.
type Kind string

// The kinds of relation, strongest first.
const (
	// None means the articles share no passage.
	None Kind = ""
	// Duplicate is the same text: identical once normalized, or with a
	// Similarity of at least Options.Duplicate.
	Duplicate Kind = "duplicate"
	// Revision is one outlet's later version of its own article: the same
	// URL; or the same outlet, a later date and a Similarity of at least
	// Options.Revision; or, when the outlet of either is unknown, a later
	// date and a Similarity of at least Options.RevisionUnknown.
	Revision Kind = "revision"
	// SharedPassages means the articles share at least one passage.
	SharedPassages Kind = "shared_passages"
)

// Relation is what two articles share.
type Relation struct {
	// A and B are the articles' IDs. A is the earlier (see Relations), the
	// origin of the passages they share.
	A, B string
	Kind Kind
	// Similarity is the fraction of the two texts' tokens that lie inside
	// shared passages, counted in both: (tokens in passages of A + tokens in
	// passages of B) / (tokens of A + tokens of B). It is 1 for exact
	// duplicates and 0 when nothing is shared.
	Similarity float64
	// Passages are the shared passages, ordered by their start in A.
	Passages []Passage
}

// entry is an article prepared for comparison.
type entry struct {
	art   *article.Article
	doc   *doc
	exact uint64
	order int // position in the input
}

func newEntry(a *article.Article, order int) *entry {
	return &entry{art: a, doc: newDoc(a.Text), exact: ExactKey(a.Text), order: order}
}

// before reports whether x comes before y: x was published earlier, or y's
// date is unknown and x's known, or neither date tells them apart and x
// came first in the input.
func before(x, y *entry) bool {
	px, py := x.art.Published, y.art.Published
	switch {
	case !px.IsZero() && !py.IsZero() && !px.Equal(py):
		return px.Before(py)
	case px.IsZero() != py.IsZero():
		return py.IsZero()
	}
	return x.order < y.order
}

// Compare returns the relation between a and b, with the earlier of them as
// A (ties go to a). Its Kind is None when they share nothing.
func Compare(a, b *article.Article, opt Options) Relation {
	return compare(newEntry(a, 0), newEntry(b, 1), opt.withDefaults())
}

// Relations returns every relation among arts, the articles of one story,
// ordered by A and then B in publication order (by date, then by position
// in arts; undated articles last). It aligns only the pairs that could share
// a passage (see candidates), so its cost grows with the text the articles
// share rather than with the square of their number; over a whole corpus
// use an Index to find the pairs worth comparing. It prepares the articles
// and aligns pairs on GOMAXPROCS goroutines, and stops with ctx's error when
// ctx is done.
func Relations(ctx context.Context, arts []article.Article, opt Options) ([]Relation, error) {
	opt = opt.withDefaults()
	es := make([]*entry, len(arts))
	err := spread(ctx, len(arts), func(i int) {
		es[i] = newEntry(&arts[i], i)
		es[i].doc.index() // now, not in align, where pairs share documents
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(es, chrono)
	cands := candidates(es, opt)
	var rels []Relation
	var pairs [][2]int // aligned together, in order
	flush := func() error {
		out := make([]Relation, len(pairs))
		err := spread(ctx, len(pairs), func(k int) { out[k] = compare(es[pairs[k][0]], es[pairs[k][1]], opt) })
		for _, r := range out {
			if r.Kind != None {
				rels = append(rels, r)
			}
		}
		pairs = pairs[:0]
		return err
	}
	ranks := make(map[string]int, len(es))
	for i, x := range es {
		if _, ok := ranks[x.art.ID]; !ok {
			ranks[x.art.ID] = i
		}
		for _, j := range cands(i) {
			if pairs = append(pairs, [2]int{i, j}); len(pairs) == pairBatch {
				if err := flush(); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	setOrigins(rels, ranks)
	return rels, nil
}

// pairBatch is the number of pairs Relations aligns together.
const pairBatch = 256

// spread calls fn(0) … fn(n-1) on up to GOMAXPROCS goroutines, each taking
// the next call as it finishes one, and returns when all calls have
// returned. Once ctx is done it starts no more calls, and returns ctx's
// error.
func spread(ctx context.Context, n int, fn func(int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < n && ctx.Err() == nil; k = int(next.Add(1) - 1) {
				fn(k)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// compare relates x and y, putting the earlier first.
func compare(x, y *entry, opt Options) Relation {
	if before(y, x) {
		x, y = y, x
	}
	spans := align(x.doc, y.doc, opt)
	r := Relation{A: x.art.ID, B: y.art.ID, Passages: passages(x.doc, y.doc, spans)}
	if n := len(x.doc.toks) + len(y.doc.toks); n > 0 {
		in := 0
		for _, s := range spans {
			in += int(s.a1 - s.a0 + s.b1 - s.b0)
		}
		r.Similarity = float64(in) / float64(n)
	}
	exact := x.exact == y.exact && len(x.doc.toks) > 0
	if exact {
		r.Similarity = 1
	}
	r.Kind = kind(x.art, y.art, exact, r.Similarity, len(spans) > 0, opt)
	return r
}

// kind classifies the relation of a and b, a the earlier.
func kind(a, b *article.Article, exact bool, sim float64, shared bool, opt Options) Kind {
	same, known := sameOutlet(a, b)
	later := !a.Published.IsZero() && b.Published.After(a.Published)
	switch {
	case exact:
		return Duplicate
	case sameURL(a.URL, b.URL):
		return Revision
	case sim >= opt.Duplicate && !(same && later):
		return Duplicate
	case same && later && sim >= opt.Revision:
		return Revision
	case !known && later && sim >= opt.RevisionUnknown:
		return Revision
	case shared:
		return SharedPassages
	}
	return None
}

// sameOutlet reports whether a and b come from the same outlet, judged by
// their outlet names when both are known, else by their URLs' hosts when
// both are known; known is false when neither can be compared.
func sameOutlet(a, b *article.Article) (same, known bool) {
	oa, ob := strings.TrimSpace(a.Outlet), strings.TrimSpace(b.Outlet)
	if oa != "" && ob != "" {
		return strings.EqualFold(oa, ob), true
	}
	ha, hb := host(a.URL), host(b.URL)
	if ha != "" && hb != "" {
		return ha == hb, true
	}
	return false, false
}

// host returns the lower-case host of a URL without a leading "www.".
func host(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// sameURL reports whether two URLs, both known, name the same page: the
// same host, path (ignoring a final slash) and query, whatever the scheme
// and fragment.
func sameURL(a, b string) bool {
	ka, okA := urlKey(a)
	kb, okB := urlKey(b)
	return okA && okB && ka == kb
}

// chrono orders entries by before.
func chrono(x, y *entry) int {
	switch {
	case before(x, y):
		return -1
	case before(y, x):
		return 1
	}
	return 0
}

// rank returns the position of each article ID in publication order, as
// Relations orders them.
func rank(arts []article.Article) map[string]int {
	es := make([]*entry, len(arts))
	for i := range arts {
		es[i] = &entry{art: &arts[i], order: i}
	}
	slices.SortFunc(es, chrono)
	r := make(map[string]int, len(es))
	for i, e := range es {
		if _, ok := r[e.art.ID]; !ok {
			r[e.art.ID] = i
		}
	}
	return r
}
