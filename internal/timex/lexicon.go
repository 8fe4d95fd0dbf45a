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
}

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
	"dozen": {cl: clNumber, val: 12},

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
	"nearly": {key: kNearly}, "almost": {key: kAlmost}, "about": {key: kAbout}, "around": {key: kAround},
	"approximately": {key: kApproximately}, "roughly": {key: kRoughly}, "some": {key: kSome},
	"several": {key: kSeveral}, "few": {key: kFew}, "couple": {key: kCouple}, "many": {key: kMany},
	"up": {key: kUp}, "to": {key: kTo}, "and": {key: kAnd}, "or": {key: kOr}, "fiscal": {key: kFiscal},
	"today": {key: kToday}, "yesterday": {key: kYesterday, tense: -1}, "tomorrow": {key: kTomorrow, tense: 1},
	"tonight": {key: kTonight}, "now": {key: kNow}, "currently": {key: kCurrently}, "recently": {key: kRecently, tense: -1},
	"soon": {key: kSoon, tense: 1}, "future": {key: kFuture}, "present": {key: kPresent},
	"previously": {key: kPreviously, tense: -1}, "nowadays": {key: kNowadays}, "lately": {key: kLately},
	"daily": {key: kDaily}, "weekly": {key: kWeekly}, "monthly": {key: kMonthly}, "quarterly": {key: kQuarterly},
	"annually": {key: kAnnually}, "yearly": {key: kYearly}, "hourly": {key: kHourly}, "nightly": {key: kNightly},
	"am": {key: kAM}, "pm": {key: kPM}, "m": {key: kAMPMm}, "p": {key: kAMPMp},
	"noon": {key: kNoon}, "midnight": {key: kMidnight}, "midday": {key: kMidday}, "overnight": {key: kOvernight},
	"o": {key: kO}, "clock": {key: kClock}, "s": {key: kS}, "ll": {key: kLL, tense: 1},
	"final": {key: kFinal}, "as": {key: kAs}, "during": {key: kDuring}, "latest": {key: kLatest},
	"percent": {key: kPercent}, "its": {key: kIts}, "his": {key: kIts}, "her": {key: kIts}, "their": {key: kIts},
	"our": {key: kIts}, "once": {key: kOnce}, "times": {key: kTimes}, "twice": {key: kTwice},
	"foreseeable": {key: kForeseeable}, "near": {key: kNear}, "under": {key: kUnder}, "most": {key: kMost},
	"hence": {key: kHence}, "so": {key: kSo}, "other": {key: kOther}, "when": {key: kWhen}, "period": {key: kPeriod}, "old": {key: kOld}, "long": {key: kLong},

	// Tense cues: auxiliaries and frequent irregular past forms. Regular
	// past forms (-ed) are recognized by the scanner.
	"will": {tense: 1}, "shall": {tense: 1}, "would": {tense: 1}, "could": {tense: 1}, "might": {tense: 1},
	"should": {tense: 1}, "must": {tense: 1}, "wo": {tense: 1}, "scheduled": {tense: 1}, "plans": {tense: 1},
	"planned": {tense: 1}, "plan": {tense: 1}, "expected": {tense: 1}, "expects": {tense: 1}, "due": {tense: 1},
	"intends": {tense: 1}, "aims": {tense: 1}, "hopes": {tense: 1}, "going": {tense: 1}, "set": {tense: 1},
	"was": {tense: -1, flags: lfAux}, "were": {tense: -1, flags: lfAux}, "is": {flags: lfAux},
	"are": {flags: lfAux}, "be": {flags: lfAux}, "planning": {tense: 1}, "preparing": {tense: 1},
	"slated": {tense: 1}, "poised": {tense: 1}, "likely": {tense: 1}, "had": {tense: -1}, "did": {tense: -1}, "said": {tense: -1},
	"told": {tense: -1}, "met": {tense: -1}, "held": {tense: -1}, "took": {tense: -1}, "made": {tense: -1},
	"went": {tense: -1}, "came": {tense: -1}, "gave": {tense: -1}, "began": {tense: -1}, "spoke": {tense: -1},
	"saw": {tense: -1}, "left": {tense: -1}, "won": {tense: -1}, "lost": {tense: -1}, "sent": {tense: -1},
	"kept": {tense: -1}, "found": {tense: -1}, "brought": {tense: -1}, "got": {tense: -1}, "led": {tense: -1},
	"ran": {tense: -1}, "wrote": {tense: -1}, "knew": {tense: -1}, "thought": {tense: -1}, "felt": {tense: -1},
	"fell": {tense: -1}, "rose": {tense: -1}, "struck": {tense: -1}, "paid": {tense: -1}, "sold": {tense: -1},
	"bought": {tense: -1}, "built": {tense: -1}, "broke": {tense: -1}, "chose": {tense: -1}, "flew": {tense: -1},
	"grew": {tense: -1}, "heard": {tense: -1}, "meant": {tense: -1}, "stood": {tense: -1},
	"threw": {tense: -1}, "became": {tense: -1}, "fought": {tense: -1}, "wore": {tense: -1}, "arose": {tense: -1},
	"drew": {tense: -1}, "forgot": {tense: -1}, "shot": {tense: -1}, "taught": {tense: -1}, "caught": {tense: -1},
	"ended": {key: kEnded, tense: -1}, "ending": {key: kEnded}, "ends": {key: kEnded},
	"full": {key: kFull}, "ahead": {key: kAhead}, "additional": {key: kExtra}, "extra": {key: kExtra},
	"further": {key: kExtra}, "trading": {key: kExtra}, "business": {key: kExtra}, "working": {key: kExtra}, "average": {key: kAverage}, "calendar": {key: kCalendar}, "has": {flags: lfPerfect}, "have": {flags: lfPerfect}, "been": {tense: -1},
	"begun": {tense: -1}, "done": {tense: -1}, "gone": {tense: -1}, "seen": {tense: -1}, "taken": {tense: -1},
	"given": {tense: -1}, "known": {tense: -1}, "shown": {tense: -1}, "spoken": {tense: -1},
	"written": {tense: -1}, "broken": {tense: -1}, "chosen": {tense: -1}, "fallen": {tense: -1},
	"risen": {tense: -1}, "stolen": {tense: -1}, "thrown": {tense: -1}, "hit": {tense: -1}, "quit": {tense: -1},
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
	"bed": true, "red": true, "wed": true, "bled": true, "fled": true, "sled": true, "embed": true,
	"based": true, "related": true, "detailed": true, "advanced": true, "skilled": true,
	"concerned": true, "armed": true, "aged": true, "alleged": true, "supposed": true,
}
