package entity

import "slices"

// findReferences appends to the story's items the role-only references of
// document d ("the Ukrainian president", "The U.S. President", "Russia’s
// president"): a qualified title that no name follows. A reference inside a
// person mention is not one. start is the index of d's first item.
func (s *story) findReferences(p *parser, d, start int) {
	var people [][2]int
	for _, it := range s.items[start:] {
		if it.typ == Person {
			people = append(people, [2]int{it.bs, it.be})
		}
	}
	ws := s.all
	for i := 0; i < len(ws); i++ {
		k := i
		if isThe(p.text[ws[i].s:ws[i].e]) && !ws[i].brk {
			k = i + 1
		} else if !ws[i].poss {
			continue
		}
		r, e, ok := p.roleAt(ws, k)
		if !ok || r.qual == "" || !endsReference(ws, e) {
			continue
		}
		bs, be := ws[i].s, ws[e-1].e
		if overlaps(people, bs, be) {
			continue
		}
		s.items = append(s.items, item{doc: d, mi: -1, bs: bs, be: be, typ: Person, roles: []role{r}, ref: true, alias: -1})
		i = e - 1
	}
}

// endsReference reports whether a role that ends before ws[e] stands alone:
// no capitalised word, which would be the name it titles, follows it.
func endsReference(ws []word, e int) bool {
	last := ws[e-1]
	return e == len(ws) || last.brk || last.poss || !ws[e].up
}

func isThe(w string) bool {
	return w == "the" || w == "The" || w == "THE"
}

func overlaps(spans [][2]int, bs, be int) bool {
	for _, sp := range spans {
		if sp[0] < be && bs < sp[1] {
			return true
		}
	}
	return false
}

// resolveReferences links each role-only reference to a person holding the
// role: the one named last before it in its document, else the first named
// after it there, else the story's most mentioned holder of the role.
// References nobody (or several people equally) holds stay unresolved.
func (s *story) resolveReferences() {
	h := holders{s: s, roles: make([][]role, len(s.items)), size: make([]int, len(s.items)),
		best: map[role]int{}}
	for i := range s.items {
		if it := &s.items[i]; !it.dead && !it.ref && it.typ == Person {
			r := s.find(i)
			h.size[r]++
			for _, ro := range it.roles {
				if !slices.Contains(h.roles[r], ro) {
					h.roles[r] = append(h.roles[r], ro)
				}
			}
			if h.size[r] == 1 {
				h.roots = append(h.roots, r)
			}
		}
	}
	var links [][2]int
	for d := range s.docs {
		for i := s.lo[d]; i < s.lo[d+1]; i++ {
			if it := &s.items[i]; it.ref && !it.dead {
				if j := h.resolve(d, i); j >= 0 {
					links = append(links, [2]int{j, i})
				} else {
					it.dead = true
				}
			}
		}
	}
	for _, l := range links {
		s.union(l[0], l[1])
	}
}

// holders answers "who holds this role?" over the story's people as merged
// before references are resolved.
type holders struct {
	s     *story
	roles [][]role     // by root: the roles of its people
	size  []int        // by root: its number of mentions
	roots []int        // the roots of people, in item order
	best  map[role]int // the story's most mentioned holder of a role, cached
}

// holds reports whether the person of item j holds the role want.
func (h *holders) holds(j int, want role) bool {
	it := &h.s.items[j]
	if it.dead || it.ref || it.typ != Person {
		return false
	}
	for _, r := range h.roles[h.s.find(j)] {
		if r.matches(want) {
			return true
		}
	}
	return false
}

// resolve returns an item of the person that reference i in document d
// refers to, or -1.
func (h *holders) resolve(d, i int) int {
	s := h.s
	want := s.items[i].roles[0]
	for j := i - 1; j >= s.lo[d]; j-- {
		if h.holds(j, want) {
			return j
		}
	}
	for j := i + 1; j < s.lo[d+1]; j++ {
		if h.holds(j, want) {
			return j
		}
	}
	if b, ok := h.best[want]; ok {
		return b
	}
	best, tie := -1, false
	for _, r := range h.roots {
		if !h.holds(r, want) {
			continue
		}
		switch {
		case best < 0 || h.size[r] > h.size[best]:
			best, tie = r, false
		case h.size[r] == h.size[best]:
			tie = true
		}
	}
	if tie {
		best = -1
	}
	h.best[want] = best
	return best
}
