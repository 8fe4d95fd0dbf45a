package timex

import (
	"testing"
	"time"
)

// TestClock has a row for each case of the rules in clock.go: times of day
// with an optional zone and day, the day of the sentence they fall on, and
// sets.
func TestClock(t *testing.T) {
	runCases(t, []extractCase{
		{"The talks began at 10:35 a.m. on Friday", "The talks began at 10:35 a.m. on Friday.", time.Time{}, []found{{"10:35 a.m. on Friday", Time, "2025-08-15T10:35", "", false, ""}}},
		{"Polls close at 6 p.m. EDT Wednesday", "Polls close at 6 p.m. EDT Wednesday.", time.Time{}, []found{{"6 p.m. EDT Wednesday", Time, "2025-08-13T18:00", "", false, ""}}},
		{"The summit opened at noon Thursday", "The summit opened at noon Thursday.", time.Time{}, []found{{"noon Thursday", Time, "2025-08-14T12:00", "", false, ""}}},
		{"Markets shut at midnight", "Markets shut at midnight.", time.Time{}, []found{{"midnight", Time, "2025-08-18T24:00", "", false, ""}}},
		{"Officials will meet at 9 a.m. Tuesday", "Officials will meet at 9 a.m. Tuesday.", time.Time{}, []found{{"9 a.m. Tuesday", Time, "2025-08-19T09:00", "", true, ""}}},
		{"Troops moved at 10 a.m. after Friday's vote", "Troops moved at 10 a.m. after Friday's vote.", time.Time{}, []found{{"10 a.m.", Time, "2025-08-15T10:00", "", false, ""}, {"Friday", Date, "2025-08-15", "", false, ""}}},
		{"He spoke at 3pm", "He spoke at 3pm.", time.Time{}, []found{{"3pm", Time, "2025-08-18T15:00", "", false, ""}}},
		{"The board meets every week", "The board meets every week.", time.Time{}, []found{{"every week", Set, "P1W", "", false, ""}}},
		{"Shipments arrive weekly", "Shipments arrive weekly.", time.Time{}, []found{{"weekly", Set, "P1W", "", false, ""}}},
		{"The council meets each Thursday", "The council meets each Thursday.", time.Time{}, []found{{"each Thursday", Set, "XXXX-WXX-4", "", false, ""}}},
		{"Inspectors visit twice a week", "Inspectors visit twice a week.", time.Time{}, []found{{"twice a week", Set, "P1W", "", false, ""}}},
		{"Elections are held every two years", "Elections are held every two years.", time.Time{}, []found{{"every two years", Set, "P2Y", "", false, ""}}},
	})
}
