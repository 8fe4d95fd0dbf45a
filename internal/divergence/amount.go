package divergence

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// Modifiers of a figure, in the TIMEX3 manner: how the stated number bounds
// the true one.
const (
	modExact  = ""
	modApprox = "APPROX"
	modMin    = "MORE_THAN" // "more than", "at least", "over"
	modMax    = "LESS_THAN" // "up to", "nearly", "fewer than"
)

// modifiers are the words written before a figure that bound it, longest
// first where one starts another.
var modifiers = []struct {
	words []string
	mod   string
}{
	{[]string{"more", "than"}, modMin}, {[]string{"at", "least"}, modMin},
	{[]string{"upwards", "of"}, modMin}, {[]string{"in", "excess", "of"}, modMin},
	{[]string{"no", "fewer", "than"}, modMin}, {[]string{"no", "less", "than"}, modMin},
	{[]string{"just", "over"}, modMin}, {[]string{"over"}, modMin},
	{[]string{"up", "to"}, modMax}, {[]string{"less", "than"}, modMax},
	{[]string{"fewer", "than"}, modMax}, {[]string{"no", "more", "than"}, modMax},
	{[]string{"as", "many", "as"}, modMax}, {[]string{"as", "much", "as"}, modMax},
	{[]string{"just", "under"}, modMax}, {[]string{"under"}, modMax},
	{[]string{"nearly"}, modMax}, {[]string{"almost"}, modMax},
	{[]string{"close", "to"}, modMax},
	{[]string{"an", "estimated"}, modApprox}, {[]string{"approximately"}, modApprox},
	{[]string{"about"}, modApprox}, {[]string{"around"}, modApprox},
	{[]string{"roughly"}, modApprox}, {[]string{"some"}, modApprox},
	{[]string{"an", "approximate"}, modApprox}, {[]string{"estimated"}, modApprox},
}

// currencySymbols map the symbols and codes written before an amount to
// its currency; "US" is only a currency before "$".
var currencySymbols = map[string]string{
	"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
	"£": "GBP", "gbp": "GBP", "¥": "JPY", "₹": "INR", "c$": "CAD",
	"a$": "AUD", "rs": "INR", "rs.": "INR",
}

// currencyWords map the words written after an amount to its currency.
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR",
	"euros": "EUR", "eur": "EUR", "pound": "GBP", "pounds": "GBP",
	"sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupee": "INR",
	"rupees": "INR", "rubles": "RUB", "roubles": "RUB",
}

// percentWords mark a percentage after a number.
var percentWords = map[string]bool{"%": true, "percent": true, "pct": true}

// figure is one number in a text with what bounds it and what it counts.
type figure struct {
	// from and to delimit the phrase in words: the modifier through the
	// currency, percent sign or counted noun.
	from, to int
	num      float64
	mod      string
	currency string
	percent  bool
	// unit is the class of what a count counts ("people", "time",
	// "magnitude"), and unitWord the index of the word that says it, or -1.
	unit     string
	unitWord int
}

// kind returns the claim kind of f.
func (f figure) kind() Kind {
	switch {
	case f.currency != "":
		return Amount
	case f.percent:
		return Percent
	}
	return Count
}

// figures returns the figures of words [from, to), a sentence, leaving out
// words that skip marks (time expressions, which package timex reads).
func figures(t *text, from, to int, skip []bool) []figure {
	var out []figure
	for i := from; i < to; {
		f, ok := figureAt(t, i, from, to, skip)
		if !ok {
			i++
			continue
		}
		out = append(out, f)
		i = max(f.to, i+1)
	}
	return out
}

// figureAt parses a figure starting at word i of the sentence [from, to).
func figureAt(t *text, i, from, to int, skip []bool) (figure, bool) {
	f := figure{from: i, unitWord: -1}
	ws := t.words[:to]
	i, f.mod = modifierAt(ws, i)
	i, f.currency = currencyBefore(ws, i)
	if i >= to || skip[i] {
		return f, false
	}
	num, next, ok := numberAt(ws, i)
	if !ok || next > to || anySkipped(skip[i:next]) {
		return f, false
	}
	f.num, f.to = num, next
	if !plausible(t, &f, i, from) {
		return f, false
	}
	if f.currency == "" && next < to {
		if c, ok := currencyWords[ws[next].lower]; ok {
			f.currency, f.to = c, next+1
		} else if percentWords[ws[next].lower] {
			f.percent, f.to = true, next+1
		} else if ws[next].lower == "per" && next+1 < to && ws[next+1].lower == "cent" {
			f.percent, f.to = true, next+2
		}
	}
	if f.currency != "" || f.percent {
		return f, true
	}
	if !countUnit(t, &f, i, from, to) {
		return f, false
	}
	// "a 2.9 aftershock" is a magnitude: a fraction of one thing is not a
	// count of things.
	return f, f.num == float64(int64(f.num)) || f.unit == "magnitude" ||
		strings.HasSuffix(t.words[f.unitWord].lower, "s")
}

// modifierAt matches a modifier at words[i:] and returns the index after it.
func modifierAt(ws []word, i int) (int, string) {
	for _, m := range modifiers {
		if i+len(m.words) > len(ws) {
			continue
		}
		ok := true
		for k, w := range m.words {
			if ws[i+k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(m.words), m.mod
		}
	}
	return i, modExact
}

// currencyBefore matches a currency symbol or code at words[i:].
func currencyBefore(ws []word, i int) (int, string) {
	if i+1 < len(ws) && (ws[i].lower == "us" || ws[i].lower == "u.s.") && ws[i+1].lower == "$" {
		return i + 2, "USD"
	}
	if i < len(ws) {
		if c, ok := currencySymbols[ws[i].lower]; ok {
			return i + 1, c
		}
	}
	return i, ""
}

// anySkipped reports whether any mark is set.
func anySkipped(marks []bool) bool {
	for _, m := range marks {
		if m {
			return true
		}
	}
	return false
}

// determiners before a small number make it a reference ("the two leaders",
// "both sides"), not a claim.
var determiners = map[string]bool{
	"the": true, "these": true, "those": true, "both": true, "all": true,
	"its": true, "his": true, "her": true, "their": true, "our": true,
	"my": true, "your": true, "'s": true, "every": true, "each": true,
	"first": true, "last": true, "next": true, "other": true,
}

// plausible rejects numbers that are labels, years or references: "Article
// 5", "2014", "the two leaders". i is the number's first word.
func plausible(t *text, f *figure, i, sentFrom int) bool {
	ws := t.words
	bare := f.mod == modExact && f.currency == ""
	if bare && len(ws[i].lower) == 4 && f.to == i+1 && f.num >= 1800 && f.num <= 2100 {
		return false
	}
	if i > sentFrom && f.from == i && f.currency == "" {
		p := ws[i-1]
		if capitalized(p.text) && !isPunct(p.text) && !(i-1 == sentFrom) {
			return false // "Article 5", "Flight 370"
		}
		if determiners[p.lower] || p.lower == "no." || p.lower == "#" || p.lower == "number" {
			return false
		}
	}
	if f.to < len(ws) && ws[f.to].start == ws[f.to-1].end {
		if l := ws[f.to].lower; l == ":" || l == "/" {
			return false // "11:47", "9/11"
		}
		if l := ws[f.to].lower; (l == "." || l == ",") && f.to+1 < len(ws) {
			if _, ok := digits(ws[f.to+1].lower); ok {
				return false // "$4. 9 million", "$380, 600": broken numbers
			}
		}
	}
	return true
}

// timeUnits are the words of durations, which package timex reads.
var timeUnits = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true,
	"hour": true, "hours": true, "day": true, "days": true, "week": true,
	"weeks": true, "month": true, "months": true, "year": true, "years": true,
	"decade": true, "decades": true, "century": true, "centuries": true,
}

// countUnit finds what the count f counts: "magnitude" written before the
// number, or the first lower-case word of the three after it ("eight
// times", "6.1-magnitude quake", "a million people"). A count of nothing,
// or of time, is not a claim, except an age ("33-year-old").
func countUnit(t *text, f *figure, i, from, to int) bool {
	ws := t.words
	if i > from && ws[i-1].lower == "magnitude" {
		f.unit, f.unitWord = "magnitude", i-1
		return true
	}
	hyphen := false // "three-way", "6.1-magnitude"
	for j := f.to; j < to && j < f.to+4; j++ {
		w := ws[j].lower
		switch {
		case w == "-" && j == f.to && ws[j].start == ws[j-1].end:
			hyphen = true
			continue
		case w == "-":
			continue
		case isPunct(w) || w == "of" || w == "to" || w == "and" || w == "or":
			return false
		case capitalized(ws[j].text):
			continue
		case timeUnits[w]:
			if k := age(ws, j, to); k > 0 {
				f.unit, f.unitWord, f.to = "age", j, k
				return true
			}
			return false
		}
		if english.IsStopWord(w) || (hyphen && w != "magnitude") {
			return false
		}
		if adjective(w) && j+1 < to && !isPunct(ws[j+1].text) {
			continue // "seven consecutive life sentences"
		}
		j = headNoun(ws, j, to)
		f.unit, f.unitWord = unitClass(ws[j].lower), j
		if j == f.to || (j == f.to+1 && ws[f.to].lower == "-") {
			f.to = j + 1
		}
		return true
	}
	return false
}

// headNoun returns the word that names what is counted in the run of up
// to three content words at ws[j:]: the last plural among them ("strong
// aftershocks", "life sentences"), or the first ("punches thrown",
// "miles southwest").
func headNoun(ws []word, j, to int) int {
	head := j
	for k := j; k < to && k < j+3; k++ {
		w := ws[k].lower
		if english.IsStopWord(w) || isPunct(w) || capitalized(ws[k].text) {
			break
		}
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			head = k
		}
	}
	return head
}

// age returns the index after "old" when the time unit at ws[j] is part
// of "33-year-old" or "33 years old", or 0.
func age(ws []word, j, to int) int {
	if ws[j].lower != "year" && ws[j].lower != "years" {
		return 0
	}
	k := j + 1
	if k < to && ws[k].lower == "-" {
		k++
	}
	if k < to && ws[k].lower == "old" {
		return k + 1
	}
	return 0
}

// adjectives are words between a number and what it counts.
var adjectives = map[string]bool{
	"consecutive": true, "more": true, "additional": true, "other": true,
	"new": true, "separate": true, "different": true, "straight": true,
	"total": true, "full": true, "major": true, "young": true, "small": true,
	"large": true, "big": true, "top": true, "former": true, "current": true,
	"senior": true, "armed": true, "suspected": true, "alleged": true,
	"unidentified": true, "masked": true, "straight-": true, "further": true,
}

// adjective reports whether w is probably an adjective: listed, or with
// an adjective's ending.
func adjective(w string) bool {
	if adjectives[w] {
		return true
	}
	for _, suf := range []string{"ive", "ous", "ful", "able", "ible"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// unitClass maps a counted noun to the class counts of the same thing
// share: the dead, wounded and missing are all counts of people.
func unitClass(w string) string {
	switch w {
	case "people", "persons", "person", "individuals", "killed", "dead",
		"deaths", "died", "fatalities", "victims", "casualties", "wounded",
		"injured", "hurt", "injuries", "missing", "lives", "civilians",
		"residents":
		return "people"
	case "times", "time":
		return "time"
	case "magnitude":
		return w
	}
	return stem(w)
}
