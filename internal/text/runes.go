package text

import "unicode"

// IsWordRune reports whether r belongs in a word: a letter, a digit, or a
// combining mark (the accents of decomposed "é", the vowel signs of Indic
// scripts).
func IsWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// IsApostrophe reports whether r is written for an apostrophe: the
// typewriter one, the typographic ones (’ ‘ ʼ), and the backtick and acute
// accent that some wire copy uses.
func IsApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´'
}

// IsHyphen reports whether r is a hyphen, the kind that joins the parts of
// a compound ("Secretary-General").
func IsHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

// IsDash reports whether r is a hyphen or a dash (en, em, horizontal bar,
// minus sign).
func IsDash(r rune) bool {
	return IsHyphen(r) || r == '–' || r == '—' || r == '―' || r == '−'
}

// IsLineBreak reports whether r ends a line: line feed, carriage return,
// and the Unicode line and paragraph separators.
func IsLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
}

// IsQuoteMark reports whether r may open or close a quotation: the double
// marks (“ ” " « » „ ‟), the single ones (‘ ’ ' ‹ ›) and the backtick of
// wire copy's “…”.
func IsQuoteMark(r rune) bool {
	switch r {
	case '“', '”', '"', '«', '»', '„', '‟', '‘', '’', '\'', '`', '‹', '›':
		return true
	}
	return false
}
