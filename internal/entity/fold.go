package entity

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold appends to dst the lookup key of s: lower case, diacritics removed,
// typographic apostrophes and hyphens made ASCII, periods dropped and runs of
// white space collapsed to one space. "U.S." and "US" fold alike, as do
// "Élysée" and "elysee".
func fold(dst []byte, s string) []byte {
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '.':
				continue
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				space = true
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			dst = appendSpace(dst, &space)
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		p := norm.NFD.PropertiesString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		dst = appendSpace(dst, &space)
		dst = appendFolded(dst, r, p.Decomposition())
	}
	return dst
}

// appendSpace writes one pending space, unless dst is empty.
func appendSpace(dst []byte, pending *bool) []byte {
	if *pending && len(dst) > 0 {
		dst = append(dst, ' ')
	}
	*pending = false
	return dst
}

// appendFolded appends the folded form of the non-ASCII rune r, whose
// canonical decomposition is dec (nil when it has none).
func appendFolded(dst []byte, r rune, dec []byte) []byte {
	if len(dec) > 0 {
		base, _ := utf8.DecodeRune(dec)
		r = base
	}
	switch r {
	case '’', '‘', 'ʼ', '´', '`':
		return append(dst, '\'')
	case '‐', '‑', '–', '—', '−':
		return append(dst, '-')
	case 'ß':
		return append(dst, "ss"...)
	case 'æ', 'Æ':
		return append(dst, "ae"...)
	case 'œ', 'Œ':
		return append(dst, "oe"...)
	case 'ø', 'Ø':
		return append(dst, 'o')
	case 'ł', 'Ł':
		return append(dst, 'l')
	case 'đ', 'Đ':
		return append(dst, 'd')
	case 'ı':
		return append(dst, 'i')
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// translit returns the transliteration key of a name: its folded letters with
// the spellings that transliterations of one name differ by made equal
// (y and i, w and v, ph and f, x and ks, a hard c and k, a final j after a
// vowel, doubled letters). "Zelenskiy", "Zelensky", "Zelenskyy" and
// "Zelenskyj" share the key "zelenski"; "Kostas" and "Costas" share
// "kostas".
func translit(name string) string {
	var buf [64]byte
	f := fold(buf[:0], name)
	out := make([]byte, 0, len(f)+4)
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c >= utf8.RuneSelf:
			// Letters outside Latin (Cyrillic, Greek, …) are kept as they are.
		case c < 'a' || c > 'z':
			continue
		case c == 'y', c == 'j' && i+1 == len(f) && i > 0 && isVowel(f[i-1]):
			c = 'i'
		case c == 'w':
			c = 'v'
		case c == 'x':
			out = appendLetter(out, 'k')
			c = 's'
		case c == 'p' && i+1 < len(f) && f[i+1] == 'h':
			c = 'f'
			i++
		case c == 'c' && hardC(f, i):
			c = 'k'
		}
		out = appendLetter(out, c)
	}
	return string(out)
}

// appendLetter appends c unless it doubles the last letter.
func appendLetter(dst []byte, c byte) []byte {
	if n := len(dst); n > 0 && dst[n-1] == c && c < utf8.RuneSelf {
		return dst
	}
	return append(dst, c)
}

// hardC reports whether the c at f[i] sounds as k, which transliterations
// also write k (Costas, Kostas; Marc, Mark): before a, o, u, a consonant
// other than h, or at the end of a word. A soft c (Cecilia) and ch stay.
func hardC(f []byte, i int) bool {
	if i+1 == len(f) {
		return true
	}
	switch n := f[i+1]; n {
	case 'e', 'i', 'y', 'h':
		return false
	default:
		return n >= 'a' && n <= 'z' || n == ' ' || n == '-' || n == '\''
	}
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// editDistance returns the Levenshtein distance between a and b, or max+1
// when it exceeds max (the caller only asks "within max?").
func editDistance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
