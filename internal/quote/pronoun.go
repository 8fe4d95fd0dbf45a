package quote

// pronoun resolves the pronoun at token p, whose cue ends at cueHi; names
// inside the cue (he told Trump) are not candidates.
func (r *resolver) pronoun(p, cueHi int) referent {
	x := r.x
	w := x.word(p)
	switch w {
	case "who", "Who":
		return r.relative(p)
	case "I", "we", "We", "you", "You":
		return referent{}
	}
	excl := map[string]bool{}
	for k := p + 1; k < cueHi && k < len(x.toks); k++ {
		if ni := x.nameOf[k]; ni >= 0 && x.names[ni].kind != nRole {
			excl[r.nameRef(int(ni)).name] = true
		}
	}
	si := int(x.sentOf[p])
	if ref := r.sameSentence(si, p); agrees(ref, w) && !excl[ref.name] {
		return ref // Trump said he …
	}
	for s := si - 1; s >= 0 && s >= si-6; s-- {
		if ref := r.sentenceSubject(s); agrees(ref, w) && !excl[ref.name] {
			return ref
		}
	}
	lo := x.sents[si].lo
	for k := p - 1; k >= 0; k-- {
		ni := x.nameOf[k]
		if ni < 0 || x.names[ni].kind == nRole {
			continue
		}
		k = x.names[ni].lo
		if ref := r.nameRef(int(ni)); agrees(ref, w) && !excl[ref.name] && (k >= lo || ref.person) {
			return ref
		}
	}
	return referent{}
}

// sameSentence returns the subject of sentence si when it comes before the
// pronoun at p, else the speaker of an earlier attribution in the sentence.
func (r *resolver) sameSentence(si, p int) referent {
	x := r.x
	if s := x.sentenceSubject(si); s.ok() && s.hi <= p && !x.isPronounAt(s) {
		return r.phrase(s, s.hi)
	}
	for _, di := range r.bySent[si] {
		if d := x.drafts[di]; d.spk.ok() && d.spk.hi <= p && d.cueLo < p && !x.isPronounAt(d.spk) {
			return r.phrase(d.spk, d.cueHi)
		}
	}
	return referent{}
}

// agrees reports whether referent ref can be the pronoun w.
func agrees(ref referent, w string) bool {
	if !ref.ok || ref.name == "" && !ref.plural && !ref.role {
		return false
	}
	switch w {
	case "he", "He":
		return ref.person && !ref.plural && !ref.female
	case "she", "She":
		return ref.person && !ref.plural && !ref.male
	case "they", "They":
		return ref.plural && ref.name != ""
	case "it", "It":
		return !ref.person && !ref.plural && ref.name != ""
	}
	return false
}

// relative resolves "who" to the phrase before it: "Govs. Bush and
// Christie, who say …".
func (r *resolver) relative(p int) referent {
	x := r.x
	k := p - 1
	if x.is(k, ",") {
		k--
	}
	if k < 0 {
		return referent{}
	}
	if ni := x.nameOf[k]; ni >= 0 && x.names[ni].kind != nRole {
		return r.nameRef(int(ni))
	}
	return referent{}
}

// sentenceSubject returns the resolved subject of sentence s: its
// grammatical subject when that resolves to a name, else the speaker of
// the first attribution in it that does ("“…,” Trump said").
func (r *resolver) sentenceSubject(s int) referent {
	switch r.done[s] {
	case 1:
		return referent{}
	case 2:
		return r.subj[s]
	}
	r.done[s] = 1
	x := r.x
	var ref referent
	if p := x.sentenceSubject(s); p.ok() {
		ref = r.phrase(p, p.hi)
	}
	for _, di := range r.bySent[s] {
		if ref.name != "" {
			break
		}
		if d := x.drafts[di]; d.spk.ok() {
			ref = r.phrase(d.spk, d.cueHi)
		}
	}
	r.subj[s], r.done[s] = ref, 2
	return ref
}
