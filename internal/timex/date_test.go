package timex

import (
	"testing"
	"time"
)

// TestDate has a row for each case of the rules in date.go: calendar dates
// with the month in words or in digits, and months alone.
func TestDate(t *testing.T) {
	runCases(t, []extractCase{
		{"The ceasefire was signed on September 8, 2024", "The ceasefire was signed on September 8, 2024.", time.Time{}, []found{{"September 8, 2024", Date, "2024-09-08", "", false, ""}}},
		{"Trade rose in March 2025", "Trade rose in March 2025.", time.Time{}, []found{{"March 2025", Date, "2025-03", "", false, ""}}},
		{"It happened on the 15th of August", "It happened on the 15th of August.", time.Time{}, []found{{"15th of August", Date, "2025-08-15", "", false, ""}}},
		{"The deal was reached on 8/15/2025", "The deal was reached on 8/15/2025.", time.Time{}, []found{{"8/15/2025", Date, "2025-08-15", "", false, ""}}},
		{"Ministers meet on 9/22/25", "Ministers meet on 9/22/25.", time.Time{}, []found{{"9/22/25", Date, "2025-09-22", "", true, ""}}},
		{"He recalled 9/11", "He recalled 9/11.", time.Time{}, []found{{"9/11", Date, "2001-09-11", "", false, ""}}},
		{"Exports fell in May, officials said", "Exports fell in May, officials said.", time.Time{}, []found{{"May", Date, "2025-05", "", false, ""}}},
		{"They may meet soon", "They may meet soon.", time.Time{}, []found{{"soon", Date, "FUTURE_REF", "", true, ""}}},
		{"He was born in nineteen seventy-nine", "He was born in nineteen seventy-nine.", time.Time{}, []found{{"nineteen seventy-nine", Date, "1979", "", false, ""}}},
		{"The March 3 vote passed", "The March 3 vote passed.", time.Time{}, []found{{"March 3", Date, "2025-03-03", "", false, ""}}},
		{"It opened on 5 June", "It opened on 5 June.", time.Time{}, []found{{"5 June", Date, "2025-06-05", "", false, ""}}},
	})
}
