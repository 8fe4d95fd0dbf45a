// Command storyline turns news articles into stories: it reads articles
// (text, HTML, RSS/Atom, JSON Lines), groups them by real-world event, and
// prints or stores a dossier per story.
//
// Run `storyline --help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// env is what the commands need from the outside world; tests replace it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	// terminal reports whether stdout (and, for progress, stderr) is a
	// terminal; nil means "ask the operating system".
	terminal func(w io.Writer) bool
}

// errFailed marks a run that did its work but met bad input on the way: the
// reasons were already printed, only the exit status remains to be set.
var errFailed = errors.New("some inputs failed")

// run executes the command line args and returns the process exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now}
	return e.run(ctx, args)
}

func (e *env) run(ctx context.Context, args []string) int {
	root := e.rootCommand()
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errFailed):
		return 1
	}
	fmt.Fprintf(e.stderr, "storyline: %v\n", err)
	return 1
}

func (e *env) rootCommand() *cobra.Command {
	var g globalFlags
	root := &cobra.Command{
		Use:   "storyline",
		Short: "Turn a stream of news articles into stories",
		Long: `storyline reads news articles (plain text, HTML, RSS/Atom feeds, JSON Lines)
and builds, per real-world event, a story: its articles, what text they share,
who is named and quoted, what happened when, and where the sources disagree.

It runs offline. "digest" needs no setup; "ingest" and "watch" keep articles
in a store (--db: an embedded SQLite file by default, or a PostgreSQL database
that several processes share) that "stories", "show" and "search" read.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if f := cmd.Flags().Lookup("db"); f != nil && f.Changed && strings.TrimSpace(f.Value.String()) == "" {
				return errors.New("--db is empty: give an SQLite file or a postgres:// URL, or leave it out for the default store")
			}
			return nil
		},
	}
	root.PersistentFlags().StringVar(&g.db, "db", "",
		"store: an SQLite file, or a postgres:// URL (default $STORYLINE_DB, else $XDG_DATA_HOME/storyline/storyline.db)")
	root.PersistentFlags().Float64Var(&g.idle, "idle-days", 0,
		"when ingesting, stop matching new articles to stories idle this many days before the latest article seen (0: never; for live feeds)")
	root.AddCommand(
		e.digestCommand(&g),
		e.annotateCommand(&g),
		e.ingestCommand(&g),
		e.storiesCommand(&g),
		e.showCommand(&g),
		e.reindexCommand(&g),
		e.checkCommand(&g),
		e.searchCommand(&g),
		e.entitiesCommand(&g),
		e.entityCommand(&g),
		e.serveCommand(&g),
		e.evalCommand(),
		e.benchCommand(),
		e.watchCommand(&g),
	)
	return root
}

// globalFlags are the flags every command accepts.
type globalFlags struct {
	db string
	// idle is Options.Idle of the clusterer, in days (0: never evict).
	idle float64
}

// isTerminal reports whether w is a terminal.
func (e *env) isTerminal(w io.Writer) bool {
	if e.terminal != nil {
		return e.terminal(w)
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
