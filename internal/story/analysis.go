package story

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/entity/ner"
	"github.com/storyline-news/storyline/internal/quote"
	"github.com/storyline-news/storyline/internal/timex"
)

// Analysis is what the per-article stages find in one article.
type Analysis struct {
	// Timexes are the article's time expressions, resolved against its
	// (possibly inferred) publication date.
	Timexes []timex.Expr
	// Inference explains an inferred publication date; empty otherwise.
	Inference string
	// Mentions are the named-entity mentions the tagger found.
	Mentions []ner.Mention
	// Links are the mentions resolved to the story's entities, with the
	// role-only references ("the Ukrainian president") the resolver found.
	Links []entity.Link
	// Quotes are the article's direct quotes and reported speech, their
	// speakers linked to entities where possible.
	Quotes []quote.Quote
}

// Analyze runs the per-article stages over a alone, as `storyline
// annotate` does: entities are resolved within the article only. An
// article without a date keeps none: its text alone does not date it (see
// timex.InferDCT); its story may.
func Analyze(a *article.Article) (Analysis, []entity.Entity) {
	var an Analysis
	tagAndDate(a, &an)
	res := resolve([]article.Article{*a}, []Analysis{an})
	an.Links = res.Links[0]
	an.Quotes = quotes(a.Text, an.Links, res)
	return an, res.Entities
}

// tagAndDate runs the stages that need nothing but the article itself.
func tagAndDate(a *article.Article, an *Analysis) {
	an.Timexes = timex.Extract(a.Text, a.Published)
	an.Mentions = ner.Default().Tag(a.Text)
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
// evidence for their publication dates. Entities are then resolved across
// the story and quotes attributed to them. Each pass runs on GOMAXPROCS
// goroutines, an article at a time, and starts no more articles once ctx
// is done, returning its error.
func analyzeAll(ctx context.Context, arts []article.Article) ([]Analysis, error) {
	out := make([]Analysis, len(arts))
	var dated, undated []int
	for i := range arts {
		if arts[i].Published.IsZero() {
			undated = append(undated, i)
		} else {
			dated = append(dated, i)
		}
	}
	err := each(ctx, len(dated), func(k int) { tagAndDate(&arts[dated[k]], &out[dated[k]]) })
	if err != nil {
		return nil, err
	}
	var known []timex.Known
	for _, i := range dated {
		known = append(known, timex.Known{Date: arts[i].Published})
		for _, e := range out[i].Timexes {
			if t, p, ok := e.Date(); ok && p == timex.PrecisionDay && !e.Expected {
				known = append(known, timex.Known{Date: t, Event: true})
			}
		}
	}
	err = each(ctx, len(undated), func(k int) {
		i := undated[k]
		out[i].Inference = infer(&arts[i], known)
		tagAndDate(&arts[i], &out[i])
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// each calls fn(0) … fn(n-1) on up to GOMAXPROCS goroutines, each taking
// the next call as it finishes one, and returns when all calls have
// returned. Once ctx is done it starts no more calls, and returns ctx's
// error.
func each(ctx context.Context, n int, fn func(int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < n && ctx.Err() == nil; k = int(next.Add(1) - 1) {
				fn(k)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// resolve links the mentions of every article to the story's entities.
func resolve(arts []article.Article, ans []Analysis) entity.Result {
	docs := make([]entity.Doc, len(arts))
	for i := range arts {
		ms := make([]entity.Mention, len(ans[i].Mentions))
		for j, m := range ans[i].Mentions {
			ms[j] = entity.Mention(m)
		}
		docs[i] = entity.Doc{ArticleID: arts[i].ID, Text: arts[i].Text, Mentions: ms}
	}
	return entity.Resolve(docs)
}

// quotes extracts an article's quotes with its resolved mentions, and names
// each linked speaker by its entity's canonical name.
func quotes(text string, links []entity.Link, res entity.Result) []quote.Quote {
	ms := make([]quote.Mention, 0, len(links))
	for _, l := range links {
		ms = append(ms, quote.Mention{Start: l.Start, End: l.End, Text: l.Text, Type: l.Type, Entity: l.Entity})
	}
	qs := quote.Extract(text, quote.Options{Mentions: ms, Tagged: true})
	var byAlias map[string]string
	for i := range qs {
		q := &qs[i]
		if q.SpeakerEntity == "" && q.Speaker != "" {
			if byAlias == nil {
				byAlias = speakerAliases(res)
			}
			q.SpeakerEntity = byAlias[q.Speaker]
		}
		if e, ok := res.Entity(q.SpeakerEntity); ok {
			q.Speaker = e.Name
		}
	}
	return qs
}

// speakerAliases maps each alias of the people and organizations of res to
// its entity, leaving out aliases that two of them share. A speaker found
// through a name phrase the tagger did not mark as one ("he", back to
// "President Reagan's support") is linked by its name.
func speakerAliases(res entity.Result) map[string]string {
	m := map[string]string{}
	for _, e := range res.Entities {
		if e.Type != entity.Person && e.Type != entity.Organization {
			continue
		}
		for _, a := range e.Aliases {
			if id, seen := m[a]; seen && id != e.ID {
				m[a] = ""
			} else {
				m[a] = e.ID
			}
		}
	}
	return m
}
