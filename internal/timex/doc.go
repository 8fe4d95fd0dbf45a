// Package timex finds the time expressions of a news text and resolves
// them against the document creation time, the article's publication date.
// It is the time stage of storyline's pipeline: it reads article texts and
// its Expr values feed the timeline ("Trump and Putin met on Friday" is a
// reported event of 2025-08-15; "within two weeks" an expected one, due by
// its Deadline) and the inference of missing publication dates (InferDCT).
//
// Expressions follow TimeML's TIMEX3 (Pustejovsky et al., "TimeML: Robust
// Specification of Event and Temporal Expressions in Text", 2003): a type
// (DATE, TIME, DURATION, SET) and a normalized value ("2025-08-18",
// "2025-W34", "2025-Q3", "2025-SU", "199" for the 1990s, "P2W", "PT2H",
// "PRESENT_REF", "XXXX-WXX-5" for a Friday of unknown date). Extents and
// values follow the annotation of the TempEval-3 corpora (UzZaman et al.,
// "SemEval-2013 Task 1: TempEval-3", 2013), where they agree with each
// other: the span leaves out prepositions ("on Friday" is "Friday") and
// "about", keeps determiners and modifiers ("the past two weeks", "early
// Saturday", "more than a decade"), and "within two weeks" is the duration
// P2W, whose deadline Expr.Deadline carries.
//
// The recognizer is a hand-written scanner and rule set, no regular
// expressions: the text is split once into tokens, each word looked up in
// one hash table of time words (months, weekdays, numbers, units, tense
// cues); rules are functions over the token slice tried at tokens that may
// start an expression, and the longest match wins. Relative expressions are
// resolved by calendar arithmetic from the creation date, or from the last
// date mentioned for anaphoric ones ("a year earlier", "the following
// day"). A weekday or a month named without a year is placed before or
// after the creation date by the tense of its sentence (tense.go).
//
// Package eval scores the package on TempEval-3 (../shared/bench/timex).
package timex
