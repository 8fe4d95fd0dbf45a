package ingest

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// Web pages and feeds are read whatever their bytes, as a browser or a
// feed reader reads them: the encoding is the first that holds of
//
//   - UTF-8, when the bytes are valid UTF-8, whatever is declared: servers
//     and templates often declare ISO-8859-1 for UTF-8 pages, and Latin-1
//     prose is never valid UTF-8 but for pure ASCII, the same in both;
//   - the charset of the HTTP Content-Type header, then the one the
//     document declares (a <meta> element anywhere in its first 64 KiB, or
//     its XML declaration);
//   - UTF-8 with each invalid byte replaced by U+FFFD, when its valid
//     multi-byte characters outnumber its invalid bytes: a UTF-8 page with
//     a few stray bytes;
//   - Windows-1252, the WHATWG default for undeclared pages, of which
//     ISO-8859-1 is a subset.
//
// Plain text and JSON Lines, which have no way to declare an encoding,
// must be UTF-8 (ErrNotUTF8).

// ContentTypeCharset returns the charset parameter of an HTTP Content-Type
// header, lower case, or "" when it has none.
func ContentTypeCharset(contentType string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(params["charset"]))
}

// declScan is how far into an HTML page its charset declaration is looked
// for. The HTML standard's prescan stops at 1,024 bytes; pages declare it
// later, after scripts and styles in the <head>.
const declScan = 64 << 10

// metaCharset matches a charset in a <meta> element: <meta charset=x> or
// <meta http-equiv="Content-Type" content="text/html; charset=x">.
var metaCharset = regexp.MustCompile(`(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// htmlDeclared returns the charset a page declares, or "".
func htmlDeclared(data []byte) string {
	head := data[:min(len(data), declScan)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		return string(m[2])
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// toUTF8 returns markup as UTF-8, read in the first of labels that names
// a known encoding, or as the rules above decide. converted reports that
// the bytes were not kept as they were.
func toUTF8(data []byte, labels ...string) (out []byte, converted bool) {
	if utf8.Valid(data) {
		return data, false
	}
	for _, label := range labels {
		enc, name := charset.Lookup(label)
		if enc == nil || name == "utf-8" {
			continue
		}
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return out, true
		}
	}
	if mostlyUTF8(data) {
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), true
	}
	out, _ = charmap.Windows1252.NewDecoder().Bytes(data) // never fails
	return out, true
}

// mostlyUTF8 reports whether data's valid multi-byte UTF-8 characters
// outnumber its invalid bytes.
func mostlyUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid > invalid
}

// dropControls returns data without NUL bytes, and with the other C0
// control bytes that XML forbids as spaces: a few such stray bytes in a
// page or feed cost nothing but themselves (too many are ErrBinary, see
// isBinary). Tab, line feed and carriage return stay. In every encoding
// read here a byte below 0x20 is that control character, never part of
// another character.
func dropControls(data []byte) []byte {
	i := bytes.IndexFunc(data, isControlByte)
	if i < 0 {
		return data
	}
	out := make([]byte, i, len(data))
	copy(out, data[:i])
	for _, c := range data[i:] {
		switch {
		case c == 0:
		case isControlByte(rune(c)):
			out = append(out, ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}

func isControlByte(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r'
}
