package quote

// attribution links a quotation to a cue and a speaker phrase.
type attribution struct {
	spk          np
	cueLo, cueHi int // cue tokens; cueLo < 0 when none
}

var noAttribution = attribution{noNP, -1, -1}

func (a attribution) ok() bool { return a.cueLo >= 0 }

// group is a run of regions forming one quotation, with its attribution.
type group struct {
	regs []int
	att  attribution
}

// minBareWords is the least number of words a quotation with no cue and no
// neighbour to lean on needs to be kept; shorter ones are scare quotes or
// titles ("a “special military operation”").
const minBareWords = 4

// direct turns the quoted regions into direct-quote drafts. A region takes
// the cue after it ("…,” Trump said) or else the nearest cue before it in
// its sentence (telling reporters: “…”). Regions then group: a quotation
// continued across paragraphs is one; "X," he said, "Y." is one; a region
// with no cue joins a cued one in its sentence, or continues the previous
// quotation when it opens a sentence in the same or the next paragraph, as
// PolNeAR annotates it.
func (x *extractor) direct() {
	var gs []group
	for ri, r := range x.regions {
		if r.cont && len(gs) > 0 {
			gs[len(gs)-1].regs = append(gs[len(gs)-1].regs, ri)
			continue
		}
		gs = append(gs, group{regs: []int{ri}})
	}
	for gi := range gs {
		g := &gs[gi]
		if a := x.label(x.regions[g.regs[0]]); a.ok() {
			g.att = a
			continue
		}
		g.att = x.postCue(x.regions[g.regs[len(g.regs)-1]])
		if g.att.ok() {
			x.cueUsed[g.att.cueLo] = true
		} else {
			g.att = x.preCue(x.regions[g.regs[0]])
		}
	}
	prev := -1 // index in x.drafts of the last direct draft with a speaker
	for gi := 0; gi < len(gs); gi++ {
		g := gs[gi]
		if !g.att.ok() && gi+1 < len(gs) && gs[gi+1].att.ok() && x.sameSentence(g, gs[gi+1]) {
			gs[gi+1].regs = append(append([]int(nil), g.regs...), gs[gi+1].regs...)
			continue
		}
		if prev >= 0 && x.continues(x.drafts[prev], g) {
			x.drafts[prev].frags = append(x.drafts[prev].frags, x.frags(g.regs)...)
			continue
		}
		if !g.att.ok() && x.words(g.regs) < minBareWords {
			continue
		}
		x.drafts = append(x.drafts, draft{frags: x.frags(g.regs), direct: true, spk: g.att.spk,
			cueLo: g.att.cueLo, cueHi: g.att.cueHi})
		if g.att.ok() {
			prev = len(x.drafts) - 1
		}
	}
}

// continues reports whether group g, which has no cue of its own or shares
// the cue of draft d ("X," he said, "Y."), carries on d's quotation.
func (x *extractor) continues(d draft, g group) bool {
	if g.att.ok() {
		return g.att.cueLo == d.cueLo
	}
	first := x.regions[g.regs[0]]
	last := d.frags[len(d.frags)-1]
	if first.open <= last[1] {
		return false
	}
	si := x.sentOf[first.open]
	if si < 0 || int(x.sents[si].lo) != first.open {
		return false
	}
	dp, gp := x.paraOf[last[1]-1], x.paraOf[first.open]
	return gp == dp || gp == dp+1 && x.lastInParagraph(last[1])
}

// lastInParagraph reports whether no quotation mark opens between token i
// and the end of its paragraph.
func (x *extractor) lastInParagraph(i int) bool {
	for j := i; j < len(x.toks) && x.toks[j].kind != kBreak; j++ {
		if x.toks[j].kind == kMark && x.toks[j].role == rOpen {
			return false
		}
	}
	return true
}

func (x *extractor) sameSentence(a, b group) bool {
	return x.sentOf[x.regions[a.regs[0]].open] == x.sentOf[x.regions[b.regs[0]].open]
}

// frags returns the content token ranges of regions rs.
func (x *extractor) frags(rs []int) [][2]int {
	out := make([][2]int, len(rs))
	for i, ri := range rs {
		out[i] = [2]int{x.regions[ri].lo, x.regions[ri].hi}
	}
	return out
}

// words counts the words in regions rs.
func (x *extractor) words(rs []int) int {
	n := 0
	for _, ri := range rs {
		for j := x.regions[ri].lo; j < x.regions[ri].hi; j++ {
			if x.toks[j].kind == kWord {
				n++
			}
		}
	}
	return n
}

// paraEnd returns the index of the break ending token i's paragraph, or
// len(toks).
func (x *extractor) paraEnd(i int) int {
	for i < len(x.toks) && x.toks[i].kind != kBreak {
		i++
	}
	return i
}
