package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/archive"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
)

func (e *env) storiesCommand(g *globalFlags) *cobra.Command {
	var format, since string
	var limit, offset int
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List the stored stories, newest first",
		Long: `stories lists the stories in the store, most recently published first: ID,
date span, number of articles and headline. --format json prints the same as
a JSON array of story summaries, each with the time the store last saw it
change (--since keeps the stories changed after a time).`,
		Example: `  storyline stories
  storyline stories --limit 20 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			f, err := e.outputFormat(format, "text", "json")
			if err != nil {
				return err
			}
			eng, err := e.openExisting(cmd.Context(), g)
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			var ss []store.Story
			if since == "" {
				ss, err = eng.Stories(cmd.Context(), store.StoryFilter{Limit: limit, Offset: offset})
			} else {
				ss, err = changedSince(cmd.Context(), eng, since, limit, offset)
			}
			if err != nil {
				return err
			}
			if f == "json" {
				out := make([]dossier.Summary, len(ss))
				for i, s := range ss {
					out[i] = dossier.FromSummary(s)
				}
				return writeJSON(e.stdout, out)
			}
			return writeStoryTable(e.stdout, ss)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().IntVar(&limit, "limit", 0, "list at most this many stories (0: all)")
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many stories first")
	cmd.Flags().StringVar(&since, "since", "", "only stories changed after this time (RFC 3339, or YYYY-MM-DD for the start of a day, UTC)")
	return cmd
}

// changedSince lists the stories changed after since, newest first, paged.
func changedSince(ctx context.Context, eng *engine.Engine, since string, limit, offset int) ([]store.Story, error) {
	t, err := time.Parse(time.RFC3339Nano, since)
	if err != nil {
		if t, err = time.Parse(time.DateOnly, since); err != nil {
			return nil, fmt.Errorf("--since %q: want a time such as 2025-08-18T09:30:00Z or a date such as 2025-08-18", since)
		}
	}
	all, err := eng.Stories(ctx, store.StoryFilter{})
	if err != nil {
		return nil, err
	}
	var out []store.Story
	for _, s := range all {
		if s.Updated.After(t) {
			out = append(out, s)
		}
	}
	out = out[min(offset, len(out)):]
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func writeStoryTable(w io.Writer, ss []store.Story) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tPUBLISHED\tARTICLES\tHEADLINE")
	for _, s := range ss {
		d := dossier.FromSummary(s)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", s.ID, dateSpan(d.FirstPublished, d.LastPublished),
			s.Articles, oneLine(s.Headline))
	}
	return tw.Flush()
}

func dateSpan(first, last *string) string {
	switch {
	case first == nil:
		return "undated"
	case *first == *last:
		return *first
	}
	return *first + ".." + *last
}

// oneLine keeps text from an article on one line of terminal output.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (e *env) showCommand(g *globalFlags) *cobra.Command {
	var format string
	var all bool
	cmd := &cobra.Command{
		Use:   "show STORY... | --all",
		Short: "Print stored stories' dossier",
		Long: `show builds the dossier of stored stories (IDs from "storyline stories", or
every story with --all, newest first) and prints it as Markdown, as JSON in the
storyline.dossier/v1 shape, or as JSON Lines (--format jsonl: each story object
of the dossier on a line of its own, written as soon as it is built, so that a
whole archive streams out in bounded memory).`,
		Example: `  storyline show s-3f2a9c0d1e4b5a6c
  storyline show --format json s-3f2a9c0d1e4b5a6c s-0b1c2d3e4f5a6b7c
  storyline show --all --format jsonl > stories.jsonl`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case all && len(args) > 0:
				return fmt.Errorf("give story IDs or --all, not both")
			case !all && len(args) == 0:
				return fmt.Errorf("give at least one story ID, or --all")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			f, err := e.outputFormat(format, "json", "markdown", "jsonl")
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			eng, err := e.openExisting(ctx, g)
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			ids := args
			if all {
				ss, err := eng.Stories(ctx, store.StoryFilter{})
				if err != nil {
					return err
				}
				ids = make([]string, len(ss))
				for i, s := range ss {
					ids[i] = s.ID
				}
			}
			var stories []dossier.Story
			err = eng.EachDossier(ctx, ids, func(s dossier.Story) error {
				if f != "jsonl" {
					stories = append(stories, s)
					return nil
				}
				return dossier.WriteStoryLine(e.stdout, s)
			})
			if err != nil || f == "jsonl" {
				return err
			}
			return e.writeDossier(e.stdout, f, stories)
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "output format: json, markdown or jsonl (default markdown on a terminal, json otherwise)")
	cmd.Flags().BoolVar(&all, "all", false, "every stored story, newest first")
	return cmd
}

func (e *env) searchCommand(g *globalFlags) *cobra.Command {
	var format string
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Full-text search over stored titles and bodies",
		Long: `search finds stored articles whose title or text matches all the words of
QUERY (a "quoted phrase" must match as a phrase) and prints the best matches
first, each with its story and a snippet in which the matched words are marked
« like this ». A query that is the name of an entity of the archive also finds
the articles that spell it otherwise (Zelenskyy: Zelensky, Zelenskiy).`,
		Example: `  storyline search Zelensky security guarantees
  storyline search '"Oval Office"' --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			f, err := e.outputFormat(format, "text", "json")
			if err != nil {
				return err
			}
			eng, err := e.openExisting(cmd.Context(), g)
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			hits, spellings, err := archive.New(eng.Store()).Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			if f == "json" {
				out := make([]dossier.Hit, len(hits))
				for i, h := range hits {
					out[i] = dossier.FromHit(h)
				}
				return writeJSON(e.stdout, out)
			}
			if len(spellings) > 0 {
				fmt.Fprintf(e.stdout, "(also searched for the other spellings of this name: %s)\n", strings.Join(spellings, ", "))
			}
			for _, h := range hits {
				fmt.Fprintf(e.stdout, "%s  %s  %s\n    %s\n", h.ArticleID, h.StoryID, oneLine(h.Title), oneLine(h.Snippet))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().IntVar(&limit, "limit", 20, "print at most this many matches")
	return cmd
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
