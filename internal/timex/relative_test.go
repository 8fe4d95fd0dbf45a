package timex

import (
	"testing"
	"time"
)

// TestRelative has a row for each case of the rules in relative.go: periods
// relative to the creation date or to the last date mentioned.
func TestRelative(t *testing.T) {
	runCases(t, []extractCase{
		{"Exports rose last week", "Exports rose last week.", time.Time{}, []found{{"last week", Date, "2025-W33", "", false, ""}}},
		{"Sales grew this year", "Sales grew this year.", time.Time{}, []found{{"this year", Date, "2025", "", false, ""}}},
		{"They will meet next Friday", "They will meet next Friday.", time.Time{}, []found{{"next Friday", Date, "2025-08-22", "", true, ""}}},
		{"He arrived the following day", "He arrived the following day.", time.Time{}, []found{{"the following day", Date, "2025-08-19", "", false, ""}}},
		{"Prices rose in recent years", "Prices rose in recent years.", time.Time{}, []found{{"recent years", Duration, "PXY", "", false, ""}}},
		{"He left two days ago", "He left two days ago.", time.Time{}, []found{{"two days ago", Date, "2025-08-16", "", false, ""}}},
		{"Output was 5 percent higher a year earlier", "Output was 5 percent higher a year earlier.", time.Time{}, []found{{"a year earlier", Date, "2024", "", false, ""}}},
		{"Profit beat the year-ago quarter", "Profit beat the year-ago quarter.", time.Time{}, []found{{"the year-ago quarter", Date, "2024-Q2", "", false, ""}}},
		{"The attack came that night", "The attack came that night.", time.Time{}, []found{{"that night", Time, "2025-08-18TNI", "", false, ""}}},
		{"He met her on Tuesday. The previous Friday he left", "He met her on Tuesday. The previous Friday he left.", time.Time{}, []found{{"Tuesday", Date, "2025-08-12", "", false, ""}, {"The previous Friday", Date, "2025-08-08", "", false, ""}}},
		{"Sales rose at year-end", "Sales rose at year-end.", time.Time{}, []found{{"year-end", Date, "2024-12-31", "", false, ""}}},
		{"The company will report next month", "The company will report next month.", time.Time{}, []found{{"next month", Date, "2025-09", "", true, ""}}},
		{"The previous year was worse", "The previous year was worse.", time.Time{}, []found{{"The previous year", Date, "2024", "", false, ""}}},
		{"He quit last month", "He quit last month.", time.Time{}, []found{{"last month", Date, "2025-07", "", false, ""}}},
	})
}
