package eval

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/markusmobius/go-htmldate"

	"github.com/storyline-news/storyline/internal/ingest"
)

// DatePage is one page of go-htmldate's evaluation: its file and its
// publication date (YYYY-MM-DD, "" for a page that has none).
type DatePage struct {
	File, Date string
}

// DateGold reads the gold of go-htmldate's own evaluation from the
// module's directory: scripts/comparison/data-default.go, a Go slice
// literal read as data (see goldEntries). The pages are in the module's
// test-files (see DateDirs).
func DateGold(moduleDir string) ([]DatePage, error) {
	entries, err := goldEntries(filepath.Join(moduleDir, "scripts", "comparison", "data-default.go"))
	if err != nil {
		return nil, fmt.Errorf("date gold: %w", err)
	}
	pages := make([]DatePage, len(entries))
	for i, e := range entries {
		pages[i] = DatePage{File: e.one("File"), Date: e.one("Date")}
	}
	return pages, nil
}

// DateDirs returns the folders of go-htmldate's module that hold the
// pages of its evaluation, in the order its evaluation looks in them.
func DateDirs(moduleDir string) []string {
	var dirs []string
	for _, d := range []string{"mediacloud", "comparison", "mock"} {
		dirs = append(dirs, filepath.Join(moduleDir, "test-files", d))
	}
	return dirs
}

// DateFinder returns a page's publication date as YYYY-MM-DD, or "".
type DateFinder struct {
	Name string
	Find func(page []byte) (string, error)
}

// DateFinders returns storyline's page dating (the day on the outlet's
// clock, as ingest gives it) beside go-htmldate alone in its fast mode,
// both as of now.
func DateFinders(now time.Time) []DateFinder {
	rd := ingest.New(ingest.Options{Now: func() time.Time { return now }})
	return []DateFinder{
		{"storyline (ingest)", func(page []byte) (string, error) {
			t, err := rd.PageDate(page)
			if err != nil || t.IsZero() {
				return "", err
			}
			return t.Format(time.DateOnly), nil
		}},
		{"go-htmldate alone, fast", func(page []byte) (day string, err error) {
			defer func() {
				if p := recover(); p != nil {
					err = fmt.Errorf("htmldate failed: %v", p)
				}
			}()
			res, err := htmldate.FromReader(bytes.NewReader(page), htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true})
			if err != nil || res.IsZero() {
				return "", err
			}
			return res.Format(time.DateOnly), nil
		}},
	}
}

// DateRow is one finder's score, as go-htmldate's evaluation counts it: a
// right date (TP), a wrong one (FP), none where there is one (FN), none
// where there is none (TN).
type DateRow struct {
	Name           string
	TP, FN, FP, TN int
	Duration       time.Duration
}

// Precision, Recall, F1 and Accuracy as go-htmldate's evaluation has them.
func (r DateRow) Precision() float64 { return part(r.TP, r.TP+r.FP) }
func (r DateRow) Recall() float64    { return part(r.TP, r.TP+r.FN) }
func (r DateRow) F1() float64        { return part(2*r.TP, 2*r.TP+r.FP+r.FN) }
func (r DateRow) Accuracy() float64  { return part(r.TP+r.TN, r.TP+r.TN+r.FP+r.FN) }

// DateScore runs each finder over the pages; a finder's error counts as
// no date.
func DateScore(dirs []string, pages []DatePage, finders []DateFinder) ([]DateRow, error) {
	rows := make([]DateRow, len(finders))
	for i, f := range finders {
		rows[i].Name = f.Name
	}
	for _, p := range pages {
		page, err := readFirst(dirs, p.File)
		if err != nil {
			return nil, err
		}
		for i, f := range finders {
			start := time.Now()
			got, err := f.Find(page)
			rows[i].Duration += time.Since(start)
			if err != nil {
				got = ""
			}
			switch {
			case got == "" && p.Date == "":
				rows[i].TN++
			case got == "":
				rows[i].FN++
			case got == p.Date:
				rows[i].TP++
			default:
				rows[i].FP++
			}
		}
	}
	return rows, nil
}

// WriteDates prints the rows as a table.
func WriteDates(w io.Writer, pages int, rows []DateRow) error {
	fmt.Fprintf(w, "%d pages of go-htmldate's evaluation\n", pages)
	fmt.Fprintf(w, "%-26s %9s %9s %9s %9s %5s %5s %5s %5s %9s\n", "finder", "precision", "recall", "F1", "accuracy", "TP", "FP", "FN", "TN", "time")
	for _, r := range rows {
		fmt.Fprintf(w, "%-26s %9.3f %9.3f %9.3f %9.3f %5d %5d %5d %5d %9s\n", r.Name, r.Precision(), r.Recall(), r.F1(), r.Accuracy(),
			r.TP, r.FP, r.FN, r.TN, r.Duration.Round(time.Millisecond))
	}
	return nil
}
