package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/storyline-news/storyline/internal/entity/ner"
)

// model trains the tagger on CoNLL-2003 train, with dev for choosing the
// number of epochs, and writes the model file. With -final (the default)
// it then trains again on train and dev together for the chosen number of
// epochs and writes that model instead: the same recipe, 25% more data.
func model(ctx context.Context, args []string) error {
	fs, bench := flags("model")
	out := fs.String("o", "data/model.gz", "output model file")
	clusters := fs.String("clusters", "data/clusters.txt.gz", "Brown clusters file (empty: none)")
	epochs := fs.Int("epochs", 0, "maximum epochs (0: default)")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	dropout := fs.Float64("dropout", 0, "lexical feature dropout (0: default, negative: none)")
	final := fs.Bool("final", true, "retrain on train+dev for the epochs chosen on dev")
	fs.Parse(args)
	bestEpoch, bestF1 := 0, -1.0
	opts := ner.TrainOptions{Epochs: *epochs, Seed: *seed, Dropout: *dropout, Log: os.Stderr,
		Progress: func(epoch int, f1 float64) {
			if f1 > bestF1 {
				bestEpoch, bestF1 = epoch, f1
			}
		}}
	var err error
	if opts.Clusters, err = loadClusters(*clusters); err != nil {
		return err
	}
	train, err := os.Open(filepath.Join(*bench, "ner/conll2003-train.txt.gz"))
	if err != nil {
		return err
	}
	defer train.Close()
	dev, err := os.Open(filepath.Join(*bench, "ner/conll2003-dev.txt.gz"))
	if err != nil {
		return err
	}
	defer dev.Close()
	start := time.Now()
	m, err := ner.Train(ctx, opts, train, dev)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "trained on train in %v: best dev F1 %.2f at epoch %d\n",
		time.Since(start).Round(time.Second), 100*bestF1, bestEpoch)
	if *final {
		if m, err = trainFinal(ctx, opts, bestEpoch, train, dev); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "trained on train+dev for %d epochs in %v\n", bestEpoch, time.Since(start).Round(time.Second))
	}
	return writeFile(*out, m.Save)
}

// loadClusters reads the clusters file at path; "" means none.
func loadClusters(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.ReadClusters(f)
}

// trainFinal trains on train and dev together for a fixed number of epochs.
func trainFinal(ctx context.Context, opts ner.TrainOptions, epochs int, train, dev *os.File) (*ner.Model, error) {
	for _, f := range []*os.File{train, dev} {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
	}
	opts.Epochs, opts.Progress = epochs, nil
	return ner.Train(ctx, opts, io.MultiReader(train, dev), nil)
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
