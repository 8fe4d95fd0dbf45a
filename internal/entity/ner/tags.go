package ner

import "github.com/storyline-news/storyline/internal/entity"

// Entity types, in the order of their tag ids, with their CoNLL names and
// the storyline names used in Mention.Type.
const (
	typPER = iota
	typORG
	typLOC
	typMISC
	numTypes
)

var conllType = [numTypes]string{"PER", "ORG", "LOC", "MISC"}

var storylineType = [numTypes]entity.Type{entity.Person, entity.Organization, entity.Location, entity.Other}

// Tags are BILOU: tag 0 is O (outside), and type t has tags 1+4t+pos for
// pos B (begin), I (inside), L (last) and U (unit, a one-token entity).
const (
	posB = iota
	posI
	posL
	posU
	numTags = 1 + 4*numTypes
)

func tagOf(typ, pos int) int { return 1 + 4*typ + pos }

// typeOf returns the entity type of tag t, or -1 for O.
func typeOf(t int) int {
	if t == 0 {
		return -1
	}
	return (t - 1) / 4
}

func posOf(t int) int { return (t - 1) % 4 }

// allowed[p][t] reports whether tag t may follow tag p; row numTags is the
// start of a sentence, and allowedEnd[t] whether a sentence may end in t.
var allowed, allowedEnd = transitions()

func transitions() (a [numTags + 1][numTags]bool, end [numTags]bool) {
	open := func(p int) bool { return p > 0 && p < numTags && (posOf(p) == posB || posOf(p) == posI) }
	for p := 0; p <= numTags; p++ {
		for t := 0; t < numTags; t++ {
			if open(p) {
				a[p][t] = t > 0 && typeOf(t) == typeOf(p) && (posOf(t) == posI || posOf(t) == posL)
			} else {
				a[p][t] = t == 0 || posOf(t) == posB || posOf(t) == posU
			}
		}
	}
	for t := range end {
		end[t] = !open(t)
	}
	return a, end
}

// fromIOB converts IOB2 tags ("B-PER", "I-PER", "O") to BILOU tag ids. An
// I- tag that does not continue an entity of its type starts one, as
// conlleval reads it; unknown types are read as O.
func fromIOB(tags []string) []int {
	out := make([]int, len(tags))
	typ := func(s string) (int, bool) {
		if len(s) < 2 || s[1] != '-' {
			return -1, false
		}
		for t, name := range conllType {
			if s[2:] == name {
				return t, s[0] == 'B'
			}
		}
		return -1, false
	}
	for i, s := range tags {
		t, begin := typ(s)
		if t < 0 {
			continue
		}
		pt, _ := -1, false
		if i > 0 {
			pt, _ = typ(tags[i-1])
		}
		nt, nb := -1, false
		if i+1 < len(tags) {
			nt, nb = typ(tags[i+1])
		}
		starts := begin || pt != t
		continues := nt == t && !nb
		switch {
		case starts && continues:
			out[i] = tagOf(t, posB)
		case starts:
			out[i] = tagOf(t, posU)
		case continues:
			out[i] = tagOf(t, posI)
		default:
			out[i] = tagOf(t, posL)
		}
	}
	return out
}
