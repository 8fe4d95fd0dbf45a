package store

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/internal/article"
)

// What follows is the part of a backend that does not depend on its
// database: store/sqlite and store/postgres share it.

// A Migration is one step of a backend's schema, the file NNNN_name.sql
// whose number is Version.
type Migration struct {
	Version int
	// Name is the file's base name, which errors give.
	Name string
	SQL  string
}

// Migrations returns the schema steps in the files dir/*.sql of fsys (a
// backend's embedded migrations) in version order, checking that they are
// named NNNN_name.sql and numbered from 0001 without gaps. A released file
// never changes; a schema change is a new file.
func Migrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for i, name := range names { // fs.Glob returns names sorted
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 || v != i+1 {
			return nil, fmt.Errorf("migration %s: want a name starting %04d_", base, i+1)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: base, SQL: string(b)})
	}
	return ms, nil
}

// NewerSchema returns the error of a backend whose stored schema version v
// is newer than the n migrations this program knows.
func NewerSchema(v, n int) error {
	return fmt.Errorf("schema version %d is newer than this program's %d: upgrade storyline", v, n)
}

// EvidenceJSON returns the evidence of an assignment as the backends store
// it: a JSON array of strings, [] for none.
func EvidenceJSON(ev []string) string {
	if ev == nil {
		ev = []string{}
	}
	b, _ := json.Marshal(ev) // a []string always encodes
	return string(b)
}

// A Scanned is one article as Scan passes it on: its sequence number,
// the article and its story ("" when it has none).
type Scanned struct {
	Seq     int64
	Article article.Article
	StoryID string
}

// ScanPages is Scan for a backend that reads the articles a page at a
// time: read returns up to size articles stored after sequence number
// after, in sequence order. ScanPages calls fn for each and stops at the
// first error, read's or fn's, which it returns unwrapped. Between pages it
// holds nothing of the backend's, so fn may use the store.
func ScanPages(ctx context.Context, after int64, size int, read func(ctx context.Context, after int64) ([]Scanned, error), fn func(seq int64, a article.Article, storyID string) error) error {
	for {
		page, err := read(ctx, after)
		if err != nil {
			return err
		}
		for _, e := range page {
			if err := fn(e.Seq, e.Article, e.StoryID); err != nil {
				return err
			}
		}
		if len(page) < size {
			return nil
		}
		after = page[len(page)-1].Seq
	}
}

// Snippet markers. The backends build snippets with MarkOpen and
// MarkClose around each match, control characters which news text does
// not contain, and PickSnippet turns them into « and »; so a marked
// snippet can be told from text that has guillemets of its own.
const MarkOpen, MarkClose = "\x02", "\x03"

// markers replaces the snippet markers with the guillemets of Hit.
var markers = strings.NewReplacer(MarkOpen, "«", MarkClose, "»")

// PickSnippet returns the body snippet when the body matched, else the
// title one, with the matches marked « ». join, when not nil, rewrites the
// chosen snippet first, while its marks are still MarkOpen and MarkClose.
func PickSnippet(body, title string, join func(string) string) string {
	if !strings.Contains(body, MarkOpen) && strings.Contains(title, MarkOpen) {
		body = title
	}
	if join != nil {
		body = join(body)
	}
	return markers.Replace(body)
}

// Rows is a result set as ScanHits reads it: *sql.Rows and pgx.Rows meet
// it.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanHits reads the hits of a search from rows whose columns are the
// article ID, its story ID ("" for none), its title, a marked snippet of
// its body, one of its title, and the rank. The snippet of each hit is
// PickSnippet's, with join. The caller closes rows.
func ScanHits(rows Rows, join func(string) string) ([]Hit, error) {
	var hits []Hit
	for rows.Next() {
		var h Hit
		var body, title string
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &body, &title, &h.Rank); err != nil {
			return nil, err
		}
		h.Snippet = PickSnippet(body, title, join)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}
