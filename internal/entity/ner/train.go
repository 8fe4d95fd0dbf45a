package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// TrainOptions configures Train. The zero value is a usable configuration.
type TrainOptions struct {
	// Epochs is the largest number of passes over the training data; 0
	// means 30.
	Epochs int
	// Patience stops training after this many epochs without a better dev
	// F1; 0 means 3. Without dev data all Epochs are run.
	Patience int
	// Seed seeds the shuffling of documents; training is deterministic for
	// a given seed.
	Seed uint64
	// Clusters maps words to Brown cluster bit strings (see ReadClusters);
	// nil trains without cluster features.
	Clusters map[string]string
	// Prune drops features whose averaged weights are all smaller than this
	// in absolute value; 0 means 0.01, negative keeps every feature.
	Prune float32
	// Dropout is the probability with which a training token's lexical
	// features (its form and cluster) are hidden, so that the model also
	// learns to tag names it has never seen from their shape, context and
	// gazetteer matches; 0 means 0.2, negative means none.
	Dropout float64
	// Log receives one line per epoch; nil means no output.
	Log io.Writer
	// Progress, if set, is called after each epoch with its dev F1
	// (between 0 and 1; -1 without dev data).
	Progress func(epoch int, devF1 float64)
}

// Train trains a model on CoNLL-format training data (see ReadCoNLL),
// choosing the number of epochs by entity F1 on dev, which may be nil.
func Train(ctx context.Context, opts TrainOptions, train, dev io.Reader) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 30
	}
	if opts.Patience <= 0 {
		opts.Patience = 3
	}
	if opts.Prune == 0 {
		opts.Prune = 0.01
	}
	if opts.Dropout == 0 {
		opts.Dropout = 0.2
	}
	docs, err := ReadCoNLL(train)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	var devDocs []Document
	if dev != nil {
		if devDocs, err = ReadCoNLL(dev); err != nil {
			return nil, fmt.Errorf("train ner: dev: %w", err)
		}
	}
	base := &Model{clusters: opts.Clusters, gaz: defaultGazetteer()}
	if base.clusters == nil {
		base.clusters = map[string]string{}
	}
	tr := newTrainer(base, docs)
	best, err := tr.run(ctx, opts, devDocs)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	best.quantize()
	best.precompute()
	return best, nil
}

// run trains epoch by epoch and returns the averaged model of the best
// epoch on dev (of the last epoch without dev).
func (tr *trainer) run(ctx context.Context, opts TrainOptions, dev []Document) (*Model, error) {
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	order := make([]int, len(tr.docs))
	for i := range order {
		order[i] = i
	}
	var best *Model
	bestF1, stale := -1.0, 0
	for epoch := 1; epoch <= opts.Epochs && stale < opts.Patience; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, di := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			errs += tr.epochDoc(&tr.docs[di], rng, opts.Dropout)
		}
		m := tr.averaged(opts.Prune)
		f1 := -1.0
		if len(dev) > 0 {
			f1 = F1(m, dev)
		}
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "epoch %d: %d sentences with errors, %d features, dev F1 %.2f, %v\n",
				epoch, errs, len(m.feats), 100*f1, time.Since(start).Round(time.Millisecond))
		}
		if opts.Progress != nil {
			opts.Progress(epoch, f1)
		}
		if f1 > bestF1 || len(dev) == 0 {
			best, bestF1, stale = m, f1, 0
		} else {
			stale++
		}
	}
	return best, nil
}

// F1 returns the entity-level micro F1 (exact span and type, as conlleval)
// of m on docs, between 0 and 1.
func F1(m *Model, docs []Document) float64 {
	var gold, pred, correct int
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
		}
		tags := m.TagWords(words)
		for i, s := range d.Sentences {
			g, p := spansOf(s.Tags), spansOf(tags[i])
			gold, pred = gold+len(g), pred+len(p)
			in := make(map[span]bool, len(g))
			for _, x := range g {
				in[x] = true
			}
			for _, x := range p {
				if in[x] {
					correct++
				}
			}
		}
	}
	if correct == 0 {
		return 0
	}
	prec, rec := float64(correct)/float64(pred), float64(correct)/float64(gold)
	return 2 * prec * rec / (prec + rec)
}
