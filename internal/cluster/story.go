package cluster

import (
	"math"
	"slices"
	"time"
)

// noDay marks an unknown date.
const noDay = math.MinInt32

// story is one story's clustering state.
type story struct {
	id string
	// sum is the sum of the member vectors, sorted by ID and pruned to the
	// heaviest features; sq holds the squared norm of each kind's part.
	sum  []feat
	sq   [kinds]float64
	size int // articles in the story
	// first and last are the earliest and latest known publication days of
	// the members (noDay when none is dated).
	first, last int32
	// names holds the story's most prominent names, sorted by ID.
	names []feat
	// indexed holds, sorted, the features under which the story is posted.
	indexed []int32
}

func newStory(id string) *story {
	return &story{id: id, first: noDay, last: noDay}
}

// day returns the day number of t, or noDay when t is unknown.
func day(t time.Time) int32 {
	if t.IsZero() {
		return noDay
	}
	return int32(t.Unix() / 86400)
}

// add puts a member vector, published on day d, into the story.
func (s *story) add(vec []feat, d int32, v *vocab, o Options) {
	s.sum = addVec(s.sum, vec)
	s.size++
	s.date(d, d)
	s.update(v, o)
}

// absorb merges story t into s.
func (s *story) absorb(t *story, v *vocab, o Options) {
	s.sum = addVec(s.sum, t.sum)
	s.size += t.size
	s.date(t.first, t.last)
	s.update(v, o)
}

// update prunes the centroid once it holds twice CentroidTerms features,
// and recomputes what is derived from it.
func (s *story) update(v *vocab, o Options) {
	if len(s.sum) > 2*o.CentroidTerms {
		s.sum = heaviest(s.sum, o.CentroidTerms)
	}
	s.sq = v.sqKinds(s.sum)
	s.names = topNames(s.names[:0], s.sum, v)
}

// date widens the story's date range to include [first, last].
func (s *story) date(first, last int32) {
	if first == noDay {
		return
	}
	if s.first == noDay || first < s.first {
		s.first = first
	}
	if s.last == noDay || last > s.last {
		s.last = last
	}
}

// gap returns the days between [first, last] and the story's date range:
// 0 when they overlap or either is unknown.
func (s *story) gap(first, last int32) int32 {
	switch {
	case first == noDay || s.first == noDay:
		return 0
	case last < s.first:
		return s.first - last
	case first > s.last:
		return first - s.last
	}
	return 0
}

// centroid returns the story's n heaviest features.
func (s *story) centroid(n int) []feat {
	return heaviest(slices.Clone(s.sum), n)
}

// topNames appends to dst the noveltyK heaviest name features of vec,
// sorted by ID.
func topNames(dst, vec []feat, v *vocab) []feat {
	for _, f := range vec {
		if v.kind[f.id] != kindName {
			continue
		}
		if len(dst) < noveltyK {
			dst = append(dst, f)
			continue
		}
		// Replace the lightest kept name if f is heavier.
		light := 0
		for i := range dst {
			if byWeight(dst[i], dst[light]) > 0 {
				light = i
			}
		}
		if byWeight(f, dst[light]) < 0 {
			dst[light] = f
		}
	}
	slices.SortFunc(dst, byID)
	return dst
}

// addVec returns a + b for vectors sorted by ID.
func addVec(a, b []feat) []feat {
	out := make([]feat, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			out = append(out, a[i])
			i++
		case a[i].id > b[j].id:
			out = append(out, b[j])
			j++
		default:
			out = append(out, feat{a[i].id, a[i].w + b[j].w})
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}
