// Package reuse finds text that articles share: exact and near duplicates,
// an outlet's revisions of its own article, and passages lifted from one
// article into another, with the earliest article carrying each passage.
//
// It sits after ingest and beside clustering in the pipeline: it reads
// article.Article values and returns plain values (Relation, Origin, Diff)
// that the dossier encodes under "reuse" and the Markdown renderer prints.
//
// # Algorithm
//
// Texts are normalized (Unicode NFC, whitespace collapsed, quote styles
// folded, case folded; see Normalize) and cut into word tokens. Each token is
// hashed in a loose form that forgives respellings (diacritics dropped, y read
// as i, doubled letters single), and contractions are expanded ("it'll" is
// read as "it will").
//
// Near duplicates are found at scale with MinHash (A. Z. Broder, "On the
// resemblance and containment of documents", SEQUENCES 1997): a Sketch of
// SketchSize values summarizes the set of the text's word ShingleSize-grams
// so that the fraction of equal values estimates the Jaccard similarity of
// two such sets. The values are computed by one-permutation hashing with
// optimal densification (Li, Owen and Zhang, NIPS 2012; Shrivastava, ICML
// 2017), one hash per shingle instead of one per shingle and value. An Index
// groups the values into bands and keeps one hash table per band
// (locality-sensitive hashing by banding, J. Leskovec, A. Rajaraman,
// J. D. Ullman, "Mining of Massive Datasets", ch. 3.4): two texts become
// candidates when all r rows of at least one of the b bands agree, which
// happens with probability 1-(1-J^r)^b, an S-curve in J (see Options.Bands).
// Adding a text costs b table inserts whatever the size of the index.
//
// Shared passages are found by seed-and-chain alignment, as in sequence
// alignment tools: runs of equal tokens are grown from shared word trigrams,
// runs on nearby diagonals are chained across gaps of at most
// Options.MaxGap differing tokens on either side (a respelled name, a pronoun
// replaced by a name, a dropped clause), chains are snapped to sentence
// starts and ends that lie within the same gap, and chains with fewer than
// Options.MinWords matching lower-case words are dropped, so that shared
// names, titles and stock phrases ("French President Emmanuel Macron",
// "security guarantees for Ukraine") do not make a passage. Passages never
// cross a line break, so each lies within one paragraph of either article,
// and no two passages of a pair overlap in either article.
//
// Relations classifies each pair (Duplicate, Revision, SharedPassages),
// Origins credits every shared stretch to the earliest article carrying it,
// and Diff lists a revision's kept, edited, added and removed paragraphs.
// Their cost grows with the text shared, not with the number of pairs: in a
// story of more than a few articles, Relations aligns only the pairs that
// share enough seed n-grams to hold a passage, found through an inverted
// index of the story's seeds (a filter that drops only pairs that would
// relate as None; see candidates); one alignment is linear in the two
// texts; Diff compares only the paragraphs that a passage joins, and
// origins are found with an interval index and a sweep. The output is the
// same as comparing everything with everything, which reference_test.go
// still does.
// The package's tests measure the whole against the shared benchmark data:
// recall on ECB+, robustness to edits and speed on BBC and Reuters
// (harness_test.go, robust_test.go).
//
// All hashing is fixed and documented (FNV-1a over code points, a
// polynomial shingle hash and the SplitMix64 mixer, see Sketch; no
// per-process seeds as in hash/maphash), so sketches are identical across
// processes and can be persisted with Sketch.MarshalBinary.
package reuse
