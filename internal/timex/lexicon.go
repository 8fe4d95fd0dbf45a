package timex

// class is the lexical class of a word: what a rule may use it for.
type class uint8

const (
	clNone    class = iota
	clMonth         // val: 1..12
	clWeekday       // val: 1 (Monday) .. 7 (Sunday)
	clNumber        // a cardinal: val is its value (twenty: 20, hundred: 100)
	clOrdinal       // val: 1.. (first, tenth, twentieth)
	clUnit          // val: a unit
	clSeason        // val: a season
	clDayPart       // val: a part of the day
	clHoliday       // val: a holiday
	clZone          // a time zone abbreviation
)

// key names a word that rules test for by identity.
type key uint8

const (
	kNone key = iota
	kThe
	kA
	kAn
	kThis
	kThat
	kLast
	kNext
	kPast
	kComing
	kPrevious
	kFollowing
	kRecent
	kCurrent
	kSame
	kUpcoming
	kEarly
	kEarlier
	kLate
	kLater
	kMid
	kMiddle
	kEnd
	kBeginning
	kStart
	kAgo
	kBefore
	kAfter
	kSince
	kEvery
	kEach
	kPer
	kWithin
	kBy
	kIn
	kOn
	kAt
	kOf
	kFor
	kFrom
	kUntil
	kOver
	kMore
	kLess
	kThan
	kLeast
	kNo
	kNearly
	kAlmost
	kAbout
	kAround
	kApproximately
	kRoughly
	kSome
	kSeveral
	kFew
	kCouple
	kMany
	kUp
	kTo
	kAnd
	kOr
	kHalf
	kFiscal
	kToday
	kYesterday
	kTomorrow
	kTonight
	kNow
	kCurrently
	kRecently
	kSoon
	kFuture
	kPresent
	kPreviously
	kNowadays
	kLately
	kDaily
	kWeekly
	kMonthly
	kQuarterly
	kAnnually
	kYearly
	kHourly
	kNightly
	kAM
	kPM
	kAMPMa // the "a" of "a.m."
	kAMPMp // the "p" of "p.m."
	kAMPMm // the "m" of "a.m."
	kNoon
	kMidnight
	kMidday
	kOvernight
	kO
	kClock
	kS
	kLL
	kSecond
	kFirst
	kFinal
	kYearEnd
	kDay
	kYear
	kWeek
	kMonth
	kQuarter
	kPeriod
	kCentury
	kOld
	kLong
	kYears
	kAs
	kDuring
	kLatest
	kPercent
	kIts
	kOnce
	kTimes
	kTwice
	kForeseeable
	kNear
	kEve
	kUnder
	kMost
	kHence
	kSo
	kOther
	kWhen
	kFull
	kCalendar
	kEnded
	kAverage
	kAhead
	kExtra
	kSpan // spent, took, amid: a bare plural unit after it is a duration ("spent years")
	kThousand
	kPaper // Telegraph, Mirror: with a weekday, a newspaper's name
	kDefer // postponed, extended: a past verb that sets a later limit
	kWhile
	kTime
	kTimey // not a word: marks a determiner in follow
)

// Units of time, in increasing length.
const (
	uNone = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeekend
	uWeek
	uFortnight
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
)

// Parts of the day, with their TIMEX3 codes in dayPartCode.
const (
	pdNone = iota
	pdMorning
	pdAfternoon
	pdEvening
	pdNight
	pdDaytime
)

var dayPartCode = [...]string{"", "MO", "AF", "EV", "NI", "DT"}

// Seasons, with their TIMEX3 codes in seasonCode.
const (
	sNone = iota
	sSpring
	sSummer
	sFall
	sWinter
)

var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}

// lexFlag marks properties of a lexicon entry.
type lexFlag uint8

const (
	lfAbbr    lexFlag = 1 << iota // an abbreviation that may take a period: Aug., Fri.
	lfPlural                      // a plural unit or weekday: years, Fridays
	lfTens                        // twenty, thirty, …: may combine with a following digit word
	lfWeak                        // a word that is a time word only in context: may, march, sun, second
	lfAux                         // an auxiliary: "was to", "were planning" speak of the future
	lfNotPast                     // a word in -ed that is no past form (table only)
	lfStart                       // a word that may start an expression (set by newTable)
	lfPerfect                     // has, have: a past cue before a participle only
)

// starts lists the keys of words that may start an expression, with the
// key the next word must have (kNone: any).
var starts = map[key]key{
	kThe: kNone, kA: kNone, kAn: kNone, kIts: kNone, kThis: kNone, kThat: kNone, kLast: kNone, kNext: kNone,
	kPast: kNone, kComing: kNone, kPrevious: kNone, kFollowing: kNone, kRecent: kNone, kCurrent: kNone,
	kUpcoming: kNone, kEarly: kNone, kEarlier: kNone, kLate: kNone, kLater: kNone, kMid: kNone,
	kEvery: kNone, kEach: kNone, kNearly: kNone, kAlmost: kNone, kUnder: kNone, kSeveral: kNone,
	kFew: kNone, kMany: kNone, kSome: kNone, kFiscal: kNone, kToday: kNone, kYesterday: kNone,
	kTomorrow: kNone, kTonight: kNone, kNow: kNone, kCurrently: kNone, kRecently: kNone, kSoon: kNone,
	kNowadays: kNone, kLately: kNone, kDaily: kNone, kWeekly: kNone, kMonthly: kNone, kQuarterly: kNone,
	kAnnually: kNone, kYearly: kNone, kHourly: kNone, kNightly: kNone, kNoon: kNone, kMidnight: kNone,
	kMidday: kNone, kFinal: kNone, kLatest: kNone, kHalf: kNone,
	kOnce: kNone, kTwice: kNone,
	kAt: kLeast, kMore: kThan, kLess: kThan, kUp: kTo, kNo: kMore,
}

// determiners are start words that need a time word after them.
var determiners = map[key]bool{kThe: true, kA: true, kAn: true, kIts: true, kThis: true, kThat: true, kSome: true, kMany: true}

// lex is one lexicon entry.
type lex struct {
	cl    class
	key   key
	val   int8
	tense int8 // +1 future cue, -1 past cue
	flags lexFlag
	vg    vgRole // the word's role in a verb group, for tense.go
}

// vgRole is the role a word plays in a verb group, which decides what tense
// a participle signals: "will be held", "was held", "is held".
type vgRole uint8

const (
	vgNone      vgRole = iota
	vgModal            // will, would, could, 'll: the future
	vgBe               // be: takes its tense from the word before it
	vgCopula           // stay, remain, get: as be ("will stay closed")
	vgPresent          // is, are, being: the present
	vgPast             // was, were, been, had: the past
	vgAdv              // not, also, already: skipped within a verb group
	vgPart             // an irregular past participle: held, made, taken
	vgFutTo            // set, hopes, supposed: a future cue only before "to" or "for"
	vgPlan             // planned, plans, due: a future cue before the expression, or before "to" or "for"
	vgWeak             // would, could, might: the future, but not for a participle ("could be located")
	vgEffective        // effective: the future, unless after a past form ("became effective")
	vgClause           // but, while, which: a clause boundary for cues on the right
)

// lexicon maps lower-case words to their entries. Every word a rule tests
// for is here, so rules compare small integers, never strings.
var lexicon = map[string]lex{
	"january": {cl: clMonth, val: 1}, "february": {cl: clMonth, val: 2}, "march": {cl: clMonth, val: 3, flags: lfWeak},
	"april": {cl: clMonth, val: 4}, "may": {cl: clMonth, val: 5, flags: lfWeak, tense: 1}, "june": {cl: clMonth, val: 6},
	"july": {cl: clMonth, val: 7}, "august": {cl: clMonth, val: 8}, "september": {cl: clMonth, val: 9},
	"october": {cl: clMonth, val: 10}, "november": {cl: clMonth, val: 11}, "december": {cl: clMonth, val: 12},
	"jan": {cl: clMonth, val: 1, flags: lfAbbr}, "feb": {cl: clMonth, val: 2, flags: lfAbbr},
	"mar": {cl: clMonth, val: 3, flags: lfAbbr | lfWeak}, "apr": {cl: clMonth, val: 4, flags: lfAbbr},
	"jun": {cl: clMonth, val: 6, flags: lfAbbr}, "jul": {cl: clMonth, val: 7, flags: lfAbbr},
	"aug": {cl: clMonth, val: 8, flags: lfAbbr}, "sep": {cl: clMonth, val: 9, flags: lfAbbr},
	"sept": {cl: clMonth, val: 9, flags: lfAbbr}, "oct": {cl: clMonth, val: 10, flags: lfAbbr},
	"nov": {cl: clMonth, val: 11, flags: lfAbbr}, "dec": {cl: clMonth, val: 12, flags: lfAbbr},

	"monday": {cl: clWeekday, val: 1}, "tuesday": {cl: clWeekday, val: 2}, "wednesday": {cl: clWeekday, val: 3},
	"thursday": {cl: clWeekday, val: 4}, "friday": {cl: clWeekday, val: 5}, "saturday": {cl: clWeekday, val: 6},
	"sunday":  {cl: clWeekday, val: 7},
	"mondays": {cl: clWeekday, val: 1, flags: lfPlural}, "tuesdays": {cl: clWeekday, val: 2, flags: lfPlural},
	"wednesdays": {cl: clWeekday, val: 3, flags: lfPlural}, "thursdays": {cl: clWeekday, val: 4, flags: lfPlural},
	"fridays": {cl: clWeekday, val: 5, flags: lfPlural}, "saturdays": {cl: clWeekday, val: 6, flags: lfPlural},
	"sundays": {cl: clWeekday, val: 7, flags: lfPlural},
	"mon":     {cl: clWeekday, val: 1, flags: lfAbbr | lfWeak}, "tue": {cl: clWeekday, val: 2, flags: lfAbbr | lfWeak},
	"tues": {cl: clWeekday, val: 2, flags: lfAbbr | lfWeak}, "wed": {cl: clWeekday, val: 3, flags: lfAbbr | lfWeak},
	"thu": {cl: clWeekday, val: 4, flags: lfAbbr | lfWeak}, "thur": {cl: clWeekday, val: 4, flags: lfAbbr | lfWeak},
	"thurs": {cl: clWeekday, val: 4, flags: lfAbbr | lfWeak}, "fri": {cl: clWeekday, val: 5, flags: lfAbbr | lfWeak},
	"sat": {cl: clWeekday, val: 6, flags: lfAbbr | lfWeak}, "sun": {cl: clWeekday, val: 7, flags: lfAbbr | lfWeak},

	"one": {cl: clNumber, val: 1}, "two": {cl: clNumber, val: 2}, "three": {cl: clNumber, val: 3},
	"four": {cl: clNumber, val: 4}, "five": {cl: clNumber, val: 5}, "six": {cl: clNumber, val: 6},
	"seven": {cl: clNumber, val: 7}, "eight": {cl: clNumber, val: 8}, "nine": {cl: clNumber, val: 9},
	"ten": {cl: clNumber, val: 10}, "eleven": {cl: clNumber, val: 11}, "twelve": {cl: clNumber, val: 12},
	"thirteen": {cl: clNumber, val: 13}, "fourteen": {cl: clNumber, val: 14}, "fifteen": {cl: clNumber, val: 15},
	"sixteen": {cl: clNumber, val: 16}, "seventeen": {cl: clNumber, val: 17}, "eighteen": {cl: clNumber, val: 18},
	"nineteen": {cl: clNumber, val: 19}, "twenty": {cl: clNumber, val: 20, flags: lfTens},
	"thirty": {cl: clNumber, val: 30, flags: lfTens}, "forty": {cl: clNumber, val: 40, flags: lfTens},
	"fifty": {cl: clNumber, val: 50, flags: lfTens}, "sixty": {cl: clNumber, val: 60, flags: lfTens},
	"seventy": {cl: clNumber, val: 70, flags: lfTens}, "eighty": {cl: clNumber, val: 80, flags: lfTens},
	"ninety": {cl: clNumber, val: 90, flags: lfTens}, "hundred": {cl: clNumber, val: 100},
	"dozen": {cl: clNumber, val: 12}, "thousand": {key: kThousand},
	"telegraph": {key: kPaper}, "mirror": {key: kPaper}, "express": {key: kPaper}, "herald": {key: kPaper},
	"tribune": {key: kPaper}, "observer": {key: kPaper}, "independent": {key: kPaper}, "mail": {key: kPaper},
	"post": {key: kPaper}, "star": {key: kPaper}, "sport": {key: kPaper},

	"first": {cl: clOrdinal, key: kFirst, val: 1}, "second": {cl: clUnit, key: kSecond, val: uSecond},
	"third": {cl: clOrdinal, val: 3}, "fourth": {cl: clOrdinal, val: 4}, "fifth": {cl: clOrdinal, val: 5},
	"sixth": {cl: clOrdinal, val: 6}, "seventh": {cl: clOrdinal, val: 7}, "eighth": {cl: clOrdinal, val: 8},
	"ninth": {cl: clOrdinal, val: 9}, "tenth": {cl: clOrdinal, val: 10}, "eleventh": {cl: clOrdinal, val: 11},
	"twelfth": {cl: clOrdinal, val: 12}, "thirteenth": {cl: clOrdinal, val: 13}, "fourteenth": {cl: clOrdinal, val: 14},
	"fifteenth": {cl: clOrdinal, val: 15}, "sixteenth": {cl: clOrdinal, val: 16}, "seventeenth": {cl: clOrdinal, val: 17},
	"eighteenth": {cl: clOrdinal, val: 18}, "nineteenth": {cl: clOrdinal, val: 19}, "twentieth": {cl: clOrdinal, val: 20},
	"thirtieth": {cl: clOrdinal, val: 30},

	"seconds": {cl: clUnit, val: uSecond, flags: lfPlural}, "minute": {cl: clUnit, val: uMinute},
	"minutes": {cl: clUnit, val: uMinute, flags: lfPlural}, "hour": {cl: clUnit, val: uHour},
	"hours": {cl: clUnit, val: uHour, flags: lfPlural}, "day": {cl: clUnit, key: kDay, val: uDay},
	"days": {cl: clUnit, val: uDay, flags: lfPlural}, "week": {cl: clUnit, key: kWeek, val: uWeek},
	"weeks": {cl: clUnit, val: uWeek, flags: lfPlural}, "fortnight": {cl: clUnit, val: uFortnight},
	"weekend": {cl: clUnit, val: uWeekend}, "weekends": {cl: clUnit, val: uWeekend, flags: lfPlural},
	"month": {cl: clUnit, key: kMonth, val: uMonth}, "months": {cl: clUnit, val: uMonth, flags: lfPlural},
	"quarter": {cl: clUnit, key: kQuarter, val: uQuarter}, "quarters": {cl: clUnit, val: uQuarter, flags: lfPlural},
	"year": {cl: clUnit, key: kYear, val: uYear}, "years": {cl: clUnit, key: kYears, val: uYear, flags: lfPlural},
	"decade": {cl: clUnit, val: uDecade}, "decades": {cl: clUnit, val: uDecade, flags: lfPlural},
	"century": {cl: clUnit, key: kCentury, val: uCentury}, "centuries": {cl: clUnit, val: uCentury, flags: lfPlural},
	"millennium": {cl: clUnit, val: uMillennium}, "half": {key: kHalf},

	"morning": {cl: clDayPart, val: pdMorning}, "afternoon": {cl: clDayPart, val: pdAfternoon},
	"evening": {cl: clDayPart, val: pdEvening}, "night": {cl: clDayPart, val: pdNight},
	"nights": {cl: clDayPart, val: pdNight, flags: lfPlural}, "mornings": {cl: clDayPart, val: pdMorning, flags: lfPlural},
	"evenings": {cl: clDayPart, val: pdEvening, flags: lfPlural},
	"spring":   {cl: clSeason, val: sSpring}, "summer": {cl: clSeason, val: sSummer},
	"fall": {cl: clSeason, val: sFall, flags: lfWeak}, "autumn": {cl: clSeason, val: sFall},
	"winter": {cl: clSeason, val: sWinter},

	"christmas": {cl: clHoliday, val: hChristmas}, "thanksgiving": {cl: clHoliday, val: hThanksgiving},
	"easter": {cl: clHoliday, val: hEaster}, "halloween": {cl: clHoliday, val: hHalloween},
	"new": {cl: clHoliday, val: hNewYear}, "election": {cl: clHoliday, val: hElection}, "eve": {key: kEve},

	"est": {cl: clZone}, "edt": {cl: clZone}, "cst": {cl: clZone}, "cdt": {cl: clZone}, "mst": {cl: clZone},
	"mdt": {cl: clZone}, "pst": {cl: clZone}, "pdt": {cl: clZone}, "gmt": {cl: clZone}, "utc": {cl: clZone},
	"bst": {cl: clZone}, "cet": {cl: clZone}, "cest": {cl: clZone}, "et": {cl: clZone}, "pt": {cl: clZone},

	"the": {key: kThe}, "a": {key: kA}, "an": {key: kAn}, "this": {key: kThis}, "that": {key: kThat},
	"last": {key: kLast, tense: -1}, "next": {key: kNext, tense: 1}, "past": {key: kPast},
	"coming": {key: kComing, tense: 1}, "previous": {key: kPrevious}, "following": {key: kFollowing},
	"recent": {key: kRecent}, "current": {key: kCurrent}, "same": {key: kSame},
	"upcoming": {key: kUpcoming, tense: 1}, "early": {key: kEarly}, "earlier": {key: kEarlier, tense: -1},
	"late": {key: kLate}, "later": {key: kLater}, "mid": {key: kMid}, "middle": {key: kMiddle},
	"end": {key: kEnd}, "beginning": {key: kBeginning}, "start": {key: kStart}, "ago": {key: kAgo, tense: -1},
	"before": {key: kBefore}, "after": {key: kAfter}, "since": {key: kSince, tense: -1},
	"every": {key: kEvery}, "each": {key: kEach}, "per": {key: kPer}, "within": {key: kWithin},
	"by": {key: kBy}, "in": {key: kIn}, "on": {key: kOn}, "at": {key: kAt}, "of": {key: kOf},
	"for": {key: kFor}, "from": {key: kFrom}, "until": {key: kUntil}, "till": {key: kUntil},
	"through": {key: kUntil}, "over": {key: kOver}, "more": {key: kMore}, "less": {key: kLess},
	"fewer": {key: kLess}, "than": {key: kThan}, "least": {key: kLeast}, "no": {key: kNo},
	"nearly": {key: kNearly}, "almost": {key: kAlmost}, "around": {key: kAround},
	"approximately": {key: kApproximately}, "roughly": {key: kRoughly}, "some": {key: kSome},
	"several": {key: kSeveral}, "few": {key: kFew}, "couple": {key: kCouple}, "many": {key: kMany},
	"up": {key: kUp}, "to": {key: kTo}, "and": {key: kAnd}, "or": {key: kOr}, "fiscal": {key: kFiscal},
	"today": {key: kToday}, "yesterday": {key: kYesterday, tense: -1}, "tomorrow": {key: kTomorrow, tense: 1},
	"tonight": {key: kTonight}, "now": {key: kNow, vg: vgAdv}, "currently": {key: kCurrently}, "recently": {key: kRecently, tense: -1},
	"soon": {key: kSoon, tense: 1}, "future": {key: kFuture}, "present": {key: kPresent},
	"previously": {key: kPreviously, tense: -1}, "nowadays": {key: kNowadays}, "lately": {key: kLately},
	"daily": {key: kDaily}, "weekly": {key: kWeekly}, "monthly": {key: kMonthly}, "quarterly": {key: kQuarterly},
	"annually": {key: kAnnually}, "yearly": {key: kYearly}, "hourly": {key: kHourly}, "nightly": {key: kNightly},
	"am": {key: kAM}, "pm": {key: kPM}, "m": {key: kAMPMm}, "p": {key: kAMPMp},
	"noon": {key: kNoon}, "midnight": {key: kMidnight}, "midday": {key: kMidday}, "overnight": {key: kOvernight},
	"o": {key: kO}, "clock": {key: kClock}, "s": {key: kS}, "ll": {key: kLL, tense: 1, vg: vgModal},
	"final": {key: kFinal}, "as": {key: kAs}, "during": {key: kDuring}, "latest": {key: kLatest},
	"percent": {key: kPercent}, "its": {key: kIts}, "his": {key: kIts}, "her": {key: kIts}, "their": {key: kIts},
	"our": {key: kIts}, "once": {key: kOnce}, "times": {key: kTimes}, "time": {key: kTime}, "twice": {key: kTwice},
	"foreseeable": {key: kForeseeable}, "near": {key: kNear}, "under": {key: kUnder}, "most": {key: kMost},
	"hence": {key: kHence}, "so": {key: kSo}, "other": {key: kOther}, "when": {key: kWhen}, "period": {key: kPeriod}, "old": {key: kOld}, "long": {key: kLong},

	// Tense cues: auxiliaries and frequent irregular past forms. Regular
	// past forms (-ed) are recognized by the scanner.
	"will": {tense: 1, vg: vgModal}, "shall": {tense: 1, vg: vgModal}, "would": {tense: 1, vg: vgWeak},
	"could": {tense: 1, vg: vgWeak}, "might": {tense: 1, vg: vgWeak}, "should": {tense: 1, vg: vgWeak},
	"must": {tense: 1, vg: vgWeak}, "wo": {tense: 1, vg: vgModal}, "wouldn": {tense: 1, vg: vgWeak},
	"couldn": {tense: 1, vg: vgWeak}, "shouldn": {tense: 1, vg: vgWeak}, "can": {vg: vgWeak},
	"scheduled": {tense: 1}, "expected": {tense: 1}, "expects": {tense: 1}, "slated": {tense: 1},
	"planning": {tense: 1}, "preparing": {tense: 1}, "poised": {tense: 1}, "likely": {tense: 1},
	"plans": {tense: 1, vg: vgFutTo}, "planned": {tense: 1, vg: vgPlan}, "plan": {tense: 1, vg: vgFutTo},
	"due": {tense: 1, vg: vgPlan}, "intends": {tense: 1, vg: vgFutTo}, "aims": {tense: 1, vg: vgFutTo},
	"hopes": {tense: 1, vg: vgFutTo}, "going": {tense: 1, vg: vgFutTo}, "set": {tense: 1, vg: vgFutTo},
	"spent": {key: kSpan, tense: -1, vg: vgPart}, "spend": {key: kSpan}, "spends": {key: kSpan},
	"spending": {key: kSpan}, "take": {key: kSpan}, "takes": {key: kSpan}, "taking": {key: kSpan},
	"lasted": {key: kSpan, tense: -1, vg: vgPart}, "lasts": {key: kSpan}, "lasting": {key: kSpan},
	"waited": {key: kSpan, tense: -1, vg: vgPart}, "waiting": {key: kSpan}, "endured": {key: kSpan, tense: -1, vg: vgPart},
	"amid": {key: kSpan}, "despite": {key: kSpan}, "with": {key: kSpan}, "without": {key: kSpan},
	"throughout": {key: kSpan}, "spanning": {key: kSpan},
	"supposed": {tense: 1, vg: vgFutTo}, "effective": {tense: 1, vg: vgEffective}, "about": {key: kAbout, tense: 1, vg: vgFutTo},
	"postponed": {key: kDefer, tense: -1, vg: vgPart}, "extended": {key: kDefer, tense: -1, vg: vgPart},
	"delayed": {key: kDefer, tense: -1, vg: vgPart}, "adjourned": {key: kDefer, tense: -1, vg: vgPart},
	"deferred": {key: kDefer, tense: -1, vg: vgPart}, "granted": {key: kDefer, tense: -1, vg: vgPart},
	"pushed": {key: kDefer, tense: -1, vg: vgPart}, "closed": {key: kDefer, tense: -1, vg: vgPart},
	"suspended": {key: kDefer, tense: -1, vg: vgPart},
	"was":       {tense: -1, flags: lfAux, vg: vgPast}, "were": {tense: -1, flags: lfAux, vg: vgPast},
	"wasn": {tense: -1, vg: vgPast}, "weren": {tense: -1, vg: vgPast}, "hadn": {tense: -1, vg: vgPast},
	"didn": {tense: -1}, "is": {flags: lfAux, vg: vgPresent}, "are": {flags: lfAux, vg: vgPresent},
	"isn": {vg: vgPresent}, "aren": {vg: vgPresent}, "being": {vg: vgPresent},
	"be": {flags: lfAux, vg: vgBe}, "stay": {vg: vgCopula}, "stays": {vg: vgCopula}, "remain": {vg: vgCopula},
	"remains": {vg: vgCopula}, "get": {vg: vgCopula}, "gets": {vg: vgCopula}, "become": {vg: vgCopula},
	"not": {vg: vgAdv}, "also": {vg: vgAdv}, "already": {vg: vgAdv}, "still": {vg: vgAdv}, "just": {vg: vgAdv},
	"never": {vg: vgAdv}, "then": {vg: vgAdv}, "again": {vg: vgAdv}, "officially": {vg: vgAdv},
	"formally": {vg: vgAdv}, "finally": {vg: vgAdv}, "reportedly": {vg: vgAdv},
	"but": {vg: vgClause}, "while": {key: kWhile, vg: vgClause}, "whereas": {vg: vgClause}, "although": {vg: vgClause},
	"though": {vg: vgClause}, "because": {vg: vgClause}, "which": {vg: vgClause}, "who": {vg: vgClause},
	"had": {tense: -1, vg: vgPast}, "did": {tense: -1}, "said": {tense: -1, vg: vgPart},
	"told": {tense: -1, vg: vgPart}, "met": {tense: -1, vg: vgPart}, "held": {tense: -1, vg: vgPart},
	"took": {key: kSpan, tense: -1}, "made": {tense: -1, vg: vgPart}, "went": {tense: -1}, "came": {tense: -1},
	"gave": {tense: -1}, "began": {tense: -1}, "spoke": {tense: -1}, "saw": {tense: -1},
	"left": {tense: -1, vg: vgPart}, "won": {tense: -1, vg: vgPart}, "lost": {tense: -1, vg: vgPart},
	"sent": {tense: -1, vg: vgPart}, "kept": {tense: -1, vg: vgPart}, "found": {tense: -1, vg: vgPart},
	"brought": {tense: -1, vg: vgPart}, "got": {tense: -1, vg: vgPart}, "led": {tense: -1, vg: vgPart},
	"ran": {tense: -1}, "wrote": {tense: -1}, "knew": {tense: -1}, "thought": {tense: -1, vg: vgPart},
	"felt": {tense: -1, vg: vgPart}, "fell": {tense: -1}, "rose": {tense: -1}, "struck": {tense: -1, vg: vgPart},
	"paid": {tense: -1, vg: vgPart}, "sold": {tense: -1, vg: vgPart}, "bought": {tense: -1, vg: vgPart},
	"built": {tense: -1, vg: vgPart}, "broke": {tense: -1}, "chose": {tense: -1}, "flew": {tense: -1},
	"grew": {tense: -1}, "heard": {tense: -1, vg: vgPart}, "meant": {tense: -1, vg: vgPart},
	"stood": {tense: -1}, "threw": {tense: -1}, "became": {tense: -1, vg: vgPast}, "fought": {tense: -1, vg: vgPart},
	"wore": {tense: -1}, "arose": {tense: -1}, "drew": {tense: -1}, "forgot": {tense: -1},
	"tore": {tense: -1}, "torn": {tense: -1, vg: vgPart}, "shook": {tense: -1}, "drove": {tense: -1},
	"rode": {tense: -1}, "woke": {tense: -1}, "hid": {tense: -1}, "blew": {tense: -1}, "swore": {tense: -1},
	"sank": {tense: -1}, "stole": {tense: -1}, "froze": {tense: -1}, "dug": {tense: -1, vg: vgPart},
	"fed": {tense: -1, vg: vgPart}, "hung": {tense: -1, vg: vgPart},
	"swept": {tense: -1, vg: vgPart}, "slid": {tense: -1, vg: vgPart}, "stuck": {tense: -1, vg: vgPart},
	"sought": {tense: -1, vg: vgPart}, "withdrew": {tense: -1},
	"forgave": {tense: -1}, "overtook": {tense: -1}, "undertook": {tense: -1}, "understood": {tense: -1, vg: vgPart},
	"shot": {tense: -1, vg: vgPart}, "taught": {tense: -1, vg: vgPart}, "caught": {tense: -1, vg: vgPart},
	"ended": {key: kEnded, tense: -1}, "ending": {key: kEnded}, "ends": {key: kEnded},
	"full": {key: kFull}, "ahead": {key: kAhead}, "additional": {key: kExtra}, "extra": {key: kExtra},
	"further": {key: kExtra}, "straight": {key: kExtra}, "consecutive": {key: kExtra},
	"successive": {key: kExtra}, "whole": {key: kExtra}, "trading": {key: kExtra}, "business": {key: kExtra}, "working": {key: kExtra}, "average": {key: kAverage}, "calendar": {key: kCalendar}, "has": {flags: lfPerfect}, "have": {flags: lfPerfect}, "been": {tense: -1, vg: vgPast},
	"begun": {tense: -1, vg: vgPart}, "done": {tense: -1, vg: vgPart}, "gone": {tense: -1, vg: vgPart}, "seen": {tense: -1, vg: vgPart}, "taken": {tense: -1, vg: vgPart},
	"given": {key: kDefer, tense: -1, vg: vgPart}, "known": {tense: -1, vg: vgPart}, "shown": {tense: -1, vg: vgPart}, "spoken": {tense: -1, vg: vgPart},
	"written": {tense: -1, vg: vgPart}, "broken": {tense: -1, vg: vgPart}, "chosen": {tense: -1, vg: vgPart}, "fallen": {tense: -1, vg: vgPart},
	"risen": {tense: -1, vg: vgPart}, "stolen": {tense: -1, vg: vgPart}, "thrown": {tense: -1, vg: vgPart}, "hit": {tense: -1, vg: vgPart}, "quit": {tense: -1, vg: vgPart},
}

// Holidays with fixed or computed dates.
const (
	hNone = iota
	hChristmas
	hChristmasEve
	hThanksgiving
	hEaster
	hHalloween
	hNewYear
	hNewYearsEve
	hElection
)

// notPast lists words ending in -ed that are not past-tense verbs.
var notPast = map[string]bool{
	"need": true, "speed": true, "indeed": true, "proceed": true, "succeed": true, "exceed": true,
	"breed": true, "greed": true, "seed": true, "feed": true, "hundred": true, "kindred": true,
	"sacred": true, "naked": true, "wicked": true, "united": true, "limited": true, "shed": true,
	"bed": true, "red": true, "wed": true, "sled": true, "embed": true,
	"based": true, "related": true, "detailed": true, "advanced": true, "skilled": true,
	"concerned": true, "armed": true, "aged": true, "alleged": true,
}
