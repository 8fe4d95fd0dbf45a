package timex

import "time"

// expect completes candidate c, which starts at token i, with what it says
// about the future of the document: a deadline ("within two weeks", "in
// the coming days", "by the end of the month") or a period after the
// creation date ("next week", "tomorrow", "will meet on Friday").
func (x *extractor) expect(i int, c *cand) {
	switch {
	case c.typ == Duration && c.dur.u != uNone:
		if !x.deadlineCue(i, c) {
			return
		}
		c.expected = true
		if t, ok := x.deadlineOf(c.dur); ok {
			c.deadline = t
		}
	case c.value == "FUTURE_REF":
		c.expected = true
	case c.ref.gran != gNone && x.known:
		if c.ref.t.After(x.dct) {
			c.expected = true
		}
		if x.key(i-1) == kBy && !c.ref.end().Before(x.dct) {
			c.expected = true
			c.deadline = c.ref.end()
		}
	}
}

// deadlineCue reports whether the duration c at token i is a time limit:
// after "within", or after "in" or "over" with "the next", "the coming"
// or a future verb ("will meet in two weeks").
func (x *extractor) deadlineCue(i int, c *cand) bool {
	first := i
	if x.key(first) == kThe {
		first++
	}
	ahead := x.key(first) == kNext || x.key(first) == kComing
	if k := x.key(first); k == kPast || k == kLast || k == kPrevious {
		return false // within the past two weeks
	}
	switch x.key(i - 1) {
	case kWithin:
		return true
	case kIn, kOver, kDuring, kFor:
		return ahead || x.key(i-1) == kIn && x.direction(i, c.end) > 0
	}
	return ahead
}

// deadlineOf returns the creation date plus duration d. Vague spans count
// as a week of days ("in the coming days"), four weeks of weeks and six
// months of months; vague years give no deadline.
func (x *extractor) deadlineOf(d dur) (time.Time, bool) {
	if !x.known {
		return time.Time{}, false
	}
	n := d.q.n
	if d.q.vague {
		switch d.u {
		case uDay:
			return x.dct.AddDate(0, 0, 7), true
		case uWeek:
			return x.dct.AddDate(0, 0, 28), true
		case uMonth:
			return x.dct.AddDate(0, 6, 0), true
		}
		return time.Time{}, false
	}
	if d.q.half {
		n++ // round the upper bound up
	}
	switch d.u {
	case uSecond, uMinute, uHour:
		return x.dct, true
	case uDay:
		return x.dct.AddDate(0, 0, n), true
	case uWeek, uWeekend:
		return x.dct.AddDate(0, 0, 7*n), true
	case uFortnight:
		return x.dct.AddDate(0, 0, 14*n), true
	case uMonth:
		return x.dct.AddDate(0, n, 0), true
	case uQuarter:
		return x.dct.AddDate(0, 3*n, 0), true
	case uYear:
		return x.dct.AddDate(n, 0, 0), true
	}
	return time.Time{}, false
}
