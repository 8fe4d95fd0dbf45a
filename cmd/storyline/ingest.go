package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
)

func (e *env) ingestCommand(g *globalFlags) *cobra.Command {
	var in inputFlags
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Add the articles at PATH to the store and assign them to stories",
		Long: `ingest reads articles from files, folders (recursively), feeds or standard
input ("-") into the store (--db), assigning each to a story. Articles already
stored are recognised by their content-derived ID and counted as duplicates,
so ingesting the same input twice changes nothing.

Articles are committed in batches (--batch), one transaction each: a process
stopped mid-batch leaves the store as it was before that batch. Bad inputs are
named on stderr and the rest goes on; the exit status is 1 when any failed.
At the end, the stories whose stored analysis is missing or out of date (those
the run changed, and any an earlier run left) are analysed on every core and
their analysis is stored, so that show, serve and the API read it instead of
analysing again (see storyline reindex). A summary line ends the run:
ingested, duplicates, skipped, failed, stories analysed, rate.`,
		Example: `  storyline ingest examples/ukraine-talks
  storyline --db news.db ingest feeds/*.xml archive.jsonl
  cat articles.jsonl | storyline ingest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			eng, err := e.openStore(cmd.Context(), g)
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			t := tally{start: time.Now()}
			bs := engine.Batches{To: eng}
			var commitErr error // the first batch the store failed to commit
			err = e.readInput(cmd.Context(), args, in, &t, func(batch []article.Article) error {
				if err := bs.Add(cmd.Context(), batch); err != nil {
					commitErr = err
					return err
				}
				return nil
			})
			// After a failed commit, the next batch's fails for the same
			// reason (a full disk): the error is said once.
			if werr := bs.Wait(); werr != nil && commitErr == nil {
				commitErr = werr
				err = errors.Join(err, werr)
			}
			eng.Release(cmd.Context())
			if cmd.Context().Err() == nil {
				// What was stored is analysed, even after an input error
				// or a failed commit (whose rollback may have freed the
				// space the analysis needs).
				var derr error
				t.analysed, derr = e.derive(cmd.Context(), eng)
				err = errors.Join(err, derr)
			}
			t.ingested, t.duplicates = bs.Stats.Ingested, bs.Stats.Duplicates
			fmt.Fprintln(e.stderr, t)
			if err != nil {
				return err
			}
			if t.failed > 0 {
				return errFailed
			}
			return nil
		},
	}
	in.register(cmd)
	return cmd
}
