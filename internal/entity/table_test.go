package entity

import "testing"

func TestTables(t *testing.T) {
	tb, err := parseTables()
	if err != nil {
		t.Fatal(err)
	}
	for alias, want := range map[string]string{
		"U.S.": "United States", "US": "United States", "USA": "United States", "America": "United States",
		"United States of America": "United States", "U.K.": "United Kingdom", "UK": "United Kingdom",
		"Britain": "United Kingdom", "EU": "European Union", "E.U.": "European Union",
		"the Kremlin": "Kremlin", "Kremlin": "Kremlin", "Russia": "Russia", "Kiev": "Kyiv",
		"Türkiye": "Turkey", "Côte d'Ivoire": "Ivory Coast", "North Atlantic Treaty Organization": "NATO",
	} {
		id, ok := tb.byName[foldString(alias)]
		if !ok || tb.aliases[id].name != want {
			t.Errorf("alias %q: got %v, want %q", alias, ok && tb.aliases[id].name != "", want)
		}
	}
	for phrase, want := range map[string]string{
		"US": "U.S.", "American": "U.S.", "German": "German", "Ukrainian": "Ukrainian", "British": "British",
		"UK": "British", "NATO": "NATO", "Kremlin": "Kremlin", "European Commission": "European Commission",
	} {
		if got := tb.quals[foldString(phrase)]; got != want {
			t.Errorf("qualifier %q = %q, want %q", phrase, got, want)
		}
	}
	if tb.aliases[tb.byName["kremlin"]].typ != Organization || tb.aliases[tb.byName["russia"]].typ != Location {
		t.Errorf("Kremlin and Russia: wrong types")
	}
	if ti := tb.titles["prime minister"]; ti.name != "Prime Minister" || !ti.head {
		t.Errorf("title prime minister = %+v", ti)
	}
}
