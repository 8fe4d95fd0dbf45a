package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/gz"
	"github.com/storyline-news/storyline/internal/quote"
)

// Quote attribution on PolNeAR (../shared/bench/quotes): every article of
// one split goes through quote.Extract and its quotes are compared with the
// gold attributions.
//
// Tokens are maximal runs of letters and digits, identified by position;
// punctuation is no token, because PolNeAR's direct contents include their
// quotation marks and storyline's exclude them by contract. A span's tokens
// are those starting inside one of its fragments. Two figures are reported
// for each scope, both micro-averaged over the split:
//
//   - token-overlap F1, the "overlap metric" of citron's evaluation
//     (bbc/citron, whose 83.3 on PARC 3.0 is the anchor): precision is the
//     share of system content tokens that lie in gold content, recall the
//     share of gold content tokens that lie in system content. This is the
//     figure the Quotes goal (direct quotes ≥ 88) refers to.
//   - overlap-match F1: a system quote is correct when it shares a token
//     with some gold content, a gold attribution is found when it shares a
//     token with some system quote.
//
// The two scopes are direct quotes and all attributions. For direct quotes
// recall is over the gold attributions marked direct and is earned by
// system direct quotes only; precision is over system direct quotes and is
// earned by any gold content, since a quotation inside a mixed attribution
// ("the candidate has “always run …”") is correctly extracted attributed
// speech. For all attributions every system quote counts against every gold
// attribution.
//
// Speaker accuracy: each gold attribution in scope that has a source is
// matched to the system quote in scope sharing most content tokens with it;
// the speaker is right when the system's speaker span overlaps the gold
// source span, or when the last word of the system's resolved speaker name
// is a word of the gold source ("Trump" in "Mr. Trump"). Accuracy is the
// share of matched attributions whose speaker is right. citron's anchor of
// 82.0 is its source-span exact-match F1 on PARC 3.0, a stricter but
// comparable figure.

// QuoteReport holds the scores of one PolNeAR split.
type QuoteReport struct {
	Split    string
	Articles int
	Direct   QuoteScores // gold direct quotes against system direct quotes
	All      QuoteScores // all gold attributions against all system quotes
}

// QuoteScores holds the figures of one scope. Counts are kept so that
// reports can be summed; the percentages are derived from them.
type QuoteScores struct {
	Gold, System int // gold attributions and system quotes in scope

	SysTokens, SysTokensHit   int // system content tokens, and those in gold content
	GoldTokens, GoldTokensHit int // gold content tokens, and those in system content

	SysHit, GoldHit int // system quotes and gold attributions that overlap the other side

	Matched, SpeakerRight int // gold attributions with a source matched to a system quote; right speakers
}

// TokenP returns the token-overlap precision in percent.
func (s QuoteScores) TokenP() float64 { return shareOf(s.SysTokensHit, s.SysTokens) }

// TokenR returns the token-overlap recall in percent.
func (s QuoteScores) TokenR() float64 { return shareOf(s.GoldTokensHit, s.GoldTokens) }

// TokenF1 returns the token-overlap F1 in percent: the Quotes goal's figure.
func (s QuoteScores) TokenF1() float64 { return harmonic(s.TokenP(), s.TokenR()) }

// MatchP returns the overlap-match precision in percent.
func (s QuoteScores) MatchP() float64 { return shareOf(s.SysHit, s.System) }

// MatchR returns the overlap-match recall in percent.
func (s QuoteScores) MatchR() float64 { return shareOf(s.GoldHit, s.Gold) }

// MatchF1 returns the overlap-match F1 in percent.
func (s QuoteScores) MatchF1() float64 { return harmonic(s.MatchP(), s.MatchR()) }

// Speaker returns the speaker accuracy in percent.
func (s QuoteScores) Speaker() float64 { return shareOf(s.SpeakerRight, s.Matched) }

func shareOf(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// polnearDoc is one line of polnear.jsonl.
type polnearDoc struct {
	ID           string          `json:"id"`
	Split        string          `json:"split"`
	Text         string          `json:"text"`
	Attributions []polnearAttrib `json:"attributions"`
}

type polnearAttrib struct {
	Source  *polnearSpan `json:"source"`
	Cue     *polnearSpan `json:"cue"`
	Content polnearSpan  `json:"content"`
	Direct  bool         `json:"direct"`
}

type polnearSpan struct {
	Start     int           `json:"start"`
	End       int           `json:"end"`
	Text      string        `json:"text"`
	Fragments []polnearSpan `json:"fragments"`
}

// pieces returns the span's fragments, or the span itself.
func (s polnearSpan) pieces() [][2]int {
	if len(s.Fragments) == 0 {
		return [][2]int{{s.Start, s.End}}
	}
	out := make([][2]int, len(s.Fragments))
	for i, f := range s.Fragments {
		out[i] = [2]int{f.Start, f.End}
	}
	return out
}

// QuoteScore scores quote.Extract on the articles of split ("train", "dev"
// or "test") in r, PolNeAR as JSON Lines, gzip-compressed or not.
func QuoteScore(r io.Reader, split string) (QuoteReport, error) {
	rep := QuoteReport{Split: split}
	err := readPolNEAR(r, func(d polnearDoc) {
		if d.Split != split {
			return
		}
		rep.Articles++
		scoreArticle(&rep, d, quote.Extract(d.Text, quote.Options{}))
	})
	if err != nil {
		return rep, fmt.Errorf("quote score %s: %w", split, err)
	}
	return rep, nil
}

// readPolNEAR calls fn for every article in r, detecting gzip by its magic
// number.
func readPolNEAR(r io.Reader, fn func(polnearDoc)) error {
	br, err := gz.Reader(r)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(br)
	for {
		var d polnearDoc
		err := dec.Decode(&d)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		fn(d)
	}
}

// scoreArticle adds the scores of one article's quotes qs to rep.
func scoreArticle(rep *QuoteReport, d polnearDoc, qs []quote.Quote) {
	toks := letterRuns(d.Text)
	gold := make([][]int, len(d.Attributions))
	for i, a := range d.Attributions {
		gold[i] = tokensIn(toks, a.Content.pieces())
	}
	sys := make([][]int, len(qs))
	for i, q := range qs {
		sys[i] = tokensIn(toks, quotePieces(q))
	}
	goldDirect := func(i int) bool { return d.Attributions[i].Direct }
	sysDirect := func(i int) bool { return qs[i].Direct }
	any := func(int) bool { return true }
	scoreScope(&rep.Direct, d, qs, gold, sys, goldDirect, sysDirect, len(toks))
	scoreScope(&rep.All, d, qs, gold, sys, any, any, len(toks))
}

// scoreScope adds one scope's counts: gold attributions where inGold holds
// against system quotes where inSys holds. System precision is earned
// against all gold content.
func scoreScope(s *QuoteScores, d polnearDoc, qs []quote.Quote, gold, sys [][]int,
	inGold, inSys func(int) bool, ntok int) {
	goldAll := tokenMask(ntok, gold, func(int) bool { return true })
	goldIn := tokenMask(ntok, gold, inGold)
	sysIn := tokenMask(ntok, sys, inSys)
	for t := range sysIn {
		if sysIn[t] {
			s.SysTokens++
			if goldAll[t] {
				s.SysTokensHit++
			}
		}
		if goldIn[t] {
			s.GoldTokens++
			if sysIn[t] {
				s.GoldTokensHit++
			}
		}
	}
	for i, ts := range sys {
		if inSys(i) {
			s.System++
			if maskedCount(ts, goldAll) > 0 {
				s.SysHit++
			}
		}
	}
	for i, ts := range gold {
		if inGold(i) {
			s.Gold++
			if maskedCount(ts, sysIn) > 0 {
				s.GoldHit++
			}
		}
	}
	scoreSpeakers(s, d, qs, gold, sys, inGold, inSys)
}

// scoreSpeakers matches every gold attribution in scope that has a source
// to the system quote in scope sharing most tokens with it, and counts the
// matches whose speaker is right.
func scoreSpeakers(s *QuoteScores, d polnearDoc, qs []quote.Quote, gold, sys [][]int, inGold, inSys func(int) bool) {
	for i, ts := range gold {
		src := d.Attributions[i].Source
		if !inGold(i) || src == nil {
			continue
		}
		best, bestN := -1, 0
		for j, qt := range sys {
			if n := sharedTokens(ts, qt); inSys(j) && n > bestN {
				best, bestN = j, n
			}
		}
		if best < 0 {
			continue
		}
		s.Matched++
		if speakerRight(qs[best], *src) {
			s.SpeakerRight++
		}
	}
}

// speakerRight reports whether q's speaker is the gold source src.
func speakerRight(q quote.Quote, src polnearSpan) bool {
	if q.SpeakerStart >= 0 && q.SpeakerStart < src.End && src.Start < q.SpeakerEnd {
		return true
	}
	f := strings.Fields(q.Speaker)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], "’s"), "'s"))
	for _, w := range strings.FieldsFunc(strings.ToLower(src.Text), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '-'
	}) {
		if w == last || w == last+"s" {
			return true
		}
	}
	return false
}

// quotePieces returns q's content fragments as code-point ranges.
func quotePieces(q quote.Quote) [][2]int {
	if len(q.Fragments) == 0 {
		return [][2]int{{q.Start, q.End}}
	}
	out := make([][2]int, len(q.Fragments))
	for i, f := range q.Fragments {
		out[i] = [2]int{f.Start, f.End}
	}
	return out
}

// letterRuns returns the start and end, in code points, of every maximal
// run of letters and digits in s.
func letterRuns(s string) [][2]int {
	var out [][2]int
	start, r := -1, 0
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		word := unicode.IsLetter(c) || unicode.IsDigit(c)
		switch {
		case word && start < 0:
			start = r
		case !word && start >= 0:
			out = append(out, [2]int{start, r})
			start = -1
		}
		i, r = i+n, r+1
	}
	if start >= 0 {
		out = append(out, [2]int{start, r})
	}
	return out
}

// tokensIn returns the indices of the tokens starting inside any piece, in
// order and without repeats.
func tokensIn(toks [][2]int, pieces [][2]int) []int {
	var out []int
	seen := map[int]bool{}
	for _, p := range pieces {
		lo, hi := 0, len(toks)
		for lo < hi {
			m := (lo + hi) / 2
			if toks[m][0] < p[0] {
				lo = m + 1
			} else {
				hi = m
			}
		}
		for t := lo; t < len(toks) && toks[t][0] < p[1]; t++ {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// tokenMask returns a token mask of the sets where keep holds.
func tokenMask(n int, sets [][]int, keep func(int) bool) []bool {
	m := make([]bool, n)
	for i, ts := range sets {
		if keep(i) {
			for _, t := range ts {
				m[t] = true
			}
		}
	}
	return m
}

// maskedCount returns how many tokens of ts the mask m holds.
func maskedCount(ts []int, m []bool) int {
	n := 0
	for _, t := range ts {
		if m[t] {
			n++
		}
	}
	return n
}

// sharedTokens returns the number of tokens two sets share.
func sharedTokens(a, b []int) int {
	in := make(map[int]bool, len(a))
	for _, t := range a {
		in[t] = true
	}
	n := 0
	for _, t := range b {
		if in[t] {
			n++
		}
	}
	return n
}

// WriteTable prints the report as a table, with the goal and the published
// anchors beside it.
func (r QuoteReport) WriteTable(w io.Writer) error {
	row := func(name string, s QuoteScores) string {
		return fmt.Sprintf("%-18s %5d %5d   %5.1f (%5.1f / %5.1f)   %5.1f (%5.1f / %5.1f)   %5.1f (%d)\n",
			name, s.Gold, s.System, s.TokenF1(), s.TokenP(), s.TokenR(),
			s.MatchF1(), s.MatchP(), s.MatchR(), s.Speaker(), s.Matched)
	}
	_, err := fmt.Fprintf(w, "PolNeAR %s, %d articles\n"+
		"%-18s %5s %5s   %-21s   %-21s   %s\n%s%s"+
		"%-18s %5s %5s   %5s %-15s   %-21s   %5s\n"+
		"%-18s %5s %5s   %5s %-15s   %-21s   %5s\n",
		r.Split, r.Articles,
		"scope", "gold", "sys", "token F1 (P / R)", "match F1 (P / R)", "speaker acc (matched)",
		row("direct quotes", r.Direct), row("all attributions", r.All),
		"goal, direct", "", "", "≥ 88", "", "", "≥ 85",
		"citron, PARC 3.0", "", "", "83.3", " (all)", "", "82.0")
	return err
}
