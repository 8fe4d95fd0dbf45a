package quote

import "strings"

// Speaker phrases. Without a parser, a subject is found by walking from the
// cue over what can sit in an English noun phrase (determiners, capitalised
// words, possessives, nouns and adjectives, "of/with/for/from" chains) and
// stopping at what cannot (function words, verb forms, punctuation).

// lyNouns are words in -ly that are nouns or adjectives, not adverbs.
var lyNouns = map[string]bool{
	"family": true, "ally": true, "rally": true, "daily": true, "weekly": true, "monthly": true,
	"assembly": true, "supply": true, "bully": true, "anomaly": true, "monopoly": true,
	"early": true, "elderly": true, "friendly": true, "july": true,
}

// objPronouns are the pronouns that can follow a verb as its recipient.
var objPronouns = map[string]bool{
	"him": true, "her": true, "them": true, "me": true, "us": true, "you": true,
}

// nounish reports whether token i can sit inside a noun phrase.
func (x *extractor) nounish(i int) bool {
	if !x.isWord(i) {
		t := x.toks[i]
		if t.kind == kMark && t.role == rNone && i > 0 && strings.HasSuffix(x.word(i-1), "s") {
			return true // the apostrophe of a plural possessive: Sanders’ campaign
		}
		return x.is(i, "-") || x.is(i, "$") || x.is(i, "%")
	}
	t := x.toks[i]
	w := x.word(i)
	if t.cap || w[0] >= '0' && w[0] <= '9' {
		c := x.cls(i)
		return c&(cDet|cPronoun|cPrep|cStop|cVerbish) == 0 || c&cPlural != 0 || x.nameOf[i] >= 0
	}
	c := x.cls(i)
	if c&(cDet|cPronoun|cPrep|cStop|cAux|cVerbish|cLead|cTime) != 0 && c&(cTitle|cPlural) == 0 {
		return false
	}
	if e := x.info[i]; e.isCue && !e.cue.weak {
		return false
	}
	if strings.HasSuffix(w, "ly") && len(w) > 4 && !lyNouns[w] {
		return false
	}
	return !objPronouns[w] || x.is(i-1, "of") // most of them
}

// pastVerb reports a lower-case word in -ed, which ends a phrase only as a
// verb ("Both leaders expressed hope").
func (x *extractor) pastVerb(i int) bool {
	w := x.word(i)
	return !x.toks[i].cap && len(w) > 4 && strings.HasSuffix(w, "ed") && x.cls(i)&(cTitle|cPlural) == 0
}

// npPrep reports a preposition that may join a noun phrase's parts
// ("people familiar with the matter", "a source from the delegation").
func (x *extractor) npPrep(i int) bool {
	switch x.word(i) {
	case "of", "with", "for", "from", "at", "in", "on":
		return true
	}
	return false
}

// joinPrep reports a preposition that continues a noun phrase read forwards.
func (x *extractor) joinPrep(i int) bool {
	return x.is(i, "of") || x.is(i, "with") || x.is(i, "for") || x.is(i, "from")
}

// subjectBefore returns the subject of the cue at token v: the noun phrase
// ending right before it, auxiliaries and adverbs skipped (has also said),
// without crossing token lo.
func (x *extractor) subjectBefore(v, lo int) np {
	j := v - 1
	for j >= lo && x.isWord(j) && x.cls(j)&(cAux|cTime) != 0 && x.cls(j)&(cPronoun|cDet) == 0 {
		j--
	}
	if j < lo {
		return noNP
	}
	if x.isWord(j) && x.cls(j)&cPronoun != 0 && !x.toks[j].cap || x.is(j, "He") || x.is(j, "She") ||
		x.is(j, "They") || x.is(j, "I") || x.is(j, "We") || x.is(j, "It") || x.is(j, "Who") {
		if x.is(j, "you") || x.is(j, "You") {
			return noNP
		}
		return np{j, j + 1, j}
	}
	if x.is(j, ",") {
		p := x.appositive(j, lo)
		if p.ok() || j-1 < lo || !x.is(j-1, ")") && (x.nameOf[j-1] < 0 || !x.isWord(j-1)) {
			return p
		}
		j-- // a comma between subject and verb: Gov. John Kasich (R-OH), said
	}
	end := j
	if x.is(j, ")") {
		k := j - 1
		for k > lo && k > j-10 && !x.is(k, "(") {
			k--
		}
		if !x.is(k, "(") || k-1 < lo {
			return noNP
		}
		j = k - 1
	}
	p := x.npBack(j, lo)
	if !p.ok() || p.lo > lo && x.cls(p.lo-1)&cVerbish != 0 {
		return noNP // "would help assure": help is a verb
	}
	p.hi = end + 1
	return p
}

// npBack parses a noun phrase backwards from its last token j.
func (x *extractor) npBack(j, lo int) np {
	if !x.nounish(j) || x.pastVerb(j) && x.cls(j-1)&(cDet|cPlural) == 0 ||
		x.isWord(j) && stripPossessive(x.word(j)) != x.word(j) {
		return noNP // but "those surveyed said"
	}
	k := j
	for k-1 >= lo && j-k < 12 {
		p := k - 1
		switch {
		case x.nameOf[p] >= 0 && x.isWord(p):
			k = max(int(x.names[x.nameOf[p]].lo), lo)
			continue
		case x.cls(p)&cDet != 0:
			k = p
			if p-2 >= lo && x.npPrep(p-1) && x.nounish(p-2) {
				k = p - 1
				continue
			}
		case x.nounish(p):
			k = p
			continue
		case x.isWord(p) && x.npPrep(p) && p-1 >= lo && x.nounish(p-1) && j-k < 6:
			k = p
			continue
		case x.is(p, "and") && x.nameOf[k] >= 0 && p-1 >= lo && x.nameOf[p-1] >= 0:
			k = p
			continue
		}
		break
	}
	for k < j && (x.isWord(k) && x.npPrep(k)) {
		k++
	}
	return np{k, j + 1, x.headOf(k, j+1)}
}

// headOf returns the head of the phrase [lo, hi): its last word before any
// preposition, or the name when the phrase ends in one.
func (x *extractor) headOf(lo, hi int) int {
	if x.nameOf[hi-1] >= 0 {
		return hi - 1
	}
	for k := lo + 1; k < hi; k++ {
		if x.isWord(k) && x.npPrep(k) && x.nameOf[k] < 0 {
			return k - 1
		}
	}
	return hi - 1
}

// appositive parses "Steve Witkoff, Trump’s special envoy," ending at the
// comma at token j: the phrase before the earlier comma is the subject.
func (x *extractor) appositive(j, lo int) np {
	c := j - 1
	for c >= lo && c > j-26 && !x.is(c, ",") && !x.is(c, "(") && x.toks[c].role == rNone {
		c--
	}
	if c-1 < lo || !x.is(c, ",") || c == j-1 {
		return noNP
	}
	if !x.is(c+1, "who") && !x.is(c+1, "which") {
		for k := c + 1; k < j; k++ {
			if ci, ok := x.cue(k); ok && !ci.weak && !ci.participle {
				return noNP // a clause, not an appositive: …, Vesti reported on Saturday,
			}
		}
	}
	seg := x.nameOf[c+1]
	opens := seg >= 0 && int(x.names[seg].lo) == c+1 || x.cls(c+1)&(cDet|cTitle) != 0 || x.is(c+1, "who")
	e := c - 1
	if x.is(e, ")") {
		for e > lo && e > c-10 && !x.is(e, "(") {
			e--
		}
		e--
	}
	if e < lo || x.nameOf[e] < 0 && x.cls(e)&cPlural == 0 && !(opens && x.nounish(e)) {
		return noNP
	}
	p := x.npBack(e, lo)
	if !p.ok() {
		return noNP
	}
	return np{p.lo, j, p.head}
}

// npAfter parses the noun phrase starting at token k, not crossing hi:
// a pronoun, a name (with a parenthesis after it), or a determiner phrase
// such as "the people" or "a senior U.S. official".
func (x *extractor) npAfter(k, hi int) np {
	if k >= hi || !x.isWord(k) {
		return noNP
	}
	c := x.cls(k)
	if c&cPronoun != 0 && !x.is(k, "that") && !x.is(k, "you") && !x.is(k, "You") {
		return np{k, k + 1, k}
	}
	e := k
	if n := x.nameOf[k]; n >= 0 && int(x.names[n].lo) == k {
		nm := x.names[n]
		e = nm.hi
		if nm.kind != nRole && !(nm.hi-nm.lo == 1 && c&cDemonym != 0) && !nm.poss {
			return x.withParen(np{k, e, e - 1}, hi)
		}
	} else if c&cDet == 0 && !x.nounish(k) {
		return noNP
	}
	for e < hi && e-k < 10 {
		if x.cls(e)&cDet != 0 {
			if e > k && !x.npPrep(e-1) {
				break // a second determiner starts another phrase
			}
		} else if !x.nounish(e) && !(x.joinPrep(e) && e+1 < hi && (x.nounish(e+1) || x.cls(e+1)&cDet != 0)) ||
			e > k && x.pastVerb(e) && x.cls(e-1)&cDet == 0 {
			break // "woman rallied supporters", but "one unnamed official"
		}
		e++
	}
	for e > k && (x.cls(e-1)&cDet != 0 || x.isWord(e-1) && x.npPrep(e-1)) {
		e--
	}
	if e == k {
		if c&cPlural != 0 && c&cDet != 0 {
			return np{k, k + 1, k} // "read one", "some chanted"
		}
		return noNP
	}
	return np{k, e, x.headOf(k, e)}
}

// withParen extends p over a parenthesis right after it: Sanders (I-Vt.).
func (x *extractor) withParen(p np, hi int) np {
	if p.hi < hi && x.is(p.hi, "(") {
		for e := p.hi + 1; e < hi && e < p.hi+8; e++ {
			if x.is(e, ")") {
				return np{p.lo, e + 1, p.head}
			}
		}
	}
	return p
}

// leadEnd returns the first token of sentence st after a dateline
// ("WASHINGTON (AP) —") and a leading adverbial ("On Monday,", "Hours
// later,", "After the meeting in Alaska,").
func (x *extractor) leadEnd(st sentence) int {
	k := st.lo
	if x.isWord(k) && acronym(x.word(k)) {
		for j := k + 1; j < st.hi && j < k+6; j++ {
			if x.is(j, "—") || x.is(j, "–") || x.is(j, "-") {
				k = j + 1
				break
			}
		}
	}
	comma := -1
	for j := k; j < st.hi && j < k+30; j++ {
		if x.is(j, ",") {
			comma = j
			break
		}
		if x.toks[j].kind == kMark {
			break
		}
	}
	if comma < 0 {
		return k
	}
	if x.cls(k)&cLead != 0 && x.nameOf[k] < 0 {
		if comma+2 < st.hi && x.is(comma+2, ",") && !x.toks[comma+1].cap {
			return comma + 3 // On July 6, 2015, Sanders …
		}
		return comma + 1
	}
	if comma-k <= 4 {
		for j := k; j < comma; j++ {
			if x.cls(j)&(cTime|cPrep) != 0 {
				return comma + 1
			}
		}
	}
	return k
}

// isPronounAt reports a phrase that is one pronoun.
func (x *extractor) isPronounAt(p np) bool {
	return p.hi-p.lo == 1 && x.cls(p.lo)&cPronoun != 0
}

// sentenceSubject returns the subject of sentence si: the first noun phrase
// after any sentence-initial adverbial ("On Monday, …", "In a post, …").
func (x *extractor) sentenceSubject(si int) np {
	st := x.sents[si]
	k := x.leadEnd(st)
	if k < st.hi && x.toks[k].kind == kMark {
		return noNP
	}
	for k < st.hi && (x.is(k, "But") || x.is(k, "And") || x.is(k, "Yet") || x.is(k, "So") || x.is(k, "but") || x.is(k, "and")) {
		k++
	}
	p := x.npAfter(k, st.hi)
	if !p.ok() || p.hi >= st.hi {
		return noNP
	}
	return p
}
