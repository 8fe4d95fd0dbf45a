package timex

import (
	"testing"
	"time"
)

// TestPeriod has a row for each case of the rules in period.go: seasons,
// centuries and holidays.
func TestPeriod(t *testing.T) {
	runCases(t, []extractCase{
		{"The deal was struck in the summer of 2025", "The deal was struck in the summer of 2025.", time.Time{}, []found{{"the summer of 2025", Date, "2025-SU", "", false, ""}}},
		{"Prices rose in summer 2024", "Prices rose in summer 2024.", time.Time{}, []found{{"summer 2024", Date, "2024-SU", "", false, ""}}},
		{"The summer was hot", "The summer was hot.", time.Time{}, []found{{"The summer", Date, "2025-SU", "", false, ""}}},
		{"The 20th century saw two world wars", "The 20th century saw two world wars.", time.Time{}, []found{{"The 20th century", Date, "19", "", false, ""}}},
		{"It dates to the nineteenth century", "It dates to the nineteenth century.", time.Time{}, []found{{"the nineteenth century", Date, "18", "", false, ""}}},
		{"Families gathered on Christmas Eve", "Families gathered on Christmas Eve.", time.Time{}, []found{{"Christmas Eve", Date, "2024-12-24", "", false, ""}}},
		{"Stores open after Thanksgiving", "Stores open after Thanksgiving.", time.Time{}, []found{{"Thanksgiving", Date, "2025-11-27", "", true, ""}}},
		{"Easter 2025 fell in April", "Easter 2025 fell in April.", time.Time{}, []found{{"Easter 2025", Date, "2025-04-20", "", false, ""}, {"April", Date, "2025-04", "", false, ""}}},
		{"Voters went to polls on Election Day", "Voters went to polls on Election Day.", time.Time{}, []found{{"Election Day", Date, "2024-11-05", "", false, ""}}},
		{"Markets close on New Year's Day", "Markets close on New Year's Day.", time.Time{}, []found{{"New Year's Day", Date, "2026-01-01", "", true, ""}}},
	})
}
