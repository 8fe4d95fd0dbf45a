package timex

// This file holds the rules for times of day ("10:35 a.m.", "6 p.m. EDT
// Wednesday", "noon Thursday") and for sets ("every week", "weekly",
// "each Thursday").

// clock matches a time of day, with an optional zone and day after it.
func (x *extractor) clock(i int) (cand, bool) {
	h, m, j, ok := x.clockTime(i)
	if !ok {
		return cand{}, false
	}
	if x.at(j).lex.cl == clZone && x.capital(j) {
		j++
	}
	k := j
	if x.key(k) == kOn || x.is(k, ',') {
		k++
	}
	var c cand
	var found bool
	if c, found = x.weekdayAt(i, k, relNone); !found {
		if c, found = x.deictic(k); found && c.typ != Date || !found {
			c, found = x.calendarDate(k)
		}
	}
	switch {
	case found && c.typ == Date && len(c.value) == 10:
		j = c.end
	case !x.known:
		c = cand{value: unknown(gDay)}
	default:
		a := x.dayOfSentence(i, j)
		c = cand{value: x.value(a), ref: a}
	}
	b := append(x.buf[:0], c.value...)
	b = append(b, 'T')
	b = appendInt(b, h, 2)
	b = append(b, ':')
	b = appendInt(b, m, 2)
	x.buf = b
	return cand{end: j, typ: Time, value: string(b), ref: c.ref}, true
}

// dayOfSentence returns the day a time of day at tokens [i, end) falls
// on when no day follows it directly: a day named later in its sentence
// ("at 10:35 a.m. (0735 GMT) Friday"), else the last day named before it
// in the sentence ("Friday at 10 a.m."), else the creation date.
func (x *extractor) dayOfSentence(i, end int) anchor {
	for k := end; k < len(x.toks) && k < end+8 && !x.sentenceEnd(k) && x.toks[k].flags&fNewline == 0; k++ {
		if x.at(k).lex.cl == clWeekday {
			if c, ok := x.weekdayAt(k, k, relNone); ok && c.ref.gran == gDay {
				return c.ref
			}
		}
		switch x.key(k) {
		case kToday, kYesterday, kTomorrow, kTonight:
			if c, ok := x.deictic(k); ok && c.ref.gran == gDay {
				return c.ref
			}
			if x.key(k) == kTonight {
				return day(x.dct)
			}
		}
	}
	if x.ref.gran == gDay && x.refEnd <= i {
		for k := x.refEnd; ; k++ {
			if k >= i {
				return x.ref
			}
			if x.sentenceEnd(k) || x.toks[k].flags&fNewline != 0 {
				break
			}
		}
	}
	return day(x.dct)
}

// clockTime parses "10:35", "10:35 a.m.", "6 pm", "noon", "midnight" at i
// and returns the hour (0..24), the minute and the end.
func (x *extractor) clockTime(i int) (h, m, end int, ok bool) {
	if x.at(i).lex.key != kNone && x.capital(i) && !x.sentenceStart(i) {
		return 0, 0, i, false // High Noon
	}
	switch x.key(i) {
	case kNoon, kMidday:
		return 12, 0, i + 1, true
	case kMidnight:
		return 24, 0, i + 1, true
	}
	t := x.at(i)
	if t.kind != tNum || t.ndig > 2 || t.num > 24 {
		return 0, 0, i, false
	}
	h, j := int(t.num), i+1
	colon := false
	if (x.is(j, ':') || x.is(j, '.')) && x.tight(j) && x.tight(j+1) && x.at(j+1).ndig == 2 && x.at(j+1).num < 60 {
		m, j, colon = int(x.at(j+1).num), j+2, true
	}
	pm, e, ampm := x.ampm(j)
	switch {
	case ampm && h >= 1 && h <= 12:
		if pm && h != 12 {
			h += 12
		} else if !pm && h == 12 {
			h = 0
		}
		return h, m, e, true
	case x.key(j) == kO && x.is(j+1, '\'') && x.key(j+2) == kClock:
		return h, m, j + 3, h <= 12
	case colon && x.is(j-2, ':') && (x.key(i-1) == kAt || x.at(j).lex.cl == clZone):
		return h, m, j, true
	}
	return 0, 0, i, false
}

// ampm parses "a.m.", "p.m", "am", "PM" at j. The final period stays out of
// the span when it also ends the sentence.
func (x *extractor) ampm(j int) (pm bool, end int, ok bool) {
	switch x.key(j) {
	case kAM:
		return false, j + 1, true
	case kPM:
		return true, j + 1, true
	case kA, kAMPMp:
		if x.is(j+1, '.') && x.tight(j+1) && x.key(j+2) == kAMPMm && x.tight(j+2) {
			end = j + 3
			if x.is(end, '.') && x.tight(end) && (!x.sentenceEnd(end) || x.dayFollows(end+1)) {
				end++
			}
			return x.key(j) == kAMPMp, end, true
		}
	}
	return false, j, false
}

// dayFollows reports whether token j names a day or a time zone, which
// may follow a time of day: "9 a.m. Tuesday", "5 p.m. EST".
func (x *extractor) dayFollows(j int) bool {
	switch x.at(j).lex.cl {
	case clWeekday, clMonth, clZone:
		return true
	}
	k := x.key(j)
	return k == kToday || k == kTomorrow || k == kYesterday
}

// set matches "every week", "each Thursday", "every two years", the
// adverbs daily, weekly, monthly, annually… and frequencies ("twice a
// week", "three times a year").
func (x *extractor) set(i int) (cand, bool) {
	switch k := x.key(i); k {
	case kEvery, kEach:
		return x.every(i)
	case kDaily, kWeekly, kMonthly, kQuarterly, kAnnually, kYearly, kHourly, kNightly:
		if !x.adverb(i) || k == kQuarterly && x.at(i+1).kind == tWord && x.at(i+1).lex.key == kNone {
			return cand{}, false
		}
		return cand{end: i + 1, typ: Set, value: frequency[k]}, true
	case kOnce, kTwice:
		return x.timesPer(i, i+1)
	}
	if _, e, ok := x.quantity(i); ok && x.key(e) == kTimes && x.at(i).lex.key != kA {
		return x.timesPer(i, e+1) // three times a week
	}
	return cand{}, false
}

// timesPer matches the period of a frequency that starts at i and whose
// "a", "per" or "every" is at j: "twice a week", "three times a year",
// "once per month" recur every period, the TIMEX3 SET P1W.
func (x *extractor) timesPer(i, j int) (cand, bool) {
	switch x.key(j) {
	case kA, kPer, kEvery, kEach:
	default:
		return cand{}, false
	}
	u := x.unit(j + 1)
	if u == uNone || u == uHalf || x.at(j+1).lex.flags&lfPlural != 0 {
		return cand{}, false
	}
	return cand{end: j + 2, typ: Set, value: durValue(qty{n: 1}, u)}, true
}

// frequency gives the TIMEX3 value of each frequency adverb.
var frequency = map[key]string{kDaily: "P1D", kWeekly: "P1W", kMonthly: "P1M", kQuarterly: "P3M",
	kAnnually: "P1Y", kYearly: "P1Y", kHourly: "PT1H", kNightly: "P1D"}

// adverb reports whether the frequency word at i names a frequency:
// as an adverb ("rose 8% annually") or an adjective ("a daily rally"), but
// not in a name ("the Daily Telegraph") or an average ("average daily
// volume").
func (x *extractor) adverb(i int) bool {
	if x.capital(i) && !x.sentenceStart(i) {
		return false // the Daily Telegraph
	}
	return x.key(i-1) != kAverage
}

// every matches "every"/"each" and the recurring period after it.
func (x *extractor) every(i int) (cand, bool) {
	j := i + 1
	if x.key(j) == kOther {
		j++
	}
	t := x.at(j)
	switch {
	case t.lex.cl == clWeekday:
		c, ok := x.weekdayAt(i+1, j, relNone)
		return c, ok && c.typ == Set
	case t.lex.cl == clMonth && x.capital(j):
		return cand{end: j + 1, typ: Set, value: "XXXX-" + string(appendInt(nil, int(t.lex.val), 2))}, true
	case t.lex.cl == clSeason:
		return cand{end: j + 1, typ: Set, value: "XXXX-" + seasonCode[t.lex.val]}, true
	case t.lex.cl == clDayPart:
		return cand{end: j + 1, typ: Set, value: "XXXX-XX-XXT" + dayPartCode[t.lex.val]}, true
	}
	q, e := qty{n: 1}, j
	if qq, k, ok := x.quantity(j); ok && !qq.vague {
		q, e = qq, k
	}
	u := x.unit(e)
	if u == uNone || u == uHalf {
		return cand{}, false
	}
	if x.key(i+1) == kOther {
		q.n *= 2
	}
	return cand{end: e + 1, typ: Set, value: durValue(q, u)}, true
}
