package timex

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// found is the part of an Expr a table test checks.
type found struct {
	Text     string
	Type     Type
	Value    string
	Mod      Mod
	Expected bool
	Deadline string // ISO 8601, "" for none
}

func project(es []Expr) []found {
	var out []found
	for _, e := range es {
		out = append(out, foundOf(e))
	}
	return out
}

func foundOf(e Expr) found {
	return found{e.Text, e.Type, e.Value, e.Mod, e.Expected, isoDay(e.Deadline)}
}

// isoDay writes t as an ISO 8601 day, the zero Time as "".
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// monday is the creation date of most cases: Monday, 2025-08-18.
var monday = date("2025-08-18")

type extractCase struct {
	name string
	text string
	dct  time.Time // monday when zero and !noDCT
	want []found
}

func runCases(t *testing.T, tests []extractCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dct := tt.dct
			if dct.IsZero() {
				dct = monday
			}
			got := project(Extract(tt.text, dct))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract(%q, %s) mismatch (-want +got):\n%s", tt.text, dct.Format(time.DateOnly), diff)
			}
		})
	}
}

func TestExtractCalendarDates(t *testing.T) {
	runCases(t, []extractCase{
		{"month day year", "It happened on August 15, 2025.", time.Time{}, []found{{"August 15, 2025", Date, "2025-08-15", "", false, ""}}},
		{"day month year", "It happened on 15 August 2025.", time.Time{}, []found{{"15 August 2025", Date, "2025-08-15", "", false, ""}}},
		{"abbreviated", "The vote on Aug. 15 failed.", time.Time{}, []found{{"Aug. 15", Date, "2025-08-15", "", false, ""}}},
		{"ordinal day", "It ended on August 15th.", time.Time{}, []found{{"August 15th", Date, "2025-08-15", "", false, ""}}},
		{"iso", "Filed 2025-08-15 in Kyiv.", time.Time{}, []found{{"2025-08-15", Date, "2025-08-15", "", false, ""}}},
		{"us numeric", "Filed 8/15/2025 in Kyiv.", time.Time{}, []found{{"8/15/2025", Date, "2025-08-15", "", false, ""}}},
		{"month year", "It began in August 2024.", time.Time{}, []found{{"August 2024", Date, "2024-08", "", false, ""}}},
		{"mid month", "Talks resume in mid-August.", time.Time{}, []found{{"mid-August", Date, "2025-08", "MID", false, ""}}},
		{"season of year", "It was the summer of 2025.", time.Time{}, []found{{"the summer of 2025", Date, "2025-SU", "", false, ""}}},
		{"decade", "Prices rose in the 1990s.", time.Time{}, []found{{"the 1990s", Date, "199", "", false, ""}}},
		{"early decade", "It began in the early 1990s.", time.Time{}, []found{{"the early 1990s", Date, "199", "START", false, ""}}},
		{"quarter", "Profit rose in the third quarter of 2025.", time.Time{}, []found{{"the third quarter of 2025", Date, "2025-Q3", "", false, ""}}},
		{"quarter adjective", "It posted a third-quarter loss.", time.Time{}, []found{{"third-quarter", Date, "2025-Q3", "", false, ""}}},
		{"Q notation", "Sales fell in Q2 2024.", time.Time{}, []found{{"Q2 2024", Date, "2024-Q2", "", false, ""}}},
		// An October earnings report: the quarter just named is still
		// running, so the latest quarter is the last completed one, while
		// "the quarter" goes on referring to the one named.
		{"latest quarter is completed", "The storm will cause a fourth-quarter charge. Profit fell in the latest quarter.", date("2025-10-20"), []found{
			{"fourth-quarter", Date, "2025-Q4", "", false, ""}, {"the latest quarter", Date, "2025-Q3", "", false, ""}}},
		{"the quarter named", "The storm will cause a fourth-quarter charge. Costs will rise in the quarter.", date("2025-10-20"), []found{
			{"fourth-quarter", Date, "2025-Q4", "", false, ""}, {"the quarter", Date, "2025-Q4", "", false, ""}}},
		{"month past", "Zelensky visited the White House in February.", time.Time{}, []found{{"February", Date, "2025-02", "", false, ""}}},
		{"month since", "It is his first visit since February.", time.Time{}, []found{{"February", Date, "2025-02", "", false, ""}}},
		{"month future", "He will visit in February.", time.Time{}, []found{{"February", Date, "2026-02", "", true, ""}}},
		{"month last year", "It opened in June last year.", time.Time{}, []found{{"June last year", Date, "2024-06", "", false, ""}}},
		{"year", "Russia annexed Crimea in 2014.", time.Time{}, []found{{"2014", Date, "2014", "", false, ""}}},
		{"since year", "It has grown since 2014.", time.Time{}, []found{{"2014", Date, "2014", "", false, ""}}},
		{"fiscal year", "Net income in fiscal 2024 fell.", time.Time{}, []found{{"fiscal 2024", Date, "2024", "", false, ""}}},
		{"century", "It was a 20th century idea.", time.Time{}, []found{{"20th century", Date, "19", "", false, ""}}},
		{"christmas", "They met on Christmas Eve.", time.Time{}, []found{{"Christmas Eve", Date, "2024-12-24", "", false, ""}}},
		{"dateline", "WASHINGTON, Aug. 18 (Xinhua) -- Talks began.", time.Time{}, []found{{"Aug. 18", Date, "2025-08-18", "", false, ""}}},
	})
}

func TestExtractWeekdays(t *testing.T) {
	tuesday := date("2025-08-19")
	runCases(t, []extractCase{
		{"past", "They met on Friday.", time.Time{}, []found{{"Friday", Date, "2025-08-15", "", false, ""}}},
		{"future", "They will meet on Friday.", time.Time{}, []found{{"Friday", Date, "2025-08-22", "", true, ""}}},
		{"future contraction", "We’ll meet on Thursday.", time.Time{}, []found{{"Thursday", Date, "2025-08-21", "", true, ""}}},
		{"same day past", "He spoke on Monday.", time.Time{}, []found{{"Monday", Date, "2025-08-18", "", false, ""}}},
		{"sentence initial", "On Monday, Trump told reporters he was ready.", time.Time{}, []found{{"Monday", Date, "2025-08-18", "", false, ""}}},
		{"last", "It followed last Friday’s summit.", time.Time{}, []found{{"last Friday", Date, "2025-08-15", "", false, ""}}},
		{"last same weekday", "He left last Monday.", time.Time{}, []found{{"last Monday", Date, "2025-08-11", "", false, ""}}},
		{"next", "They meet next Monday.", time.Time{}, []found{{"next Monday", Date, "2025-08-25", "", true, ""}}},
		{"early", "He called early Saturday.", time.Time{}, []found{{"early Saturday", Date, "2025-08-16", "START", false, ""}}},
		{"possessive", "Monday's talks were cordial.", tuesday, []found{{"Monday", Date, "2025-08-18", "", false, ""}}},
		{"part of day", "On Tuesday morning, Ukraine reported new strikes.", tuesday, []found{{"Tuesday morning", Time, "2025-08-19TMO", "", false, ""}}},
		{"weekday and date", "It was signed on Friday, Aug. 15.", time.Time{}, []found{{"Friday, Aug. 15", Date, "2025-08-15", "", false, ""}}},
		{"until", "They have until Friday to decide.", time.Time{}, []found{{"Friday", Date, "2025-08-22", "", true, ""}}},
		{"plural", "Flights leave on Tuesdays.", time.Time{}, []found{{"Tuesdays", Set, "XXXX-WXX-2", "", false, ""}}},
	})
}

func TestExtractRelative(t *testing.T) {
	runCases(t, []extractCase{
		{"today", "Talks resume today.", time.Time{}, []found{{"today", Date, "2025-08-18", "", false, ""}}},
		{"yesterday", "Talks ended yesterday.", time.Time{}, []found{{"yesterday", Date, "2025-08-17", "", false, ""}}},
		{"tomorrow", "Talks resume tomorrow.", time.Time{}, []found{{"tomorrow", Date, "2025-08-19", "", true, ""}}},
		{"tonight", "He speaks tonight.", time.Time{}, []found{{"tonight", Time, "2025-08-18TNI", "", false, ""}}},
		{"this morning", "He spoke this morning.", time.Time{}, []found{{"this morning", Time, "2025-08-18TMO", "", false, ""}}},
		{"last night", "He spoke last night.", time.Time{}, []found{{"last night", Time, "2025-08-17TNI", "", false, ""}}},
		{"this week", "They meet this week.", time.Time{}, []found{{"this week", Date, "2025-W34", "", false, ""}}},
		{"last week", "They met last week.", time.Time{}, []found{{"last week", Date, "2025-W33", "", false, ""}}},
		{"next week", "They meet next week.", time.Time{}, []found{{"next week", Date, "2025-W35", "", true, ""}}},
		{"this month", "Prices rose this month.", time.Time{}, []found{{"this month", Date, "2025-08", "", false, ""}}},
		{"last month", "Prices rose last month.", time.Time{}, []found{{"last month", Date, "2025-07", "", false, ""}}},
		{"next month", "Prices rise next month.", time.Time{}, []found{{"next month", Date, "2025-09", "", true, ""}}},
		{"this year", "Prices rose this year.", time.Time{}, []found{{"this year", Date, "2025", "", false, ""}}},
		{"last year", "Prices rose last year.", time.Time{}, []found{{"last year", Date, "2024", "", false, ""}}},
		{"next year", "Prices rise next year.", time.Time{}, []found{{"next year", Date, "2026", "", true, ""}}},
		{"days ago", "He left three days ago.", time.Time{}, []found{{"three days ago", Date, "2025-08-15", "", false, ""}}},
		{"weeks ago", "He left two weeks ago.", time.Time{}, []found{{"two weeks ago", Date, "2025-W32", "", false, ""}}},
		{"months ago", "He left six months ago.", time.Time{}, []found{{"six months ago", Date, "2025-02", "", false, ""}}},
		{"years ago", "He left two years ago.", time.Time{}, []found{{"two years ago", Date, "2023", "", false, ""}}},
		{"earlier this month", "He said earlier this month that it worked.", time.Time{}, []found{{"earlier this month", Date, "2025-08", "START", false, ""}}},
		{"early next year", "It opens early next year.", time.Time{}, []found{{"early next year", Date, "2026", "START", true, ""}}},
		{"the weekend", "They spoke over the weekend.", time.Time{}, []found{{"the weekend", Date, "2025-W33-WE", "", false, ""}}},
		{"a year earlier", "Profit rose in the third quarter of 2024 from a year earlier.", time.Time{}, []found{
			{"the third quarter of 2024", Date, "2024-Q3", "", false, ""}, {"a year earlier", Date, "2023-Q3", "", false, ""}}},
		{"present", "He is now in Kyiv and currently safe.", time.Time{}, []found{
			{"now", Date, "PRESENT_REF", "", false, ""}, {"currently", Date, "PRESENT_REF", "", false, ""}}},
		{"past ref", "He recently left.", time.Time{}, []found{{"recently", Date, "PAST_REF", "", false, ""}}},
		{"soon ahead", "The envoys will meet again soon.", time.Time{}, []found{{"soon", Date, "FUTURE_REF", "", true, ""}}},
		{"soon in the past", "He was taken to a hospital and was soon released.", time.Time{}, nil},
		{"sentence-initial now", "Kyiv had refused a truce. Now officials say the talks may resume.", time.Time{}, []found{
			{"Now", Date, "PRESENT_REF", "", false, ""}}},
		{"that night", "The drones struck on Aug. 12. That night, the army pulled back.", time.Time{}, []found{
			{"Aug. 12", Date, "2025-08-12", "", false, ""}, {"That night", Time, "2025-08-12TNI", "", false, ""}}},
		{"future ref", "He will leave soon, in the future.", time.Time{}, []found{
			{"soon", Date, "FUTURE_REF", "", true, ""}, {"the future", Date, "FUTURE_REF", "", true, ""}}},
	})
}

func TestExtractDurationsAndSets(t *testing.T) {
	runCases(t, []extractCase{
		{"over hours", "They talked for over two hours.", time.Time{}, []found{{"two hours", Duration, "PT2H", "", false, ""}}},
		{"years", "The war lasted three years.", time.Time{}, []found{{"three years", Duration, "P3Y", "", false, ""}}},
		{"ordinal year", "The invasion is in its fourth year.", time.Time{}, []found{{"its fourth year", Duration, "P1Y", "", false, ""}}},
		{"adjective", "He won a two-year term.", time.Time{}, []found{{"two-year", Duration, "P2Y", "", false, ""}}},
		{"fraction", "He spent 5 1/2 hours there.", time.Time{}, []found{{"5 1/2 hours", Duration, "PT5H30M", "", false, ""}}},
		{"and a half", "It took a minute and a half.", time.Time{}, []found{{"a minute and a half", Duration, "PT1M30S", "", false, ""}}},
		{"more than", "It lasted more than a decade.", time.Time{}, []found{{"more than a decade", Duration, "P10Y", "MORE_THAN", false, ""}}},
		{"vague", "It took several years.", time.Time{}, []found{{"several years", Duration, "PXY", "", false, ""}}},
		{"the past", "Prices fell over the past two weeks.", time.Time{}, []found{{"the past two weeks", Duration, "P2W", "", false, ""}}},
		{"age", "A 44-year-old man and a boy, 6 years old, left.", time.Time{}, nil},
		{"rate", "It sells four flights a week.", time.Time{}, nil},
		{"every", "They meet every week.", time.Time{}, []found{{"every week", Set, "P1W", "", false, ""}}},
		{"weekly", "They meet weekly.", time.Time{}, []found{{"weekly", Set, "P1W", "", false, ""}}},
		{"annually", "Sales rise 5% annually.", time.Time{}, []found{{"annually", Set, "P1Y", "", false, ""}}},
		{"each weekday", "They meet each Thursday.", time.Time{}, []found{{"each Thursday", Set, "XXXX-WXX-4", "", false, ""}}},
		{"twice a", "The envoys meet twice a week in Geneva.", time.Time{}, []found{{"twice a week", Set, "P1W", "", false, ""}}},
		{"times a", "Trains to Kyiv run three times a day.", time.Time{}, []found{{"three times a day", Set, "P1D", "", false, ""}}},
		{"once per", "The council meets once per month.", time.Time{}, []found{{"once per month", Set, "P1M", "", false, ""}}},
		{"a while", "The front line has been quiet for a while.", time.Time{}, []found{{"a while", Duration, "PXX", "", false, ""}}},
		{"some time", "U.S. forces could stay in the region for some time.", time.Time{}, []found{{"some time", Duration, "PXX", "", false, ""}}},
		{"unit-long", "The three-week-long offensive stalled.", time.Time{}, []found{{"three-week-long", Duration, "P3W", "", false, ""}}},
		{"clock", "The blast came at 10:35 a.m. on Friday.", time.Time{}, []found{{"10:35 a.m. on Friday", Time, "2025-08-15T10:35", "", false, ""}}},
		{"clock zone day", "The offer will end at 5 p.m. EDT Wednesday.", time.Time{}, []found{{"5 p.m. EDT Wednesday", Time, "2025-08-20T17:00", "", true, ""}}},
	})
}

func TestExtractDeadlines(t *testing.T) {
	runCases(t, []extractCase{
		{"within weeks", "They could meet within two weeks.", time.Time{}, []found{{"two weeks", Duration, "P2W", "", true, "2025-09-01"}}},
		{"range", "It will be formalized within the next week to 10 days.", time.Time{}, []found{{"the next week to 10 days", Duration, "P10D", "", true, "2025-08-28"}}},
		{"coming days", "They will meet in the coming days.", time.Time{}, []found{{"the coming days", Duration, "PXD", "", true, "2025-08-25"}}},
		{"end of month", "A deal is due by the end of the month.", time.Time{}, []found{{"the end of the month", Date, "2025-08", "END", true, "2025-08-31"}}},
		{"as early as", "They could meet as early as within a week.", time.Time{}, []found{{"a week", Duration, "P1W", "", true, "2025-08-25"}}},
		{"in weeks future", "They will meet in two weeks.", time.Time{}, []found{{"two weeks", Duration, "P2W", "", true, "2025-09-01"}}},
		{"not a deadline", "They talked for two weeks.", time.Time{}, []found{{"two weeks", Duration, "P2W", "", false, ""}}},
	})
}

func TestExtractWithoutDCT(t *testing.T) {
	tests := []struct {
		text string
		want []found
	}{
		{"They met on Friday.", []found{{"Friday", Date, "XXXX-WXX-5", "", false, ""}}},
		{"They met yesterday.", []found{{"yesterday", Date, "XXXX-XX-XX", "", false, ""}}},
		{"They met in February.", []found{{"February", Date, "XXXX-02", "", false, ""}}},
		{"They met last week.", []found{{"last week", Date, "XXXX-WXX", "", false, ""}}},
		{"They met on Aug. 15.", []found{{"Aug. 15", Date, "XXXX-08-15", "", false, ""}}},
		{"They met on August 15, 2025.", []found{{"August 15, 2025", Date, "2025-08-15", "", false, ""}}},
		{"They meet within two weeks.", []found{{"two weeks", Duration, "P2W", "", true, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, project(Extract(tt.text, time.Time{}))); diff != "" {
				t.Errorf("Extract(%q, zero) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExtractNonTimes(t *testing.T) {
	for _, text := range []string{
		"He may go to March for Life rallies.",
		"Former Soviet leader Mikhail Gorbachev spoke.",
		"The index closed at 2082.1 points, or 1,990 shares.",
		"She read the Daily Telegraph and saw High Noon.",
		"CBS's 60 Minutes aired a second interview.",
		"The Sun said so.",
		"Now, he says, the talks have failed.",
		"Now that the talks have failed, both sides are rearming.",
		"Once a dominant force, the party collapsed.",
		"While a ceasefire holds, the talks go on.",
		"The ceasefire began at 1930 GMT.",
	} {
		t.Run(text, func(t *testing.T) {
			if got := project(Extract(text, monday)); len(got) != 0 {
				t.Errorf("Extract(%q) = %v, want none", text, got)
			}
		})
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	text := "Зеленський — “on Friday” — and 2014."
	es := Extract(text, monday)
	r := []rune(text)
	if len(es) != 2 {
		t.Fatalf("Extract(%q) = %v, want 2 expressions", text, es)
	}
	for _, e := range es {
		if got := string(r[e.Start:e.End]); got != e.Text {
			t.Errorf("runes[%d:%d] = %q, want %q", e.Start, e.End, got, e.Text)
		}
	}
}

func TestExtractTense(t *testing.T) {
	friday := date("2013-03-22")
	runCases(t, []extractCase{
		{"passive future", "He was elected last week and will be installed Tuesday.", friday, []found{
			{"last week", Date, "2013-W11", "", false, ""}, {"Tuesday", Date, "2013-03-26", "", true, ""}}},
		{"copula future", "Banks will stay closed until Tuesday, the central bank said.", friday, []found{
			{"Tuesday", Date, "2013-03-26", "", true, ""}}},
		{"coordinated clauses", "Lawmakers rejected the plan on Tuesday and will vote again Friday.", date("2013-03-20"), []found{
			{"Tuesday", Date, "2013-03-19", "", false, ""}, {"Friday", Date, "2013-03-22", "", true, ""}}},
		{"next to is no cue", "A bomb exploded next to the embassy on Friday.", date("1998-08-08"), []found{
			{"Friday", Date, "1998-08-07", "", false, ""}}},
		{"a noun plan is no cue", "Parliament rejected the bailout plan on Tuesday.", friday, []found{
			{"Tuesday", Date, "2013-03-19", "", false, ""}}},
		{"planned event", "Protesters planned a large rally on Saturday.", friday, []found{
			{"Saturday", Date, "2013-03-23", "", true, ""}}},
		{"postponed until", "Officials postponed until Tuesday any action.", date("2000-03-30"), []found{
			{"Tuesday", Date, "2000-04-04", "", true, ""}}},
		{"possessive", "They would look for ways around Wednesday's ruling.", date("2000-01-07"), []found{
			{"Wednesday", Date, "2000-01-05", "", false, ""}}},
		{"supposed to", "The talks are supposed to conclude by May, officials said.", date("1998-03-22"), []found{
			{"May", Date, "1998-05", "", true, "1998-05-31"}}},
		{"effective", "The new pact, effective June 1, raises wages.", date("1989-10-26"), []found{
			{"June 1", Date, "1990-06-01", "", true, ""}}},
		{"weekend past on a Friday", "The plan was drafted over the weekend.", friday, []found{
			{"the weekend", Date, "2013-W11-WE", "", false, ""}}},
		{"wrapped line", "The blasts hit Kenya and Tanzania, which was attacked\non Friday in the morning.", date("1998-08-08"), []found{
			{"Friday", Date, "1998-08-07", "", false, ""}}},
		{"a trailing attribution has its own tense", "Parliament will vote on the budget on Thursday, the speaker said on Monday.", date("2025-03-03"), []found{
			{"Thursday", Date, "2025-03-06", "", true, ""}, {"Monday", Date, "2025-03-03", "", false, ""}}},
		{"a deadline ahead is not pulled back by an earlier date", "The plan was presented last Friday. Agencies are expected to rule by the end of the month.", date("2025-03-03"), []found{
			{"last Friday", Date, "2025-02-28", "", false, ""}, {"the end of the month", Date, "2025-03", "END", true, "2025-03-31"}}},
	})
}

func TestExtractNewsForms(t *testing.T) {
	friday := date("2013-03-22")
	runCases(t, []extractCase{
		{"clock before its day", "The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", date("1998-08-08"), []found{
			{"10:35 a.m.", Time, "1998-08-07T10:35", "", false, ""}, {"Friday", Date, "1998-08-07", "", false, ""}}},
		{"clock after its day", "On Thursday, the vote began at 9 p.m. in Nicosia.", friday, []found{
			{"Thursday", Date, "2013-03-21", "", false, ""}, {"9 p.m.", Time, "2013-03-21T21:00", "", false, ""}}},
		{"bare plural object", "He spent decades in exile after years of war.", friday, []found{
			{"decades", Duration, "PXE", "", false, ""}, {"years", Duration, "PXY", "", false, ""}}},
		{"bare plural head", "The deal follows months of talks.", friday, []found{{"months", Duration, "PXM", "", false, ""}}},
		{"fraction is no duration", "Iraq imports about three-quarters of its food.", friday, nil},
		{"straight", "Shares fell for three straight days.", friday, []found{{"three straight days", Duration, "P3D", "", false, ""}}},
		{"quarter century", "The dispute dates back a quarter century.", friday, []found{{"a quarter century", Duration, "P25Y", "", false, ""}}},
		{"quarter of", "It holds more than a quarter of the market.", friday, nil},
		{"range", "Shipments resume within two to three weeks.", friday, []found{{"two to three weeks", Duration, "P3W", "", true, "2013-04-12"}}},
		{"last as a verb", "The trial is expected to last several months.", friday, []found{{"several months", Duration, "PXM", "", false, ""}}},
		{"ordinal digits", "The standoff is in its 20th week.", friday, []found{{"its 20th week", Duration, "P1W", "", false, ""}}},
		{"the year in words", "It was promised by the year two thousand.", friday, []found{{"the year two thousand", Date, "2000", "", false, ""}}},
		{"this coming", "The vote is this coming Sunday.", friday, []found{{"this coming Sunday", Date, "2013-03-24", "", true, ""}}},
		{"decade in two digits", "Prices soared in the '90s.", friday, []found{{"the '90s", Date, "199", "", false, ""}}},
		{"nine eleven", "The 9/11 attacks changed the city.", friday, []found{{"9/11", Date, "2001-09-11", "", false, ""}}},
		{"newspaper", "The Sunday Times reported it.", friday, nil},
		{"weekday parts", "He works on Sunday mornings.", friday, []found{{"Sunday mornings", Set, "XXXX-WXX-7TMO", "", false, ""}}},
		{"past decade", "The economy grew over the past decade.", friday, []found{{"the past decade", Duration, "P10Y", "", false, ""}}},
		{"next decade", "Coal use will surge over the next decade.", friday, []found{{"the next decade", Duration, "P10Y", "", true, ""}}},
		{"following decade", "The deal closed in 2003. Over the following decade it paid well.", friday, []found{
			{"2003", Date, "2003", "", false, ""}, {"the following decade", Duration, "P10Y", "", false, ""}}},
		{"earlier than usual", "The season started a month earlier than usual.", friday, []found{{"a month", Duration, "P1M", "", false, ""}}},
		{"would be paid", "The dividend would be paid on a still unspecified date in January.", date("1989-10-26"), []found{{"January", Date, "1990-01", "", true, ""}}},
		{"adjective in -ed", "It opens on a still unspecified date in May.", date("1989-03-10"), []found{{"May", Date, "1989-05", "", true, ""}}},
		{"past span is no deadline", "Prices fell within the past two weeks.", friday, []found{{"the past two weeks", Duration, "P2W", "", false, ""}}},
	})
}
