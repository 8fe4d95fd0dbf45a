package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/entity/ner"
	"github.com/storyline-news/storyline/internal/eval"
)

func (e *env) evalCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score storyline's stages against labeled benchmark data",
		Long: `eval runs one stage over a labeled benchmark file and prints the standard
figures beside the published ones (see ../shared/bench/*/README.md). Files may
be gzip-compressed.`,
		Example: `  storyline eval cluster ../shared/bench/clustering/ecbplus_docs.jsonl.gz --split test
  storyline eval timex ../shared/bench/timex/te3-platinum.jsonl.gz
  storyline eval quotes ../shared/bench/quotes/polnear.jsonl.gz --split test
  storyline eval ner ../shared/bench/ner/conll2003-test.txt.gz`,
	}
	cmd.AddCommand(e.evalClusterCommand(), e.evalTimexCommand(), e.evalQuotesCommand(), e.evalNERCommand(), e.evalExtractCommand(), e.evalDatesCommand())
	return cmd
}

func (e *env) evalClusterCommand() *cobra.Command {
	var split string
	var orders int
	var seed uint64
	var threshold float64
	cmd := &cobra.Command{
		Use:   "cluster FILE",
		Short: "Story clustering: pairwise and BCubed P/R/F1 over random arrival orders",
		Long: `eval cluster clusters the documents of FILE (JSON Lines with gold "cluster"
labels, as ../shared/bench/clustering/ecbplus_docs.jsonl.gz) online, in the
file's order and in --orders-1 seeded random orders, and prints the mean and
spread of the standard pairwise and BCubed precision, recall and F1.`,
		Example: `  storyline eval cluster ../shared/bench/clustering/ecbplus_docs.jsonl.gz --split test --orders 10`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			docs, err := eval.ReadClusterDocs(f, split)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			rep, err := eval.ClusterScore(cmd.Context(), docs, cluster.Options{Threshold: threshold}, orders, seed)
			if err != nil {
				return err
			}
			return rep.Write(e.stdout)
		},
	}
	cmd.Flags().StringVar(&split, "split", "test", "split to score: train, dev, test or all")
	cmd.Flags().IntVar(&orders, "orders", 5, "number of arrival orders")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed of the random arrival orders")
	cmd.Flags().Float64Var(&threshold, "threshold", 0, "similarity threshold to join a story (0: the default)")
	return cmd
}

func (e *env) evalTimexCommand() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "timex FILE",
		Short: "Time expressions: TempEval-3 strict/relaxed/value/type F1",
		Long: `eval timex extracts and normalizes the time expressions of FILE's documents
(TempEval-3 as JSON Lines, as ../shared/bench/timex/*.jsonl.gz) against each
document's creation time and prints the TempEval-3 figures beside HeidelTime's.`,
		Example: `  storyline eval timex ../shared/bench/timex/te3-platinum.jsonl.gz`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			rep, err := eval.TimexScore(f)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			if err := rep.Write(e.stdout); err != nil {
				return err
			}
			if verbose {
				return rep.WriteErrors(e.stdout)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "also list every error")
	return cmd
}

func (e *env) evalQuotesCommand() *cobra.Command {
	var split string
	cmd := &cobra.Command{
		Use:   "quotes FILE",
		Short: "Quotes: content overlap F1 and speaker accuracy on PolNeAR",
		Long: `eval quotes extracts quotes and reported speech from FILE's articles
(PolNeAR as JSON Lines, as ../shared/bench/quotes/polnear.jsonl.gz) and prints
content F1 and speaker accuracy, for direct quotes and for all attributions.`,
		Example: `  storyline eval quotes ../shared/bench/quotes/polnear.jsonl.gz --split test`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			rep, err := eval.QuoteScore(f, split)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return rep.WriteTable(e.stdout)
		},
	}
	cmd.Flags().StringVar(&split, "split", "test", "split to score: train, dev or test")
	return cmd
}

func (e *env) evalNERCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ner FILE",
		Short: "Named entities: CoNLL-2003 entity-level P/R/F1",
		Long: `eval ner tags FILE's sentences (CoNLL format, as
../shared/bench/ner/conll2003-test.txt.gz) with the model shipped in the binary
and prints entity-level micro precision, recall and F1 per type, as conlleval
computes them, and the tagging speed.`,
		Example: `  storyline eval ner ../shared/bench/ner/conll2003-test.txt.gz`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			rep, err := eval.NERScore(cmd.Context(), ner.Default(), f)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			_, err = fmt.Fprint(e.stdout, rep.String())
			return err
		},
	}
	return cmd
}

func (e *env) evalExtractCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "extract MODULE_DIR",
		Short: "Main text of web pages: storyline's HTML reader beside go-trafilatura alone",
		Long: `eval extract reads the pages of go-trafilatura's own evaluation (its module's
test-files/comparison, with what each page's main text must and must not hold,
from scripts/comparison/data.go) and scores the text that storyline's HTML
reader keeps beside go-trafilatura alone, with the options storyline gives it
and with its defaults: precision, recall, F1 and accuracy over the strings
(go-trafilatura's measure), and the pages each failed on.`,
		Example: `  storyline eval extract $(go env GOMODCACHE)/github.com/markusmobius/go-trafilatura@v1.12.2`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pages, err := eval.ExtractGold(args[0])
			if err != nil {
				return err
			}
			rows, err := eval.ExtractScore(cmd.Context(), eval.ExtractDirs(args[0]), pages, eval.Extractors())
			if err != nil {
				return err
			}
			return eval.WriteExtract(e.stdout, len(pages), rows)
		},
	}
}

func (e *env) evalDatesCommand() *cobra.Command {
	var now string
	cmd := &cobra.Command{
		Use:   "dates MODULE_DIR",
		Short: "Publication dates of web pages: storyline beside go-htmldate alone",
		Long: `eval dates reads the pages of go-htmldate's own evaluation (its module's
test-files, with each page's date from scripts/comparison/data-default.go) and
scores the publication day storyline gives each page (the outlet's own day)
beside go-htmldate alone in its fast mode: a right date, a wrong one, none
where there is one and none where there is none, as go-htmldate counts them.`,
		Example: `  storyline eval dates $(go env GOMODCACHE)/github.com/markusmobius/go-htmldate@v1.10.1`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := time.Parse(time.RFC3339, now)
			if err != nil {
				return fmt.Errorf("--now: %w", err)
			}
			pages, err := eval.DateGold(args[0])
			if err != nil {
				return err
			}
			rows, err := eval.DateScore(eval.DateDirs(args[0]), pages, eval.DateFinders(t))
			if err != nil {
				return err
			}
			return eval.WriteDates(e.stdout, len(pages), rows)
		},
	}
	cmd.Flags().StringVar(&now, "now", "2026-09-13T12:00:00Z", "the day the pages are read on (later dates are no publication dates); go-htmldate's evaluation uses this one")
	return cmd
}
