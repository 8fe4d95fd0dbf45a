package divergence

import (
	"strings"
	"unicode"
)

// clauseStops end a claim's clause when met walking away from the figure:
// reporting verbs and conjunctions that open a new clause.
var clauseStops = map[string]bool{
	"said": true, "says": true, "told": true, "according": true,
	"stating": true, "indicated": true, "adding": true, "added": true,
	"which": true, "while": true, "although": true, "because": true,
	"but": true, "whereas": true, "after": true, "when": true, "if": true,
	"so": true,
}

// trailingWords are dropped from the end of a clause before the figure:
// "include a" → "include".
var trailingWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "on": true, "in": true,
	"at": true, "for": true, "to": true, "by": true, "with": true,
	"about": true, "some": true, "and": true, "or": true, "than": true,
	"be": true, "is": true, "was": true, "were": true, "are": true,
}

// leadingWords are dropped from the start of a clause: "Yet Trump
// signaled" → "Trump signaled".
var leadingWords = map[string]bool{
	"that": true, "yet": true, "and": true, "but": true, "so": true,
	"also": true, "then": true, "meanwhile": true, "however": true,
}

// boundary reports whether word w ends a clause.
func boundary(w word) bool {
	switch w.lower {
	case ",", ";", ":", "—", "–", "--", "(", ")", "[", "]", "...", "…", "?", "!", ".", "|":
		return true
	}
	return clauseStops[w.lower]
}

// quoteMark reports whether w is a quotation mark, which clauses skip.
func quoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "``", "''":
		return true
	}
	return false
}

// clauseBefore returns words [i, end) of the clause that ends at word end
// (exclusive), at most limit words, trailing function words dropped.
func clauseBefore(t *text, end, limit int) (int, int) {
	from := t.sents[t.words[max(end-1, 0)].sent][0]
	if end > 0 && t.words[end-1].sent != t.words[min(end, len(t.words)-1)].sent {
		return end, end
	}
	i := end
	for i > from && end-i < limit && !boundary(t.words[i-1]) {
		i--
	}
	for end > i && (trailingWords[t.words[end-1].lower] || quoteMark(t.words[end-1].text)) {
		end--
	}
	for i < end && (quoteMark(t.words[i].text) || leadingWords[t.words[i].lower]) {
		i++
	}
	return i, end
}

// clauseAfter returns words [start, j) of the clause that starts at word
// start, at most limit words. A reporting verb does not end it: after a
// figure it is the clause's own verb ("On Monday, Trump told Zelenskyy").
func clauseAfter(t *text, start, limit int) (int, int) {
	if start >= len(t.words) {
		return start, start
	}
	to := t.sents[t.words[start].sent][1]
	for start < to && (boundary(t.words[start]) || quoteMark(t.words[start].text) || leadingWords[t.words[start].lower]) {
		start++
	}
	j := start
	for j < to && j-start < limit && !(boundary(t.words[j]) && !reportingVerbs[t.words[j].lower]) && t.words[j].lower != "that" {
		j++
	}
	for j > start && (trailingWords[t.words[j-1].lower] || quoteMark(t.words[j-1].text)) {
		j--
	}
	return start, j
}

// contentCount returns the number of content words in words [i, j).
func contentCount(t *text, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if contentWord(t.words[k].lower) {
			n++
		}
	}
	return n
}

// clauseLimit is the most words of a clause that a subject keeps.
const clauseLimit = 16

// subjectPhrase returns the clause a claim's figure belongs to: the words
// before it in its clause, or after it when those say too little.
func subjectPhrase(t *text, c *Claim) string {
	i, j := clauseBefore(t, c.words[0], clauseLimit)
	if contentCount(t, i, j) >= 2 && c.val.unit != "age" {
		if j-i >= clauseLimit-1 {
			for i < j && badStart[t.words[i].lower] {
				i++
			}
			return "…" + plain(t.span(i, j)) // cut: a poor topic
		}
		return plain(t.span(i, j))
	}
	after := c.words[1]
	if c.unit >= after {
		after = c.unit + 1
	}
	i, j = clauseAfter(t, after, 10)
	if contentCount(t, i, j) > 0 {
		return plain(t.span(i, j))
	}
	s := t.sents[c.sent]
	i, j = max(s[0], c.words[0]-8), c.words[0]
	for i < j && (boundary(t.words[i]) || quoteMark(t.words[i].text)) {
		i++
	}
	return plain(t.span(i, j))
}

// nounAfter returns up to four words after a figure that name what it is
// ("U.S. arms package"), "worth of" dropped, or "".
func nounAfter(t *text, c *Claim) string {
	k := c.words[1]
	if c.unit >= k {
		k = c.unit + 1
	}
	to := t.sents[t.words[min(k, len(t.words)-1)].sent][1]
	for k < to && (t.words[k].lower == "worth" || t.words[k].lower == "of" || t.words[k].lower == "in") {
		k++
	}
	j := k
	for j < to && j-k < 4 && !boundary(t.words[j]) && !isVerbish(t.words[j].lower) &&
		!quoteMark(t.words[j].text) && !(j > k && trailingWords[t.words[j].lower]) {
		j++
	}
	if contentCount(t, k, j) == 0 {
		return ""
	}
	return plain(t.span(k, j))
}

// isVerbish reports words that end a noun phrase: participles and
// auxiliaries ("featuring", "was").
func isVerbish(w string) bool {
	return strings.HasSuffix(w, "ing") || w == "was" || w == "were" || w == "is" ||
		w == "are" || w == "has" || w == "have" || w == "had" || w == "will" ||
		w == "would" || w == "could"
}

// plain returns s with quotation marks removed and white space collapsed.
func plain(s string) string {
	s = strings.Map(func(r rune) rune {
		if quoteMark(string(r)) && r != '’' && r != '\'' {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// modals are replaced by "will" in a deadline's topic: "the details could
// be worked out" → "when the details will be worked out".
var modals = map[string]bool{
	"could": true, "would": true, "may": true, "might": true, "can": true,
	"should": true, "shall": true,
}

// future rewrites the first modal of s as "will".
func future(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if modals[strings.ToLower(w)] {
			f[i] = "will"
			break
		}
	}
	return strings.Join(f, " ")
}

// lowerArticle lower-cases a leading article, which opened the sentence the
// clause comes from and reads oddly inside a topic: "when The death toll
// rose" is "when the death toll rose".
func lowerArticle(s string) string {
	for _, a := range []string{"The ", "A ", "An "} {
		if strings.HasPrefix(s, a) {
			return strings.ToLower(a[:1]) + s[1:]
		}
	}
	return s
}

// possessiveToArticle replaces a leading possessive pronoun with "the": the
// topic is read away from the sentence that says whose it is, so "when his
// meeting with Putin" reads "when the meeting with Putin".
func possessiveToArticle(s string) string {
	w, rest, ok := strings.Cut(s, " ")
	if !ok {
		return s
	}
	switch strings.ToLower(w) {
	case "his", "her", "their", "its", "our", "my", "your":
		return "the " + rest
	}
	return s
}

// pronounStart reports whether s starts with a pronoun or an anaphoric
// phrase, which makes a poor topic.
func pronounStart(s string) bool {
	w, _, _ := strings.Cut(strings.ToLower(s), " ")
	switch w {
	case "he", "she", "they", "it", "we", "i", "you", "this", "that", "such", "these", "those":
		return true
	}
	return false
}

// topic names the subject of the aligned claims g in words, from the
// clause of the claim that names it best.
func (s *story) topic(g []int) string {
	best, bestScore := g[0], -1.0
	for _, i := range g {
		c := &s.claims[i]
		sc := phraseScore(c.Subject)
		if sc > bestScore {
			best, bestScore = i, sc
		}
	}
	c := &s.claims[best]
	subj := possessiveToArticle(lowerArticle(c.Subject))
	switch c.Kind {
	case Deadline:
		return "when " + future(subj)
	case Date:
		return "when " + subj
	case Duration:
		return "how long " + subj
	case Percent:
		return "percentage: " + subj
	case Amount:
		if np := s.bestNoun(g); np != "" {
			return "amount of " + np
		}
		return "amount: " + subj
	}
	return s.groupCountTopic(g, best)
}

// groupCountTopic names the count that claims g state: the name most of
// them give (a spurious "612 killed" among counts of the injured does not
// name the group), the name of claim best breaking a tie.
func (s *story) groupCountTopic(g []int, best int) string {
	names := make([]string, len(g))
	votes := make(map[string]int, len(g))
	name := ""
	for k, i := range g {
		names[k] = countTopic(s.texts[s.doc[i]], &s.claims[i])
		votes[names[k]]++
		if i == best {
			name = names[k]
		}
	}
	for _, n := range names { // in claim order, so that ties go the same way on every run
		if votes[n] > votes[name] {
			name = n
		}
	}
	return name
}

// badStart are words a clause cut from its sentence may start with that
// make it read poorly as a topic.
var badStart = map[string]bool{
	"between": true, "following": true, "of": true, "in": true, "on": true,
	"at": true, "with": true, "for": true, "to": true, "from": true,
	"by": true, "and": true, "or": true, "but": true, "as": true,
	"than": true, "was": true, "is": true, "were": true, "be": true, "": true,
}

// phraseScore rates a clause as a topic: content words up to eight,
// less for a pronoun start or an empty or long clause.
func phraseScore(p string) float64 {
	n := 0
	for _, w := range strings.Fields(strings.ToLower(p)) {
		if contentWord(w) {
			n++
		}
	}
	sc := float64(min(n, 8))
	if w, _, _ := strings.Cut(p, " "); pronounStart(p) || strings.HasPrefix(p, "…") || badStart[strings.ToLower(w)] {
		sc -= 3
	}
	if len(strings.Fields(p)) > 12 {
		sc -= 2
	}
	return sc
}

// bestNoun returns the longest noun phrase after the figures of g.
func (s *story) bestNoun(g []int) string {
	best := ""
	for _, i := range g {
		np := nounAfter(s.texts[s.doc[i]], &s.claims[i])
		if len(strings.Fields(np)) > len(strings.Fields(best)) {
			best = np
		}
	}
	return best
}

// measureWords name a scale whose reading comes after them: "magnitude
// 6.4", "Category 4", "level 3".
var measureWords = map[string]bool{
	"magnitude": true, "category": true, "level": true, "grade": true, "stage": true, "phase": true, "force": true,
}

// casualties maps the words that say what happened to counted people to
// the participle a topic uses: "killing at least 30 people" is the number
// of people killed.
var casualties = map[string]string{
	"killing": "killed", "killed": "killed", "kill": "killed", "dead": "killed", "died": "killed", "deaths": "killed",
	"injuring": "injured", "injured": "injured", "wounded": "injured", "wounding": "injured", "hurt": "injured",
	"missing": "missing", "arrested": "arrested", "arresting": "arrested", "detained": "detained",
	"evacuated": "evacuated", "displaced": "displaced", "rescued": "rescued",
}

// casualtyNear returns what happened to the people counted by words
// [lo, hi) ("killed", "injured"): the casualty word nearest the count in
// its sentence, inside it first ("about 50 hurt"), then up to three words
// away, the word before winning a tie ("killed 612 people and injured
// more than 1,400" counts the dead).
func casualtyNear(t *text, lo, hi int) (string, bool) {
	sent := t.words[lo].sent
	at := func(k int) (string, bool) {
		if k < 0 || k >= len(t.words) || t.words[k].sent != sent {
			return "", false
		}
		what, ok := casualties[t.words[k].lower]
		return what, ok
	}
	for k := lo; k < hi; k++ {
		if what, ok := at(k); ok {
			return what, true
		}
	}
	for d := 1; d <= 3; d++ {
		if what, ok := at(lo - d); ok {
			return what, true
		}
		if what, ok := at(hi - 1 + d); ok {
			return what, true
		}
	}
	return "", false
}

// countTopic names a count: "number of times Zelenskyy thanked Trump",
// "magnitude of the earthquake", "number of people killed".
func countTopic(t *text, c *Claim) string {
	lo, hi := c.words[0], c.words[1]
	if lo > 0 && t.words[lo-1].sent == t.words[lo].sent && measureWords[t.words[lo-1].lower] {
		m := t.words[lo-1].lower
		if hi < len(t.words) && t.words[hi].sent == t.words[lo].sent && isNoun(t.words[hi].lower) {
			return m + " of the " + t.words[hi].lower
		}
		return m
	}
	if c.val.unit == "people" || c.unit >= 0 {
		if what, ok := casualtyNear(t, lo, hi); ok {
			unit := "people"
			if c.unit >= 0 && casualties[t.words[c.unit].lower] == "" {
				unit = t.words[c.unit].lower // "about 50 hurt": people
			}
			return "number of " + unit + " " + what
		}
	}
	unit := c.val.unit
	switch {
	case unit == "age":
		return "age of " + c.Subject
	case unit == "people" || unit == "time":
		unit += "s"
		if unit == "peoples" {
			unit = "people"
		}
	case c.unit >= 0:
		unit = t.words[c.unit].lower
	}
	return "number of " + unit + " " + c.Subject
}

// isNoun reports whether a lower-case word can head the noun a measure
// applies to: a word of letters that is not a function word or a verb form
// ending in -ed or -ing.
func isNoun(w string) bool {
	if w == "" || !contentWord(w) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
