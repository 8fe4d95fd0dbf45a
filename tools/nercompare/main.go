// Command nercompare measures storyline's named-entity tagger side by side
// with prose/v2, the only Go module that ships an NER model, in one run:
// the time per article on the same articles, interleaved round by round so
// that both see the same machine load, and the entity-level F1 of both on
// a CoNLL-2003 file.
//
// It is a module of its own so that prose/v2 and its dependencies stay out
// of storyline's build. Run it from this folder:
//
//	go run . [-articles ../../examples/ukraine-talks] [-conll ../../../shared/bench/ner/conll2003-test.txt.gz]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/storyline-news/storyline/internal/entity/ner"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/ingest"
)

func main() {
	articles := flag.String("articles", "../../examples/ukraine-talks", "articles to time both taggers on: any input storyline ingest reads")
	conll := flag.String("conll", "../../../shared/bench/ner/conll2003-test.txt.gz", "CoNLL-2003 file to score both taggers on; skipped when absent")
	rounds := flag.Int("rounds", 10, "timed rounds, each tagging every article with both taggers (after one untimed round)")
	flag.Parse()
	if err := run(*articles, *conll, *rounds); err != nil {
		fmt.Fprintln(os.Stderr, "nercompare:", err)
		os.Exit(1)
	}
}

func run(articles, conll string, rounds int) error {
	texts, err := readTexts(articles)
	if err != nil {
		return err
	}
	if len(texts) == 0 {
		return fmt.Errorf("%s: no articles", articles)
	}
	ours := ner.Default()
	theirs, err := proseModel()
	if err != nil {
		return err
	}
	if err := timeBoth(texts, ours, theirs, rounds); err != nil {
		return err
	}
	f, err := os.Open(conll)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Printf("%s not found: F1 comparison skipped\n", conll)
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	return scoreBoth(f, conll, ours, theirs)
}

// readTexts returns the body texts of the articles in ref.
func readTexts(ref string) ([]string, error) {
	var texts []string
	err := ingest.New(ingest.Options{}).Read(context.Background(), ref, func(r ingest.Result) error {
		switch {
		case r.Err != nil:
			return r.Err
		case r.Article != nil:
			texts = append(texts, r.Article.Text)
		}
		return nil
	})
	return texts, err
}

// proseModel loads prose's embedded model once, as a long-running program
// would: without UsingModel every document decodes it again (~250 ms).
func proseModel() (*prose.Model, error) {
	doc, err := prose.NewDocument("Load the model.")
	if err != nil {
		return nil, fmt.Errorf("prose: %w", err)
	}
	return doc.Model, nil
}

// timeBoth tags every text with each tagger in every round, alternating
// which goes first, and prints the mean time per article of each and their
// ratio.
func timeBoth(texts []string, ours *ner.Model, theirs *prose.Model, rounds int) error {
	var oursT, theirsT time.Duration
	// Each timed block starts from a fresh heap, so that neither tagger
	// pays for collecting the other's garbage.
	runOurs := func() {
		runtime.GC()
		start := time.Now()
		for _, t := range texts {
			ours.Tag(t)
		}
		oursT += time.Since(start)
	}
	runTheirs := func() error {
		runtime.GC()
		start := time.Now()
		for _, t := range texts {
			if _, err := prose.NewDocument(t, prose.UsingModel(theirs)); err != nil {
				return fmt.Errorf("prose: %w", err)
			}
		}
		theirsT += time.Since(start)
		return nil
	}
	// One untimed round first: lazily built tables, caches, page faults.
	runOurs()
	if err := runTheirs(); err != nil {
		return err
	}
	oursT, theirsT = 0, 0
	for r := 0; r < rounds; r++ {
		if r%2 == 0 {
			runOurs()
		}
		if err := runTheirs(); err != nil {
			return err
		}
		if r%2 == 1 {
			runOurs()
		}
	}
	n := float64(rounds * len(texts))
	o := oursT.Seconds() / n * 1e3
	p := theirsT.Seconds() / n * 1e3
	fmt.Printf("speed, %d articles x %d rounds, interleaved:\n", len(texts), rounds)
	fmt.Printf("  storyline NER %8.2f ms/article\n", o)
	fmt.Printf("  prose/v2      %8.2f ms/article (model loaded once)\n", p)
	fmt.Printf("  storyline is %.0fx faster (goal >= 50x)\n", p/o)
	return nil
}

// scoreBoth scores both taggers on the CoNLL file with storyline's
// conlleval-style scorer.
func scoreBoth(f *os.File, name string, ours *ner.Model, theirs *prose.Model) error {
	rep, err := eval.NERScore(context.Background(), ours, f)
	if err != nil {
		return err
	}
	if _, err := f.Seek(0, 0); err != nil {
		return err
	}
	pt := &proseTagger{m: theirs}
	prep, err := eval.NERScore(context.Background(), pt, f)
	if err != nil {
		return err
	}
	if pt.err != nil {
		return pt.err
	}
	fmt.Printf("\n%s, entity-level micro F1 (conlleval):\n", name)
	fmt.Printf("  storyline NER F1 %6.2f, %8.0f tokens/s\n", rep.Overall.F1, rep.TokensPerSecond())
	fmt.Printf("  prose/v2      F1 %6.2f, %8.0f tokens/s\n", prep.Overall.F1, prep.TokensPerSecond())
	fmt.Printf("  speed ratio on this file %.0fx\n", rep.TokensPerSecond()/prep.TokensPerSecond())
	return nil
}

// proseTagger adapts prose to eval.NERTagger: it joins a document's words
// with spaces (sentences with newlines), lets prose tokenize and tag the
// text, and gives each word the label of the first prose token that starts
// inside it, mapped to the CoNLL types (PERSON → PER, ORGANIZATION → ORG,
// GPE, LOCATION, FACILITY and GSP → LOC; prose has no MISC). prose often
// labels each word of a name B- ("Nadim/B-PERSON Ladki/B-PERSON") and its
// own Entities merges such runs, so here too adjacent words of one type
// make one entity.
type proseTagger struct {
	m   *prose.Model
	err error
}

func (p *proseTagger) TagWords(doc [][]string) [][]string {
	var b strings.Builder
	type span struct{ start, end int }
	spans := make([][]span, len(doc))
	for i, s := range doc {
		if i > 0 {
			b.WriteByte('\n')
		}
		spans[i] = make([]span, len(s))
		for j, w := range s {
			if j > 0 {
				b.WriteByte(' ')
			}
			spans[i][j] = span{b.Len(), b.Len() + len(w)}
			b.WriteString(w)
		}
	}
	text := b.String()
	out := make([][]string, len(doc))
	for i, s := range doc {
		out[i] = make([]string, len(s))
		for j := range out[i] {
			out[i][j] = "O"
		}
	}
	d, err := prose.NewDocument(text, prose.UsingModel(p.m))
	if err != nil {
		p.err = fmt.Errorf("prose: %w", err)
		return out
	}
	// Place prose's tokens in the text, then label words.
	si, wi, at := 0, 0, 0
	for _, tok := range d.Tokens() {
		k := strings.Index(text[at:], tok.Text)
		if tok.Text == "" || k < 0 {
			continue
		}
		start := at + k
		at = start + len(tok.Text)
		for si < len(spans) && (wi >= len(spans[si]) || spans[si][wi].end <= start) {
			if wi++; wi >= len(spans[si]) {
				si, wi = si+1, 0
			}
		}
		if si == len(spans) {
			break
		}
		if start < spans[si][wi].start || out[si][wi] != "O" {
			continue // a second token inside the same word
		}
		out[si][wi] = conllLabel(tok.Label)
	}
	// Adjacent words of one type are one entity, the first tagged B-.
	for i := range out {
		for j, t := range out[i] {
			if strings.HasPrefix(t, "I-") && (j == 0 || out[i][j-1][min(2, len(out[i][j-1])):] != t[2:]) {
				out[i][j] = "B-" + t[2:]
			}
		}
	}
	return out
}

func conllLabel(l string) string {
	if len(l) < 3 || l[1] != '-' {
		return "O"
	}
	switch l[2:] {
	case "PERSON":
		return "I-PER"
	case "ORGANIZATION":
		return "I-ORG"
	case "GPE", "LOCATION", "FACILITY", "GSP":
		return "I-LOC"
	}
	return "O"
}
