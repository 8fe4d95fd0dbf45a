package timex

import (
	"testing"
	"time"
)

// TestYear has a row for each case of the rules in year.go: years, fiscal
// years, decades, quarters and halves.
func TestYear(t *testing.T) {
	runCases(t, []extractCase{
		{"The region was annexed in 2014", "The region was annexed in 2014.", time.Time{}, []found{{"2014", Date, "2014", "", false, ""}}},
		{"Revenue for fiscal 1989 fell", "Revenue for fiscal 1989 fell.", time.Time{}, []found{{"fiscal 1989", Date, "1989", "", false, ""}}},
		{"Prices soared in the 1990s", "Prices soared in the 1990s.", time.Time{}, []found{{"the 1990s", Date, "199", "", false, ""}}},
		{"The boom of the '80s faded", "The boom of the '80s faded.", time.Time{}, []found{{"the '80s", Date, "198", "", false, ""}}},
		{"Profit fell in the third quarter of 1989", "Profit fell in the third quarter of 1989.", time.Time{}, []found{{"the third quarter of 1989", Date, "1989-Q3", "", false, ""}}},
		{"Sales rose in Q3", "Sales rose in Q3.", time.Time{}, []found{{"Q3", Date, "2025-Q3", "", false, ""}}},
		{"Earnings rose in the first half", "Earnings rose in the first half.", time.Time{}, []found{{"the first half", Date, "2025-H1", "", false, ""}}},
		{"Third-quarter profit fell", "Third-quarter profit fell.", time.Time{}, []found{{"Third-quarter", Date, "2025-Q3", "", false, ""}}},
		{"The year 2000 passed calmly", "The year 2000 passed calmly.", time.Time{}, []found{{"The year 2000", Date, "2000", "", false, ""}}},
		{"He cited this year's third quarter", "He cited this year's third quarter.", time.Time{}, []found{{"this year's third quarter", Date, "2025-Q3", "", false, ""}}},
	})
}
