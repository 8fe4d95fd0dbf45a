package divergence

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestRelate(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	date := func(v, first, last string, abs bool) value {
		return value{date: v, first: day(first), last: day(last), dated: true, absolute: abs}
	}
	tests := []struct {
		name string
		kind Kind
		a, b value
		want relation
	}{
		{"same amount", Amount, value{num: 9e10}, value{num: 9e10, mod: modApprox}, same},
		{"a bound holds a figure", Count, value{num: 1e6, mod: modMin}, value{num: 1.2e6}, compatible},
		{"rounded", Amount, value{num: 89.6e9}, value{num: 90e9}, compatible},
		{"approximate", Count, value{num: 150, mod: modApprox}, value{num: 140}, compatible},
		{"different counts", Count, value{num: 12}, value{num: 15}, differ},
		{"small counts are not rounded", Count, value{num: 10}, value{num: 12}, differ},
		{"far apart", Count, value{num: 20}, value{num: 2301}, incomparable},
		{"a week, seven days", Deadline, value{lo: 7, hi: 7}, value{lo: 7, hi: 7}, same},
		{"a week, two weeks", Deadline, value{lo: 7, hi: 7, date: "2025-08-24"}, value{lo: 14, hi: 14, date: "2025-09-02"}, differ},
		{"a range, its end", Deadline, value{lo: 7, hi: 10, date: "2025-08-28"}, value{lo: 10, hi: 10, date: "2025-08-29"}, differ},
		{"one due date", Deadline, value{lo: 7, hi: 7, date: "2025-08-25"}, value{lo: 6, hi: 6, date: "2025-08-25"}, compatible},
		{"by dates", Deadline, value{date: "2025-08-31"}, value{date: "2025-09-30"}, differ},
		{"a month holds its day", Date,
			date("2025-02", "2025-02-01", "2025-02-28", true), date("2025-02-28", "2025-02-28", "2025-02-28", true), compatible},
		{"two years", Date,
			date("1957", "1957-01-01", "1957-12-31", true), date("1954", "1954-01-01", "1954-12-31", true), differ},
		{"weekdays", Date,
			date("2025-08-15", "2025-08-15", "2025-08-15", false), date("2025-08-14", "2025-08-14", "2025-08-14", false), incomparable},
		{"one weekday", Date,
			date("2025-08-15", "2025-08-15", "2025-08-15", false), date("2025-08-15", "2025-08-15", "2025-08-15", false), same},
		{"a full date and a weekday", Date,
			date("2004-04-21", "2004-04-21", "2004-04-21", true), date("2004-05-24", "2004-05-24", "2004-05-24", false), incomparable},
		{"one time of day", Date, value{date: "2013-01-05T19:00"}, value{date: "2013-01-04T19:00"}, compatible},
		{"unknown date", Date, value{date: "XXXX-WXX-5"}, value{date: "2025-08-15", dated: true}, incomparable},
	}
	for _, tc := range tests {
		if got := relate(tc.kind, tc.a, tc.b); got != tc.want {
			t.Errorf("%s: relate = %d, want %d", tc.name, got, tc.want)
		}
		if got := relate(tc.kind, tc.b, tc.a); got != tc.want {
			t.Errorf("%s, swapped: relate = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestPhraseDays(t *testing.T) {
	tests := []struct {
		text   string
		lo, hi float64
	}{
		{"a week", 7, 7},
		{"seven days", 7, 7},
		{"two weeks", 14, 14},
		{"the next week to 10 days", 7, 10},
		{"48 hours", 2, 2},
		{"a week or two", 7, 14},
		{"next month", 30, 30},
		{"soon", 0, 0},
	}
	for _, tc := range tests {
		lo, hi := phraseDays(newText(tc.text).words)
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("phraseDays(%q) = %v, %v; want %v, %v", tc.text, lo, hi, tc.lo, tc.hi)
		}
	}
}

func TestValueDays(t *testing.T) {
	for v, want := range map[string]float64{"P2W": 14, "P10D": 10, "PT48H": 2, "P1Y": 365, "PXD": 0, "P": 0, "": 0} {
		if got, _ := valueDays(v); got != want {
			t.Errorf("valueDays(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestAlike(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Zelenskiy", "Zelensky", true},
		{"Zelenskyy", "Zelensky", true},
		{"J.D.", "JD", true},
		{"Hefner", "Heffner", true},
		{"Volodymyr", "Vladimir", false},
		{"Ukrainian", "Volodymyr", false},
		{"Putin", "Zelensky", false},
	}
	for _, tc := range tests {
		if got := alike(tc.a, tc.b); got != tc.want {
			t.Errorf("alike(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	if spellingKey("J.D.") != spellingKey("JD") || spellingKey("Awards") != spellingKey("Award") {
		t.Error("spellingKey tells punctuation or plurals apart")
	}
}

// TestCompileIsDeterministic checks that a subject vector compiles to the
// same feature numbers and bit-identical weights on every run, whatever
// order its map yields: a last-bit difference in a norm once flipped which
// claims aligned from one run to the next.
func TestCompileIsDeterministic(t *testing.T) {
	v := vector{}
	for i := range 40 {
		v[fmt.Sprintf("feature-%02d", i)] = 1 / float64(i+3)
	}
	want := v.compile(map[string]int32{"feature-07": 0})
	for range 50 {
		got := v.compile(map[string]int32{"feature-07": 0})
		if !slices.Equal(got.ids, want.ids) || !slices.Equal(got.w, want.w) {
			t.Fatalf("compile gave %v %v, then %v %v", want.ids, want.w, got.ids, got.w)
		}
	}
	for k, id := range want.ids {
		if k > 0 && id <= want.ids[k-1] {
			t.Fatalf("ids not ascending: %v", want.ids)
		}
	}
}
