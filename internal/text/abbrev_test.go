package text

import "testing"

func TestAbbrevOf(t *testing.T) {
	tests := []struct {
		w    string
		want Abbrev
	}{
		{"Mr", Title},
		{"Sens", Title},
		{"Jr", Title},
		{"Corp", Company},
		{"Sept", Month},
		{"Calif", Place},
		{"No", Other},
		{"no", 0},
		{"Trump", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := AbbrevOf(tt.w); got != tt.want {
			t.Errorf("AbbrevOf(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestKeepsPeriod(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"J", true},
		{"U.S", true},
		{"e.g", true},
		{"Dr", true},
		{"Corp", true},
		{"j", false},
		{"Trump", false},
		{"2014", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := KeepsPeriod(tt.w); got != tt.want {
			t.Errorf("KeepsPeriod(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
