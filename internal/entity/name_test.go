package entity

import (
	"strings"
	"testing"
)

// parse splits a person mention as readPerson does: role and name.
func parse(text string) (r role, n name, ok bool) {
	p := &parser{t: loadTables(), text: text}
	ws := words(text, 0, len(text), nil)
	r, _, first := p.splitPerson(ws)
	if first == len(ws) {
		return r, name{}, false
	}
	return r, p.parseName(ws[first:]), true
}

func TestSplitPerson(t *testing.T) {
	tests := []struct {
		in, role, full, given, surname string
	}{
		{"Donald Trump", "", "Donald Trump", "Donald", "Trump"},
		{"U.S. President Donald Trump", "U.S. President", "Donald Trump", "Donald", "Trump"},
		{"US president Donald Trump’s", "U.S. President", "Donald Trump", "Donald", "Trump"},
		{"German Chancellor Friedrich Merz", "German Chancellor", "Friedrich Merz", "Friedrich", "Merz"},
		{"NATO Secretary-General Mark Rutte", "NATO Secretary-General", "Mark Rutte", "Mark", "Rutte"},
		{"NATO secretary general Mark Rutte", "NATO Secretary-General", "Mark Rutte", "Mark", "Rutte"},
		{"Vice President J.D. Vance", "Vice President", "J.D. Vance", "J.D.", "Vance"},
		{"Secretary of State Marco Rubio", "Secretary of State", "Marco Rubio", "Marco", "Rubio"},
		{"Special Envoy Steve Witkoff", "Special Envoy", "Steve Witkoff", "Steve", "Witkoff"},
		{"Russian presidential aide Yuri Ushakov", "Russian Presidential Aide", "Yuri Ushakov", "Yuri", "Ushakov"},
		{"European Commission President Ursula von der Leyen", "European Commission President", "Ursula von der Leyen", "Ursula", "von der Leyen"},
		{"UK prime minister Keir Starmer", "British Prime Minister", "Keir Starmer", "Keir", "Starmer"},
		{"Russia’s foreign minister Sergei Lavrov", "Russian Foreign Minister", "Sergei Lavrov", "Sergei", "Lavrov"},
		{"former President Barack Obama", "Former President", "Barack Obama", "Barack", "Obama"},
		{"Mr. Merz", "", "Merz", "", "Merz"},
		{"Donald Trump Jr.", "", "Donald Trump Jr.", "Donald", "Trump"},
		{"Jordan Peterson", "", "Jordan Peterson", "Jordan", "Peterson"},
		{"Sir", "", "Sir", "", "Sir"},
	}
	for _, tt := range tests {
		r, n, ok := parse(tt.in)
		if !ok {
			t.Errorf("splitPerson(%q): no name", tt.in)
			continue
		}
		if r.String() != tt.role || n.full != tt.full || strings.Join(n.given, " ") != tt.given || n.surname != tt.surname {
			t.Errorf("splitPerson(%q) = role %q, name %q (given %q, surname %q), want %q, %q (%q, %q)",
				tt.in, r, n.full, n.given, n.surname, tt.role, tt.full, tt.given, tt.surname)
		}
	}
}

func TestSplitPersonRoleOnly(t *testing.T) {
	for in, want := range map[string]string{
		"the Ukrainian president": "Ukrainian President",
		"The U.S. President":      "U.S. President",
		"the German chancellor":   "German Chancellor",
		"President":               "President",
	} {
		r, n, ok := parse(in)
		if ok || r.String() != want {
			t.Errorf("splitPerson(%q) = role %q, name %q; want role %q and no name", in, r, n.full, want)
		}
	}
}

func TestCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Volodymyr Zelenskyy", "Volodymyr Zelensky", true},
		{"Volodymyr Zelenskyy", "Wolodymyr Zelenskiy", true},
		{"Volodymyr Zelenskyy", "Volodymyr Zelenskyj", true},
		{"Volodymyr Zelenskyy", "Olena Zelenska", false},
		{"J.D. Vance", "JD Vance", true},
		{"J.D. Vance", "James David Vance", true},
		{"J. Vance", "James David Vance", true},
		{"K. Vance", "James Vance", false},
		{"Donald Trump", "Melania Trump", false},
		{"Donald Trump", "Donald Trump Jr.", false},
		{"Donald Trump", "Ronald Trump", false},
		{"Steve Witkoff", "Steven Witkoff", true},
		{"Emmanuel Macron", "Brigitte Macron", false},
		{"Alexander Stubb", "Aleksandr Stubb", true},
		{"Kostas Kenteris", "Costas Kenteris", true},
		{"C. Stoica", "Cristian Stoica", true},
		{"P. Hammond", "Philip Hammond", true},
		{"K. Hammond", "Philip Hammond", false},
		{"Carl Bildt", "Karl Bildt", true},
		{"Serena Williams", "Venus Williams", false},
	}
	for _, tt := range tests {
		_, a, _ := parse(tt.a)
		_, b, _ := parse(tt.b)
		if got := compatible(a, b); got != tt.want || compatible(b, a) != tt.want {
			t.Errorf("compatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestInitials(t *testing.T) {
	for in, want := range map[string]bool{"J.": true, "J.D.": true, "JD": true, "J": true,
		"Jo": false, "JDX": false, "Donald": false, "MANDEL": false, "": false} {
		if got := isInitials(in); got != want {
			t.Errorf("isInitials(%q) = %v, want %v", in, got, want)
		}
	}
	if got := initials([]string{"James", "D."}); got != "jd" {
		t.Errorf("initials(James D.) = %q, want jd", got)
	}
	if got := initials([]string{"Philip", "Cristian"}); got != "pc" {
		t.Errorf("initials(Philip Cristian) = %q, want pc (the letters as written)", got)
	}
}

func TestDisplayName(t *testing.T) {
	for in, want := range map[string]string{"MANDEL NGAN": "Mandel Ngan", "Donald Trump": "Donald Trump",
		"JD": "JD", "J.D. VANCE": "J.D. Vance", "O’BRIEN": "O’brien"} {
		if got := displayName(in); got != want {
			t.Errorf("displayName(%q) = %q, want %q", in, got, want)
		}
	}
}
