package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
)

func (e *env) digestCommand(g *globalFlags) *cobra.Command {
	var in inputFlags
	var format string
	cmd := &cobra.Command{
		Use:   "digest PATH...",
		Short: "Print the stories of the articles at PATH (no store needed)",
		Long: `digest reads articles from files, folders (recursively), feeds or standard
input ("-"), groups them into stories in memory and prints the dossier: JSON
(the storyline.dossier/v1 contract), Markdown, or JSON Lines (--format jsonl:
each story object of the dossier on a line of its own). Nothing is stored.

Bad inputs are named on stderr and skipped; the dossier of the rest is still
printed, and the exit status is 1.`,
		Example: `  storyline digest examples/ukraine-talks
  storyline digest --format json examples/ukraine-talks > dossier.json
  curl -s https://example.org/feed.xml | storyline digest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			f, err := e.outputFormat(format, "json", "markdown", "jsonl")
			if err != nil {
				return err
			}
			eng, err := openEngine(cmd.Context(), ":memory:", engine.Options{})
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			t := tally{start: time.Now(), analysed: -1}
			bs := engine.Batches{To: eng}
			err = e.readInput(cmd.Context(), args, in, &t, func(batch []article.Article) error {
				return bs.Add(cmd.Context(), batch)
			})
			if err = errors.Join(err, bs.Wait()); err != nil {
				return err
			}
			stories, err := eng.AllStories(cmd.Context())
			if err != nil {
				return err
			}
			ws := make([]dossier.Story, len(stories))
			for i, s := range stories {
				ws[i] = dossier.FromStory(s)
			}
			if err := e.writeDossier(e.stdout, f, ws); err != nil {
				return err
			}
			if t.failed > 0 {
				return errFailed
			}
			return nil
		},
	}
	in.register(cmd)
	cmd.Flags().StringVar(&format, "format", "", "output format: json, markdown or jsonl (default markdown on a terminal, json otherwise)")
	return cmd
}

// outputFormat checks a --format value; "" picks markdown on a terminal and
// the first allowed format otherwise.
func (e *env) outputFormat(format string, allowed ...string) (string, error) {
	if format == "" {
		for _, a := range allowed {
			if a == "markdown" && e.isTerminal(e.stdout) {
				return a, nil
			}
		}
		return allowed[0], nil
	}
	for _, a := range allowed {
		if format == a {
			return format, nil
		}
	}
	return "", fmt.Errorf("unknown --format %q (want one of %v)", format, allowed)
}

// writeDossier writes the dossier of stories in format f.
func (e *env) writeDossier(w io.Writer, f string, stories []dossier.Story) error {
	d := dossier.Of(stories, e.now())
	switch f {
	case "markdown":
		return d.WriteMarkdown(w)
	case "jsonl":
		return d.WriteJSONLines(w)
	}
	return d.WriteJSON(w)
}
