package timex

import (
	"testing"
	"time"
)

// TestTense has a row for each case of the rules in tense.go: the tense of
// the sentence places a weekday or a month before or after the creation
// date.
func TestTense(t *testing.T) {
	runCases(t, []extractCase{
		{"The company will announce results on Friday", "The company will announce results on Friday.", time.Time{}, []found{{"Friday", Date, "2025-08-22", "", true, ""}}},
		{"The company announced results on Friday", "The company announced results on Friday.", time.Time{}, []found{{"Friday", Date, "2025-08-15", "", false, ""}}},
		{"The company said on Monday it would announce results", "The company said on Monday it would announce results.", date("2025-08-22"), []found{{"Monday", Date, "2025-08-18", "", false, ""}}},
		{"The vote is scheduled for Thursday", "The vote is scheduled for Thursday.", time.Time{}, []found{{"Thursday", Date, "2025-08-21", "", true, ""}}},
		{"Officials plan to meet in March", "Officials plan to meet in March.", time.Time{}, []found{{"March", Date, "2026-03", "", true, ""}}},
		{"Officials met in March", "Officials met in March.", time.Time{}, []found{{"March", Date, "2025-03", "", false, ""}}},
	})
}
