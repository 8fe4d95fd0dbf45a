package engine

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/story"
)

// AnalysisVersion names the analysis whose results the store keeps: the
// dossier schema and the version of what the stages make of the same
// articles. Change the date (a second change on one day adds ".2", a third ".3") with
// any change to a stage's output (the golden dossiers of cmd/storyline then
// change too, and a test there says so) or to what is stored with it (the
// archive's entity rows); stored stories of another version are stale,
// read by analysing them again, until `storyline reindex` has stored them
// anew.
const AnalysisVersion = dossier.Schema + "+2026-12-07.3"

// derivePut is how many analysed stories are stored per transaction.
const derivePut = 64

// Dossier returns the wire form of the story with the given ID; for a story
// merged into another, that of the story that absorbed it. It is read from
// the store when the story's derived data is current, and built from the
// story's articles otherwise (without storing it: that is Derive's work).
func (e *Engine) Dossier(ctx context.Context, id string) (dossier.Story, error) {
	sum, err := e.st.Story(ctx, id)
	if err != nil {
		return dossier.Story{}, err
	}
	d, err := e.st.Derived(ctx, sum.ID)
	switch {
	case err == nil && d.Version == AnalysisVersion && d.Articles == sum.Articles:
		s, err := decodeDerived(d.Data)
		if err != nil {
			return dossier.Story{}, fmt.Errorf("engine: story %s: %w", sum.ID, err)
		}
		return s, nil
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return dossier.Story{}, err
	}
	s, err := e.Story(ctx, sum.ID)
	if err != nil {
		return dossier.Story{}, err
	}
	return e.convert(s), nil
}

// EachDossier passes the wire form of the stories with the given IDs to fn
// one at a time, in the order of ids (see Dossier), reading or building
// them on every core a bounded window ahead, as eachStory does. It stops
// at the first error and returns it.
func (e *Engine) EachDossier(ctx context.Context, ids []string, fn func(dossier.Story) error) error {
	return inOrder(ctx, ids, e.Dossier, fn)
}

// Derive analyses the stories whose derived data is missing or stale (see
// AnalysisVersion) and stores it, on every core, derivePut stories per
// transaction, and returns how many it stored. progress, when not nil, is
// called after each transaction with the stories done and the stale count
// at the start. Each story is analysed at most once per call, so stories
// that keep changing under it (another process ingesting) are left to the
// next call. A killed Derive loses at most one transaction's work: what is
// stored stays current or is known to be stale.
func (e *Engine) Derive(ctx context.Context, progress func(done, total int)) (int, error) {
	_, total, err := e.st.DerivedCounts(ctx, AnalysisVersion)
	if err != nil {
		return 0, fmt.Errorf("engine: derive: %w", err)
	}
	// One transaction is written while the next stories are analysed: the
	// writes (a story's rows, its entities, its articles' annotations)
	// take a quarter of the work, on one core.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg      sync.WaitGroup
		written int
		werr    error
		writes  = make(chan []store.Derived, 1)
	)
	wg.Go(func() {
		for ds := range writes {
			if werr != nil {
				continue // drain until the analysis sees ctx end
			}
			if err := e.st.PutDerived(ctx, ds); err != nil {
				werr = fmt.Errorf("engine: derive: %w", err)
				cancel()
				continue
			}
			written += len(ds)
			if progress != nil {
				progress(written, max(total, written))
			}
		}
	})
	err = e.deriveStale(ctx, writes)
	close(writes)
	wg.Wait()
	if werr != nil {
		return written, werr // the analysis stopped because of it
	}
	return written, err
}

// deriveStale analyses the stale stories, a page at a time, and hands each
// page's analyses to writes.
func (e *Engine) deriveStale(ctx context.Context, writes chan<- []store.Derived) error {
	tried := make(map[string]bool)
	for after := ""; ; {
		ids, err := e.st.Stale(ctx, AnalysisVersion, after, derivePut)
		if err != nil {
			return fmt.Errorf("engine: derive: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		after = ids[len(ids)-1]
		todo := ids[:0]
		for _, id := range ids {
			if !tried[id] {
				tried[id] = true
				todo = append(todo, id)
			}
		}
		ds, err := e.analyse(ctx, todo)
		if err != nil {
			return err
		}
		select {
		case writes <- ds:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// derive analyses the stories with the given IDs and stores what it found.
func (e *Engine) derive(ctx context.Context, ids []string) (int, error) {
	ds, err := e.analyse(ctx, ids)
	if err != nil {
		return 0, err
	}
	if err := e.st.PutDerived(ctx, ds); err != nil {
		return 0, fmt.Errorf("engine: derive: %w", err)
	}
	return len(ds), nil
}

// analyse analyses the stories with the given IDs, on every core, and
// returns what to store of them, in the order of ids.
func (e *Engine) analyse(ctx context.Context, ids []string) ([]store.Derived, error) {
	ds := make([]store.Derived, 0, len(ids))
	// Each worker encodes the story it built: the encoding is an eighth
	// of the work, too much to leave to one goroutine.
	one := func(ctx context.Context, id string) (store.Derived, error) {
		s, err := e.Story(ctx, id)
		if err != nil {
			return store.Derived{}, err
		}
		w := e.convert(s)
		data, err := encodeDerived(w)
		if err != nil {
			return store.Derived{}, err
		}
		d := store.Derived{StoryID: s.ID, Version: AnalysisVersion, Articles: len(s.Articles), Data: data}
		d.Entities, d.Quotes = archiveRows(w, s)
		if d.Annotations, err = annotations(s); err != nil {
			return store.Derived{}, err
		}
		return d, nil
	}
	err := inOrder(ctx, ids, one, func(d store.Derived) error {
		ds = append(ds, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("engine: derive: %w", err)
	}
	return ds, nil
}

// convert returns the wire form of s.
func (e *Engine) convert(s story.Story) dossier.Story {
	if e.opts.Dossier != nil {
		return e.opts.Dossier(s)
	}
	return dossier.FromStory(s)
}

// gzips holds gzip writers for reuse: a new writer per story allocates and
// clears its whole state, which took twice as long as compressing the story
// (10k Reuters: 5,827 stories, 27 MB of JSON to 7.3 MB, 0.98 s with a new
// writer each, 0.51 s reused).
var gzips = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// encodeDerived encodes a story's wire form as stored: gzipped JSON.
func encodeDerived(s dossier.Story) ([]byte, error) { return encodeGzipJSON(s) }

// decodeDerived is the inverse of encodeDerived.
func decodeDerived(data []byte) (dossier.Story, error) {
	var s dossier.Story
	err := decodeGzipJSON(data, &s)
	return s, err
}

// encodeGzipJSON encodes v as gzipped JSON.
func encodeGzipJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzips.Get().(*gzip.Writer)
	defer gzips.Put(zw)
	zw.Reset(&buf)
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeGzipJSON is the inverse of encodeGzipJSON.
func decodeGzipJSON(data []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("derived data: %w", err)
	}
	if err := json.NewDecoder(zr).Decode(v); err != nil {
		return fmt.Errorf("derived data: %w", err)
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return fmt.Errorf("derived data: %w", err)
	}
	return nil
}

// StoryArticles returns the stored articles of a story, in the order they
// were stored, as stored (publication dates inferred by the analysis are
// in the story's wire form, not here).
func (e *Engine) StoryArticles(ctx context.Context, id string) ([]article.Article, error) {
	return e.st.StoryArticles(ctx, id)
}

// annotations returns what the analysis found in each of s's articles, in
// the story (its entities, its speakers), encoded as stored: gzipped JSON
// of the article's annotation without its text, which the article holds.
func annotations(s story.Story) ([]store.Annotation, error) {
	out := make([]store.Annotation, len(s.Articles))
	for i, a := range s.Articles {
		an := dossier.Annotate(a, s.Analyses[i], linked(s.Entities, s.Analyses[i]))
		an.Text = ""
		data, err := encodeGzipJSON(an)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		out[i] = store.Annotation{ArticleID: a.ID, Data: data}
	}
	return out, nil
}

// linked returns the entities of ents that an article's analysis links a
// mention or a speaker to, in ents' order.
func linked(ents []entity.Entity, an story.Analysis) []entity.Entity {
	ids := make(map[string]bool)
	for _, l := range an.Links {
		if l.Entity != "" {
			ids[l.Entity] = true
		}
	}
	for _, q := range an.Quotes {
		if q.SpeakerEntity != "" {
			ids[q.SpeakerEntity] = true
		}
	}
	var out []entity.Entity
	for _, e := range ents {
		if ids[e.ID] {
			out = append(out, e)
		}
	}
	return out
}

// Annotation returns what the analysis of a's story found in a, as stored
// by the story's last analysis, and whether it is there and current (the
// story has not grown since, nor been analysed by another version); when
// it is not, the caller analyses a itself.
func (e *Engine) Annotation(ctx context.Context, a article.Article) (dossier.Annotation, bool, error) {
	stored, d, err := e.st.Annotation(ctx, a.ID)
	if errors.Is(err, store.ErrNotFound) {
		return dossier.Annotation{}, false, nil
	}
	if err != nil {
		return dossier.Annotation{}, false, err
	}
	sum, err := e.st.Story(ctx, d.StoryID)
	if errors.Is(err, store.ErrNotFound) {
		return dossier.Annotation{}, false, nil
	}
	if err != nil {
		return dossier.Annotation{}, false, err
	}
	if d.Version != AnalysisVersion || d.Articles != sum.Articles || sum.ID != d.StoryID {
		return dossier.Annotation{}, false, nil
	}
	var an dossier.Annotation
	if err := decodeGzipJSON(stored.Data, &an); err != nil {
		return dossier.Annotation{}, false, fmt.Errorf("engine: annotation of %s: %w", a.ID, err)
	}
	an.Text = a.Text
	return an, true, nil
}
