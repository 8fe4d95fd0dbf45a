package reuse

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

const (
	// SketchSize is the number of MinHash values in a Sketch: 128 values of
	// 4 bytes, so a sketch takes 512 bytes plus its 8-byte exact key.
	SketchSize = 128
	// ShingleSize is the number of consecutive tokens in a shingle. 5 is the
	// size the clustering benchmark defines near duplicates with, so
	// Candidate.Jaccard estimates that very similarity. Shingles of 3 or 4
	// tokens found more heavily edited copies with 42×3 banding, but 64×2
	// banding (see Options) found as many at 5 with half the candidates of
	// 4 tokens.
	ShingleSize = 5

	sketchVersion = 1
	sketchBytes   = 2 + 8 + 4*SketchSize
	// familySeed seeds the choice of donor bins in densification.
	familySeed uint64 = 0x5eed_5707_1e5e_2025
	// polyBase is the odd multiplier of the rolling shingle polynomial.
	polyBase uint64 = 0x100000001b3
)

// Sketch is the MinHash signature of a text (Broder 1997), computed by
// one-permutation hashing with optimal densification.
//
// Every word token is hashed in its loose form (looseHash: FNV-1a), each
// window of ShingleSize tokens is hashed as the polynomial sum of its token
// hashes with base polyBase, finished with the SplitMix64 mixer: x. The top
// 7 bits of x choose one of the SketchSize bins and Min[bin] keeps the least
// low 32 bits of x seen in that bin (P. Li, A. Owen, C.-H. Zhang, "One
// permutation hashing", NIPS 2012). An empty bin i then takes the value of
// the first originally filled bin among bin(mix64(familySeed+i·2^32+t)) for
// t = 1, 2, …, which keeps the probability that two sketches agree on a bin
// equal to the Jaccard similarity (A. Shrivastava, "Optimal densification
// for fast and accurate minwise hashing", ICML 2017). A text with fewer than
// ShingleSize tokens has one shingle of all its tokens; a text with none has
// every Min[i] = math.MaxUint32.
//
// All of this is fixed, so sketches computed by different processes agree
// and may be persisted; a change to tokenizing or hashing must bump the
// version that MarshalBinary writes.
type Sketch struct {
	// Exact is ExactKey of the text.
	Exact uint64
	// Min holds the least value of each bin.
	Min [SketchSize]uint32
}

// binShift selects the top log2(SketchSize) bits of a shingle hash.
const binShift = 64 - 7

// mix64 is the SplitMix64 finalizer (Steele, Lea, Flood 2014), a bijection
// of uint64 with good avalanche.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// NewSketch returns the sketch of text.
func NewSketch(text string) Sketch {
	return newSketch(text, ShingleSize)
}

// newSketch returns the sketch of text over shingles of k tokens.
func newSketch(text string, k int) Sketch {
	var s Sketch
	s.Exact = ExactKey(text)
	for i := range s.Min {
		s.Min[i] = math.MaxUint32
	}
	pk := uint64(1)
	for range k {
		pk *= polyBase
	}
	ring := make([]uint64, k)
	var h uint64
	n := 0
	scan(text, func(t token) {
		old := ring[n%k]
		ring[n%k] = t.key
		h = h*polyBase + t.key
		if n >= k {
			h -= old * pk
		}
		n++
		if n >= k {
			s.add(mix64(h))
		}
	})
	if n > 0 && n < k {
		s.add(mix64(h))
	}
	s.densify()
	return s
}

// add folds one shingle hash into s.
func (s *Sketch) add(x uint64) {
	if v, b := uint32(x), x>>binShift; v < s.Min[b] {
		s.Min[b] = v
	}
}

// densify fills the empty bins of s from filled ones (see Sketch).
func (s *Sketch) densify() {
	var filled [SketchSize]bool
	some := false
	for i := range s.Min {
		filled[i] = s.Min[i] != math.MaxUint32
		some = some || filled[i]
	}
	if !some {
		return
	}
	for i := range s.Min {
		if filled[i] {
			continue
		}
		for t := uint64(1); ; t++ {
			if j := mix64(familySeed+uint64(i)<<32+t) >> binShift; filled[j] {
				s.Min[i] = s.Min[j]
				break
			}
		}
	}
}

// Empty reports whether the sketched text had no words.
func (s *Sketch) Empty() bool {
	for _, v := range s.Min {
		if v != math.MaxUint32 {
			return false
		}
	}
	return true
}

// Jaccard returns the fraction of hash functions on which s and t agree, an
// unbiased estimate of the Jaccard similarity of the two texts' shingle sets
// (standard error at most 0.5/sqrt(SketchSize) ≈ 0.044). It is 0 when either
// text had no words.
func (s *Sketch) Jaccard(t *Sketch) float64 {
	if s.Empty() || t.Empty() {
		return 0
	}
	return float64(agree(&s.Min, &t.Min)) / SketchSize
}

func agree(a, b *[SketchSize]uint32) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

// MarshalBinary encodes s in 522 bytes: a version byte, the shingle size,
// Exact and then Min, little-endian.
func (s *Sketch) MarshalBinary() ([]byte, error) {
	b := make([]byte, 2, sketchBytes)
	b[0], b[1] = sketchVersion, ShingleSize
	b = binary.LittleEndian.AppendUint64(b, s.Exact)
	for _, v := range s.Min {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// errSketch reports an encoded sketch that this version cannot read; the
// text must be sketched again.
var errSketch = errors.New("reuse: unsupported sketch encoding")

// UnmarshalBinary decodes a sketch written by MarshalBinary. It fails for
// sketches of another version or shingle size, which must be recomputed.
func (s *Sketch) UnmarshalBinary(b []byte) error {
	if len(b) != sketchBytes || b[0] != sketchVersion || b[1] != ShingleSize {
		return fmt.Errorf("%w (%d bytes)", errSketch, len(b))
	}
	s.Exact = binary.LittleEndian.Uint64(b[2:])
	for i := range s.Min {
		s.Min[i] = binary.LittleEndian.Uint32(b[10+4*i:])
	}
	return nil
}
