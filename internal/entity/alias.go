package entity

import (
	"slices"
	"strings"
	"unicode"
)

// mergeNames merges the story's mentions of organizations, places and other
// names: those with one key (one alias table entry, or one folded spelling)
// are one entity, and an acronym joins the one name in the story it
// abbreviates ("ICC", "International Criminal Court").
func (s *story) mergeNames() {
	byKey := map[string]int{}
	byAlias := map[int]int{}
	for i := range s.items {
		it := &s.items[i]
		switch {
		case it.typ == Person || it.dead:
		case it.alias >= 0:
			if j, ok := byAlias[it.alias]; ok {
				s.union(j, i)
			} else {
				byAlias[it.alias] = i
			}
		default:
			if j, ok := byKey[it.key]; ok {
				s.union(j, i)
			} else {
				byKey[it.key] = i
			}
		}
	}
	s.mergeAcronyms()
}

// mergeAcronyms merges each acronym with the name whose initials it is, when
// the story writes exactly one such name. Alias table entries are left alone:
// the table already knows their acronyms.
func (s *story) mergeAcronyms() {
	acronyms := map[string][]int{}   // folded acronym → items
	expansions := map[string][]int{} // initials → roots of multi-word names
	for i := range s.items {
		if text, ok := s.plainName(i); ok && isAcronym(text) {
			k := strings.ToLower(strings.ReplaceAll(text, ".", ""))
			acronyms[k] = append(acronyms[k], i)
		}
	}
	if len(acronyms) == 0 {
		return
	}
	for i := range s.items {
		text, ok := s.plainName(i)
		if !ok || !strings.Contains(text, " ") {
			continue
		}
		if in := nameInitials(text); len(acronyms[in]) > 0 {
			if r := s.find(i); !slices.Contains(expansions[in], r) {
				expansions[in] = append(expansions[in], r)
			}
		}
	}
	for k, items := range acronyms {
		roots := expansions[k]
		if len(roots) != 1 {
			continue
		}
		for _, i := range items {
			s.union(roots[0], i)
		}
	}
}

// plainName returns the text of item i when it is a name that is neither a
// person's nor in the alias tables.
func (s *story) plainName(i int) (string, bool) {
	it := &s.items[i]
	if it.typ == Person || it.dead || it.alias >= 0 {
		return "", false
	}
	return s.docs[it.doc].Text[it.bs:it.be], true
}

// isAcronym reports whether s is written as an acronym: two to six capital
// letters, possibly with periods ("ICC", "U.N.").
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// nameInitials returns the folded initials of the capitalised words of a
// multi-word name ("icc" for "International Criminal Court"; "of", "the",
// "and", "for" are skipped), or "" when a word is neither capitalised nor
// such a function word.
func nameInitials(s string) string {
	fields := strings.Fields(s)
	if len(fields) < 2 {
		return ""
	}
	var b strings.Builder
	for _, f := range fields {
		switch strings.ToLower(f) {
		case "of", "the", "and", "for", "on", "in", "&":
			continue
		}
		r := []rune(f)[0]
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
