package entity

import (
	"cmp"
	"slices"
)

// A cluster is one person as named within one document: the mentions of a
// full name and of the bare surnames linked to it, or, when the document
// never writes the full name, the mentions of one bare surname.
type cluster struct {
	doc   int
	nm    name  // the most specific form of the name seen
	items []int // indices into story.items
	full  []int // byte offsets of the mentions that give a given name
}

func (c *cluster) isFull() bool { return len(c.full) > 0 }

// clusterPeople groups the person mentions of document d. Full names that may
// name one person join one cluster; a bare surname joins the cluster named
// most recently before it, else the one named after it when there is only
// one, else the cluster whose given name it is; the rest form one cluster
// per surname. A surname shared by several people named only later stays
// unresolved.
func (s *story) clusterPeople(d int) {
	first := len(s.clusters)
	var bare []int
	for i := s.lo[d]; i < s.lo[d+1]; i++ {
		it := &s.items[i]
		if it.typ != Person || it.ref || it.dead {
			continue
		}
		if len(it.nm.given) == 0 {
			bare = append(bare, i)
			continue
		}
		c := s.fullClusterFor(first, it)
		if c < 0 {
			s.clusters = append(s.clusters, cluster{doc: d, nm: it.nm})
			c = len(s.clusters) - 1
		}
		s.addToCluster(c, i, true)
	}
	bySurname := map[string]int{}
	x := s.fullClusters(first)
	for _, i := range bare {
		c := s.bareClusterFor(x, &s.items[i])
		if c == -2 {
			s.items[i].dead = true
			continue
		}
		if c < 0 {
			var ok bool
			if c, ok = bySurname[s.items[i].nm.skey]; !ok {
				s.clusters = append(s.clusters, cluster{doc: d, nm: s.items[i].nm})
				c = len(s.clusters) - 1
				bySurname[s.items[i].nm.skey] = c
			}
		}
		s.addToCluster(c, i, false)
	}
}

func (s *story) addToCluster(c, i int, full bool) {
	cl := &s.clusters[c]
	it := &s.items[i]
	if len(cl.items) > 0 {
		s.union(cl.items[0], i)
	}
	cl.items = append(cl.items, i)
	if full {
		cl.full = append(cl.full, it.bs)
		if moreSpecific(it.nm, cl.nm) {
			cl.nm = it.nm
		}
	}
}

// moreSpecific reports whether a gives more of a name than b.
func moreSpecific(a, b name) bool {
	if a.words() != b.words() {
		return a.words() > b.words()
	}
	return len(a.full) > len(b.full)
}

// fullClusterFor returns the cluster, among clusters[first:], that the full
// name of it joins, or -1. Of several, the one named most recently wins.
func (s *story) fullClusterFor(first int, it *item) int {
	best, bestPos := -1, -1
	for c := first; c < len(s.clusters); c++ {
		cl := &s.clusters[c]
		if compatible(cl.nm, it.nm) && cl.full[len(cl.full)-1] > bestPos {
			best, bestPos = c, cl.full[len(cl.full)-1]
		}
	}
	return best
}

// fullIndex lists the full clusters of one document by the keys a bare
// surname finds them by, each list in cluster order. The bare surnames of
// the document add no full cluster and change none of their names, so it
// stays true while they are placed.
type fullIndex struct {
	bySurname map[string][]int // skey and lkey → clusters
	byGiven   map[string][]int // gkey → clusters with a given name
}

// fullClusters indexes the full clusters among clusters[first:].
func (s *story) fullClusters(first int) fullIndex {
	x := fullIndex{bySurname: map[string][]int{}, byGiven: map[string][]int{}}
	for c := first; c < len(s.clusters); c++ {
		cl := &s.clusters[c]
		if !cl.isFull() {
			continue
		}
		x.bySurname[cl.nm.skey] = append(x.bySurname[cl.nm.skey], c)
		if cl.nm.lkey != cl.nm.skey {
			x.bySurname[cl.nm.lkey] = append(x.bySurname[cl.nm.lkey], c)
		}
		if len(cl.nm.given) > 0 {
			x.byGiven[cl.nm.gkey] = append(x.byGiven[cl.nm.gkey], c)
		}
	}
	return x
}

// bareClusterFor returns the full cluster of the document that x indexes
// that the bare surname of it joins; -1 when there is none and -2 when it
// is ambiguous.
func (s *story) bareClusterFor(x fullIndex, it *item) int {
	before, beforePos := -1, -1
	titled, titledN := -1, 0 // people named before it with a role ("President Joe Biden")
	var after []int
	for _, c := range x.bySurname[it.nm.skey] {
		cl := &s.clusters[c]
		if !cl.nm.hasSurname(it.nm.skey) || cl.nm.suffix != it.nm.suffix {
			continue
		}
		for _, pos := range cl.full {
			if pos < it.bs && pos > beforePos {
				before, beforePos = c, pos
			}
		}
		if cl.full[0] < it.bs && s.hasRole(cl) {
			titled, titledN = c, titledN+1
		}
		after = append(after, c)
	}
	// Of several people of that surname named before it, the one the text
	// gives a role is the one the surname alone stands for ("U.S. President
	// Joe Biden met Hunter Biden's lawyers. Biden later flew …"); otherwise
	// the one named last.
	if titledN == 1 && before >= 0 && before != titled {
		return titled
	}
	switch {
	case before >= 0:
		return before
	case len(after) == 1:
		return after[0]
	case len(after) > 1:
		return -2
	}
	match := -1
	for _, c := range x.byGiven[it.nm.skey] {
		if cl := &s.clusters[c]; cl.isFull() && len(cl.nm.given) > 0 && cl.nm.gkey == it.nm.skey {
			if match >= 0 {
				return -1
			}
			match = c
		}
	}
	return match
}

// hasRole reports whether any full mention of cluster cl carries a role.
func (s *story) hasRole(cl *cluster) bool {
	for _, i := range cl.items {
		if it := &s.items[i]; len(it.roles) > 0 && slices.Contains(cl.full, it.bs) {
			return true
		}
	}
	return false
}

// mergePeople merges the documents' person clusters into the story's people.
// Full names go first, most specific first, each joining the one person it is
// compatible with (a new person when none, or several, are). Then each bare
// surname joins the one person with that surname, or the most mentioned of
// several; a bare surname nobody has in full is a person of its own.
func (s *story) mergePeople() {
	var fulls, bares []int
	for c := range s.clusters {
		if s.clusters[c].isFull() {
			fulls = append(fulls, c)
		} else {
			bares = append(bares, c)
		}
	}
	slices.SortStableFunc(fulls, func(a, b int) int {
		x, y := s.clusters[a].nm, s.clusters[b].nm
		return cmp.Or(cmp.Compare(y.words(), x.words()), cmp.Compare(len(y.full), len(x.full)),
			cmp.Compare(x.full, y.full))
	})
	ppl := newPeople()
	for _, c := range fulls {
		s.joinPerson(ppl, c)
	}
	slices.SortStableFunc(bares, func(a, b int) int {
		return cmp.Compare(s.clusters[a].nm.skey, s.clusters[b].nm.skey)
	})
	loose := map[string]int{}
	for _, c := range bares {
		cl := &s.clusters[c]
		p := s.bestBySurname(ppl, cl.nm.skey, cl.nm.suffix)
		switch {
		case p == -2:
			for _, i := range cl.items {
				s.items[i].dead = true
			}
			continue
		case p >= 0:
			s.union(ppl.list[p].items[0], cl.items[0])
			continue
		}
		if other, ok := loose[cl.nm.skey+"\x00"+cl.nm.suffix]; ok {
			s.union(other, cl.items[0])
		} else {
			loose[cl.nm.skey+"\x00"+cl.nm.suffix] = cl.items[0]
		}
	}
}

// people indexes the story's persons with a full name by surname key.
type people struct {
	list      []*cluster       // each person's first (most specific) cluster
	size      []int            // mentions of each person
	bySurname map[string][]int // surname key → indices into list
	byLast    map[string][]int // last word key of a longer surname → indices
	byInitial map[byte][]string
}

func newPeople() *people {
	return &people{bySurname: map[string][]int{}, byLast: map[string][]int{}, byInitial: map[byte][]string{}}
}

// joinPerson merges cluster c into the one person compatible with it, or
// makes it a new person.
func (s *story) joinPerson(ppl *people, c int) {
	cl := &s.clusters[c]
	var cands []int
	for _, key := range ppl.similar(cl.nm.skey) {
		for _, p := range ppl.bySurname[key] {
			if compatible(ppl.list[p].nm, cl.nm) {
				cands = append(cands, p)
			}
		}
	}
	if len(cands) > 1 {
		cands = slices.DeleteFunc(cands, func(p int) bool {
			return ppl.list[p].nm.skey != cl.nm.skey ||
				ppl.list[p].nm.gkey != cl.nm.gkey
		})
	}
	if len(cands) == 1 {
		s.union(ppl.list[cands[0]].items[0], cl.items[0])
		ppl.size[cands[0]] += len(cl.items)
		return
	}
	if len(ppl.bySurname[cl.nm.skey]) == 0 && len(cl.nm.skey) > 0 {
		ppl.byInitial[cl.nm.skey[0]] = append(ppl.byInitial[cl.nm.skey[0]], cl.nm.skey)
	}
	ppl.bySurname[cl.nm.skey] = append(ppl.bySurname[cl.nm.skey], len(ppl.list))
	if cl.nm.lkey != cl.nm.skey {
		ppl.byLast[cl.nm.lkey] = append(ppl.byLast[cl.nm.lkey], len(ppl.list))
	}
	ppl.list = append(ppl.list, cl)
	ppl.size = append(ppl.size, len(cl.items))
}

// similar returns the surname keys known to ppl that may spell key: key
// itself and keys one edit away.
func (ppl *people) similar(key string) []string {
	out := []string{key}
	if len(key) == 0 {
		return out
	}
	for _, k := range ppl.byInitial[key[0]] {
		if k != key && similarKeys(k, key) {
			out = append(out, k)
		}
	}
	return out
}

// bestBySurname returns the person with a full name whose surname key is
// key: the only one, or the most mentioned of several; -1 when there is none
// and -2 when several are mentioned equally.
func (s *story) bestBySurname(ppl *people, key, suffix string) int {
	best, tie := -1, false
	for _, p := range append(ppl.bySurname[key], ppl.byLast[key]...) {
		if ppl.list[p].nm.suffix != suffix {
			continue
		}
		switch {
		case best < 0 || ppl.size[p] > ppl.size[best]:
			best, tie = p, false
		case ppl.size[p] == ppl.size[best]:
			tie = true
		}
	}
	if tie {
		return -2
	}
	return best
}

// find returns the root of item i's set.
func (s *story) find(i int) int {
	for s.parent[i] != i {
		s.parent[i] = s.parent[s.parent[i]]
		i = s.parent[i]
	}
	return i
}

// union merges the sets of items a and b; the smaller index becomes the root,
// so roots do not depend on the order of unions.
func (s *story) union(a, b int) {
	ra, rb := s.find(a), s.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	s.parent[rb] = ra
}
