package reuse

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Paragraphs for the hand-made cases, from seed 000.
const (
	paraPeople  = "The people spoke on condition of anonymity to discuss private deliberations, and cautioned that a NATO-like mechanism would be difficult."
	paraVisit   = "It will be Zelenskiy’s first visit in the White House since February, when his Oval Office encounter with Trump turned into a public shouting match."
	paraMeeting = "He also indicated he could be looking to organize a meeting between the Russian and Ukrainian leaders as early as within a week, the people said."
	paraWalk    = "He also threatened to walk out of the talks and impose tough new punitive measures on Moscow and countries buying its oil if it wasn’t met."
	paraOther   = "Markets in Asia fell on Tuesday as investors weighed fresh inflation data, while oil prices climbed for a third straight session."
	paraOther2  = "The ministry said security guarantees for Ukraine were discussed, and officials met French President Emmanuel Macron, U.K. Prime Minister Keir Starmer and Italian Prime Minister Giorgia Meloni in Rome."
	paraOther3  = "Security guarantees for Ukraine dominated talks with French President Emmanuel Macron, U.K. Prime Minister Keir Starmer and Italian Prime Minister Giorgia Meloni, an aide said on Monday."
)

// runeSlice returns code points [from, to) of s.
func runeSlice(s string, from, to int) string { return string([]rune(s)[from:to]) }

// checkPassages verifies the invariants every alignment meets: offsets in
// range, half-open and non-empty, passages ordered by AStart and disjoint in
// both texts, Text equal to A's slice, and the two slices made of mostly the
// same tokens.
func checkPassages(t *testing.T, a, b string, ps []Passage) {
	t.Helper()
	na, nb := len([]rune(a)), len([]rune(b))
	for i, p := range ps {
		if p.AStart < 0 || p.AStart >= p.AEnd || p.AEnd > na || p.BStart < 0 || p.BStart >= p.BEnd || p.BEnd > nb {
			t.Fatalf("passage %d out of range: %+v (lengths %d, %d)", i, p, na, nb)
		}
		if p.Text != runeSlice(a, p.AStart, p.AEnd) {
			t.Errorf("passage %d: Text %q is not A[%d:%d]", i, p.Text, p.AStart, p.AEnd)
		}
		if i > 0 && ps[i-1].AEnd > p.AStart {
			t.Errorf("passages %d and %d overlap or are out of order in A", i-1, i)
		}
		if s := tokenOverlap(p.Text, runeSlice(b, p.BStart, p.BEnd)); s < 0.6 {
			t.Errorf("passage %d: slices share only %.2f of their tokens", i, s)
		}
	}
	byB := slices.Clone(ps)
	slices.SortFunc(byB, func(x, y Passage) int { return x.BStart - y.BStart })
	for i := 1; i < len(byB); i++ {
		if byB[i-1].BEnd > byB[i].BStart {
			t.Errorf("passages overlap in B: %+v, %+v", byB[i-1], byB[i])
		}
	}
}

// tokenOverlap returns the fraction of the tokens of the longer of a and b
// that the other also has (as a multiset of loose keys).
func tokenOverlap(a, b string) float64 {
	ta, tb := tokenize(a), tokenize(b)
	if len(ta) < len(tb) {
		ta, tb = tb, ta
	}
	count := make(map[uint64]int)
	for _, t := range tb {
		count[t.key]++
	}
	n := 0
	for _, t := range ta {
		if count[t.key] > 0 {
			count[t.key]--
			n++
		}
	}
	return float64(n) / float64(max(1, len(ta)))
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want [][2]string // passages: A's text, B's text
	}{
		{"identical", paraPeople, paraPeople, [][2]string{{paraPeople, paraPeople}}},
		{"respelled name and contraction", paraVisit,
			"It’ll be Zelensky’s first visit in the White House since February, when his Oval Office encounter with Trump turned into a public shouting match.",
			[][2]string{{paraVisit, "It’ll be Zelensky’s first visit in the White House since February, when his Oval Office encounter with Trump turned into a public shouting match."}}},
		{"pronoun replaced by a name", paraMeeting, strings.Replace(paraMeeting, "He also", "Trump also", 1),
			[][2]string{{paraMeeting, strings.Replace(paraMeeting, "He also", "Trump also", 1)}}},
		{"dropped clause and swapped words", paraWalk,
			"He also threatened to walk out and impose tough new punitive measures on Moscow and nations buying its oil if it was not met.",
			[][2]string{{paraWalk, "He also threatened to walk out and impose tough new punitive measures on Moscow and nations buying its oil if it was not met."}}},
		{"reordered paragraphs", paraPeople + "\n\n" + paraMeeting + "\n\n" + paraWalk, paraWalk + "\n\n" + paraPeople + "\n\n" + paraMeeting,
			[][2]string{{paraPeople, paraPeople}, {paraMeeting, paraMeeting}, {paraWalk, paraWalk}}},
		{"passage inside other text", paraOther + " " + paraPeople, "Officials were cautious. " + paraPeople + " Talks go on.",
			[][2]string{{paraPeople, paraPeople}}},
		{"unrelated", paraOther, paraPeople, nil},
		{"common phrases and names only", paraOther2, paraOther3, nil},
		{"empty", "", paraPeople, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Align(tt.a, tt.b, Options{})
			checkPassages(t, tt.a, tt.b, ps)
			var got [][2]string
			for _, p := range ps {
				got = append(got, [2]string{p.Text, runeSlice(tt.b, p.BStart, p.BEnd)})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Align mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAlignExactSlices checks that passages between texts that share
// paragraphs verbatim slice to the same normalized text in both.
func TestAlignExactSlices(t *testing.T) {
	a := paraOther + "\n\n" + paraPeople + "\n\n" + paraMeeting
	b := "“" + paraMeeting + "”\n" + strings.ToUpper(paraPeople[:1]) + paraPeople[1:]
	ps := Align(a, b, Options{})
	if len(ps) != 2 {
		t.Fatalf("got %d passages, want 2", len(ps))
	}
	for _, p := range ps {
		if x, y := Normalize(p.Text), Normalize(runeSlice(b, p.BStart, p.BEnd)); x != y {
			t.Errorf("slices differ:\n%q\n%q", x, y)
		}
	}
}

func TestAlignSeeds(t *testing.T) {
	arts := loadSeeds(t)
	for i := range arts {
		for j := range arts {
			ps := Align(arts[i].Text, arts[j].Text, Options{})
			checkPassages(t, arts[i].Text, arts[j].Text, ps)
			related := i == j || i+j == 1 // 000 and 001
			if !related && len(ps) > 0 {
				t.Errorf("%s and %s share %d passages, want none: %q", arts[i].SourceRef, arts[j].SourceRef, len(ps), ps[0].Text)
			}
			if i+j == 1 && len(ps) != 7 {
				t.Errorf("000 and 001 share %d passages, want 7", len(ps))
			}
		}
	}
}

func TestAlignDeterministic(t *testing.T) {
	arts := loadSeeds(t)
	first := Align(arts[0].Text, arts[1].Text, Options{})
	for range 5 {
		if diff := cmp.Diff(first, Align(arts[0].Text, arts[1].Text, Options{})); diff != "" {
			t.Fatalf("Align is not deterministic:\n%s", diff)
		}
	}
}

func FuzzAlign(f *testing.F) {
	f.Add(paraPeople, paraPeople)
	f.Add(paraVisit, "It’ll be Zelensky’s first visit in the White House since February.")
	f.Add(paraPeople+"\n\n"+paraMeeting, paraMeeting+"\n"+paraPeople)
	f.Add("a a a a a a a a a a a a a a", "a a a a a a a a a a a a")
	f.Add("it's'n'''t  don't—“x” y.", "it is not x y")
	f.Fuzz(func(t *testing.T, a, b string) {
		ps := Align(a, b, Options{MinWords: 3, MaxGap: 2})
		checkRanges(t, a, b, ps)
		ps = Align(a, b, Options{})
		checkRanges(t, a, b, ps)
	})
}

// checkRanges verifies the invariants that hold for any input: offsets in
// range and ordered, passages disjoint, Text equal to A's slice.
func checkRanges(t *testing.T, a, b string, ps []Passage) {
	na, nb := len([]rune(a)), len([]rune(b))
	ends := map[bool][][2]int{}
	for i, p := range ps {
		if p.AStart < 0 || p.AStart >= p.AEnd || p.AEnd > na || p.BStart < 0 || p.BStart >= p.BEnd || p.BEnd > nb {
			t.Fatalf("passage %d out of range: %+v (lengths %d, %d)", i, p, na, nb)
		}
		if string([]rune(p.Text)) != runeSlice(a, p.AStart, p.AEnd) {
			t.Fatalf("passage %d: Text %q is not A's slice %q", i, p.Text, runeSlice(a, p.AStart, p.AEnd))
		}
		if i > 0 && ps[i-1].AEnd > p.AStart {
			t.Fatalf("passages %d and %d overlap or are out of order in A", i-1, i)
		}
		ends[true] = append(ends[true], [2]int{p.BStart, p.BEnd})
	}
	bs := ends[true]
	slices.SortFunc(bs, func(x, y [2]int) int { return x[0] - y[0] })
	for i := 1; i < len(bs); i++ {
		if bs[i-1][1] > bs[i][0] {
			t.Fatalf("passages overlap in B: %v %v", bs[i-1], bs[i])
		}
	}
}

// TestAlignRepetitive guards the work bounds: texts that repeat one phrase
// thousands of times align in linear time (a hang would time out).
func TestAlignRepetitive(t *testing.T) {
	for _, unit := range []string{"a ", "a b ", "the people said that the people said "} {
		a := strings.Repeat(unit, 16000/len(strings.Fields(unit)))
		ps := Align(a, a, Options{MinWords: 3, MaxGap: 2})
		checkRanges(t, a, a, ps)
		if len(ps) == 0 {
			t.Errorf("%q repeated: no passage", unit)
		}
	}
}
