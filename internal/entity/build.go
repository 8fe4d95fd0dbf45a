package entity

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// result builds the entities from the merged items, and each document's
// links.
func (s *story) result() Result {
	roots, members := s.groups()
	entityOf := make([]int, len(s.items)) // item → index in ents, -1 if none
	for i := range entityOf {
		entityOf[i] = -1
	}
	var ents []Entity
	var merged []int
	byID := map[string]int{}
	for _, r := range roots {
		e := s.entity(members[r])
		k, ok := byID[e.ID]
		if ok {
			ents[k] = mergeEntities(ents[k], e)
			merged = append(merged, k)
		} else {
			k = len(ents)
			byID[e.ID] = k
			ents = append(ents, e)
		}
		for _, i := range members[r] {
			entityOf[i] = k
		}
	}
	links := s.links(ents, entityOf)
	for _, k := range merged {
		slices.SortFunc(ents[k].Mentions, s.compareRefs)
	}
	slices.SortStableFunc(ents, func(a, b Entity) int {
		return cmp.Or(cmp.Compare(len(b.Mentions), len(a.Mentions)),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.Type, b.Type))
	})
	return Result{Entities: ents, Links: links}
}

// groups returns the roots of the sets of live items, in item order, and
// the members of each set by root, in item order.
func (s *story) groups() (roots []int, members [][]int) {
	size := make([]int, len(s.items))
	for i := range s.items {
		if !s.items[i].dead {
			r := s.find(i)
			if size[r] == 0 {
				roots = append(roots, r)
			}
			size[r]++
		}
	}
	members = make([][]int, len(s.items))
	flat := make([]int, 0, len(s.items))
	for _, r := range roots {
		members[r] = flat[len(flat) : len(flat) : len(flat)+size[r]]
		flat = flat[:len(flat)+size[r]]
	}
	for i := range s.items {
		if !s.items[i].dead {
			r := s.find(i)
			members[r] = append(members[r], i)
		}
	}
	return roots, members
}

// entity builds the entity of one group of items.
func (s *story) entity(items []int) Entity {
	e := Entity{Type: s.groupType(items), Mentions: make([]Ref, 0, len(items))}
	var roles []role
	for _, i := range items {
		it := &s.items[i]
		e.Mentions = append(e.Mentions, s.ref(it))
		if it.ref {
			continue
		}
		e.Aliases = append(e.Aliases, s.docs[it.doc].Text[it.bs:it.be])
		for _, r := range it.roles {
			if !slices.Contains(roles, r) {
				roles = append(roles, r)
			}
		}
	}
	e.Name = s.canonical(items)
	e.Aliases = append(e.Aliases, e.Name)
	slices.Sort(e.Aliases)
	e.Aliases = slices.Compact(e.Aliases)
	e.Roles = pruneRoles(roles)
	e.ID = NewID(e.Type, e.Name)
	return e
}

// groupType returns a group's entity type: person for people, the alias
// table's type for a known name, else the type most of its mentions have.
func (s *story) groupType(items []int) Type {
	first := &s.items[items[0]]
	if first.typ == Person {
		return Person
	}
	if first.alias >= 0 && s.t.aliases[first.alias].typ != "" {
		return s.t.aliases[first.alias].typ
	}
	counts := map[Type]int{}
	for _, i := range items {
		counts[s.items[i].typ]++
	}
	best := Type("")
	for _, t := range []Type{Location, Organization, Other} {
		if counts[t] > counts[best] || best == "" {
			best = t
		}
	}
	return best
}

// canonical returns a group's canonical name. A person's is the longest full
// form (in words) seen, then the spelling seen most often, then the longest,
// then the first in byte order; a known name's is the alias table's; another
// name's is its longest form, then most often seen, then first in byte order.
func (s *story) canonical(items []int) string {
	first := &s.items[items[0]]
	if first.alias >= 0 && first.typ != Person {
		return s.t.aliases[first.alias].name
	}
	type form struct {
		text         string
		words, count int
	}
	var forms []form
	for _, i := range items {
		if it := &s.items[i]; !it.ref {
			f := form{text: s.docs[it.doc].Text[it.bs:it.be], words: it.nm.words(), count: 1}
			if it.typ != Person {
				f.words = utf8.RuneCountInString(f.text)
			}
			forms = append(forms, f)
		}
	}
	slices.SortFunc(forms, func(a, b form) int { return strings.Compare(a.text, b.text) })
	var best form
	for k := 0; k < len(forms); {
		f := forms[k]
		for k++; k < len(forms) && forms[k].text == f.text; k++ {
			f.count++
		}
		if best.text == "" || cmp.Or(cmp.Compare(f.words, best.words), cmp.Compare(f.count, best.count),
			cmp.Compare(len(f.text), len(best.text))) > 0 {
			best = f
		}
	}
	if first.typ == Person {
		return displayName(best.text)
	}
	return best.text
}

// pruneRoles returns the roles' strings, sorted, without those another role
// says more precisely: "President" when there is "U.S. President", "Russian
// Leader" when there is "Russian President".
func pruneRoles(roles []role) []string {
	var out []string
	for _, r := range roles {
		if !impliedBy(r, roles) {
			out = append(out, r.String())
		}
	}
	slices.Sort(out)
	return out
}

func impliedBy(r role, roles []role) bool {
	for _, o := range roles {
		if o == r || o.prefix != r.prefix {
			continue
		}
		if r.qual == "" && o.qual != "" && o.title == r.title {
			return true
		}
		if r.title == "Leader" && r.qual == o.qual && o.head {
			return true
		}
	}
	return false
}

// mergeEntities merges two groups that came out with the same type and
// canonical name.
func mergeEntities(a, b Entity) Entity {
	a.Aliases = union(a.Aliases, b.Aliases)
	a.Roles = union(a.Roles, b.Roles)
	a.Mentions = append(a.Mentions, b.Mentions...)
	return a
}

func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// ref returns the location of an item's mention.
func (s *story) ref(it *item) Ref {
	return Ref{ArticleID: s.docs[it.doc].ArticleID, Start: it.rs, End: it.re}
}

// links returns each document's links, in item order (by offset).
func (s *story) links(ents []Entity, entityOf []int) [][]Link {
	out := make([][]Link, len(s.docs))
	for d := range s.docs {
		text := s.docs[d].Text
		ls := make([]Link, 0, s.lo[d+1]-s.lo[d])
		for i := s.lo[d]; i < s.lo[d+1]; i++ {
			it := &s.items[i]
			if it.mi < 0 && entityOf[i] < 0 {
				continue // a reference Resolve found but could not resolve
			}
			l := Link{Start: it.rs, End: it.re, Text: text[it.bs:it.be],
				Type: it.typ, Mention: it.mi}
			if len(it.roles) > 0 {
				l.Role = it.roles[0].String()
			}
			if k := entityOf[i]; k >= 0 {
				l.Entity, l.Type = ents[k].ID, ents[k].Type
			}
			ls = append(ls, l)
		}
		out[d] = ls
	}
	return out
}

// compareRefs orders mentions by document, then offset.
func (s *story) compareRefs(a, b Ref) int {
	return cmp.Or(cmp.Compare(s.docIndex[a.ArticleID], s.docIndex[b.ArticleID]),
		cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}
