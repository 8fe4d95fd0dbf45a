package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/storyline-news/storyline/internal/gz"
	"github.com/storyline-news/storyline/internal/timex"
)

// TimexPRF is a precision, recall and F1 triple in percent, with the counts
// behind it.
type TimexPRF struct {
	P, R, F1           float64
	Matched, Sys, Gold int
}

// timexPRF computes the figures of matched timexes among sys system and
// gold gold ones.
func timexPRF(matched, sys, gold int) TimexPRF {
	s := TimexPRF{Matched: matched, Sys: sys, Gold: gold}
	if sys > 0 {
		s.P = 100 * float64(matched) / float64(sys)
	}
	if gold > 0 {
		s.R = 100 * float64(matched) / float64(gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// scaled returns the attribute score of the TempEval-3 scorer: the
// relaxed figures multiplied by an attribute's accuracy.
func (s TimexPRF) scaled(acc float64) TimexPRF {
	return TimexPRF{P: s.P * acc, R: s.R * acc, F1: s.F1 * acc, Matched: s.Matched, Sys: s.Sys, Gold: s.Gold}
}

// TimexReport holds the TempEval-3 time expression scores of package timex
// on a TIMEX3 gold set (see ../shared/bench/timex/README.md).
type TimexReport struct {
	// Docs is the number of documents scored.
	Docs int
	// Strict counts identical spans; Relaxed, overlapping ones. Each gold
	// timex matches at most one system timex.
	Strict, Relaxed TimexPRF
	// Value and Type are the relaxed scores times the accuracy of the
	// attribute over relaxed matches; ValueAcc and TypeAcc are those
	// accuracies (0..1).
	Value, Type       TimexPRF
	ValueAcc, TypeAcc float64
	// ByType breaks the figures down by TIMEX3 type: recall by gold type,
	// precision by system type.
	ByType []TypeScore
	// Errors lists every missed, spurious or wrongly normalized timex, in
	// document order.
	Errors []TimexError
}

// TypeScore holds the figures of one TIMEX3 type.
type TypeScore struct {
	Type            string
	Strict, Relaxed TimexPRF
	// ValueAcc is the value accuracy over the relaxed matches of gold
	// timexes of this type.
	ValueAcc float64
}

// TimexError is one disagreement between the gold set and package timex.
type TimexError struct {
	Doc  string
	Kind string // "missed", "spurious", "span", "value", "type"
	// Gold and Sys are the two timexes ("" when absent), Context the
	// sentence around them.
	Gold, Sys, Context string
}

// te3Doc is one line of a bench/timex JSON Lines file.
type te3Doc struct {
	ID      string     `json:"id"`
	DCT     string     `json:"dct"`
	Text    string     `json:"text"`
	Timexes []te3Timex `json:"timexes"`
}

type te3Timex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// TimexScore runs package timex over every document of r, a TempEval-3
// file in JSON Lines (gzip-compressed or not, detected by its magic
// number), each resolved against its own creation time, and scores the
// result as the TempEval-3 scorer does, on characters: a strict match is
// an identical span after trimming white space, a relaxed match an overlap.
func TimexScore(r io.Reader) (TimexReport, error) {
	docs, err := readTE3(r)
	if err != nil {
		return TimexReport{}, fmt.Errorf("timex score: %w", err)
	}
	var t timexTally
	for _, d := range docs {
		dct, err := time.Parse(time.DateOnly, d.DCT[:min(len(d.DCT), 10)])
		if err != nil {
			return TimexReport{}, fmt.Errorf("timex score: doc %s: dct %q: %w", d.ID, d.DCT, err)
		}
		t.doc(d, timex.Extract(d.Text, dct))
	}
	return t.report(len(docs)), nil
}

// readTE3 decodes the documents of r.
func readTE3(r io.Reader) ([]te3Doc, error) {
	br, err := gz.Reader(r)
	if err != nil {
		return nil, err
	}
	var docs []te3Doc
	dec := json.NewDecoder(br)
	for {
		var d te3Doc
		if err := dec.Decode(&d); err == io.EOF {
			return docs, nil
		} else if err != nil {
			return nil, fmt.Errorf("line %d: %w", len(docs)+1, err)
		}
		docs = append(docs, d)
	}
}

// timexSpan is a timex reduced to what the scorer compares.
type timexSpan struct {
	start, end       int
	text, typ, value string
}

// trimSpan returns the span [start, end) of text with white space trimmed
// from both ends.
func trimSpan(start, end int, text string) timexSpan {
	lead := len(text) - len(strings.TrimLeft(text, " \t\n\r"))
	trail := len(text) - len(strings.TrimRight(text, " \t\n\r"))
	if lead == len(text) {
		return timexSpan{start: start, end: start, text: ""}
	}
	// Gold texts are ASCII (README), so bytes count code points there; for
	// system spans white space is ASCII too.
	return timexSpan{start: start + lead, end: end - trail, text: text[lead : len(text)-trail]}
}

// timexTally accumulates counts over documents.
type timexTally struct {
	gold, sys, strict, relaxed, value, typ int
	byType                                 map[string]*timexTypeTally
	errors                                 []TimexError
}

type timexTypeTally struct {
	gold, sys, strictG, strictS, relaxedG, relaxedS, value int
}

func (t *timexTally) of(typ string) *timexTypeTally {
	if t.byType == nil {
		t.byType = make(map[string]*timexTypeTally)
	}
	if t.byType[typ] == nil {
		t.byType[typ] = new(timexTypeTally)
	}
	return t.byType[typ]
}

// doc matches the system timexes sys of document d against its gold ones
// and counts the result. Exact matches pair first; the remaining gold
// timexes then take the unpaired system timex they overlap most.
func (t *timexTally) doc(d te3Doc, sys []timex.Expr) {
	gold := make([]timexSpan, len(d.Timexes))
	for i, g := range d.Timexes {
		gold[i] = trimSpan(g.Start, g.End, g.Text)
		gold[i].typ, gold[i].value = g.Type, g.Value
	}
	ss := make([]timexSpan, len(sys))
	for i, e := range sys {
		ss[i] = trimSpan(e.Start, e.End, e.Text)
		ss[i].typ, ss[i].value = string(e.Type), e.Value
	}
	pair := make([]int, len(gold)) // gold i → system index, or -1
	used := make([]bool, len(ss))
	for i, g := range gold {
		pair[i] = -1
		for j, s := range ss {
			if !used[j] && s.start == g.start && s.end == g.end {
				pair[i], used[j] = j, true
				break
			}
		}
	}
	for i, g := range gold {
		if pair[i] >= 0 {
			continue
		}
		best, bestOv := -1, 0
		for j, s := range ss {
			if ov := min(s.end, g.end) - max(s.start, g.start); !used[j] && ov > bestOv {
				best, bestOv = j, ov
			}
		}
		if best >= 0 {
			pair[i], used[best] = best, true
		}
	}
	t.count(d, gold, ss, pair, used)
}

// count adds the pairing of one document to the tally.
func (t *timexTally) count(d te3Doc, gold, sys []timexSpan, pair []int, used []bool) {
	t.gold += len(gold)
	t.sys += len(sys)
	for _, s := range sys {
		t.of(s.typ).sys++
	}
	for j, s := range sys {
		if !used[j] {
			t.errorf(d, "spurious", timexSpan{}, s)
			continue
		}
		tt := t.of(s.typ)
		tt.relaxedS++
		for i, p := range pair {
			if p == j && gold[i].start == s.start && gold[i].end == s.end {
				tt.strictS++
			}
		}
	}
	for i, g := range gold {
		tt := t.of(g.typ)
		tt.gold++
		if pair[i] < 0 {
			t.errorf(d, "missed", g, timexSpan{})
			continue
		}
		s := sys[pair[i]]
		t.relaxed++
		tt.relaxedG++
		if s.start == g.start && s.end == g.end {
			t.strict++
			tt.strictG++
		} else {
			t.errorf(d, "span", g, s)
		}
		if s.value == g.value {
			t.value++
			tt.value++
		} else {
			t.errorf(d, "value", g, s)
		}
		if s.typ == g.typ {
			t.typ++
		} else {
			t.errorf(d, "type", g, s)
		}
	}
}

// errorf records one error with the sentence around it.
func (t *timexTally) errorf(d te3Doc, kind string, g, s timexSpan) {
	at := g
	if g.text == "" {
		at = s
	}
	r := []rune(d.Text)
	from, to := max(0, at.start-60), min(len(r), at.end+40)
	ctx := strings.ReplaceAll(string(r[from:at.start])+"["+string(r[at.start:at.end])+"]"+string(r[at.end:to]), "\n", " ")
	t.errors = append(t.errors, TimexError{Doc: d.ID, Kind: kind, Gold: g.String(), Sys: s.String(), Context: ctx})
}

func (s timexSpan) String() string {
	if s.text == "" && s.typ == "" {
		return ""
	}
	return fmt.Sprintf("%q %s %s", s.text, s.typ, s.value)
}

// report turns the tally into figures.
func (t *timexTally) report(docs int) TimexReport {
	r := TimexReport{Docs: docs, Strict: timexPRF(t.strict, t.sys, t.gold), Relaxed: timexPRF(t.relaxed, t.sys, t.gold), Errors: t.errors}
	if t.relaxed > 0 {
		r.ValueAcc = float64(t.value) / float64(t.relaxed)
		r.TypeAcc = float64(t.typ) / float64(t.relaxed)
	}
	r.Value, r.Type = r.Relaxed.scaled(r.ValueAcc), r.Relaxed.scaled(r.TypeAcc)
	types := make([]string, 0, len(t.byType))
	for typ := range t.byType {
		types = append(types, typ)
	}
	sort.Strings(types)
	for _, typ := range types {
		tt := t.byType[typ]
		ts := TypeScore{Type: typ, Strict: timexPRFSplit(tt.strictS, tt.strictG, tt.sys, tt.gold),
			Relaxed: timexPRFSplit(tt.relaxedS, tt.relaxedG, tt.sys, tt.gold)}
		if tt.relaxedG > 0 {
			ts.ValueAcc = float64(tt.value) / float64(tt.relaxedG)
		}
		r.ByType = append(r.ByType, ts)
	}
	return r
}

// timexPRFSplit is timexPRF with precision and recall counted on different sides,
// as a per-type breakdown needs: a system DATE may match a gold DURATION.
func timexPRFSplit(matchedSys, matchedGold, sys, gold int) TimexPRF {
	p, r := timexPRF(matchedSys, sys, gold), timexPRF(matchedGold, sys, gold)
	s := TimexPRF{P: p.P, R: r.R, Matched: matchedGold, Sys: sys, Gold: gold}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// HeidelTime's TE3 platinum figures (HeidelTime 1.8, official TE3 scorer;
// ../shared/bench/timex/README.md).
var heidelTimePlatinum = TimexReport{
	Strict:  TimexPRF{P: 83.85, R: 78.99, F1: 81.34},
	Relaxed: TimexPRF{P: 93.08, R: 87.68, F1: 90.30},
	Value:   TimexPRF{F1: 77.61},
	Type:    TimexPRF{F1: 82.09},
}

// String formats r as a table beside HeidelTime's platinum figures.
func (r TimexReport) String() string {
	var b strings.Builder
	r.Write(&b)
	return b.String()
}

// Write prints r as a table: overall figures beside HeidelTime's, then
// the breakdown by type.
func (r TimexReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "TempEval-3 timex (%d docs, %d gold, %d system)\t\t\t\t\t\t\t\t\t\n", r.Docs, r.Strict.Gold, r.Strict.Sys)
	fmt.Fprintf(tw, "system\tstrict P\tstrict R\tstrict F1\trelaxed P\trelaxed R\trelaxed F1\tvalue F1\ttype F1\t\n")
	for _, row := range []struct {
		name string
		r    TimexReport
	}{{"storyline", r}, {"HeidelTime (platinum)", heidelTimePlatinum}} {
		x := row.r
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t\n", row.name,
			x.Strict.P, x.Strict.R, x.Strict.F1, x.Relaxed.P, x.Relaxed.R, x.Relaxed.F1, x.Value.F1, x.Type.F1)
	}
	fmt.Fprintf(tw, "\t\t\t\t\t\t\t\t\t\n")
	fmt.Fprintf(tw, "type\tgold\tsystem\tstrict F1\trelaxed P\trelaxed R\trelaxed F1\tvalue acc\t\t\n")
	for _, ts := range r.ByType {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t\t\n", ts.Type, ts.Relaxed.Gold, ts.Relaxed.Sys,
			ts.Strict.F1, ts.Relaxed.P, ts.Relaxed.R, ts.Relaxed.F1, 100*ts.ValueAcc)
	}
	return tw.Flush()
}

// WriteErrors prints r's errors, one a line, for development.
func (r TimexReport) WriteErrors(w io.Writer) error {
	for _, e := range r.Errors {
		if _, err := fmt.Fprintf(w, "%-8s %s | gold %s | sys %s | %s\n", e.Kind, e.Doc, e.Gold, e.Sys, e.Context); err != nil {
			return err
		}
	}
	return nil
}
