package timex

import (
	"testing"
	"time"
)

// TestWeekday has a row for each case of the rules in weekday.go: weekdays,
// today and its neighbours, and the present, past and future references.
func TestWeekday(t *testing.T) {
	runCases(t, []extractCase{
		{"Zelensky met Trump on Monday", "Zelensky met Trump on Monday.", time.Time{}, []found{{"Monday", Date, "2025-08-18", "", false, ""}}},
		{"The vote is due Tuesday morning", "The vote is due Tuesday morning.", time.Time{}, []found{{"Tuesday morning", Time, "2025-08-19TMO", "", true, ""}}},
		{"Talks resumed Friday, Oct. 23", "Talks resumed Friday, Oct. 23.", time.Time{}, []found{{"Friday, Oct. 23", Date, "2025-10-23", "", true, ""}}},
		{"The minister said today that talks failed", "The minister said today that talks failed.", time.Time{}, []found{{"today", Date, "2025-08-18", "", false, ""}}},
		{"Troops withdrew yesterday", "Troops withdrew yesterday.", time.Time{}, []found{{"yesterday", Date, "2025-08-17", "", false, ""}}},
		{"The rally is tomorrow", "The rally is tomorrow.", time.Time{}, []found{{"tomorrow", Date, "2025-08-19", "", true, ""}}},
		{"Fireworks light up the sky tonight", "Fireworks light up the sky tonight.", time.Time{}, []found{{"tonight", Time, "2025-08-18TNI", "", false, ""}}},
		{"He spoke this morning", "He spoke this morning.", time.Time{}, []found{{"this morning", Time, "2025-08-18TMO", "", false, ""}}},
		{"Shelling continued last night", "Shelling continued last night.", time.Time{}, []found{{"last night", Time, "2025-08-17TNI", "", false, ""}}},
		{"Prices are high now", "Prices are high now.", time.Time{}, []found{{"now", Date, "PRESENT_REF", "", false, ""}}},
		{"Inflation is currently at 3 percent", "Inflation is currently at 3 percent.", time.Time{}, []found{{"currently", Date, "PRESENT_REF", "", false, ""}}},
		{"He recently resigned", "He recently resigned.", time.Time{}, []found{{"recently", Date, "PAST_REF", "", false, ""}}},
		{"Talks will resume soon", "Talks will resume soon.", time.Time{}, []found{{"soon", Date, "FUTURE_REF", "", true, ""}}},
		{"The summit will take place Friday", "The summit will take place Friday.", time.Time{}, []found{{"Friday", Date, "2025-08-22", "", true, ""}}},
	})
}
