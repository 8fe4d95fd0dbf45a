package divergence

import (
	"cmp"
	"slices"
)

// Kind says what a claim states.
type Kind string

// Kinds of claims, and of divergences: Speaker and Spelling are only
// divergences.
const (
	Amount   Kind = "amount"   // a sum of money: "$90 billion"
	Count    Kind = "count"    // a number of things: "at least eight times"
	Percent  Kind = "percent"  // a share: "5 percent"
	Deadline Kind = "deadline" // when something is due: "within two weeks"
	Date     Kind = "date"     // when something happened or will: "on Friday"
	Duration Kind = "duration" // how long something lasted: "for two hours"
	Speaker  Kind = "speaker"  // who said a claim
	Spelling Kind = "spelling" // how a name is written
)

// Claim is a figure or a date that an article attaches to a subject.
type Claim struct {
	// Article is the ID of the article (Doc.ID).
	Article string
	// Kind says what the claim states.
	Kind Kind
	// Start and End delimit the figure or date phrase in code points of
	// the article's text, half-open; Text is that phrase ("approximately
	// $90 billion", "as early as within a week", "on Friday").
	Start, End int
	Text       string
	// Value is the normalized value: "USD 90000000000", "1000000 people",
	// "P7D", "P7D/P10D", "2025-08-15".
	Value string
	// Subject is the clause the figure belongs to, as written ("the two
	// leaders will meet").
	Subject string
	// Speaker is who the article says made the claim, when it is quoted
	// or reported speech: an entity's canonical name or the phrase that
	// names the speaker; SpeakerEntity is the speaker's entity ID, or "".
	Speaker, SpeakerEntity string

	val   value
	sent  int    // sentence index
	words [2]int // word range of the phrase
	unit  int    // word index of the counted noun, or -1
	// dense marks a figure in a sentence of many ("269 yards and two
	// touchdowns on 83 carries"), which may agree but not diverge:
	// such lists align poorly.
	dense bool
}

// denseFigures is the number of figures that makes a sentence dense.
const denseFigures = 3

// Claims returns the claims of one article in text order: the amounts,
// counts and percentages it states, and the dates, deadlines and
// durations of its time expressions (Doc.Timexes). It never fails: a text
// with none yields nil.
func Claims(d Doc) []Claim {
	return extract(&d, newText(d.Text))
}

// extract returns the claims of d, whose text is t.
func extract(d *Doc, t *text) []Claim {
	skip := make([]bool, len(t.words))
	out := timeClaims(d, t, skip)
	for s, r := range t.sents {
		fs := figures(t, r[0], r[1], skip)
		for _, f := range fs {
			c := figureClaim(d, t, s, f)
			c.dense = len(fs) >= denseFigures
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Claim) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	names := entityNames(d.Mentions)
	for i := range out {
		out[i].Subject = subjectPhrase(t, &out[i])
		out[i].Speaker, out[i].SpeakerEntity = speakerOf(d.Quotes, names, out[i].Start, out[i].End)
	}
	return out
}

// figureClaim makes the claim of figure f in sentence s.
func figureClaim(d *Doc, t *text, s int, f figure) Claim {
	c := Claim{
		Article: d.ID, Kind: f.kind(),
		Start: t.words[f.from].start, End: t.words[f.to-1].end,
		sent: s, words: [2]int{f.from, f.to}, unit: f.unitWord,
	}
	c.Text = t.slice(c.Start, c.End)
	c.val = value{num: f.num, mod: f.mod, unit: f.unit}
	switch c.Kind {
	case Amount:
		c.val.unit = f.currency
		c.Value = f.currency + " " + formatNumber(f.num)
	case Percent:
		c.Value = formatNumber(f.num) + "%"
	default:
		c.Value = formatNumber(f.num) + " " + f.unit
	}
	return c
}

// entityNames maps entity IDs to their canonical names.
func entityNames(ms []Mention) map[string]string {
	names := make(map[string]string)
	for _, m := range ms {
		if m.Entity != "" && m.Name != "" {
			names[m.Entity] = m.Name
		}
	}
	return names
}

// speakerOf returns the speaker of the innermost quote whose content holds
// runes [start, end): the canonical name of its entity when known.
func speakerOf(qs []Quote, names map[string]string, start, end int) (string, string) {
	best := -1
	for i, q := range qs {
		if q.Start <= start && end <= q.End && (q.Speaker != "" || q.Entity != "") {
			if best < 0 || q.End-q.Start < qs[best].End-qs[best].Start {
				best = i
			}
		}
	}
	if best < 0 {
		return "", ""
	}
	q := qs[best]
	if n, ok := names[q.Entity]; ok {
		return n, q.Entity
	}
	return q.Speaker, q.Entity
}
