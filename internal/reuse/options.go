package reuse

// Options tunes detection. The zero value is a good default: every zero
// field takes the value given in its comment.
type Options struct {
	// Bands and Rows set the LSH banding of an Index (default 64 bands of 2
	// rows, all 128 sketch values). Texts whose shingle sets have Jaccard
	// similarity J become candidates with probability 1-(1-J^2)^64: 0.15 at
	// J=0.05, 0.47 at 0.1, 0.93 at 0.2, 0.998 at 0.3 and 1-10^-8 at 0.5; the
	// S-curve's midpoint, (1/64)^(1/2), is at J≈0.125. Measured against 42×3
	// (midpoint 0.29) and 32×4 (0.42), 64×2 kept recall on heavily edited
	// copies (0.93 against 0.42 and 0.13, see TestRobustness) with no false
	// relation, for 0.8 candidates per article over 21k news articles.
	Bands, Rows int
	// MinWords is the least number of matching lower-case words a shared
	// passage needs (default 10): words that start with a capital letter
	// (names, titles, acronyms, sentence starts) do not count. Between texts
	// shorter than MinWords/0.8 tokens, a passage may instead match 80% of
	// the shorter text's tokens (at least 3).
	MinWords int
	// MaxGap is the most tokens by which a passage may differ between two
	// matching stretches, and the most tokens it may extend over to reach a
	// sentence start or end, on either side (default 3).
	MaxGap int
	// Duplicate is the least Similarity of a near duplicate (default 0.9).
	Duplicate float64
	// Revision is the least Similarity of a revision when both articles come
	// from the same known outlet (default 0.3).
	Revision float64
	// RevisionUnknown is the least Similarity of a revision when the outlet
	// of either article is unknown (default 0.5): with neither URL nor outlet
	// to go by, only majority overlap and ordered dates mark a revision.
	RevisionUnknown float64
}

// withDefaults returns o with zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.Bands <= 0 || o.Rows <= 0 || o.Bands*o.Rows > SketchSize {
		o.Bands, o.Rows = 64, 2
	}
	if o.MinWords <= 0 {
		o.MinWords = 10
	}
	if o.MaxGap <= 0 {
		o.MaxGap = 3
	}
	if o.Duplicate <= 0 {
		o.Duplicate = 0.9
	}
	if o.Revision <= 0 {
		o.Revision = 0.3
	}
	if o.RevisionUnknown <= 0 {
		o.RevisionUnknown = 0.5
	}
	return o
}
