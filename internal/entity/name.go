package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A name is a person's name split into its parts, as written.
type name struct {
	full    string   // the whole name: "Ursula von der Leyen", "J.D. Vance"
	given   []string // given names and initials: "Ursula"; "J.D."
	surname string   // "von der Leyen", "Vance"
	suffix  string   // folded generational suffix ("jr"), or ""
	skey    string   // transliteration key of the surname
	lkey    string   // transliteration key of the surname's last word ("leien")
	gkey    string   // transliteration key of the first given name
	ginit   string   // folded initials of the given names ("jd")
	abbr    bool     // the first given name is written as initials
}

// splitPerson splits the words of a person mention into the role and
// courtesy titles written before the name, and the name. It returns the role
// (zero when none), the index just past the role and the index of the name's
// first word within ws; the name is empty (first == len(ws)) when the mention
// is only a role ("the Ukrainian president").
func (p *parser) splitPerson(ws []word) (r role, roleEnd, first int) {
	i := 0
	if p.isDeterminer(ws, 0) {
		i = 1
	}
	if rr, end, ok := p.roleAt(ws, i); ok {
		r, i = rr, end
	} else {
		i = 0 // "The Hague" is a name
	}
	roleEnd = i
	for i < len(ws) && p.wordIn(ws, i, p.t.honorifics) && !ws[i].poss {
		i++
	}
	if i == len(ws) && r.title == "" {
		i = 0 // only a courtesy title: keep it as the name ("Sir")
	}
	return r, roleEnd, i
}

// isDeterminer reports whether ws[i] is "the", "a" or "an".
func (p *parser) isDeterminer(ws []word, i int) bool {
	if i >= len(ws) || ws[i].brk || ws[i].poss {
		return false
	}
	w := p.text[ws[i].s:ws[i].e]
	return strings.EqualFold(w, "the") || strings.EqualFold(w, "a") || strings.EqualFold(w, "an")
}

// parseName splits the name words ws (non-empty) into given names and
// surname. Lower-case particles start the surname ("von der Leyen", "de
// Gaulle"); a generational suffix ("Jr.") is set apart.
func (p *parser) parseName(ws []word) name {
	n := name{full: p.text[ws[0].s:ws[len(ws)-1].e]}
	if len(ws) > 1 && p.wordIn(ws, len(ws)-1, p.t.suffixes) {
		n.suffix = string(p.key(ws, len(ws)-1, len(ws)))
		ws = ws[:len(ws)-1]
	}
	start := len(ws) - 1
	for k := 0; k < len(ws)-1; k++ {
		if !ws[k].up && p.wordIn(ws, k, p.t.particles) {
			start = k
			break
		}
	}
	for _, w := range ws[:start] {
		n.given = append(n.given, p.text[w.s:w.e])
	}
	n.surname = p.text[ws[start].s:ws[len(ws)-1].e]
	n.skey = translit(n.surname)
	n.lkey = n.skey
	if start < len(ws)-1 {
		n.lkey = translit(p.text[ws[len(ws)-1].s:ws[len(ws)-1].e])
	}
	if len(n.given) > 0 {
		n.gkey = translit(n.given[0])
		n.ginit = initials(n.given)
		n.abbr = isInitials(n.given[0])
	}
	return n
}

// hasSurname reports whether a bare surname with key k names n: the whole
// surname or, for a surname with particles, its last word.
func (n name) hasSurname(k string) bool {
	return n.skey == k || n.lkey == k
}

// words returns the number of words in the name, for "the longest full form".
func (n name) words() int {
	k := len(n.given) + strings.Count(n.surname, " ") + 1
	if n.suffix != "" {
		k++
	}
	return k
}

// compatible reports whether two full names may name one person: their
// surnames transliterate alike (or, with matching given names, within one
// edit of each other), their given names agree and so do their suffixes.
func compatible(a, b name) bool {
	if a.suffix != b.suffix || !givenCompatible(a, b) {
		return false
	}
	if a.skey == b.skey {
		return true
	}
	return len(a.given) > 0 && len(b.given) > 0 && similarKeys(a.skey, b.skey)
}

// similarKeys reports whether two surname keys are one edit apart and long
// enough for that to be a spelling variant rather than another name.
func similarKeys(a, b string) bool {
	return min(len(a), len(b)) >= 5 && a[0] == b[0] && editDistance(a, b, 1) <= 1
}

// givenCompatible reports whether the given names of two names may belong
// to one person: one is missing, the initials of one start the other's
// ("J.D." and "JD", "J." and "James"), or the first given names
// transliterate alike or are one edit apart ("Volodymyr" and "Wolodymyr",
// "Steve" and "Steven").
func givenCompatible(a, b name) bool {
	if len(a.given) == 0 || len(b.given) == 0 {
		return true
	}
	if a.abbr || b.abbr {
		return strings.HasPrefix(a.ginit, b.ginit) || strings.HasPrefix(b.ginit, a.ginit)
	}
	if a.gkey == b.gkey {
		return true
	}
	return min(len(a.gkey), len(b.gkey)) >= 4 && a.gkey[0] == b.gkey[0] && editDistance(a.gkey, b.gkey, 1) <= 1
}

// isInitials reports whether a given name is written as initials: "J.",
// "J.D.", "JD", "J".
func isInitials(g string) bool {
	letters, upper, dots := 0, 0, 0
	for _, r := range g {
		switch {
		case r == '.':
			dots++
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		default:
			return false
		}
	}
	if letters == 0 || upper != letters {
		return false
	}
	return dots > 0 || letters <= 2
}

// initials returns the folded initials of given names: "jd" for "J.D.", "JD"
// or "James David".
func initials(given []string) string {
	var b strings.Builder
	for _, g := range given {
		if isInitials(g) {
			for _, r := range g {
				if r != '.' {
					b.WriteRune(unicode.ToLower(r))
				}
			}
			continue
		}
		// The letter as written, folded: "P." is Philip's initial though
		// his transliteration key starts with f.
		if k := foldString(g); k != "" {
			r, _ := utf8.DecodeRuneInString(k)
			b.WriteRune(r)
		}
	}
	return b.String()
}

// displayName returns a name written all in capitals ("MANDEL NGAN", from a
// photo credit) in title case; other names are returned unchanged.
func displayName(s string) string {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return s
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 4 {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = !unicode.IsLetter(r) && r != '\'' && r != '’'
	}
	return b.String()
}
