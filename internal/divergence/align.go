package divergence

import (
	"slices"
)

// need is the subject similarity two claims must reach to be aligned, by
// kind and by how their values relate. Claims that give the same value
// need less evidence that they are about the same thing than claims that
// would make a divergence, so that a divergence is never built on a weak
// match. Deadlines are rare in a story and nearly always about its
// expected events, so they need the least; dates are many and need the
// most.
func need(k Kind, r relation) float64 {
	t := needs[k]
	if r == same {
		return t[0]
	}
	return t[1]
}

// needs are the thresholds of need: for the same value, and otherwise.
var needs = map[Kind][2]float64{
	Amount:   {0.12, 0.3},
	Percent:  {0.12, 0.35},
	Count:    {0.2, 0.35},
	Deadline: {0.1, 0.12},
	Date:     {0.25, 0.4},
	Duration: {0.25, 0.4},
}

// forbidden is the score of two claims that may not share a group: they
// come from one article.
const forbidden = -1e9

// partition returns the key that claims must share to be compared: their
// kind, and the currency of an amount, the class of a count, or whether a
// duration is an offset ("nine days after") or a length.
func partition(c *Claim) string {
	switch c.Kind {
	case Amount, Count, Duration:
		return string(c.Kind) + "|" + c.val.unit
	}
	return string(c.Kind)
}

// align returns groups of claims (indexes into s.claims) that state the
// same kind of thing about the same subject, each from two or more
// articles, one claim per article.
func (s *story) align() [][]int {
	parts := make(map[string][]int)
	var keys []string
	for i := range s.claims {
		k := partition(&s.claims[i])
		if parts[k] == nil {
			keys = append(keys, k)
		}
		parts[k] = append(parts[k], i)
	}
	slices.Sort(keys)
	var out [][]int
	for _, k := range keys {
		for _, c := range s.components(parts[k]) {
			out = append(out, s.cluster(c)...)
		}
	}
	return out
}

// components splits the claims idx into the sets that average linkage
// could join: claims linked, directly or through others, by a pair whose
// score is not negative. Two groups with no such pair between them never
// merge (every score between them is negative, and so their average), so
// clustering each component apart gives the same groups with much smaller
// matrices. Claims that match nothing are left out; components keep the
// order of idx and come in the order of their first claim.
func (s *story) components(idx []int) [][]int {
	parent := make([]int, len(idx))
	for x := range parent {
		parent[x] = x
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	linked := make([]bool, len(idx))
	for x, i := range idx {
		for y := x + 1; y < len(idx); y++ {
			if s.score(i, idx[y]) >= 0 {
				linked[x], linked[y] = true, true
				if rx, ry := find(x), find(y); rx != ry {
					parent[max(rx, ry)] = min(rx, ry)
				}
			}
		}
	}
	at := make(map[int]int) // root → position in out
	var out [][]int
	for x, i := range idx {
		if !linked[x] {
			continue
		}
		r := find(x)
		k, ok := at[r]
		if !ok {
			k = len(out)
			at[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// cluster groups the claims idx by average linkage: it merges the two
// groups whose claims' similarities exceed what their values need by the
// most on average, until no pair does. Claims of one article never share
// a group.
func (s *story) cluster(idx []int) [][]int {
	n := len(idx)
	if n < 2 {
		return nil
	}
	l := newLinkage(n, func(a, b int) float64 { return s.score(idx[a], idx[b]) })
	groups := make([][]int, n)
	for a := range n {
		groups[a] = []int{idx[a]}
	}
	for {
		a, b, ok := l.best()
		if !ok {
			break
		}
		groups[a] = append(groups[a], groups[b]...)
		groups[b] = nil
		l.merge(a, b)
	}
	var out [][]int
	for _, g := range groups {
		if len(g) > 1 {
			slices.Sort(g)
			out = append(out, g)
		}
	}
	return out
}

// linkage holds the average scores between groups for cluster, with each
// group's best partner among the groups after it, so that finding the
// best pair costs O(n) rather than O(n²).
type linkage struct {
	sum, cnt [][]float64
	live     []bool
	partner  []int // best live partner > a, or -1
}

// newLinkage starts n singleton groups scored by score.
func newLinkage(n int, score func(a, b int) float64) *linkage {
	l := &linkage{sum: make([][]float64, n), cnt: make([][]float64, n), live: make([]bool, n), partner: make([]int, n)}
	for a := range n {
		l.sum[a], l.cnt[a], l.live[a] = make([]float64, n), make([]float64, n), true
		for b := range n {
			l.cnt[a][b] = 1
			if b > a {
				l.sum[a][b] = score(a, b)
			} else if b < a {
				l.sum[a][b] = l.sum[b][a]
			}
		}
	}
	for a := range n {
		l.repartner(a)
	}
	return l
}

// avg returns the average score of groups a and b.
func (l *linkage) avg(a, b int) float64 { return l.sum[a][b] / l.cnt[a][b] }

// repartner finds the best partner of a among the live groups after it;
// ties go to the first.
func (l *linkage) repartner(a int) {
	l.partner[a] = -1
	for b := a + 1; b < len(l.live); b++ {
		if l.live[b] && (l.partner[a] < 0 || l.avg(a, b) > l.avg(a, l.partner[a])) {
			l.partner[a] = b
		}
	}
}

// best returns the pair with the highest average score, the first pair in
// row order among equals, if that score is not negative.
func (l *linkage) best() (int, int, bool) {
	ba := -1
	for a, b := range l.partner {
		if l.live[a] && b >= 0 && (ba < 0 || l.avg(a, b) > l.avg(ba, l.partner[ba])) {
			ba = a
		}
	}
	if ba < 0 || l.avg(ba, l.partner[ba]) < 0 {
		return 0, 0, false
	}
	return ba, l.partner[ba], true
}

// merge joins group b into group a (a < b) and updates the partners whose
// scores changed.
func (l *linkage) merge(a, b int) {
	l.live[b] = false
	for c := range l.live {
		l.sum[a][c] += l.sum[b][c]
		l.sum[c][a] = l.sum[a][c]
		l.cnt[a][c] += l.cnt[b][c]
		l.cnt[c][a] = l.cnt[a][c]
	}
	l.repartner(a)
	for c := range a {
		switch p := l.partner[c]; {
		case !l.live[c]:
		case p == a || p == b:
			l.repartner(c)
		case l.avg(c, a) > l.avg(c, p) || (l.avg(c, a) == l.avg(c, p) && a < p):
			l.partner[c] = a
		}
	}
	for c := a + 1; c < b; c++ {
		if l.live[c] && l.partner[c] == b {
			l.repartner(c)
		}
	}
}

// score returns how far the subject similarity of claims i and j exceeds
// what their values need. It is forbidden when they share an article,
// when their clauses name different people, and, for values that would
// make a divergence, when their clauses share no word, do not both name
// one person or measure from different places ("north of Santa Rosa",
// "north of San Francisco"), or one of them is in a list of figures:
// similar sentences often carry figures about different things.
func (s *story) score(i, j int) float64 {
	if s.doc[i] == s.doc[j] {
		return forbidden
	}
	a, b := &s.claims[i], &s.claims[j]
	r := relate(a.Kind, a.val, b.val)
	sa, sb := &s.subs[i], &s.subs[j]
	if len(sa.persons) > 0 && len(sb.persons) > 0 && !meets(sa.persons, sb.persons) {
		return forbidden // "Clark scored 25 points", "Daye scored 20 points"
	}
	if r == differ && (a.dense || b.dense || !meets(sa.core, sb.core) ||
		len(sa.persons)+len(sb.persons) > 0 && !meets(sa.persons, sb.persons) ||
		len(sa.anchors) > 0 && len(sb.anchors) > 0 && !meets(sa.anchors, sb.anchors)) {
		return forbidden
	}
	return cosine(sa.unit, sb.unit) - need(a.Kind, r)
}

// meets reports whether sets a and b share a member.
func meets(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}
