package divergence

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// judge decides what a group of aligned claims shows: a divergence when
// two of its values cannot both be true, an agreement when all are the
// same, nothing when they differ only in precision.
func (s *story) judge(g []int) ([]Divergence, []Agreement) {
	kind := s.claims[g[0]].Kind
	var keys []string
	byKey := make(map[string][]int)
	for _, i := range g {
		c := &s.claims[i]
		k := c.val.key(kind)
		if byKey[k] == nil {
			k = s.sameText(kind, c, k, keys, byKey)
		}
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	topic := s.topic(g)
	if len(keys) == 1 {
		v := s.variant(g)
		a := Agreement{Topic: topic, Kind: kind, Value: v.Value, Articles: v.Articles, Sources: v.Sources}
		return nil, []Agreement{a}
	}
	if !s.conflict(kind, keys, byKey) {
		return nil, nil
	}
	d := Divergence{Topic: topic, Kind: kind}
	for _, k := range keys {
		d.Variants = append(d.Variants, s.variant(byKey[k]))
	}
	return []Divergence{d}, nil
}

// conflict reports whether a claim of one variant and a claim of another
// cannot both be true.
func (s *story) conflict(kind Kind, keys []string, byKey map[string][]int) bool {
	for x, kx := range keys {
		for _, ky := range keys[x+1:] {
			for _, i := range byKey[kx] {
				for _, j := range byKey[ky] {
					if relate(kind, s.claims[i].val, s.claims[j].val) == differ {
						return true
					}
				}
			}
		}
	}
	return false
}

// variant returns the variant stated by claims g: the shortest phrase
// among them as its value, and their sources in article order.
func (s *story) variant(g []int) Variant {
	var v Variant
	g = slices.Clone(g)
	slices.SortStableFunc(g, func(i, j int) int { return s.order(s.source(i), s.source(j)) })
	for _, i := range g {
		src := s.source(i)
		v.Sources = append(v.Sources, src)
		if !slices.Contains(v.Articles, src.Article) {
			v.Articles = append(v.Articles, src.Article)
		}
		if v.Value == "" || utf8.RuneCountInString(src.Text) < utf8.RuneCountInString(v.Value) {
			v.Value = src.Text
		}
	}
	return v
}

// source returns the provenance of claim i.
func (s *story) source(i int) Source {
	c := &s.claims[i]
	return Source{Article: c.Article, Start: c.Start, End: c.End, Text: plain(c.Text), Speaker: c.Speaker}
}

// sameText returns the key of a variant whose first claim is written as c
// is and does not conflict with it ("today" in articles of different
// days), or k.
func (s *story) sameText(kind Kind, c *Claim, k string, keys []string, byKey map[string][]int) string {
	for _, o := range keys {
		d := &s.claims[byKey[o][0]]
		if strings.EqualFold(plain(d.Text), plain(c.Text)) && relate(kind, d.val, c.val) != differ {
			return o
		}
	}
	return k
}
