package dossier

import (
	"math"

	"github.com/storyline-news/storyline/internal/reuse"
	"github.com/storyline-news/storyline/internal/story"
)

// round3 rounds a score to three decimals, enough for people and stable
// across platforms.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func fromReuse(r story.Reuse) Reuse {
	out := Reuse{
		A: r.A, B: r.B, Relation: string(r.Kind), Similarity: round3(r.Similarity),
		Passages: make([]Passage, 0, len(r.Passages)),
	}
	for _, p := range r.Passages {
		out.Passages = append(out.Passages, Passage{
			AStart: p.AStart, AEnd: p.AEnd, BStart: p.BStart, BEnd: p.BEnd, Text: p.Text, Origin: p.Origin,
		})
	}
	for _, c := range r.Changes {
		out.Changes = append(out.Changes, fromChange(c))
	}
	return out
}

func fromChange(c reuse.Change) Change {
	out := Change{Op: string(c.Op)}
	if c.Op != reuse.Added {
		out.OldStart, out.OldEnd = &c.Old.Start, &c.Old.End
	}
	if c.Op != reuse.Removed {
		out.NewStart, out.NewEnd = &c.New.Start, &c.New.End
	}
	switch c.Op {
	case reuse.Edited:
		out.OldText, out.NewText = c.Old.Text, c.New.Text
	case reuse.Removed:
		out.OldText = c.Old.Text
	case reuse.Added:
		out.NewText = c.New.Text
	}
	return out
}

// fromOrigin returns the wire form of an article's origin, or nil when the
// article is all its own.
func fromOrigin(o reuse.Origin) *Origin {
	if len(o.Shares) == 0 || o.Length == 0 {
		return nil
	}
	out := &Origin{Original: round3(o.OriginalFraction())}
	for _, s := range o.Shares {
		out.SharedFrom = append(out.SharedFrom, Share{Article: s.From, Chars: s.Length})
	}
	return out
}
