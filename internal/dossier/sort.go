package dossier

import "sort"

// sortStories orders stories by last publication date, newest first, with
// undated stories last and ties broken by ID.
func sortStories(ss []Story) {
	sort.SliceStable(ss, func(i, j int) bool {
		a, b := ss[i].LastPublished, ss[j].LastPublished
		switch {
		case a == nil && b == nil:
		case a == nil:
			return false
		case b == nil:
			return true
		case *a != *b:
			return *a > *b
		}
		return ss[i].ID < ss[j].ID
	})
}
