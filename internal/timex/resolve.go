package timex

import "time"

// Relations a modifier word sets between a named period and the document
// creation time.
const (
	relNone = iota
	relLast // last Friday, last November: the latest one strictly before
	relNext // next Friday: the first one strictly after
	relThis // this Friday: in the current week (month, year)
)

// weekdayDay resolves weekday wd (1 Monday .. 7 Sunday) against the
// creation date. Without a relation word the tense decides: the weekday on
// or before the creation date in the past or without cues, on or after it in
// the future; a weekday equal to the creation date's is that day.
func (x *extractor) weekdayDay(wd, rel, dir int) time.Time {
	cur := isoWeekday(x.dct)
	back := (cur - wd + 7) % 7
	fwd := (wd - cur + 7) % 7
	var delta int
	switch {
	case rel == relLast:
		delta = -back
		if back == 0 {
			delta = -7
		}
	case rel == relNext:
		delta = fwd
		if fwd == 0 {
			delta = 7
		}
	case rel == relThis:
		delta = wd - cur
	case dir > 0:
		delta = fwd
	default:
		delta = -back
	}
	return x.dct.AddDate(0, 0, delta)
}

// monthYear returns the year of month m mentioned without one: the
// current month, else the latest such month before the creation date, or
// the next one after it when the sentence speaks of the future. Without a
// tense cue, a month up to four months ahead is the coming one: in
// TimeBank such months are twice as often ahead as eight or more months
// back.
func (x *extractor) monthYear(m, rel, dir int) int {
	y, cur := x.dct.Year(), int(x.dct.Month())
	switch {
	case rel == relThis:
		return y
	case rel == relLast:
		if m >= cur {
			return y - 1
		}
		return y
	case rel == relNext || dir > 0:
		if m < cur || rel == relNext && m == cur {
			return y + 1
		}
		return y
	}
	if m > cur && (dir < 0 || m-cur > 4) {
		return y - 1
	}
	return y
}

// dayYear returns the year of month m, day d mentioned without one: the
// year that puts the date nearest the creation date, unless that is more
// than three months on the wrong side of it for the tense.
func (x *extractor) dayYear(m, d, dir int) int {
	y := x.dct.Year()
	best, bestDist := y, 0
	for _, cy := range [3]int{y, y - 1, y + 1} {
		diff := days(dateOf(cy, m, min(d, daysIn(cy, m))).Sub(x.dct))
		if cy == y || abs(diff) < abs(bestDist) {
			best, bestDist = cy, diff
		}
	}
	switch {
	case dir < 0 && bestDist > 90:
		return best - 1
	case dir > 0 && bestDist < -90:
		return best + 1
	}
	return best
}

func days(d time.Duration) int { return int(d.Hours() / 24) }

// quarterYear returns the year of quarter (or half) n of per per year,
// mentioned without a year: the creation date's year, unless the quarter
// is still to come there and the sentence is not about the future. News
// speaks of a quarter that has ended in the future tense too ("expects to
// report third-quarter earnings"), so the tense never moves it forward.
func (x *extractor) quarterYear(n, per, dir int) int {
	y := x.dct.Year()
	cur := (int(x.dct.Month())-1)*per/12 + 1
	if n > cur && dir <= 0 {
		return y - 1
	}
	return y
}

// relOf returns the relation word at token i.
func relOf(k key) int {
	switch k {
	case kLast, kPast, kPrevious:
		return relLast
	case kNext, kComing, kFollowing, kUpcoming:
		return relNext
	case kThis, kCurrent:
		return relThis
	}
	return relNone
}
