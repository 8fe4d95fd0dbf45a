package quote

// Attribution of quotations: which cue, before or after a quoted region,
// links it to which speaker phrase.

// postCue finds the attribution right after the region r: "…,” Trump
// said", "…,” said the people", "…,” Steve Witkoff, Trump’s envoy, said",
// "…,” according to a BBC report". After a quotation that ends its
// sentence ("…” Zelensky said.) the cue clause must be short, so that the
// next sentence's own reported speech is not taken for an attribution.
func (x *extractor) postCue(r region) attribution {
	k := r.close + 1
	if r.close < len(x.toks) && x.toks[r.close].kind == kBreak {
		return x.dashLine(r.close + 1)
	}
	if r.close >= len(x.toks) || x.toks[r.close].kind != kMark || k >= len(x.toks) {
		return noAttribution
	}
	if x.toks[k].kind == kBreak {
		return x.dashLine(k + 1)
	}
	if a := x.dashLine(k); a.ok() {
		return a // “…” ― Pamela Padilla
	}
	ended := r.close > 0 && x.toks[r.close-1].kind == kPunct && isTerminal(x.word(r.close-1))
	if x.toks[k].kind == kPunct {
		spaced := k+1 < len(x.toks) && x.toks[k+1].start > x.toks[k].end
		switch p := x.word(k); {
		case p == "," || p == ";" || (p == "—" || p == "–" || p == "-") && spaced:
		case isTerminal(p):
			ended = true
		default:
			return noAttribution
		}
		k++
	}
	hi := x.paraEnd(k)
	if k >= hi {
		return noAttribution
	}
	if x.is(k, "according") && x.is(k+1, "to") {
		if p := x.npAfter(k+2, hi); p.ok() {
			return attribution{p, k, k + 2}
		}
		return noAttribution
	}
	if ci, ok := x.cue(k); ok && !ci.participle {
		p := x.npAfter(k+1, hi)
		if p.ok() && (!ended || x.shortTail(p.hi, hi)) {
			return attribution{p, k, k + 1}
		}
	}
	return x.npCue(k, hi, ended)
}

// dashLine reads a dash and a name that end a paragraph, signing the
// quotation before them: "- Bernie Sanders.", "” ― Pamela Padilla".
func (x *extractor) dashLine(k int) attribution {
	if k >= len(x.toks) || !isDash(x.word(k)) {
		return noAttribution
	}
	hi := x.paraEnd(k)
	p := x.npAfter(k+1, hi)
	if !p.ok() || x.nameOf[p.head] < 0 || p.hi < hi-1 || p.hi == hi-1 && !x.is(p.hi, ".") {
		return noAttribution
	}
	return attribution{p, k, k + 1}
}

// npCue finds "NP (aux) cue" starting at token k: the first cue in reach
// whose subject phrase starts exactly at k.
func (x *extractor) npCue(k, hi int, ended bool) attribution {
	for v := k + 1; v < hi && v < k+30; v++ {
		if x.toks[v].role != rNone || x.sentOf[v] != x.sentOf[k] {
			break
		}
		ci, ok := x.cue(v)
		if !ok || ci.participle || ci.weak && (x.cueFollows(v+1, hi) || !x.weakCue(v, k) && !x.shortTail(v+1, hi)) {
			continue
		}
		p := x.subjectBefore(v, k)
		if !p.ok() || p.lo != k {
			if ci.weak || p.ok() && p.hi-p.lo == 1 && relative(x.word(p.lo)) {
				continue // a cue inside an appositive: Cruz, who has proposed …, said
			}
			break
		}
		e := x.cueEnd(v, ci, hi)
		if ended && !x.shortTail(e, hi) {
			r := x.npAfter(v+1, hi) // told Britain’s ITV television station in an interview.
			if ci.kind != cueTell || !r.ok() || !x.shortTail(r.hi, hi) {
				break
			}
		}
		return attribution{p, v, e}
	}
	return noAttribution
}

// preCue finds the cue of region r before it: the nearest cue in its
// sentence, skipping other quotations ("telling reporters: “…”", "with Merz
// saying, “…”", "praised the promise as “…”"); for a quotation opening its
// sentence, a cue ending the previous sentence or paragraph with a colon
// ("Cruz continued:"). A colon with no cue attributes to the name right
// before it (pollster Daron Shaw: “…”) or to the sentence's subject; an
// inverted cue opening the sentence ("Said Dorothy Poynter, “…”") to the
// name after it.
func (x *extractor) preCue(r region) attribution {
	si := int(x.sentOf[r.open])
	if si < 0 {
		return noAttribution
	}
	lo, end := x.sents[si].lo, r.open
	if lo == r.open {
		p := r.open - 1
		if p >= 0 && x.toks[p].kind == kBreak {
			p--
		}
		if p < 0 || !x.is(p, ":") || x.sentOf[p] < 0 {
			return noAttribution
		}
		si = int(x.sentOf[p])
		lo, end = x.sents[si].lo, p+1
	}
	if a := x.scanCue(end, lo); a.ok() {
		return a
	}
	if x.is(end-1, ":") {
		spk := x.sentenceSubject(si)
		named := spk.ok() && (x.nameOf[spk.head] >= 0 || x.cls(spk.head)&cPronoun != 0)
		if n := x.nameOf[max(end-2, 0)]; n >= 0 && x.names[n].hi == end-1 && x.names[n].kind != nRole {
			nm := x.names[n]
			if !named || nm.lo == lo || x.is(nm.lo-1, "-") || x.is(nm.lo-1, "—") || x.is(nm.lo-1, "–") {
				spk = np{nm.lo, end - 1, end - 2} // HEADLINE - Michael P. McDonald: “…”
			}
		}
		if spk.ok() {
			return attribution{spk, end - 1, end}
		}
	}
	return x.invertedCue(si, end)
}

// scanCue scans back from token end to lo for the nearest cue.
func (x *extractor) scanCue(end, lo int) attribution {
	for j := end - 1; j >= lo; j-- {
		if x.toks[j].kind == kMark && x.toks[j].role == rClose && x.regOf[j] >= 0 {
			j = x.regions[x.regOf[j]].open
			continue
		}
		if x.is(j, "to") && (x.is(j-1, "according") || x.is(j-1, "According")) {
			if p := x.npAfter(j+1, end); p.ok() {
				return attribution{p, j - 1, j + 1}
			}
			continue
		}
		ci, ok := x.cue(j)
		if !ok || ci.weak && !x.weakCue(j, lo) && !(j >= end-2 && x.subjectBefore(j, lo).ok()) ||
			ci.kind == cueQuote && j < end-5 || !x.callOK(j, j+1) || ci.weak && quoteOnlyWeak(x.word(j)) && !x.weakCue(j, lo) {
			continue
		}
		return attribution{x.cueSubject(j, ci, lo), j, x.cueEnd(j, ci, end)}
	}
	return noAttribution
}

// invertedCue reads a sentence opening with a capitalised cue: "Said
// Dorothy Poynter, “…”" names the speaker after it; "Adding, “…”" shares
// the previous sentence's subject.
func (x *extractor) invertedCue(si, end int) attribution {
	lo := x.sents[si].lo
	if !x.isWord(lo) || !x.toks[lo].cap {
		return noAttribution
	}
	ci, ok := cueAt(x.word(lo))
	if !ok || ci.weak {
		return noAttribution
	}
	if p := x.npAfter(lo+1, end); p.ok() && x.nameOf[lo+1] >= 0 {
		return attribution{p, lo, lo + 1}
	}
	if ci.participle && si > 0 {
		if p := x.sentenceSubject(si - 1); p.ok() {
			return attribution{p, lo, lo + 1}
		}
	}
	return noAttribution
}

// cueSubject returns the speaker phrase of the cue at token j in the
// sentence starting at lo.
func (x *extractor) cueSubject(j int, ci cueInfo, lo int) np {
	p := x.subjectBefore(j, lo)
	if ci.participle {
		if p.ok() && x.onlyAux(p.hi, j) && (p.lo == lo || x.is(p.lo-1, "with")) {
			return p
		}
		return x.clauseSubject(j, lo)
	}
	if p.ok() {
		return p
	}
	return x.clauseSubject(j, lo)
}

// verbAt reports whether token i looks like a verb: a lower-case word in
// -ed, an auxiliary or a cue.
func (x *extractor) verbAt(i int) bool {
	if !x.isWord(i) || x.toks[i].cap {
		return false
	}
	if _, ok := x.cue(i); ok {
		return true
	}
	return x.pastVerb(i) || x.cls(i)&cVerbish != 0
}

// onlyAux reports whether tokens [a, b) are all auxiliaries or adverbs.
func (x *extractor) onlyAux(a, b int) bool {
	for ; a < b; a++ {
		if !x.isWord(a) || x.cls(a)&cAux == 0 {
			return false
		}
	}
	return true
}

// clauseSubject returns the subject a participle or a bare verb at token j
// shares: the speaker of an earlier cue in the sentence, or the sentence's
// subject.
func (x *extractor) clauseSubject(j, lo int) np {
	for v := j - 1; v >= lo; v-- {
		if x.inQuote(v) {
			continue
		}
		ci, ok := x.cue(v)
		if !ok || ci.participle || ci.weak {
			continue
		}
		if p := x.subjectBefore(v, lo); p.ok() {
			return p
		}
		if p := x.npAfter(v+1, j); p.ok() && (x.is(v-1, ",") || v > 0 && x.toks[v-1].role == rClose) {
			return p
		}
	}
	if x.is(j-1, ",") {
		c := j - 2
		for c > lo && !x.is(c, ",") && !x.is(c, "—") && x.toks[c].kind != kMark {
			c--
		}
		if c > lo {
			if p := x.npAfter(c+1, j); p.ok() && x.verbAt(p.hi) {
				return p
			}
		}
	}
	return x.sentenceSubject(int(x.sentOf[j]))
}

// label reads a transcript's speaker label opening a quotation:
// "WALLACE: Let’s start with …".
func (x *extractor) label(r region) attribution {
	k := r.lo
	if k+1 >= r.hi || !x.isWord(k) || !acronym(x.word(k)) || len(x.word(k)) < 3 || !x.is(k+1, ":") {
		return noAttribution
	}
	return attribution{np{k, k + 1, k}, k + 1, k + 2}
}
