package cluster

import (
	"fmt"

	"github.com/storyline-news/storyline/internal/article"
)

// Options configures a Clusterer. The zero value is a good default: every
// field left zero takes the default named in its comment, tuned on the
// train and dev splits of ECB+ (see doc.go).
type Options struct {
	// Threshold is the least similarity between an article and a story for
	// the article to join the story (default 0.28).
	Threshold float64
	// MergeThreshold is the least similarity between two stories for them
	// to merge (default 0.5; negative: stories never merge).
	MergeThreshold float64
	// Weights weigh the kinds of features in the similarity (default: see
	// Weights).
	Weights Weights
	// TimeScale, in days, makes similarity decay with the gap between an
	// article's publication date and the dates of a story's articles, once
	// the gap exceeds TimeWindow days: the score is multiplied by
	// exp(-(gap-TimeWindow)/TimeScale). Zero, the default, turns decay off:
	// on ECB+, whose dates come from a text heuristic, it costs F1.
	TimeScale  float64
	TimeWindow float64
	// Idle, in days, evicts idle stories from the hot state: a story whose
	// latest article is dated more than Idle days before the latest date
	// seen so far leaves the inverted index and frees its centroid, so
	// memory follows the stories still running, not all stories ever
	// seen. Evicted stories stay stored and searchable; no new article
	// joins them. Zero, the default, keeps every story: eviction suits a
	// live stream that arrives roughly in date order, not the backfill of
	// an archive in any order.
	Idle float64
	// Background weighs the document frequencies of the background corpus
	// shipped with the package against those of the stream (default 1;
	// negative: the stream alone).
	Background float64
	// Names, when set, returns the names an article mentions, one per
	// mention (for example from a named-entity tagger), in place of the
	// built-in proxy of capitalized words. A name of several words also
	// counts as each of its words.
	Names func(a article.Article) []string

	// ArticleTerms is how many of an article's heaviest features are kept
	// (default 100).
	ArticleTerms int
	// QueryTerms is how many of them are looked up in the inverted index
	// to find candidate stories (default 16).
	QueryTerms int
	// StoryTerms is how many of a story's heaviest features index it
	// (default 50).
	StoryTerms int
	// CentroidTerms bounds the features kept in a story's centroid: past
	// twice as many, it keeps this many (default 100).
	CentroidTerms int
	// Candidates bounds the stories scored for one article (default 16).
	Candidates int
	// Postings bounds the stories kept under one feature of the index, the
	// most recently changed (default 128).
	Postings int
	// Evidence is how many shared features a decision reports (default 8).
	Evidence int

	// ablate turns features off, for measuring what each is worth (see
	// Ablate).
	ablate ablation
}

// Weights weigh the cosine similarities of the kinds of features. The
// zero Weights stands for the defaults tuned on ECB+ train and dev: Words
// 0.6, Names 0.3, Years 0.2, Numbers 0.1, YearConflict 0.1, Novelty 0.1,
// NameConflict 0.3 (which changes nothing on ECB+ and stops templated wire
// briefs about different companies chaining into one story).
type Weights struct {
	Words, Names, Years, Numbers float64
	// YearConflict is subtracted when both sides mention years and share
	// none.
	YearConflict float64
	// Novelty weighs the share of an article's most prominent names that
	// the story lacks, subtracted from the similarity.
	Novelty float64
	// NameConflict is subtracted when both sides have prominent names and
	// neither holds any of the other's.
	NameConflict float64
}

// defaultWeights are the weights tuned on ECB+ train and dev.
func defaultWeights() Weights {
	return Weights{Words: 0.6, Names: 0.3, Years: 0.2, Numbers: 0.1, YearConflict: 0.1, Novelty: 0.1, NameConflict: 0.3}
}

// ablation is a set of features turned off.
type ablation uint

const (
	noBackground ablation = 1 << iota // stream document frequencies only
	noNames                           // no proper-noun keys
	noNumbers                         // no years or numbers
	noLead                            // lead words weigh as much as others
	noKinds                           // one cosine over all features
	noNovelty                         // no novelty penalty
	noMerge                           // stories never merge
)

// Features lists the features that Ablate can turn off, in the order of
// the ablation table.
var Features = []string{"background", "names", "numbers", "lead", "kinds", "novelty", "merge"}

var ablations = map[string]ablation{
	"background": noBackground,
	"names":      noNames,
	"numbers":    noNumbers,
	"lead":       noLead,
	"kinds":      noKinds,
	"novelty":    noNovelty,
	"merge":      noMerge,
}

// Ablate returns o with the named features (see Features) turned off, for
// measuring what each is worth. It reports an error for an unknown name.
func Ablate(o Options, names ...string) (Options, error) {
	for _, n := range names {
		b, ok := ablations[n]
		if !ok {
			return o, fmt.Errorf("cluster: no feature %q", n)
		}
		o.ablate |= b
	}
	return o, nil
}

// Tuned constants of feature extraction.
const (
	leadWords  = 100 // the title and the first words of the body form the lead...
	leadWeight = 4   // ...whose words count this much more
	noveltyK   = 3   // names that make an article's identity
)

func (o Options) withDefaults() Options {
	def := func(x *float64, v float64) {
		if *x == 0 {
			*x = v
		}
	}
	defInt := func(x *int, v int) {
		if *x == 0 {
			*x = v
		}
	}
	def(&o.Threshold, 0.28)
	def(&o.MergeThreshold, 0.5)
	if o.Weights == (Weights{}) {
		o.Weights = defaultWeights()
	}
	def(&o.Background, 1)
	defInt(&o.ArticleTerms, 100)
	defInt(&o.QueryTerms, 16)
	defInt(&o.StoryTerms, 50)
	defInt(&o.CentroidTerms, 100)
	defInt(&o.Candidates, 16)
	defInt(&o.Postings, 128)
	defInt(&o.Evidence, 8)
	if o.Background < 0 || o.ablate&noBackground != 0 {
		o.Background = 0
	}
	if o.ablate&noMerge != 0 {
		o.MergeThreshold = -1
	}
	if o.ablate&noNovelty != 0 {
		o.Weights.Novelty = 0
	}
	return o
}
