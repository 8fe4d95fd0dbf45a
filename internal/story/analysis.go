package story

import (
	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/timex"
)

// Analysis is what the per-article stages find in one article.
type Analysis struct {
	// Timexes are the article's time expressions, resolved against its
	// (possibly inferred) publication date.
	Timexes []timex.Expr
	// Inference explains an inferred publication date; empty otherwise.
	Inference string
}

// Analyze runs the per-article stages over a. An article without a date
// gets one inferred from its own text when the text alone dates it.
func Analyze(a *article.Article) Analysis {
	var an Analysis
	if a.Published.IsZero() {
		an.Inference = infer(a, nil)
	}
	an.Timexes = timex.Extract(a.Text, a.Published)
	return an
}

// infer dates an undated article from its text and what its story knows,
// and returns the reason, or "" when nothing dates it. Only a date that the
// text supports is taken: the story's dates merely bound and inform it.
func infer(a *article.Article, known []timex.Known) string {
	inf, ok := timex.InferDCT(a.Text, known...)
	if !ok {
		return ""
	}
	a.Published = inf.Date
	a.PublishedInferred = true
	return inf.Reason
}

// analyzeAll analyzes a story's articles (sorted) in two passes: first the
// dated ones, then the undated ones with the dates the first pass found as
// evidence for their publication dates.
func analyzeAll(arts []article.Article) []Analysis {
	out := make([]Analysis, len(arts))
	var known []timex.Known
	for i := range arts {
		if arts[i].Published.IsZero() {
			continue
		}
		out[i] = Analyze(&arts[i])
		known = append(known, timex.Known{Date: arts[i].Published})
		for _, e := range out[i].Timexes {
			if t, p, ok := e.Date(); ok && p == timex.PrecisionDay && !e.Expected {
				known = append(known, timex.Known{Date: t, Event: true})
			}
		}
	}
	for i := range arts {
		if !arts[i].Published.IsZero() {
			continue
		}
		out[i].Inference = infer(&arts[i], known)
		out[i].Timexes = timex.Extract(arts[i].Text, arts[i].Published)
	}
	return out
}
