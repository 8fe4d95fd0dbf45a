package timex

import (
	"testing"
	"time"
)

// TestDuration has a row for each case of the rules in duration.go: amounts
// of time and their modifiers, and what is not one (a rate).
func TestDuration(t *testing.T) {
	runCases(t, []extractCase{
		{"The war has lasted more than three years", "The war has lasted more than three years.", time.Time{}, []found{{"more than three years", Duration, "P3Y", ModMoreThan, false, ""}}},
		{"The talks lasted nearly four hours", "The talks lasted nearly four hours.", time.Time{}, []found{{"nearly four hours", Duration, "PT4H", ModEqualOrLess, false, ""}}},
		{"Prices rose at least 10 percent over the past two months", "Prices rose at least 10 percent over the past two months.", time.Time{}, []found{{"the past two months", Duration, "P2M", "", false, ""}}},
		{"He served a two-year term", "He served a two-year term.", time.Time{}, []found{{"two-year", Duration, "P2Y", "", false, ""}}},
		{"She waited for a while", "She waited for a while.", time.Time{}, []found{{"a while", Duration, "PXX", "", false, ""}}},
		{"The country is in its fourth year of war", "The country is in its fourth year of war.", time.Time{}, []found{{"its fourth year", Duration, "P1Y", "", false, ""}}},
		{"The decades-long dispute continues", "The decades-long dispute continues.", time.Time{}, []found{{"decades-long", Duration, "PXE", "", false, ""}}},
		{"The talks lasted up to six hours", "The talks lasted up to six hours.", time.Time{}, []found{{"up to six hours", Duration, "PT6H", ModEqualOrLess, false, ""}}},
		{"Rates are 5 percent a year", "Rates are 5 percent a year.", time.Time{}, nil},
		{"He has lived there for years", "He has lived there for years.", time.Time{}, []found{{"years", Duration, "PXY", "", false, ""}}},
		{"The strike lasted less than a day", "The strike lasted less than a day.", time.Time{}, []found{{"less than a day", Duration, "P1D", ModLessThan, false, ""}}},
		{"The wait was no more than ten minutes", "The wait was no more than ten minutes.", time.Time{}, []found{{"no more than ten minutes", Duration, "PT10M", ModEqualOrLess, false, ""}}},
		{"Hundreds of years ago the town was founded", "Hundreds of years ago the town was founded.", time.Time{}, []found{{"years ago", Date, "PAST_REF", "", false, ""}}},
		{"A couple of years later he returned", "A couple of years later he returned.", time.Time{}, []found{{"A couple of years", Duration, "P2Y", ModApprox, false, ""}}},
	})
}
