package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/storyline-news/storyline/internal/gz"
	"github.com/storyline-news/storyline/internal/text"
)

// Document is one document of a CoNLL-format file: the sentences between
// two -DOCSTART- lines (the whole file when it has none).
type Document struct {
	Sentences []Sentence
}

// Sentence is one pre-tokenised sentence with its tags, one per word, in
// the file's IOB2 form ("O", "B-PER", "I-PER", …).
type Sentence struct {
	Words []string
	Tags  []string
}

// ReadCoNLL reads a file of "TOKEN TAG" lines with blank lines between
// sentences, such as ../shared/bench/ner/conll2003-*.txt.gz. Gzip input is
// detected and decompressed. Only the first and last fields of a line are
// used, so the original four-column CoNLL files read as well.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	br, err := gz.Reader(r)
	if err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	var docs []Document
	var doc Document
	var sent Sentence
	flush := func() {
		if len(sent.Words) > 0 {
			doc.Sentences = append(doc.Sentences, sent)
			sent = Sentence{}
		}
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flush()
		case f[0] == "-DOCSTART-":
			flush()
			if len(doc.Sentences) > 0 {
				docs = append(docs, doc)
			}
			doc = Document{}
		case len(f) < 2:
			return nil, fmt.Errorf("read conll: line %d: want TOKEN TAG, got %q", n, sc.Text())
		default:
			sent.Words = append(sent.Words, f[0])
			sent.Tags = append(sent.Tags, f[len(f)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	flush()
	if len(doc.Sentences) > 0 {
		docs = append(docs, doc)
	}
	return docs, nil
}

// splitWords re-tokenises pre-tokenised words with Tokenize, so that a
// CoNLL token such as "U.S.-led" becomes the run-time tokens "U.S." "-"
// "led". It returns the sub-tokens and, for each, the index of the word it
// came from.
func splitWords(words []string) (sub []string, owner []int) {
	sub = make([]string, 0, len(words)+4)
	owner = make([]int, 0, len(words)+4)
	for i, w := range words {
		toks := text.Tokenize(w)
		if len(toks) == 0 {
			sub, owner = append(sub, w), append(owner, i)
			continue
		}
		for _, t := range toks {
			sub, owner = append(sub, t.Text), append(owner, i)
		}
	}
	return sub, owner
}
