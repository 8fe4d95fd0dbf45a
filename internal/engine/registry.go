package engine

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/story"
)

// archiveRows returns what the archive keeps of a story's entities and
// their quotes: w is the story's wire form, s the story it was made from.
// Each of w's entities belongs to the archive entity of its type and name
// (entity.ArchiveID); its mentions are counted by the publication day of
// their article. Two of the story's entities that belong to one archive
// entity make one row.
func archiveRows(w dossier.Story, s story.Story) ([]store.StoryEntity, []store.EntityQuote) {
	// The day of each article is the one its wire form gives (which an
	// inferred date fills in); quotes are ordered by the article's stored
	// time where it has one.
	days := make(map[string]string, len(w.Articles)) // article ID → YYYY-MM-DD
	published := make(map[string]time.Time, len(w.Articles))
	for _, a := range w.Articles {
		if a.Published == nil {
			continue
		}
		if t, err := time.Parse(time.DateOnly, *a.Published); err == nil {
			published[a.ID] = t
			days[a.ID] = *a.Published
		}
	}
	for _, a := range s.Articles {
		if !a.Published.IsZero() {
			published[a.ID] = a.Published
		}
	}
	mentions := make(map[string]map[string]int, len(s.Entities)) // local ID → article ID → mentions
	for _, e := range s.Entities {
		by := make(map[string]int)
		for _, m := range e.Mentions {
			by[m.ArticleID]++
		}
		mentions[e.ID] = by
	}
	quotes := make(map[string]int, len(w.Entities))
	for _, q := range w.Quotes {
		if q.SpeakerEntity != nil {
			quotes[*q.SpeakerEntity]++
		}
	}
	archive := make(map[string]string, len(w.Entities)) // local ID → archive ID
	rows := make([]store.StoryEntity, 0, len(w.Entities))
	at := make(map[string]int, len(w.Entities)) // archive ID → its row
	for _, e := range w.Entities {
		id := entity.ArchiveID(entity.Type(e.Type), e.Name)
		archive[e.ID] = id
		row := store.StoryEntity{
			ID: id, Local: e.ID, Type: e.Type, Name: e.Name,
			Aliases: e.Aliases, Roles: e.Roles,
			Mentions: e.Mentions, Articles: len(e.Articles), Quotes: quotes[e.ID],
		}
		for _, a := range e.Aliases {
			row.Keys = append(row.Keys, entity.Key(a))
		}
		slices.Sort(row.Keys)
		row.Keys = slices.Compact(row.Keys)
		byDay := make(map[string]int)
		for _, a := range e.Articles {
			day, ok := days[a]
			if !ok {
				continue
			}
			n, ok := mentions[e.ID][a]
			if !ok {
				n = 1 // a wire form made otherwise: count the article
			}
			byDay[day] += n
		}
		for day, n := range byDay {
			row.Days = append(row.Days, store.DayCount{Day: day, Mentions: n})
		}
		if k, ok := at[id]; ok {
			rows[k] = mergeRows(rows[k], row)
			continue
		}
		slices.SortFunc(row.Days, func(a, b store.DayCount) int { return strings.Compare(a.Day, b.Day) })
		at[id] = len(rows)
		rows = append(rows, row)
	}
	var qs []store.EntityQuote
	for _, q := range w.Quotes {
		if q.SpeakerEntity == nil || archive[*q.SpeakerEntity] == "" {
			continue
		}
		data, err := json.Marshal(q)
		if err != nil {
			continue // a quote is strings and a bool: it always encodes
		}
		qs = append(qs, store.EntityQuote{
			Entity: archive[*q.SpeakerEntity], StoryID: w.ID,
			Article: q.Article, Published: published[q.Article], Data: data,
		})
	}
	return rows, qs
}

// mergeRows returns the row of two of a story's entities that belong to one
// archive entity: a's, the more mentioned (entities come most mentioned
// first), with b's counts added and its names joined.
func mergeRows(a, b store.StoryEntity) store.StoryEntity {
	union := func(x, y []string) []string {
		out := slices.Concat(x, y)
		slices.Sort(out)
		return slices.Compact(out)
	}
	a.Aliases, a.Roles, a.Keys = union(a.Aliases, b.Aliases), union(a.Roles, b.Roles), union(a.Keys, b.Keys)
	a.Others = append(a.Others, b.Local)
	a.Mentions += b.Mentions
	a.Articles = max(a.Articles, b.Articles)
	a.Quotes += b.Quotes
	days := make(map[string]int)
	for _, d := range slices.Concat(a.Days, b.Days) {
		days[d.Day] += d.Mentions
	}
	a.Days = a.Days[:0:0]
	for day, n := range days {
		a.Days = append(a.Days, store.DayCount{Day: day, Mentions: n})
	}
	slices.SortFunc(a.Days, func(x, y store.DayCount) int { return strings.Compare(x.Day, y.Day) })
	return a
}
