package quote

import "strings"

// reported finds reported speech sentence by sentence, outside quotations:
//
//	X said (that) CONTENT.            X told reporters (that) CONTENT.
//	CONTENT, X said. / CONTENT, said X.  CONTENT, X said, CONTENT.
//	According to X, CONTENT.          CONTENT, according to X.
//	X: CONTENT. (a headline or transcript)  X Says CONTENT (a title-case headline)
//
// Content runs to the sentence's end, stopping before a participle that
// starts another attribution (", adding that"), before ", according to",
// before a trailing attribution and at a semicolon. Content made only of
// quoted words is left to the direct quotation that covers it.
func (x *extractor) reported() {
	for _, st := range x.sents {
		x.headline(st)
		title := x.titleCase(st)
		for j := st.lo; j < st.hi; j++ {
			if !x.isWord(j) || x.inQuote(j) {
				continue
			}
			if x.is(j+1, "to") && (x.is(j, "according") || x.is(j, "According")) {
				x.according(j, st)
				continue
			}
			if ci, ok := x.cue(j); ok && ci.kind != cueQuote && !x.cueUsed[j] {
				x.reportedAt(j, ci, st)
			} else if title && x.toks[j].cap && j > st.lo && x.nameOf[j-1] >= 0 {
				if ci, ok := cueAt(x.word(j)); ok && !ci.weak && (ci.kind == cueSay || ci.kind == cueTell) {
					x.reportedAt(j, ci, st) // Bernie Sanders Says He’s …
				}
			}
		}
	}
}

// headline records "Lynch: No outside influence on FBI probe." and
// "Matthews: Well, speculation is bad.": a name or a source noun, a colon,
// and a clause.
func (x *extractor) headline(st sentence) {
	c := st.lo
	for c < st.hi && c < st.lo+6 && !x.is(c, ":") {
		c++
	}
	if !x.is(c, ":") || c == st.lo || c+3 >= st.hi || x.toks[c+1].role == rOpen {
		return
	}
	p := x.npBack(c-1, st.lo)
	if !p.ok() || p.lo != st.lo {
		return
	}
	n := x.nameOf[p.head]
	if (n < 0 || x.names[n].kind == nPlace || x.names[n].kind == nRole) && x.cls(p.head)&cSource == 0 ||
		labels[strings.ToLower(x.word(p.head))] {
		return
	}
	x.add(p, c, c+1, [2]int{c + 1, x.contentEnd(c+1, st.hi, false)})
}

// labels head the lines that a colon opens without anyone speaking:
// "NOTE: Per shr calculated after …", "Editor's note: …", "Source: …",
// "Reporting: …", as wire copy writes them under tables and at the end.
var labels = map[string]bool{
	"note": true, "notes": true, "nb": true, "source": true, "editing": true, "reporting": true,
	"writing": true, "update": true, "updated": true, "correction": true, "clarification": true,
	"photo": true, "photos": true, "caption": true, "credit": true, "credits": true,
	"related": true, "background": true, "contact": true, "tel": true, "fax": true, "email": true,
	"summary": true, "highlights": true, "table": true, "chart": true, "graphic": true,
	"video": true, "watch": true, "listen": true, "read": true, "see": true, "also": true,
	"advertisement": true, "disclaimer": true, "warning": true, "tags": true, "keywords": true,
}

// titleCase reports a sentence whose words are nearly all capitalised.
func (x *extractor) titleCase(st sentence) bool {
	words, caps := 0, 0
	for i := st.lo; i < st.hi; i++ {
		if x.isWord(i) {
			words++
			if x.toks[i].cap {
				caps++
			}
		}
	}
	return words >= 4 && caps*10 >= words*8
}

// reportedAt records the reported speech introduced by the cue at token j.
func (x *extractor) reportedAt(j int, ci cueInfo, st sentence) {
	prev := j - 1
	if ci.participle && x.inPP(j, st.lo) {
		return // "of not showing", "for being"
	}
	if prev >= st.lo && x.isWord(prev) {
		w := x.word(prev)
		if articles[strings.ToLower(w)] || ci.weak && x.cls(prev)&cDet != 0 || w == "to" ||
			!ci.participle && passiveAux(w) {
			return // "the report", "his claims", "declined to say", "is expected"
		}
	}
	e := x.cueEnd(j, ci, st.hi)
	subj := x.subjectBefore(j, st.lo)
	if x.tail(j, e, ci, subj, st) {
		return
	}
	if ci.weak && !(x.weakCue(j, st.lo) || x.is(e, "that")) {
		return
	}
	switch {
	case ci.participle:
		subj = x.cueSubject(j, ci, st.lo)
	case !subj.ok() && x.coordinated(j, st.lo):
		subj = x.clauseSubject(j, st.lo)
	case !subj.ok():
		return
	}
	cs := x.contentStart(j, e, ci, st.hi)
	if cs < 0 || !x.callOK(j, e) || needsTo(x.word(j)) && !x.is(e, "to") || talk(x.word(j)) && !x.is(e, "about") ||
		ci.kind == cueObj && (x.is(cs, "of") || x.is(cs, "by")) {
		return // "accused of …" is passive
	}
	ce := x.contentEnd(cs, st.hi, ci.kind == cueObj)
	if x.citesSource(j, cs, ce) {
		return
	}
	n := len(x.drafts)
	x.add(subj, j, e, [2]int{cs, ce})
	if len(x.drafts) > n {
		x.drafts[n].aside = ci.kind == cueObj || x.is(cs, "to") || !x.clause(cs, ce)
	}
}

// clause reports whether tokens [lo, hi) read as a clause rather than a
// noun phrase. Only a short phrase that opens with a determiner and holds
// no verb is taken for a noun phrase ("these allegations", "this sequence
// of meetings"); a verb is a word in -ed, an auxiliary, a pronoun's
// company or a word in -s after a noun ("the war ends soon").
func (x *extractor) clause(lo, hi int) bool {
	if hi-lo > 12 || !x.isWord(lo) || x.cls(lo)&cDet == 0 || x.cls(lo)&cPronoun != 0 {
		return true // "that …", "Europe stands with Ukraine", "he will …"
	}
	for i := lo; i < hi; i++ {
		if x.inQuote(i) || !x.isWord(i) || x.toks[i].cap {
			continue
		}
		if x.pastVerb(i) || x.cls(i)&(cVerbish|cPronoun) != 0 {
			return true
		}
		w := x.word(i)
		if i > lo && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && x.isWord(i-1) && !x.toks[i-1].cap &&
			x.cls(i-1)&(cDet|cPrep) == 0 && !strings.HasSuffix(x.word(i-1), "s") {
			return true
		}
	}
	return false
}

// citesSource reports "citing" (or "cited") followed by nothing but the
// name of a person or organization or a source noun: "Vesti reported,
// citing Russian presidential aide Yuri Ushakov" names where the report
// came from, not what was said. "Citing concerns about safety" is content.
func (x *extractor) citesSource(j, lo, hi int) bool {
	switch strings.ToLower(x.word(j)) {
	case "citing", "cited", "cites", "cite":
	default:
		return false
	}
	for hi > lo && !x.isWord(hi-1) {
		hi-- // the closing full stop
	}
	p := x.npAfter(lo, hi)
	if !p.ok() || p.hi < hi {
		return false
	}
	n := x.nameOf[p.head]
	return n >= 0 && x.names[n].kind != nPlace || x.cls(p.head)&(cSource|cPlural) != 0
}

// inPP reports a participle at j that is the object of "of" or "for", or
// negated: "accused of not showing", "criticised for saying".
func (x *extractor) inPP(j, lo int) bool {
	k, neg := j-1, false
	for k >= lo && x.isWord(k) && (x.cls(k)&cAux != 0 || x.is(k, "not")) && x.cls(k)&cVerbish == 0 {
		neg = neg || x.is(k, "not")
		k--
	}
	return neg || x.is(k, "of") || x.is(k, "for")
}

// articles are the determiners that make a following cue form a noun.
var articles = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "your": true, "this": true, "these": true, "those": true, "no": true,
}

// tail records the cue at j when it trails its content: "CONTENT, X
// said.", "CONTENT, said X." and, in a sentence opening with its subject,
// the parenthetical "CONTENT, X said, CONTENT."
func (x *extractor) tail(j, e int, ci cueInfo, subj np, st sentence) bool {
	if ci.participle {
		return false
	}
	prev := j - 1
	if x.is(prev, ",") && !ci.weak {
		if p := x.npAfter(j+1, st.hi); p.ok() && x.shortTail(p.hi, st.hi) {
			x.add(p, j, j+1, [2]int{st.lo, prev})
			return true
		}
	}
	if !subj.ok() || subj.lo-1 <= st.lo || !x.is(subj.lo-1, ",") {
		return false
	}
	if ci.weak && !x.weakCue(j, st.lo) {
		return false
	}
	switch {
	case x.shortTail(e, st.hi) && !x.is(e, ","):
		x.add(subj, j, e, [2]int{st.lo, subj.lo - 1})
		return true
	case x.is(e, ",") && e+1 < st.hi && x.participleAt(e+1):
		// "CONTENT, X reported, citing …" / ", adding that …": the
		// participle is an attribution of its own, not more content.
		x.add(subj, j, e, [2]int{st.lo, subj.lo - 1})
		return true
	case x.is(e, ",") && e+1 < st.hi && x.plainStart(st):
		x.add(subj, j, e, [2]int{st.lo, subj.lo - 1}, [2]int{e + 1, x.contentEnd(e+1, st.hi, false)})
		return true
	}
	return false
}

// participleAt reports a participle cue at token k: "citing", "adding".
func (x *extractor) participleAt(k int) bool {
	ci, ok := x.cue(k)
	return ok && ci.participle
}

// objEnd are the words that end a verb's object: "supported the proposal
// but reversed his position", "dismissed the charges by pointing out".
var objEnd = map[string]bool{
	"but": true, "because": true, "while": true, "when": true, "after": true, "before": true,
	"since": true, "although": true, "though": true, "if": true, "unless": true, "until": true,
	"by": true, "as": true, "despite": true, "amid": true, "saying": true,
}

// callOK reports whether a form of "call" at token j, whose cue ends at e,
// attributes: "called for", "called on", or a quotation within the next few
// words ("called him a “loser”"); "called Putin" is a telephone call.
func (x *extractor) callOK(j, e int) bool {
	switch x.word(j) {
	case "call", "calls", "called", "calling":
	default:
		return true
	}
	if x.is(e, "for") || x.is(e, "on") {
		return true
	}
	for i := e; i < len(x.toks) && i < e+5; i++ {
		if x.toks[i].kind == kMark && x.toks[i].role == rOpen {
			return true
		}
	}
	k := e // called him a political opportunist, called Trump a liar
	switch {
	case x.isWord(k) && objPronouns[x.word(k)]:
		k++
	case x.nameOf[k] >= 0 && x.isWord(k):
		k = int(x.names[x.nameOf[k]].hi)
	default:
		return false
	}
	return x.is(k, "a") || x.is(k, "an") || x.is(k, "the")
}

// needsTo reports the cues that attribute only an infinitive: "declined to
// comment", "appeared to", but not "appeared in a suit".
func needsTo(w string) bool {
	switch w {
	case "decline", "declines", "declined", "declining", "refuse", "refuses", "refused", "refusing",
		"seem", "seems", "seemed", "appear", "appears", "appeared", "seek", "seeks", "sought":
		return true
	}
	return false
}

// talk reports forms of "talk", which attribute only "talk about": "the
// talks" are a meeting.
func talk(w string) bool {
	return w == "talk" || w == "talks" || w == "talked" || w == "talking"
}

func passiveAux(w string) bool {
	switch w {
	case "is", "was", "were", "are", "be", "been", "being", "get", "got", "gets":
		return true
	}
	return false
}

// plainStart reports whether sentence st opens with its subject rather
// than an adverbial or subordinate clause ("When …, he said"), so that a
// trailing "X said" attributes everything before it.
func (x *extractor) plainStart(st sentence) bool {
	k := st.lo
	if x.is(k, "But") || x.is(k, "And") || x.is(k, "Yet") || x.is(k, "So") {
		k++
	}
	return x.cls(k)&(cLead|cStop) == 0 || x.nameOf[k] >= 0
}

// coordinated reports a cue that shares its subject with an earlier verb:
// "… but said", "… and added".
func (x *extractor) coordinated(j, lo int) bool {
	k := j - 1
	for k >= lo && x.isWord(k) && x.cls(k)&cAux != 0 && x.cls(k)&cStop == 0 {
		k--
	}
	return x.is(k, "and") || x.is(k, "but") || x.is(k, "or")
}

// according records "According to X, CONTENT." and "CONTENT, according to X."
func (x *extractor) according(j int, st sentence) {
	p := x.npAfter(j+2, st.hi)
	if !p.ok() {
		return
	}
	switch {
	case x.is(j-1, ",") && j-1 > st.lo:
		fr := [][2]int{{st.lo, j - 1}}
		if x.is(p.hi, ",") && p.hi+1 < st.hi {
			fr = append(fr, [2]int{p.hi + 1, x.contentEnd(p.hi+1, st.hi, false)})
		}
		x.add(p, j, j+2, fr...)
	case x.is(p.hi, ",") && p.hi+1 < st.hi:
		x.add(p, j, j+2, [2]int{p.hi + 1, x.contentEnd(p.hi+1, st.hi, false)})
	}
}

// contentStart returns the first token of the content after the cue j,
// whose cue tokens end at e: past adverbs, time words and adjunct phrases
// (said on Monday in a statement that …), at "that" when there is one; -1
// when no content follows.
func (x *extractor) contentStart(j, e int, ci cueInfo, hi int) int {
	k := e
	if ci.kind == cueObj {
		if x.is(k, "for") || x.is(k, "on") || x.is(k, "to") || x.is(k, "about") {
			k++ // called for, referring to, talking about
		}
		return x.startable(k, hi)
	}
	for n := 0; k < hi && n < 24; n++ {
		switch {
		case x.is(k, "that") || x.is(k, "whether") || x.is(k, "if"):
			return k
		case x.is(k, ","):
			if ci2, ok := x.cue(k + 1); ok && ci2.participle {
				return -1
			}
			k++
		case x.isWord(k) && x.cls(k)&(cAux|cTime) != 0 && x.cls(k)&(cPronoun|cDet|cVerbish) == 0:
			k++
		case x.is(k, "to") && toVerbs[x.word(j)]:
			return k
		case x.is(k, "to") && ci.kind == cueTell && x.isWord(k+1) && x.cls(k+1)&cDet == 0 && !objPronouns[x.word(k+1)]:
			return k
		case x.isWord(k) && x.cls(k)&cPrep != 0 && !x.is(k, "of"):
			k = x.skipObject(k+1, hi)
		default:
			return x.startable(k, hi)
		}
	}
	return -1
}

// skipObject skips the object of an adjunct preposition: a short phrase of
// determiners, names and nouns, not a pronoun subject or a verb.
func (x *extractor) skipObject(k, hi int) int {
	for n := 0; k < hi && n < 5; n, k = n+1, k+1 {
		if !x.isWord(k) || x.cls(k)&cDet == 0 && !x.nounish(k) || x.is(k, "that") {
			break
		}
	}
	return k
}

// startable returns k when token k can open content, -1 otherwise.
func (x *extractor) startable(k, hi int) int {
	if k >= hi {
		return -1
	}
	if x.is(k, ":") {
		k++
	}
	if k >= hi || x.toks[k].kind == kPunct && !x.is(k, "$") {
		return -1
	}
	return k
}

// contentEnd returns the end of content starting at token k. The object of
// a verb such as "praised" or "denied" also ends at a subordinating word
// (but, because, while, by …).
func (x *extractor) contentEnd(k, hi int, obj bool) int {
	e := hi
	for i := k; i < hi; i++ {
		if x.inQuote(i) {
			continue
		}
		if x.is(i, ";") || obj && i > k && (objEnd[x.word(i)] || x.is(i, ",") && (x.gerund(i+1) || x.is(i+1, "and") || x.is(i+1, "but"))) {
			e = i
			break
		}
		if x.is(i, ",") && i > k && x.endsContent(i+1, hi) {
			e = i
			break
		}
		if x.toks[i].role == rClose && x.is(i-1, ",") && x.endsContent(i+1, hi) {
			e = i + 1
			break
		}
	}
	for e > k && x.toks[e-1].kind == kPunct && x.trailingPunct(e-1) {
		e--
	}
	return e
}

// gerund reports a lower-case word in -ing: "thanking Trump, setting a tone".
func (x *extractor) gerund(i int) bool {
	return x.isWord(i) && !x.toks[i].cap && strings.HasSuffix(x.word(i), "ing")
}

// trailingPunct reports punctuation that ends a clause rather than content.
func (x *extractor) trailingPunct(i int) bool {
	p := x.word(i)
	return isTerminal(p) || p == "," || p == ";" || p == ":" || p == "—" || p == "–"
}

// endsContent reports whether the words after a comma at k-1 start another
// attribution: a participle cue, "according to", or a trailing "X said".
func (x *extractor) endsContent(k, hi int) bool {
	if ci, ok := x.cue(k); ok {
		if ci.participle || ci.kind != cueObj && !ci.weak && x.shortTail(k+1, hi) {
			return true // ", adding …", "…, said at the time"
		}
		if p := x.npAfter(k+1, hi); p.ok() && x.shortTail(p.hi, hi) {
			return true
		}
	}
	if x.is(k, "according") && x.is(k+1, "to") {
		return true
	}
	if x.is(k, "and") || x.is(k, "but") {
		return x.npCue(k+1, hi, false).ok() // …, and Merz said such a meeting …
	}
	return x.npCue(k, hi, true).ok()
}

// quoteOpensAt reports whether token i opens a quotation: an opening mark,
// or the first word inside one.
func (x *extractor) quoteOpensAt(i int) bool {
	if i >= len(x.toks) {
		return false
	}
	if x.toks[i].kind == kMark && x.toks[i].role == rOpen {
		return true
	}
	return x.inQuote(i) && i > 0 && x.toks[i-1].kind == kMark && x.toks[i-1].role == rOpen
}

// add records a reported-speech draft unless its content is empty or wholly
// quoted.
func (x *extractor) add(spk np, cueLo, cueHi int, frags ...[2]int) {
	words, free := 0, 0
	out := frags[:0]
	for _, f := range frags {
		if f[1] <= f[0] {
			continue
		}
		out = append(out, f)
		for i := f[0]; i < f[1]; i++ {
			if x.toks[i].kind == kWord {
				words++
				if !x.inQuote(i) {
					free++
				}
			}
		}
	}
	if words == 0 || free == 0 {
		return
	}
	// Content that opens with a quotation making up most of it ("telling
	// Macron: “I think he wants to make a deal …,” seemingly about Putin")
	// is that direct quotation with a few words of comment after it.
	if len(out) > 0 && x.quoteOpensAt(out[0][0]) && free*3 < words {
		return
	}
	x.drafts = append(x.drafts, draft{frags: out, spk: spk, cueLo: cueLo, cueHi: cueHi})
}
