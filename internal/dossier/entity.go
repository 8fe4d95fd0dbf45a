package dossier

import (
	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/timeline"
)

func fromEntity(e entity.Entity) Entity {
	out := Entity{
		ID: e.ID, Name: e.Name, Type: e.Type,
		Aliases: nonNil(e.Aliases), Roles: nonNil(e.Roles),
		Mentions: len(e.Mentions), Articles: []string{},
	}
	seen := map[string]bool{}
	for _, m := range e.Mentions {
		if !seen[m.ArticleID] {
			seen[m.ArticleID] = true
			out.Articles = append(out.Articles, m.ArticleID)
		}
	}
	return out
}

func fromEvent(e timeline.Event) Event {
	return Event{
		Date: e.Date, Precision: e.Precision, Kind: e.Kind, Text: e.Text,
		Articles: nonNil(e.Articles), Entities: nonNil(e.Entities),
	}
}

// nonNil makes a list encode as [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
