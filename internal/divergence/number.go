package divergence

import (
	"strconv"
	"strings"
)

// smallNumbers are the number words below twenty and the tens.
var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90,
}

// scales are the words that multiply the number before them.
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
	"trillion": 1e12, "dozen": 12, "mln": 1e6, "bln": 1e9, "bn": 1e9,
	"tn": 1e12, "trn": 1e12,
}

// suffixScales are the scale letters glued to digits in "$90bn", "1.2m",
// "5k".
var suffixScales = []struct {
	suffix string
	scale  float64
}{
	{"bn", 1e9}, {"bln", 1e9}, {"tn", 1e12}, {"trn", 1e12}, {"mn", 1e6},
	{"mln", 1e6}, {"m", 1e6}, {"b", 1e9}, {"k", 1e3},
}

// digits parses a token of digits with optional thousands commas and a
// decimal point ("90", "1,000", "3,500.50"), and reports whether it is one.
func digits(s string) (float64, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == ',' && !dot && i > 0 && commaGroup(s, i):
		case c == '.' && !dot && i+1 < len(s):
			dot = true
		default:
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// commaGroup reports whether the comma at s[i] is followed by exactly three
// digits, as a thousands separator is.
func commaGroup(s string, i int) bool {
	if i+4 > len(s) {
		return false
	}
	for j := i + 1; j <= i+3; j++ {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	return i+4 == len(s) || s[i+4] == ',' || s[i+4] == '.'
}

// digitsScaled parses digits with a glued scale suffix ("90bn", "1.2m").
func digitsScaled(s string) (float64, bool) {
	low := strings.ToLower(s)
	for _, x := range suffixScales {
		if rest, ok := strings.CutSuffix(low, x.suffix); ok {
			if v, ok := digits(rest); ok {
				return v * x.scale, true
			}
		}
	}
	return 0, false
}

// numberAt parses the number written at words[i:], in digits ("90",
// "1.2m"), words ("twenty-five", "a million", "one hundred and twenty") or
// both ("90 billion"), and returns its value and the index just after it.
// A lone "a", "an" or "one" is not a number: they count only before a
// scale ("a million").
func numberAt(words []word, i int) (v float64, next int, ok bool) {
	if i >= len(words) {
		return 0, i, false
	}
	w := words[i].lower
	if d, ok := digits(w); ok {
		return scaleAfter(words, i+1, d)
	}
	if d, ok := digitsScaled(w); ok {
		return d, i + 1, true
	}
	return numberWords(words, i)
}

// scaleAfter multiplies v by the scale words that follow at words[i:]
// ("90 billion", "1.5 million").
func scaleAfter(words []word, i int, v float64) (float64, int, bool) {
	for i < len(words) {
		j := i
		if words[j].lower == "-" && j+1 < len(words) && words[j].start == words[j-1].end {
			j++ // "$137-million"
		}
		s, ok := scales[words[j].lower]
		if !ok || (s == 100 && v >= 100) {
			break
		}
		v *= s
		i = j + 1
	}
	return v, i, true
}

// numberWords parses number words at words[i:].
func numberWords(words []word, i int) (float64, int, bool) {
	var total, cur float64
	start, seen := i, false
	for i < len(words) {
		w := words[i].lower
		if v, ok := smallNumbers[w]; ok {
			cur += v
		} else if s, ok := scales[w]; ok {
			if !seen && !(i > start && isArticle(words[i-1].lower)) {
				break
			}
			if cur == 0 {
				cur = 1
			}
			if s == 100 {
				cur *= s
			} else {
				total += cur * s
				cur = 0
			}
		} else if isArticle(w) && i == start && i+1 < len(words) && scales[words[i+1].lower] > 0 {
			i++
			continue
		} else if (w == "-" || w == "and") && seen && i+1 < len(words) && smallNumbers[words[i+1].lower] > 0 {
			i++
			continue
		} else {
			break
		}
		seen = true
		i++
	}
	if !seen {
		return 0, start, false
	}
	v := total + cur
	if v == 1 && i == start+1 {
		return 0, start, false // "one side or the other"
	}
	return v, i, true
}

// isArticle reports whether w is "a" or "an".
func isArticle(w string) bool { return w == "a" || w == "an" }

// formatNumber writes v without exponent or trailing zeros.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
