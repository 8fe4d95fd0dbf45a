package entity

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"U.S.":              "us",
		"US":                "us",
		"Élysée  Palace":    "elysee palace",
		"Trump’s":           "trump's",
		"Secretary‑General": "secretary-general",
		"Straße":            "strasse",
		"Łódź":              "lodz",
		" Kyiv\n":           "kyiv",
	} {
		if got := foldString(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTranslit(t *testing.T) {
	tests := [][]string{
		{"Zelenskiy", "Zelensky", "Zelenskyy", "Zelenskyj", "Zelenskyi", "ZELENSKY"},
		{"Volodymyr", "Wolodymyr", "Volodimir"},
		{"Alexander", "Aleksander"},
		{"Filip", "Philip", "Phillip"},
		{"Kostas", "Costas"},
		{"Mark", "Marc"},
		{"Nikolai", "Nicolai"},
		{"Konstantin", "Constantin"},
	}
	for _, group := range tests {
		want := translit(group[0])
		for _, n := range group[1:] {
			if got := translit(n); got != want {
				t.Errorf("translit(%q) = %q, want %q (as %q)", n, got, want, group[0])
			}
		}
	}
	for _, pair := range [][2]string{
		{"Zelenska", "Zelensky"},
		{"Cecilia", "Kekilia"}, // a soft c is no k
		{"Chekhov", "Kekhov"},  // nor is ch
	} {
		if translit(pair[0]) == translit(pair[1]) {
			t.Errorf("translit merges %s and %s", pair[0], pair[1])
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 1, 2},
		{"", "abc", 5, 3},
		{"zelenski", "zelenska", 1, 1},
		{"same", "same", 0, 0},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}
