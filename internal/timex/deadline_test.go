package timex

import (
	"testing"
	"time"
)

// TestDeadline has a row for each case of the rules in deadline.go:
// durations and dates that set a time limit, and the deadline they give.
func TestDeadline(t *testing.T) {
	runCases(t, []extractCase{
		{"A deal could come within two weeks", "A deal could come within two weeks.", time.Time{}, []found{{"two weeks", Duration, "P2W", "", true, "2025-09-01"}}},
		{"Officials expect a decision in the coming days", "Officials expect a decision in the coming days.", time.Time{}, []found{{"the coming days", Duration, "PXD", "", true, "2025-08-25"}}},
		{"The plan will be ready in the next month", "The plan will be ready in the next month.", time.Time{}, []found{{"the next month", Date, "2025-09", "", true, ""}}},
		{"They will meet in three weeks", "They will meet in three weeks.", time.Time{}, []found{{"three weeks", Duration, "P3W", "", true, "2025-09-08"}}},
		{"Troops must withdraw by the end of the month", "Troops must withdraw by the end of the month.", time.Time{}, []found{{"the end of the month", Date, "2025-08", ModEnd, true, "2025-08-31"}}},
		{"Payment is due by Friday", "Payment is due by Friday.", time.Time{}, []found{{"Friday", Date, "2025-08-22", "", true, "2025-08-22"}}},
		{"Talks lasted for three weeks in the summer", "Talks lasted for three weeks in the summer.", time.Time{}, []found{{"three weeks", Duration, "P3W", "", false, ""}, {"the summer", Date, "2025-SU", "", false, ""}}},
		{"Within years the region changed", "Within years the region changed.", time.Time{}, []found{{"years", Duration, "PXY", "", true, ""}}},
	})
}
