package divergence

import (
	"slices"
	"strings"
)

// nameForm is one written form of a word of an entity's name.
type nameForm struct {
	key string // see spellingKey
	src Source
	doc int
}

// spellings returns a spelling divergence for each word of an entity's
// canonical name that articles write differently ("Zelenskiy",
// "Zelensky", "Zelenskyy"). Words of a mention count as forms of the name
// word they resemble; other words ("the Ukrainian president", "US" for
// United States) do not, so abbreviations and role references are not
// spellings. A difference counts only across articles: each of two
// spellings must be used by an article that does not use the other.
func spellings(docs []Doc, texts []*text) []Divergence {
	forms := make(map[string][][]nameForm) // entity → name word → forms
	names := make(map[string][]string)
	var ids []string
	for d, doc := range docs {
		t := texts[d]
		for _, m := range doc.Mentions {
			if m.Entity == "" || m.Name == "" || m.Start < 0 || m.End > len(t.runes) || m.Start >= m.End {
				continue
			}
			if names[m.Entity] == nil {
				ids = append(ids, m.Entity)
				names[m.Entity] = strings.Fields(m.Name)
				forms[m.Entity] = make([][]nameForm, len(names[m.Entity]))
			}
			addForms(t, d, doc.ID, m, names[m.Entity], forms[m.Entity])
		}
	}
	var out []Divergence
	for _, id := range ids {
		words := names[id]
		var divs []Divergence
		for _, fs := range forms[id] {
			if d, ok := spellingDivergence(fs); ok {
				d.Topic = "spelling of " + strings.Join(words, " ")
				divs = append(divs, d)
			}
		}
		if len(divs) > 1 {
			for i := range divs {
				divs[i].Topic += " (" + divs[i].Variants[0].Value + ")"
			}
		}
		out = append(out, divs...)
	}
	return out
}

// addForms adds the words of mention m of doc d that resemble a word of
// the canonical name to that word's forms.
func addForms(t *text, d int, id string, m Mention, name []string, forms [][]nameForm) {
	for k := t.wordAt(m.Start); k < len(t.words) && t.words[k].end <= m.End; k++ {
		w := t.words[k]
		if isPunct(w.text) || w.lower == "'s" || len([]rune(w.text)) < 2 {
			continue
		}
		for slot, n := range name {
			if alike(w.text, n) {
				src := Source{Article: id, Start: w.start, End: w.end, Text: w.text}
				forms[slot] = append(forms[slot], nameForm{key: spellingKey(w.text), src: src, doc: d})
				break
			}
		}
	}
}

// alike reports whether a and b are spellings of one name word: equal but
// for case and periods ("J.D.", "JD"), or long, with the same initial and
// a small edit distance ("Zelenskiy", "Zelenskyy").
func alike(a, b string) bool {
	fa := strings.ToLower(strings.ReplaceAll(a, ".", ""))
	fb := strings.ToLower(strings.ReplaceAll(b, ".", ""))
	if fa == fb {
		return true
	}
	ra, rb := []rune(fa), []rune(fb)
	if len(ra) < 4 || len(rb) < 4 || ra[0] != rb[0] {
		return false
	}
	return editDistance(ra, rb) <= max(1, min(len(ra), len(rb))/4)
}

// spellingDivergence groups the forms of one name word by spelling and
// reports them when articles differ in their choice.
func spellingDivergence(fs []nameForm) (Divergence, bool) {
	var keys []string
	byKey := make(map[string][]nameForm)
	for _, f := range fs {
		if byKey[f.key] == nil {
			keys = append(keys, f.key)
		}
		byKey[f.key] = append(byKey[f.key], f)
	}
	if len(keys) < 2 || !crossArticle(keys, byKey) {
		return Divergence{}, false
	}
	d := Divergence{Kind: Spelling}
	for _, k := range keys {
		var v Variant
		for _, f := range byKey[k] {
			if slices.Contains(v.Articles, f.src.Article) {
				continue // the first use in each article is enough
			}
			v.Articles = append(v.Articles, f.src.Article)
			v.Sources = append(v.Sources, f.src)
		}
		v.Value = v.Sources[0].Text
		d.Variants = append(d.Variants, v)
	}
	return d, true
}

// crossArticle reports whether two spellings are each used by an article
// that does not use the other.
func crossArticle(keys []string, byKey map[string][]nameForm) bool {
	uses := make(map[string]map[int]bool)
	for _, k := range keys {
		uses[k] = make(map[int]bool)
		for _, f := range byKey[k] {
			uses[k][f.doc] = true
		}
	}
	only := func(a, b string) bool {
		for d := range uses[a] {
			if !uses[b][d] {
				return true
			}
		}
		return false
	}
	for x, a := range keys {
		for _, b := range keys[x+1:] {
			if only(a, b) && only(b, a) {
				return true
			}
		}
	}
	return false
}

// editDistance returns the Levenshtein distance of a and b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// spellingKey returns what two forms of a name word must share to be one
// spelling: forms that differ only in case, periods or a plural "s"
// ("J.D." and "JD", "Award" and "Awards") are a house style or grammar,
// not a spelling.
func spellingKey(w string) string {
	k := strings.ToLower(strings.ReplaceAll(w, ".", ""))
	if len(k) > 3 {
		k = strings.TrimSuffix(k, "s")
	}
	return k
}
