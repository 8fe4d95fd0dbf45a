package cluster

import (
	"math"
	"slices"
	"strings"
)

// query is what is compared with stories: an article's vector, or a
// story's centroid when looking for merges.
type query struct {
	vec []feat
	sq  [kinds]float64 // squared norm of each kind's part of vec
	// names holds the query's most prominent names, sorted by ID.
	names       []feat
	first, last int32 // publication days, or noDay
}

// newQuery returns the query for vec, published from day first to last.
func (c *Clusterer) newQuery(vec []feat, first, last int32) *query {
	return &query{
		vec:   vec,
		sq:    c.voc.sqKinds(vec),
		names: topNames(nil, vec, c.voc),
		first: first,
		last:  last,
	}
}

// similarity scores a query against story s: the weighted sum of the
// cosines of each kind of feature with the story's centroid, less a
// penalty for years in conflict, for the query's prominent names that the
// story lacks and for prominent names in conflict, decayed with the gap in
// time when Options.TimeScale is set.
func (c *Clusterer) similarity(q *query, s *story) float64 {
	o := c.opts
	d := c.voc.dotKinds(q.vec, s.sum)
	var x float64
	if o.ablate&noKinds != 0 {
		x = cosine(d, q.sq, s.sq)
	} else {
		nov := novelty(q.names, s.sum)
		x = blend(d, q.sq, s.sq, o.Weights) - o.Weights.Novelty*nov
		if o.ablate&noNovelty == 0 && nameConflict(q, s, nov) {
			x -= o.Weights.NameConflict
		}
	}
	if o.TimeScale > 0 {
		if g := float64(s.gap(q.first, q.last)) - o.TimeWindow; g > 0 {
			x *= math.Exp(-g / o.TimeScale)
		}
	}
	return x
}

// blend returns the weighted sum of the per-kind cosines of two vectors,
// given their per-kind dot products and squared norms. A kind absent from
// either side adds nothing, except years: when both sides mention years
// and share none, w.YearConflict is subtracted.
func blend(d, sa, sb [kinds]float64, w Weights) float64 {
	ws := [kinds]float64{w.Words, w.Names, w.Years, w.Numbers}
	var x float64
	for k := range kinds {
		if sa[k] == 0 || sb[k] == 0 {
			continue
		}
		x += ws[k] * d[k] / math.Sqrt(sa[k]*sb[k])
		if k == kindYear && d[k] == 0 {
			x -= w.YearConflict
		}
	}
	return x
}

// cosine returns the plain cosine of two vectors from per-kind parts.
func cosine(d, sa, sb [kinds]float64) float64 {
	var dd, na, nb float64
	for k := range kinds {
		dd, na, nb = dd+d[k], na+sa[k], nb+sb[k]
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dd / math.Sqrt(na*nb)
}

// nameConflict reports whether q and s both have prominent names and
// share none of them, either way: an earnings brief about one company and a
// story about another, however alike their wording. nov is q's novelty
// against s, which the caller has already computed.
func nameConflict(q *query, s *story, nov float64) bool {
	return nov == 1 && len(q.names) > 0 && len(s.names) > 0 && novelty(s.names, q.vec) == 1
}

// novelty returns the share of the weight of names that vec lacks: how
// much of an article's identity (the people, places and organizations it
// names most) is foreign to a story that may share its topic.
func novelty(names, vec []feat) float64 {
	var all, in float64
	for _, n := range names {
		all += float64(n.w)
		if contains(vec, n.id) {
			in += float64(n.w)
		}
	}
	if all == 0 {
		return 0
	}
	return 1 - in/all
}

// evidence returns the shared features that contributed most to the
// similarity of q and s, names written without their prefix.
func (c *Clusterer) evidence(q *query, s *story) []string {
	ws := [kinds]float64{c.opts.Weights.Words, c.opts.Weights.Names, c.opts.Weights.Years, c.opts.Weights.Numbers}
	var contrib []feat
	a, b := q.vec, s.sum
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			k := c.voc.kind[a[i].id]
			x := ws[k] * float64(a[i].w) * float64(b[j].w) / math.Sqrt(q.sq[k]*s.sq[k])
			contrib = append(contrib, feat{a[i].id, float32(x)})
			i++
			j++
		}
	}
	slices.SortFunc(contrib, byWeight)
	var out []string
	for _, f := range contrib {
		t := strings.TrimPrefix(c.voc.terms[f.id], namePrefix)
		t = strings.ReplaceAll(t, "_", " ")
		if len(out) < c.opts.Evidence && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}
