package quote

import "strings"

// cueKind says what follows a cue verb.
type cueKind uint8

const (
	cueSay   cueKind = iota + 1 // a clause: said (that) …
	cueTell                     // a recipient, then a clause: told reporters (that) …
	cueObj                      // a noun phrase: praised the promise, denied the claims
	cueQuote                    // nothing reported: attributes direct quotes only (continued, joked)
)

// cueInfo describes one word form of a cue verb.
type cueInfo struct {
	kind       cueKind
	participle bool // an -ing form (saying, telling): its subject is often the sentence's
	weak       bool // also a common noun (report, claims): needs a subject right before it
}

// cueAt returns the cue description of word w, if w is a cue form.
func cueAt(w string) (cueInfo, bool) {
	e := lookup(w)
	return e.cue, e.isCue
}

// Verb lists. A bare verb is regular and expands to its four forms; an
// irregular verb lists them as base/3sg/past/ing (past may be "past|participle").
const (
	sayVerbs = `say/says/said/saying add argue insist note claim state explain suggest indicate
		announce acknowledge admit/admits/admitted/admitting believe think/thinks/thought/thinking
		predict promise pledge vow report tweet post write/writes/wrote|written/writing confirm
		deny/denies/denied/denying agree declare contend maintain assert stress emphasize
		emphasise recall reply/replies/replied/replying respond answer concede caution signal
		reveal estimate conclude allege testify/testifies/testified/testifying mention remark
		observe propose boast reiterate recount complain speculate worry/worries/worried/worrying
		fear feel/feels/felt/feeling hint warn explain charge counter insist predict lament
		concede assure/assures/assured/assuring point acknowledge stipulate clarify/clarifies/clarified/clarifying
		retort muse surmise posit declare proclaim announce disclose divulge affirm reaffirm
		guarantee vow/vows/vowed/vowing pledge demand swear/swears/swore|sworn/swearing threaten
		hope expect find/finds/found/finding show/shows/showed|shown/showing decline refuse
		comment want know/knows/knew|known/knowing seem appear seek/seeks/sought/seeking`
	tellVerbs = `tell/tells/told/telling ask inform remind assure urge advise notify caution
		warn brief/briefs/briefed/briefing`
	objVerbs = `thank praise criticize criticise call describe dub/dubs/dubbed/dubbing label/labels/labeled/labeling
		denounce condemn slam/slams/slammed/slamming blast attack accuse blame endorse support
		oppose reject dismiss defend welcome hail applaud question challenge cite decry
		back refer/refers/referred/referring talk deride mock ridicule lambaste scold rebuke chide castigate`
	quoteVerbs = `continue joke quip/quips/quipped/quipping laugh shout yell chant scream exclaim muse sigh whisper
		recount recite read/reads/read/reading interject interrupt conclude bark gush crack
		deadpan sneer scoff cry/cries/cried/crying plead beg/begs/begged/begging venture wonder
		marvel confide confess murmur boom thunder intone chime go/goes/went|gone/going
		shoot/shoots/shot/shooting fire speak/speaks/spoke|spoken/speaking begin/begins/began|begun/beginning
		tease quote fume press start repeat cut/cuts/cut/cutting opine sing/sings/sang|sung/singing
		exhort remember retaliate offer counter rant rave protest object interrupt respond
		rebut/rebuts/rebutted/rebutting`
)

// weakForms are cue forms that are more often nouns or other verbs.
const weakForms = `report reports post posts call calls claim claims state states note notes
	hope hopes fear fears estimate estimates promise promises answer answers reply replies
	demand demands support attack attacks question questions challenge challenges tweet tweets
	charge charges counter point points show shows find finds signal signals expect expects
	welcome welcomes label labels cite cites read reads concern warning warnings feel guarantee
	guarantees pledge pledges vow vows demand demands back backs appear appears know talk talks remark remarks called calling comment comments`

func buildCues() map[string]cueInfo {
	m := make(map[string]cueInfo, 1024)
	for _, l := range []struct {
		k     cueKind
		verbs string
	}{{cueQuote, quoteVerbs}, {cueObj, objVerbs}, {cueSay, sayVerbs}, {cueTell, tellVerbs}} {
		for _, v := range strings.Fields(l.verbs) {
			f := verbForms(v)
			for i, w := range f {
				m[w] = cueInfo{kind: l.k, participle: i == len(f)-1}
			}
		}
	}
	for _, w := range strings.Fields(weakForms) {
		c := m[w]
		c.weak = true
		m[w] = c
	}
	return m
}

// verbForms returns base, 3sg, past (and participle) and -ing forms of v.
func verbForms(v string) []string {
	if strings.Contains(v, "/") {
		var f []string
		for _, p := range strings.Split(v, "/") {
			f = append(f, strings.Split(p, "|")...)
		}
		return f
	}
	n := len(v)
	switch {
	case strings.HasSuffix(v, "e"):
		return []string{v, v + "s", v + "d", v[:n-1] + "ing"}
	case strings.HasSuffix(v, "y") && !strings.ContainsRune("aeiou", rune(v[n-2])):
		return []string{v, v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"}
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		return []string{v, v + "es", v + "ed", v + "ing"}
	}
	return []string{v, v + "s", v + "ed", v + "ing"}
}

func isDash(p string) bool { return p == "-" || p == "—" || p == "–" || p == "―" }

func relative(w string) bool { return w == "who" || w == "which" || w == "that" }

// cueFollows reports whether a strong cue comes before the next punctuation.
func (x *extractor) cueFollows(k, hi int) bool {
	for ; k < hi && x.isWord(k); k++ {
		if ci, ok := x.cue(k); ok && !ci.weak {
			return true
		}
	}
	return false
}

// shortTail reports whether the clause from token k ends within a few
// tokens of adjuncts, with no reported content of its own: "said.", "said
// in a statement.", "told reporters on Monday,".
func (x *extractor) shortTail(k, hi int) bool {
	for n := 0; k < hi && n <= 7; k, n = k+1, n+1 {
		t := x.toks[k]
		if t.kind == kPunct && (isTerminal(x.word(k)) || x.is(k, ",") || x.is(k, ";")) {
			return true
		}
		if t.kind != kWord || x.is(k, "that") {
			return false
		}
		c := x.cls(k)
		if n == 0 && tailBreak[x.word(k)] {
			return true // said as he launched the process
		}
		if n == 0 && c&(cPrep|cTime|cAux) == 0 && !strings.HasSuffix(x.word(k), "ly") ||
			c&(cVerbish|cPronoun) != 0 && c&cPrep == 0 {
			return false
		}
		if _, ok := x.cue(k); ok {
			return false
		}
	}
	return k >= hi
}

// particle reports a word that completes the cue verb v: "shot back",
// "cried out", "cut in", "went on", "put it".
func particle(w, v string) bool {
	switch w {
	case "back", "out", "up":
		return true
	case "in":
		return v == "cut" || v == "cuts" || v == "chimed" || v == "chimes"
	case "on":
		return v == "went" || v == "goes" || v == "go" || v == "going"
	case "it":
		return v == "put" || v == "puts"
	}
	return false
}

// tailBreak are the words that may end a short cue clause by opening a
// subordinate one: "…,” Sessions said as he launched the process.
var tailBreak = map[string]bool{
	"as": true, "while": true, "when": true, "after": true, "before": true, "because": true,
	"since": true, "though": true, "although": true, "adding": true, "noting": true,
}

// cueEnd returns the end of the cue at token v: a telling verb takes its
// recipient along (told reporters, telling Macron).
func (x *extractor) cueEnd(v int, ci cueInfo, hi int) int {
	e := v + 1
	if e < hi && ci.kind != cueTell && particle(x.word(e), x.word(v)) {
		return e + 1 // cried out, shot back, went on, put it
	}
	if ci.kind != cueTell || e >= hi || !x.isWord(e) || x.is(e, "that") {
		return e
	}
	if objPronouns[x.word(e)] {
		return e + 1
	}
	p := x.npAfter(e, min(hi, e+5))
	if !p.ok() || p.hi-p.lo > 4 {
		return e
	}
	if x.cls(p.lo)&cPronoun != 0 {
		return e
	}
	return p.hi
}

// quoteOnlyWeak are weak cue forms that even right before a quotation are
// more likely nouns: the TV show “Shark Tank”.
func quoteOnlyWeak(w string) bool {
	switch w {
	case "show", "shows", "call", "calls", "post", "posts", "question", "questions", "answer":
		return true
	}
	return false
}

// weakCue reports whether the noun-like cue form at j is used as a verb: a
// pronoun or name right before it, and no determiner.
func (x *extractor) weakCue(j, lo int) bool {
	p := x.subjectBefore(j, lo)
	if !p.ok() || p.hi != j {
		return false
	}
	if x.cls(p.head)&(cPronoun|cSource) != 0 {
		return true // he claims, a new poll shows
	}
	n := x.nameOf[p.head]
	return n >= 0 && int(x.names[n].lo) == p.lo && !x.names[n].poss // not "a Truth Social post"
}

// toVerbs take an infinitive as their content: agreed to meet, declined to
// comment.
var toVerbs = map[string]bool{
	"agree": true, "agrees": true, "agreed": true, "agreeing": true, "promise": true,
	"promises": true, "promised": true, "promising": true, "pledge": true, "pledged": true,
	"pledges": true, "vow": true, "vowed": true, "vows": true, "threaten": true,
	"threatened": true, "threatens": true, "hope": true, "hoped": true, "hopes": true,
	"expect": true, "expected": true, "expects": true, "decline": true, "declined": true,
	"declines": true, "refuse": true, "refused": true, "refuses": true, "swore": true,
	"vowing": true, "want": true, "wants": true, "wanted": true, "seem": true, "seems": true,
	"seemed": true, "appear": true, "appears": true, "appeared": true, "seek": true, "seeks": true,
	"sought": true, "declining": true, "refusing": true, "threatening": true, "hoping": true,
}
