package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (e *env) checkCommand(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify the store's invariants and say what is wrong",
		Long: `check reads the whole store and verifies what every writer must keep: each
article is in exactly one story, each story's article count is the number of
articles it holds, no story retired by a merge is listed again, and (SQLite) the
database file and its full-text index pass their own integrity checks. It
prints the counts, the stories whose stored analysis is missing or out of date
(storyline reindex analyses them), and each problem found; the exit status is
1 when there is one.`,
		Example: `  storyline check
  storyline --db postgres://news@db/archive check`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			ctx := cmd.Context()
			eng, err := e.openExisting(ctx, g)
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			r, err := eng.Check(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%d articles, %d stories, %d merges; %d stories not analysed or out of date\n",
				r.Articles, r.Stories, r.Merges, r.Stale)
			for _, p := range r.Problems {
				fmt.Fprintln(e.stdout, "problem:", p)
			}
			if len(r.Problems) > 0 {
				return fmt.Errorf("the store has problems (%d listed)", len(r.Problems))
			}
			fmt.Fprintln(e.stdout, "ok")
			return nil
		},
	}
}
