package timex

import (
	"testing"
	"time"
)

// TestModifier has a row for each case of the rules in modifier.go: periods
// with a modifier of position.
func TestModifier(t *testing.T) {
	runCases(t, []extractCase{
		{"The storm hit early Saturday", "The storm hit early Saturday.", time.Time{}, []found{{"early Saturday", Date, "2025-08-16", ModStart, false, ""}}},
		{"Exports fell in mid-August", "Exports fell in mid-August.", time.Time{}, []found{{"mid-August", Date, "2025-08", ModMid, false, ""}}},
		{"The plant closed in late 2014", "The plant closed in late 2014.", time.Time{}, []found{{"late 2014", Date, "2014", ModEnd, false, ""}}},
		{"Prices spiked in the early 1990s", "Prices spiked in the early 1990s.", time.Time{}, []found{{"the early 1990s", Date, "199", ModStart, false, ""}}},
		{"Sales slowed earlier this month", "Sales slowed earlier this month.", time.Time{}, []found{{"earlier this month", Date, "2025-08", ModStart, false, ""}}},
		{"Bills are due at the end of the month", "Bills are due at the end of the month.", time.Time{}, []found{{"the end of the month", Date, "2025-08", ModEnd, false, ""}}},
		{"Construction starts at the beginning of 2025", "Construction starts at the beginning of 2025.", time.Time{}, []found{{"the beginning of 2025", Date, "2025", ModStart, false, ""}}},
		{"He arrived late Thursday", "He arrived late Thursday.", time.Time{}, []found{{"Thursday", Date, "2025-08-14", "", false, ""}}},
		{"Later Thursday he left", "Later Thursday he left.", time.Time{}, []found{{"Thursday", Date, "2025-08-14", "", false, ""}}},
	})
}
