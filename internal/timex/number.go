package timex

// qty is a parsed quantity: an integer and an optional half ("two and a
// half", "5 1/2"). vague marks "several", "a few" and the like (TIMEX3 X).
type qty struct {
	n     int
	half  bool
	vague bool
	mod   Mod // ModApprox for "a couple of"
}

// maxQty bounds the quantities rules accept; larger numbers are counts of
// things, not of time units.
const maxQty = 10000

// quantity parses a cardinal number at token i: digits ("10", "5 1/2"),
// words ("two", "twenty-four", "twenty four", "a hundred"), "a"/"an" (one),
// and vague amounts ("several", "a few", "a couple of", "many").
func (x *extractor) quantity(i int) (qty, int, bool) {
	t := x.at(i)
	switch {
	case t.kind == tNum:
		return x.digitQty(i)
	case t.lex.cl == clNumber:
		n, j := x.wordNumber(i)
		q, j := x.andAHalf(qty{n: n}, j)
		return q, j, n <= maxQty
	}
	switch t.lex.key {
	case kA, kAn:
		switch x.key(i + 1) {
		case kFew:
			return qty{vague: true}, i + 2, true
		case kCouple:
			j := i + 2
			if x.key(j) == kOf {
				j++
			}
			return qty{n: 2, mod: ModApprox}, j, true
		case kHalf:
			return qty{half: true}, i + 2, true
		}
		if x.at(i+1).lex.cl == clNumber && x.at(i+1).lex.val >= 100 || x.at(i+1).lex.val == 12 && x.at(i+1).lex.cl == clNumber {
			n, j := x.wordNumber(i + 1)
			return qty{n: n}, j, true
		}
		q, j := x.andAHalf(qty{n: 1}, i+1)
		return q, j, true
	case kSeveral, kFew, kMany:
		return qty{vague: true}, i + 1, true
	case kHalf:
		if k := x.key(i + 1); k == kA || k == kAn {
			return qty{half: true}, i + 2, true // half an hour
		}
	case kCouple:
		if x.key(i+1) == kOf && (x.key(i-1) == kNext || x.key(i-1) == kPast || x.key(i-1) == kLast) {
			return qty{n: 2, mod: ModApprox}, i + 2, true // the next couple of years
		}
	case kSome:
		return qty{vague: true}, i + 1, true
	}
	return qty{}, i, false
}

// digitQty parses digits at i, with a fraction "5 1/2" or a decimal "2.5".
func (x *extractor) digitQty(i int) (qty, int, bool) {
	t := x.at(i)
	if x.is(i+1, ',') && x.tight(i+1) && x.at(i+2).kind == tNum && x.tight(i+2) {
		return qty{}, i, false // 1,000: a count
	}
	if x.is(i-1, '.') && x.tight(i) && x.at(i-2).kind == tNum {
		return qty{}, i, false // the fraction of a decimal number
	}
	if x.is(i-1, '$') || x.is(i-1, '#') {
		return qty{}, i, false
	}
	q := qty{n: int(t.num)}
	j := i + 1
	switch {
	case x.is(j, '.') && x.tight(j) && x.at(j+1).kind == tNum && x.tight(j+1):
		f := x.at(j + 1)
		if f.ndig == 1 && f.num == 5 {
			q.half = true
		} else if f.num != 0 {
			return qty{}, i, false
		}
		j += 2
	case x.at(j).kind == tNum && x.at(j).num == 1 && x.is(j+1, '/') && x.tight(j+1) && x.at(j+2).num == 2 && x.tight(j+2):
		q.half = true
		j += 3
	}
	if q.n > maxQty {
		return qty{}, i, false
	}
	return q, j, true
}

// wordNumber parses a number written in words at i.
func (x *extractor) wordNumber(i int) (int, int) {
	t := x.at(i)
	n := int(t.lex.val)
	j := i + 1
	if t.lex.flags&lfTens != 0 {
		u := x.at(j)
		if x.hyphen(j) && x.at(j+1).lex.cl == clNumber && x.at(j+1).lex.val < 10 {
			n += int(x.at(j + 1).lex.val)
			j += 2
		} else if u.lex.cl == clNumber && u.lex.val < 10 {
			n += int(u.lex.val)
			j++
		}
	}
	for x.at(j).lex.cl == clNumber && x.at(j).lex.val == 100 {
		n *= 100
		j++
		if x.key(j) == kAnd && x.at(j+1).lex.cl == clNumber && x.at(j+1).lex.val < 100 {
			m, k := x.wordNumber(j + 1)
			n += m
			j = k
		}
	}
	return n, j
}

// andAHalf parses "and a half" after a quantity.
func (x *extractor) andAHalf(q qty, j int) (qty, int) {
	if x.key(j) == kAnd && (x.key(j+1) == kA || x.key(j+1) == kAn) && x.key(j+2) == kHalf {
		q.half = true
		return q, j + 3
	}
	return q, j
}
