package eval

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/entity/ner"
)

// NERTagger tags pre-tokenised documents with IOB2 tags, one per word;
// *ner.Model implements it.
type NERTagger interface {
	TagWords(doc [][]string) [][]string
}

// NERReport holds the entity-level scores of a tagger on a CoNLL-format
// file, computed as conlleval does: a predicted entity is correct only if
// its span and its type both match a gold entity; precision and recall are
// micro-averaged over all entities.
type NERReport struct {
	Overall NERScores
	// Types holds the scores per entity type, sorted by type.
	Types []NERScores
	// Documents, Sentences and Tokens count the input.
	Documents, Sentences, Tokens int
	// Elapsed is the time spent tagging (not reading the file).
	Elapsed time.Duration
}

// NERScores are the counts and scores for one entity type, or all.
type NERScores struct {
	Type                     string // "PER", …; "" for all types
	Gold, Predicted, Correct int
	// Precision, Recall and F1 are percentages.
	Precision, Recall, F1 float64
}

// NER anchors from ../shared/bench/ner/README.md.
const (
	nerAnchorName = "Stanford CRF (Finkel et al. 2005)"
	nerAnchorF1   = 86.86
	nerGoalF1     = 88.0
)

// NERScore tags every document of the CoNLL-format file r (gzip'd or not;
// see ner.ReadCoNLL) with m and scores the result against the file's tags.
func NERScore(ctx context.Context, m NERTagger, r io.Reader) (NERReport, error) {
	docs, err := ner.ReadCoNLL(r)
	if err != nil {
		return NERReport{}, fmt.Errorf("eval ner: %w", err)
	}
	var rep NERReport
	var gold, pred [][]string
	start := time.Now()
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return NERReport{}, fmt.Errorf("eval ner: %w", err)
		}
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
			gold = append(gold, s.Tags)
			rep.Tokens += len(s.Words)
		}
		pred = append(pred, m.TagWords(words)...)
		rep.Sentences += len(d.Sentences)
	}
	rep.Elapsed = time.Since(start)
	rep.Documents = len(docs)
	rep.Overall, rep.Types = scoreNERTags(gold, pred)
	return rep, nil
}

// TokensPerSecond returns the tagging throughput.
func (r NERReport) TokensPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Tokens) / r.Elapsed.Seconds()
}

// String prints the per-type table, the overall scores next to the
// published anchor and the goal, and the throughput.
func (r NERReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %6s %6s %6s %7s %7s %7s\n", "type", "gold", "pred", "ok", "P", "R", "F1")
	for _, s := range append(slices.Clone(r.Types), r.Overall) {
		name := s.Type
		if name == "" {
			name = "all"
		}
		fmt.Fprintf(&b, "%-8s %6d %6d %6d %7.2f %7.2f %7.2f\n", name, s.Gold, s.Predicted, s.Correct, s.Precision, s.Recall, s.F1)
	}
	fmt.Fprintf(&b, "F1 %.2f; anchor %s %.2f; goal >= %.0f\n", r.Overall.F1, nerAnchorName, nerAnchorF1, nerGoalF1)
	fmt.Fprintf(&b, "%d documents, %d sentences, %d tokens tagged in %v: %.0f tokens/s\n",
		r.Documents, r.Sentences, r.Tokens, r.Elapsed.Round(time.Millisecond), r.TokensPerSecond())
	return b.String()
}

// nerEntity is a span of words [start, end) of a type within sentence sent.
type nerEntity struct {
	sent, start, end int
	typ              string
}

// scoreNERTags compares predicted IOB2 tags with gold ones, sentence by
// sentence, and returns the overall and per-type scores.
func scoreNERTags(gold, pred [][]string) (NERScores, []NERScores) {
	byType := map[string]*NERScores{}
	all := &NERScores{}
	get := func(t string) *NERScores {
		if byType[t] == nil {
			byType[t] = &NERScores{Type: t}
		}
		return byType[t]
	}
	for i := range gold {
		g := nerEntities(i, gold[i])
		in := make(map[nerEntity]bool, len(g))
		for _, e := range g {
			in[e] = true
			get(e.typ).Gold++
			all.Gold++
		}
		var p []nerEntity
		if i < len(pred) {
			p = nerEntities(i, pred[i])
		}
		for _, e := range p {
			get(e.typ).Predicted++
			all.Predicted++
			if in[e] {
				get(e.typ).Correct++
				all.Correct++
			}
		}
	}
	var types []NERScores
	for _, s := range byType {
		types = append(types, s.withRates())
	}
	slices.SortFunc(types, func(a, b NERScores) int { return strings.Compare(a.Type, b.Type) })
	return all.withRates(), types
}

func (s NERScores) withRates() NERScores {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	s.Precision, s.Recall = pct(s.Correct, s.Predicted), pct(s.Correct, s.Gold)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// nerEntities reads the entities of one sentence's IOB2 tags as conlleval
// does: B-X starts an entity, I-X continues one of type X and otherwise
// starts one, O and anything else ends it.
func nerEntities(sent int, tags []string) []nerEntity {
	var out []nerEntity
	for i := 0; i < len(tags); {
		prefix, typ, ok := strings.Cut(tags[i], "-")
		if !ok || (prefix != "B" && prefix != "I") {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, nerEntity{sent, i, j, typ})
		i = j
	}
	return out
}
