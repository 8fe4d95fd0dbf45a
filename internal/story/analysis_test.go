package story

import (
	"testing"

	"github.com/storyline-news/storyline/internal/entity"
)

func TestSpeakerAliases(t *testing.T) {
	res := entity.Result{Entities: []entity.Entity{
		{ID: "e-reagan", Name: "Ronald Reagan", Type: entity.Person, Aliases: []string{"Reagan", "Ronald Reagan"}},
		{ID: "e-nancy", Name: "Nancy Reagan", Type: entity.Person, Aliases: []string{"Nancy Reagan", "Reagan"}},
		{ID: "e-baker", Name: "James Baker", Type: entity.Person, Aliases: []string{"Baker", "James Baker"}},
		{ID: "e-texas", Name: "Texas", Type: entity.Location, Aliases: []string{"Texas"}},
	}}
	m := speakerAliases(res)
	for alias, want := range map[string]string{
		"James Baker": "e-baker", "Baker": "e-baker", "Ronald Reagan": "e-reagan",
		"Reagan": "", // two people share it
		"Texas":  "", // a place does not speak
	} {
		if got := m[alias]; got != want {
			t.Errorf("speakerAliases[%q] = %q, want %q", alias, got, want)
		}
	}
}
