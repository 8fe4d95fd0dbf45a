package web

import (
	"testing"

	"github.com/storyline-news/storyline/internal/dossier"
)

func TestEntityDoubt(t *testing.T) {
	for _, tt := range []struct {
		e     dossier.EntitySummary
		doubt bool
	}{
		{dossier.EntitySummary{Name: "Volodymyr Zelensky", Type: "person", Mentions: 54, Stories: 3}, false},
		{dossier.EntitySummary{Name: "Kyiv", Type: "location", Mentions: 12, Stories: 2}, false},
		{dossier.EntitySummary{Name: "Acme Widgets", Type: "organization", Mentions: 1, Stories: 1}, true},
		{dossier.EntitySummary{Name: "Putin", Type: "person", Mentions: 30, Stories: 4}, true},
		{dossier.EntitySummary{Name: "Putin", Type: "location", Mentions: 30, Stories: 4}, false},
	} {
		if got := entityDoubt(dossier.ArchiveEntity{EntitySummary: tt.e}) != ""; got != tt.doubt {
			t.Errorf("entityDoubt(%+v) = %v, want %v", tt.e, got, tt.doubt)
		}
	}
}
