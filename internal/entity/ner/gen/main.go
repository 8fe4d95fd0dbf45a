// Command gen builds the NER tagger's data files from the benchmark data in
// ../shared/bench: the Brown clusters (gen clusters) and the model (gen
// model). go generate in package ner runs it; see ner's package doc.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gen clusters|model [flags]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "clusters":
		err = clusters(ctx, args)
	case "model":
		err = model(ctx, args)
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// flags returns a flag set with the shared -bench flag.
func flags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	bench := fs.String("bench", "../../../../shared/bench", "benchmark data directory")
	return fs, bench
}
