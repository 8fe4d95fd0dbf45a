package main

import (
	"context"
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/ingest"
)

// inputFlags control how input paths are read.
type inputFlags struct {
	maxSize int64
	batch   int
}

func (f *inputFlags) register(cmd *cobra.Command) {
	cmd.Flags().Int64Var(&f.maxSize, "max-size", 10<<20, "largest accepted input per article or file, in bytes")
	cmd.Flags().IntVar(&f.batch, "batch", 1000, "articles per store transaction")
}

// tally counts what reading and ingesting did.
type tally struct {
	read, ingested, duplicates, skipped, failed int
	// analysed counts the stories analysed and stored; -1 for commands
	// that store no analysis.
	analysed int
	start    time.Time
}

func (t tally) String() string {
	secs := time.Since(t.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(t.read) / secs
	}
	stories := ""
	if t.analysed >= 0 {
		stories = fmt.Sprintf(", stories analysed %d", t.analysed)
	}
	return fmt.Sprintf("ingested %d, duplicates %d, skipped %d, failed %d%s, %.0f articles/s",
		t.ingested, t.duplicates, t.skipped, t.failed, stories, rate)
}

// readInput reads every ref and calls fn with batches of at most f.batch
// articles, in input order. Bad inputs are reported on stderr and counted in
// t; reading goes on. An error from fn stops the reading and is returned.
func (e *env) readInput(ctx context.Context, refs []string, f inputFlags, t *tally,
	fn func([]article.Article) error) error {
	if f.batch < 1 {
		return fmt.Errorf("--batch is %d: it must be at least 1", f.batch)
	}
	if f.maxSize < 1 {
		return fmt.Errorf("--max-size is %d: it must be at least 1 byte", f.maxSize)
	}
	r := ingest.New(ingest.Options{MaxSize: f.maxSize, Stdin: e.stdin})
	bar := e.progress()
	// Reading runs ahead of fn by one batch (see ingest.Pipe): the next
	// batch is read and cleaned while fn stores the last.
	err := ingest.Pipe(ctx, func(emit func([]article.Article) error) error {
		b := ingest.Batcher{Size: f.batch, Emit: emit}
		for _, ref := range refs {
			err := r.Read(ctx, ref, func(res ingest.Result) error {
				switch {
				case res.Skipped:
					t.skipped++
				case res.Err != nil:
					t.failed++
					fmt.Fprintf(e.stderr, "storyline: %v\n", res.Err)
				default:
					t.read++
					bar.Add(1)
					return b.Add(*res.Article)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return b.Flush()
	}, fn)
	bar.Finish()
	return err
}

// progress returns a progress display on stderr when stderr is a terminal,
// and an invisible one otherwise.
func (e *env) progress() *progressbar.ProgressBar {
	return e.progressOf(-1, "reading articles", "articles")
}

// progressOf returns a progress display of n things (-1: unknown) on
// stderr when stderr is a terminal, and an invisible one otherwise.
func (e *env) progressOf(n int, desc, things string) *progressbar.ProgressBar {
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetVisibility(e.isTerminal(e.stderr)),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(things),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// derive analyses the stories of the store that changed since they were
// last analysed, with a progress display, and returns how many it stored.
func (e *env) derive(ctx context.Context, eng *engine.Engine) (int, error) {
	var bar *progressbar.ProgressBar
	n, err := eng.Derive(ctx, func(done, total int) {
		if bar == nil {
			bar = e.progressOf(total, "analysing stories", "stories")
		}
		bar.Set(done)
	})
	if bar != nil {
		bar.Finish()
	}
	return n, err
}
