package dossier

import (
	"time"

	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/timeline"
	"github.com/storyline-news/storyline/internal/timex"
)

func fromEntity(e entity.Entity) Entity {
	out := Entity{
		ID: e.ID, Name: e.Name, Type: string(e.Type),
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
		Date: eventDate(e.Date, e.Precision), Precision: string(e.Precision), Kind: string(e.Kind), Text: e.Text,
		Articles: nonNil(e.Articles), Entities: nonNil(e.Entities),
	}
}

// eventDate writes an event's date as ISO 8601 at its precision:
// "2025-08-15", "2025-08" or "2025".
func eventDate(t time.Time, p timex.Precision) string {
	switch p {
	case timex.PrecisionYear:
		return t.Format("2006")
	case timex.PrecisionMonth:
		return t.Format("2006-01")
	}
	return t.Format(time.DateOnly)
}

// nonNil makes a list encode as [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
