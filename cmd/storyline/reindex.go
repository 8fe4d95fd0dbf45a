package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/engine"
)

func (e *env) reindexCommand(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "reindex",
		Short: "Analyse the stored stories whose stored analysis is missing or out of date",
		Long: `The store keeps what the analysis stages found in each story (entities,
quotes, timeline, shared text, divergences), so that reading never analyses
again. ingest stores it for the stories it changes. A new version of storyline
whose stages find something else marks what is stored as out of date: reindex
analyses those stories again, and those a killed ingest left unanalysed, on
every core. Reads go on meanwhile (an out-of-date story is analysed when read),
and other processes may ingest. A killed reindex loses at most its last few
stories: run it again and it goes on where it stopped.`,
		Example: `  storyline reindex
  storyline --db postgres://news@db/archive reindex`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			ctx := cmd.Context()
			eng, err := e.openExisting(ctx, g)
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			start := time.Now()
			n, err := e.derive(ctx, eng)
			fmt.Fprintf(e.stderr, "stories analysed %d in %.1f s (analysis %s)\n", n, time.Since(start).Seconds(), engine.AnalysisVersion)
			if err != nil {
				return err
			}
			current, stale, err := eng.Store().DerivedCounts(ctx, engine.AnalysisVersion)
			if err != nil {
				return err
			}
			if stale > 0 {
				// Stories that other processes grew meanwhile.
				fmt.Fprintf(e.stderr, "%d of %d stories changed while they were analysed: run reindex again\n", stale, current+stale)
			}
			return nil
		},
	}
	return cmd
}
