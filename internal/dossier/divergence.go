package dossier

import "github.com/storyline-news/storyline/internal/divergence"

func fromDivergence(d divergence.Divergence) Divergence {
	out := Divergence{Topic: d.Topic, Kind: string(d.Kind), Variants: make([]Variant, 0, len(d.Variants))}
	for _, v := range d.Variants {
		out.Variants = append(out.Variants, Variant{Value: v.Value, Articles: nonNil(v.Articles), Sources: fromSources(v.Sources)})
	}
	return out
}

func fromAgreement(a divergence.Agreement) Agreement {
	return Agreement{Topic: a.Topic, Kind: string(a.Kind), Value: a.Value, Articles: nonNil(a.Articles), Sources: fromSources(a.Sources)}
}

func fromSources(ss []divergence.Source) []Source {
	out := make([]Source, 0, len(ss))
	for _, s := range ss {
		out = append(out, Source{Article: s.Article, Start: s.Start, End: s.End, Text: s.Text, Speaker: optional(s.Speaker)})
	}
	return out
}
