package eval

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"

	"github.com/storyline-news/storyline/internal/ingest"
)

// ExtractPage is one page of a main-text extraction benchmark: the file
// that holds it and the strings its main text must hold (With) and must
// not (Without), as go-trafilatura's evaluation describes its pages.
type ExtractPage struct {
	File          string
	With, Without []string
}

// ExtractGold reads the gold of go-trafilatura's own evaluation from the
// module's directory: what each page must and must not yield is a Go map
// literal in scripts/comparison/data.go, read here as data (see
// goldEntries; nothing of it is compiled in). The pages are in the
// module's test-files (see ExtractDirs).
func ExtractGold(moduleDir string) ([]ExtractPage, error) {
	entries, err := goldEntries(filepath.Join(moduleDir, "scripts", "comparison", "data.go"))
	if err != nil {
		return nil, fmt.Errorf("extract gold: %w", err)
	}
	pages := make([]ExtractPage, len(entries))
	for i, e := range entries {
		pages[i] = ExtractPage{File: e.one("File"), With: e["With"], Without: e["Without"]}
	}
	return pages, nil
}

// goldEntry is one entry of a gold literal: its string fields, a field
// given as one string being a list of one.
type goldEntry map[string][]string

func (e goldEntry) one(field string) string {
	if len(e[field]) == 0 {
		return ""
	}
	return e[field][0]
}

// goldEntries reads the entries of the first map or slice literal of the
// Go file at path whose entries name a File: each entry's string and
// string-list fields. The file is parsed as data, never compiled.
func goldEntries(path string) ([]goldEntry, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var entries []goldEntry
	var bad error
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok || bad != nil || len(entries) > 0 {
			return bad == nil && len(entries) == 0
		}
		switch lit.Type.(type) {
		case *ast.MapType, *ast.ArrayType:
		default:
			return true
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value // a map's entry
			}
			entry, ok := elt.(*ast.CompositeLit)
			if !ok {
				continue
			}
			e, err := goldFields(entry)
			if err != nil {
				bad = fmt.Errorf("%s: %w", path, err)
				return false
			}
			if e.one("File") != "" {
				entries = append(entries, e)
			}
		}
		return false
	})
	if bad != nil {
		return nil, bad
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("no pages in %s", path)
	}
	return entries, nil
}

// goldFields reads the string and string-list fields of one entry.
func goldFields(lit *ast.CompositeLit) (goldEntry, error) {
	e := goldEntry{}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		key, _ := kv.Key.(*ast.Ident)
		if !ok || key == nil {
			continue
		}
		switch v := kv.Value.(type) {
		case *ast.BasicLit:
			s, err := stringLit(v)
			if err != nil {
				return nil, err
			}
			e[key.Name] = []string{s}
		case *ast.CompositeLit:
			list := []string{}
			for _, x := range v.Elts {
				s, err := stringLit(x)
				if err != nil {
					return nil, err
				}
				list = append(list, s)
			}
			e[key.Name] = list
		}
	}
	return e, nil
}

func stringLit(e ast.Expr) (string, error) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", fmt.Errorf("not a string literal at %v", e.Pos())
	}
	return strconv.Unquote(b.Value)
}

// ExtractDirs returns the folders of go-trafilatura's module that hold the
// pages of its evaluation, in the order its evaluation looks in them.
func ExtractDirs(moduleDir string) []string {
	return []string{filepath.Join(moduleDir, "test-files", "comparison"), filepath.Join(moduleDir, "test-files", "mock")}
}

// Extractor returns the main text of one HTML page, or an error.
type Extractor struct {
	Name    string
	Extract func(ctx context.Context, name string, page []byte) (string, error)
}

// Extractors returns the extractors compared: storyline's HTML reader, and
// go-trafilatura alone with the options storyline gives it and with its
// defaults.
func Extractors() []Extractor {
	return []Extractor{
		{"storyline (ingest)", func(ctx context.Context, name string, page []byte) (string, error) {
			var text string
			var failed error
			err := ingest.New(ingest.Options{}).ReadStream(ctx, name, bytes.NewReader(page), func(res ingest.Result) error {
				switch {
				case res.Article != nil:
					text = res.Article.Text
				case res.Err != nil:
					failed = res.Err
				}
				return nil
			})
			if err == nil {
				err = failed
			}
			return text, err
		}},
		{"go-trafilatura, storyline's options", trafilaturaText(trafilatura.Options{EnableFallback: true, ExcludeComments: true})},
		{"go-trafilatura, defaults", trafilaturaText(trafilatura.Options{})},
	}
}

func trafilaturaText(opts trafilatura.Options) func(context.Context, string, []byte) (string, error) {
	return func(_ context.Context, _ string, page []byte) (text string, err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("extractor failed: %v", p)
			}
		}()
		res, err := trafilatura.Extract(bytes.NewReader(page), opts)
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}
}

// ExtractRow is one extractor's score over the pages: the strings found
// that must be (TP) and must not be (FP), those missed (FN) and those
// rightly left out (TN), and the pages it failed on.
type ExtractRow struct {
	Name           string
	TP, FN, FP, TN int
	Failed         int
	Duration       time.Duration
}

// Precision, Recall, F1 and Accuracy are computed as go-trafilatura's
// evaluation computes them.
func (r ExtractRow) Precision() float64 { return part(r.TP, r.TP+r.FP) }
func (r ExtractRow) Recall() float64    { return part(r.TP, r.TP+r.FN) }
func (r ExtractRow) F1() float64        { return part(2*r.TP, 2*r.TP+r.FP+r.FN) }
func (r ExtractRow) Accuracy() float64  { return part(r.TP+r.TN, r.TP+r.TN+r.FP+r.FN) }

// part returns n/d, 0 when d is.
func part(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// ExtractScore runs each extractor over the pages (files in the first of
// dirs that holds them) and
// scores its text. Text and gold strings are compared with their runs of
// white space made one space, the same for every extractor. A page that
// cannot be read is an error; one an extractor fails on counts as empty
// text for it.
func ExtractScore(ctx context.Context, dirs []string, pages []ExtractPage, exts []Extractor) ([]ExtractRow, error) {
	rows := make([]ExtractRow, len(exts))
	for i, x := range exts {
		rows[i].Name = x.Name
	}
	for _, p := range pages {
		page, err := readFirst(dirs, p.File)
		if err != nil {
			return nil, err
		}
		for i, x := range exts {
			start := time.Now()
			text, err := x.Extract(ctx, p.File, page)
			rows[i].Duration += time.Since(start)
			if err != nil {
				rows[i].Failed++
				text = ""
			}
			score(&rows[i], p, text)
		}
	}
	return rows, nil
}

// readFirst reads the file name in the first of dirs that holds it.
func readFirst(dirs []string, name string) ([]byte, error) {
	var err error
	for _, d := range dirs {
		var page []byte
		if page, err = os.ReadFile(filepath.Join(d, name)); err == nil {
			return page, nil
		}
	}
	return nil, err
}

// score adds one page's counts to r.
func score(r *ExtractRow, p ExtractPage, text string) {
	text = oneSpace(text)
	for _, s := range p.With {
		if text != "" && strings.Contains(text, oneSpace(s)) {
			r.TP++
		} else {
			r.FN++
		}
	}
	for _, s := range p.Without {
		if text != "" && strings.Contains(text, oneSpace(s)) {
			r.FP++
		} else {
			r.TN++
		}
	}
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteExtract prints the rows as a table.
func WriteExtract(w io.Writer, pages int, rows []ExtractRow) error {
	fmt.Fprintf(w, "%d pages of go-trafilatura's evaluation\n", pages)
	fmt.Fprintf(w, "%-38s %9s %9s %9s %9s %7s %9s\n", "extractor", "precision", "recall", "F1", "accuracy", "failed", "time")
	for _, r := range rows {
		fmt.Fprintf(w, "%-38s %9.3f %9.3f %9.3f %9.3f %7d %9s\n", r.Name, r.Precision(), r.Recall(), r.F1(), r.Accuracy(),
			r.Failed, r.Duration.Round(time.Millisecond))
	}
	return nil
}
