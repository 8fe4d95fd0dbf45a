package story

import (
	"strings"

	"github.com/storyline-news/storyline/internal/quote"
)

// minReported is the least number of words of reported speech worth
// listing in a dossier: shorter spans ("the promise", "this proposal") are
// attributions of a thing, not of a statement.
const minReported = 4

// Notable returns the quotes of one article worth listing in a story's
// dossier: every direct quote, and reported speech with a known speaker
// and a statement (not the object of "praised" or an intention, see
// quote.Quote.Statement) of some length that no longer quote of the same
// speaker already contains. Annotations keep everything the quote stage found.
func Notable(qs []quote.Quote) []quote.Quote {
	var out []quote.Quote
	for i, q := range qs {
		if q.Direct {
			out = append(out, q)
			continue
		}
		if q.Speaker == "" || !q.Statement || len(strings.Fields(q.Content())) < minReported || contained(qs, i) {
			continue
		}
		out = append(out, q)
	}
	return out
}

// contained reports whether another quote of the same speaker contains
// quote i.
func contained(qs []quote.Quote, i int) bool {
	q := qs[i]
	for j, o := range qs {
		if j != i && o.Speaker == q.Speaker && o.Start <= q.Start && q.End <= o.End &&
			(o.End-o.Start > q.End-q.Start || j < i) {
			return true
		}
	}
	return false
}
