package watch

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/ingest"
)

// forgetAfter is how long the key of an item that left its feed is kept.
const forgetAfter = 30 * 24 * time.Hour

// maxTries is the number of polls an item whose page fails for now is
// left for; then it is ingested from its summary.
const maxTries = 3

// feedPoll is what one poll of a feed found, before it is committed.
type feedPoll struct {
	rep  Report
	resp *response // nil unless the feed was read
	arts []article.Article
	// done maps the key of each item in arts to its content ID, to be
	// remembered once stored; deferred lists the keys of the items left
	// for the next poll, seen every key in the feed.
	done           map[string]string
	deferred, seen []string
}

// pollFeed polls the feed at u, hands its new and changed items to sink,
// and schedules, reports and saves the feed. A failure to fetch or read
// the feed is reported; the error returned is ctx's, sink's or the state
// file's.
func (w *Watcher) pollFeed(ctx context.Context, u string, sink Sink) error {
	fs := w.state.Feeds[u]
	p, err := w.fetch(ctx, u, fs)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.commit(ctx, fs, p, sink)
}

// fetch fetches the feed at u and the pages of its new and changed items
// that carry only a summary. It reads fs but does not change it (see
// Watcher.mu). The error returned is ctx's.
func (w *Watcher) fetch(ctx context.Context, u string, fs *feedState) (*feedPoll, error) {
	p := &feedPoll{rep: Report{Feed: u}, done: make(map[string]string)}
	resp, err := w.get(ctx, u, fs.ETag, fs.LastModified)
	if err == nil && resp.status == http.StatusNotModified {
		p.rep.NotModified = true
		return p, nil
	}
	var items []article.Article
	if err == nil {
		items, err = w.items(ctx, u, resp.contentType, resp.body, &p.rep)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p.rep.Err = err
		return p, nil
	}
	p.resp = resp
	return p, w.changed(ctx, fs, items, p)
}

// changed adds to p the articles of the items that are new or changed
// since the last poll. The error returned is ctx's.
func (w *Watcher) changed(ctx context.Context, fs *feedState, items []article.Article, p *feedPoll) error {
	for _, it := range items {
		key := itemKey(it)
		p.seen = append(p.seen, key)
		prev, seen := fs.Items[key]
		if seen && prev == it.ID {
			p.rep.Seen++
			continue
		}
		a, err := w.complete(ctx, it)
		switch {
		case err != nil && ctx.Err() != nil:
			return ctx.Err()
		case err != nil && permanent(err) || err != nil && fs.Tries[key]+1 >= maxTries:
			a = it // the page will not come: the summary will do
			p.rep.Problems = append(p.rep.Problems, err)
			if strings.TrimSpace(it.Text) != "" {
				p.rep.Summaries++
			}
		case err != nil:
			p.deferred = append(p.deferred, key) // the page may come back
			p.rep.Deferred++
			p.rep.Problems = append(p.rep.Problems, err)
			continue
		}
		if strings.TrimSpace(a.Text) == "" {
			// A headline-only item whose page gave no text either.
			p.rep.Skipped++
			p.rep.Problems = append(p.rep.Problems, fmt.Errorf("%s: no text in the feed item or on its page", key))
			p.done[key] = it.ID
			continue
		}
		p.arts = append(p.arts, a)
		p.done[key] = it.ID
		if seen {
			p.rep.Updated++
		} else {
			p.rep.New++
		}
	}
	return nil
}

// commit hands p's articles to sink, remembers them, schedules the feed,
// reports the poll and saves the state. Call it with w.mu held.
func (w *Watcher) commit(ctx context.Context, fs *feedState, p *feedPoll, sink Sink) error {
	if len(p.arts) > 0 {
		if err := sink(ctx, p.arts); err != nil {
			return err
		}
	}
	now := w.opts.Now()
	for _, k := range p.seen {
		fs.Seen[k] = now
	}
	for k, id := range p.done {
		fs.Items[k] = id
		delete(fs.Tries, k)
	}
	for _, k := range p.deferred {
		fs.Tries[k]++
	}
	if p.resp != nil && len(p.deferred) == 0 {
		// Only now may the server answer 304: it would hide what is left.
		fs.ETag, fs.LastModified = p.resp.etag, p.resp.lastMo
	}
	fs.forget(now.Add(-forgetAfter))
	w.schedule(fs, &p.rep)
	if w.opts.Report != nil {
		w.opts.Report(p.rep)
	}
	return w.state.save(w.opts.StatePath)
}

// items returns the articles of a feed document, given with the
// response's Content-Type (for its charset). An item with a link but no
// text comes without text, for complete to read its page. Items that fail
// on their own are left out, and counted and named in rep.
func (w *Watcher) items(ctx context.Context, u, contentType string, body []byte, rep *Report) ([]article.Article, error) {
	var arts []article.Article
	var failed []error
	err := w.reader.ReadFeed(ctx, u, contentType, body, func(res ingest.Result) error {
		switch {
		case res.Article != nil:
			arts = append(arts, *res.Article)
		case res.Item != nil && res.Item.URL != "":
			arts = append(arts, *res.Item) // headline only: its page has the text
		case res.Err != nil:
			failed = append(failed, res.Err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 && len(failed) > 0 {
		return nil, failed[0]
	}
	rep.Skipped = len(failed)
	rep.Problems = append(rep.Problems, failed...)
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
// is only a summary, the article on its page. A page with no more text than
// the summary leaves the summary; a page that cannot be fetched returns the
// error (see permanent).
func (w *Watcher) complete(ctx context.Context, it article.Article) (article.Article, error) {
	if it.URL == "" || it.Words() >= w.opts.SummaryWords {
		return it, nil
	}
	resp, err := w.get(ctx, it.URL, "", "")
	if err != nil {
		return article.Article{}, err
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
			delete(fs.Tries, k)
		}
	}
}
