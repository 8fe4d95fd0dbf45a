package watch

import (
	"context"
	"net/http"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/ingest"
)

// forgetAfter is how long the key of an item that left its feed is kept.
const forgetAfter = 30 * 24 * time.Hour

// pollFeed polls one feed and hands its new and changed items to sink. A
// failure to fetch or parse the feed is reported in the Report; the error
// returned is ctx's or sink's.
func (w *Watcher) pollFeed(ctx context.Context, u string, fs *feedState, sink Sink) (Report, error) {
	rep := Report{Feed: u}
	resp, err := w.get(ctx, u, fs.ETag, fs.LastModified)
	if err == nil && resp.status == http.StatusNotModified {
		rep.NotModified = true
		return rep, nil
	}
	var items []article.Article
	if err == nil {
		items, err = w.items(ctx, u, resp.contentType, resp.body)
	}
	if err != nil {
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		rep.Err = err
		return rep, nil
	}
	now := w.opts.Now()
	arts, done, complete, err := w.changed(ctx, fs, items, now, &rep)
	if err != nil {
		return rep, err
	}
	if len(arts) > 0 {
		if err := sink(ctx, arts); err != nil {
			return rep, err
		}
	}
	for k, id := range done {
		fs.Items[k] = id
	}
	if complete {
		// Only now may the server answer 304: it would hide what is left.
		fs.ETag, fs.LastModified = resp.etag, resp.lastMo
		rep.Err = nil
	}
	fs.forget(now.Add(-forgetAfter))
	return rep, nil
}

// changed returns the articles of the items that are new or changed since
// the last poll, and their item keys with content IDs, to be remembered
// once stored. complete is false when a page failed for now; the error
// returned is ctx's.
func (w *Watcher) changed(ctx context.Context, fs *feedState, items []article.Article, now time.Time,
	rep *Report) (arts []article.Article, done map[string]string, complete bool, err error) {
	done = make(map[string]string) // item key → content ID
	complete = true
	for _, it := range items {
		key := itemKey(it)
		fs.Seen[key] = now
		prev, seen := fs.Items[key]
		if seen && prev == it.ID {
			rep.Seen++
			continue
		}
		a, err := w.complete(ctx, it)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, false, ctx.Err()
			}
			complete = false // the page may come back: try on the next poll
			rep.Err = err
			continue
		}
		arts = append(arts, a)
		done[key] = it.ID
		if seen {
			rep.Updated++
		} else {
			rep.New++
		}
	}
	return arts, done, complete, nil
}

// items returns the articles of a feed document; items that fail on their
// own (no text, say) are left out.
func (w *Watcher) items(ctx context.Context, u, contentType string, body []byte) ([]article.Article, error) {
	var arts []article.Article
	var first error
	err := w.reader.ReadFeed(ctx, u, contentType, body, func(res ingest.Result) error {
		switch {
		case res.Article != nil:
			arts = append(arts, *res.Article)
		case res.Err != nil && first == nil:
			first = res.Err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 && first != nil {
		return nil, first
	}
	return arts, nil
}

// itemKey identifies an item across polls: its link, else (an item without
// one cannot change) its content ID.
func itemKey(a article.Article) string {
	if a.URL != "" {
		return a.URL
	}
	return a.ID
}

// complete returns the article of a feed item: the item itself, or, when it
// is only a summary, the article on its page. A page that cannot be had for
// good (4xx, a forbidden address, no article in it) leaves the summary; a
// failure that may pass (5xx, 429, network) is returned, to try again.
func (w *Watcher) complete(ctx context.Context, it article.Article) (article.Article, error) {
	if it.URL == "" || it.Words() >= w.opts.SummaryWords {
		return it, nil
	}
	resp, err := w.get(ctx, it.URL, "", "")
	if err != nil {
		if transient(err) {
			return article.Article{}, err
		}
		return it, nil
	}
	a, err := w.reader.ReadPage(ingest.Page{Ref: it.URL, URL: it.URL, ContentType: resp.contentType,
		Body: resp.body, Date: it.Published})
	if err != nil || a.Words() <= it.Words() {
		return it, nil
	}
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.Outlet == "" {
		a.Outlet = it.Outlet
	}
	if (a.Published.IsZero() || a.PublishedInferred) && !it.Published.IsZero() {
		a.Published, a.PublishedInferred = it.Published, false
	}
	a.SetID()
	return *a, nil
}

// forget drops the items last seen before t.
func (fs *feedState) forget(t time.Time) {
	for k, seen := range fs.Seen {
		if seen.Before(t) {
			delete(fs.Seen, k)
			delete(fs.Items, k)
		}
	}
}
