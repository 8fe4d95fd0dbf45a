package timex

import (
	"testing"
	"time"
)

// TestNumber has a row for each case of the rules in number.go: quantities
// written in words, of durations and "ago" expressions.
func TestNumber(t *testing.T) {
	runCases(t, []extractCase{
		{"Some 200 people came two days later", "Some 200 people came two days later.", time.Time{}, []found{{"two days", Duration, "P2D", "", false, ""}}},
		{"He left two weeks ago", "He left two weeks ago.", time.Time{}, []found{{"two weeks ago", Date, "2025-W32", "", false, ""}}},
		{"They met thirty years ago", "They met thirty years ago.", time.Time{}, []found{{"thirty years ago", Date, "1995", "", false, ""}}},
		{"The strike lasted twenty-one days", "The strike lasted twenty-one days.", time.Time{}, []found{{"twenty-one days", Duration, "P21D", "", false, ""}}},
		{"It lasted a dozen years", "It lasted a dozen years.", time.Time{}, []found{{"a dozen years", Duration, "P12Y", "", false, ""}}},
	})
}
