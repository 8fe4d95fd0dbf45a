package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/story"
)

func (e *env) annotateCommand(g *globalFlags) *cobra.Command {
	var in inputFlags
	var format string
	cmd := &cobra.Command{
		Use:   "annotate PATH...",
		Short: "Print per-article annotations (mentions, quotes, time expressions) as JSON Lines",
		Long: `annotate reads articles like digest does and prints, for each article in input
order, one JSON object: its cleaned text and everything the analysis stages
found in it, with offsets in Unicode code points into that text
(spec/annotations.md). For JSON Lines input a given "text" is kept verbatim,
so the offsets line up with the caller's own copy.`,
		Example: `  storyline annotate examples/ukraine-talks
  storyline annotate --format jsonl articles.jsonl > annotations.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := e.outputFormat(format, "jsonl"); err != nil {
				return err
			}
			t := tally{start: time.Now(), analysed: -1}
			err := e.readInput(cmd.Context(), args, in, &t, func(batch []article.Article) error {
				for _, a := range batch {
					an, ents := story.Analyze(&a)
					if err := dossier.Annotate(a, an, ents).WriteJSONL(e.stdout); err != nil {
						return err
					}
				}
				return nil
			})
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
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl")
	return cmd
}
