package ingest

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// format is an input format.
type format int

const (
	formatUnknown format = iota
	formatText
	formatHTML
	formatFeed  // RSS 2.0, RSS 1.0 (RDF) or Atom
	formatXML   // an .xml file: a feed if its root element says so
	formatJSONL // JSON Lines, one article per line
	formatWARC  // WARC, one article per HTML response record (warc.go)
)

// sniffSize is how much of the start of an input sniff looks at.
const sniffSize = 4096

// formatOf returns the format named by path's extension.
// A gzipped file (".jsonl.gz", ".html.gz") has the format of the name
// without ".gz"; WARC files are gzipped record by record and read as such.
func formatOf(path string) format {
	if strings.HasSuffix(strings.ToLower(path), ".warc.gz") {
		return formatWARC
	}
	if gzipped(path) {
		if path = path[:len(path)-len(".gz")]; gzipped(path) {
			return formatUnknown // gzipped twice
		}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".warc":
		return formatWARC
	case ".txt":
		return formatText
	case ".html", ".htm":
		return formatHTML
	case ".rss", ".atom":
		return formatFeed
	case ".xml":
		return formatXML
	case ".jsonl", ".ndjson":
		return formatJSONL
	}
	return formatUnknown
}

// gzipped reports a file to decompress as it is read: its name ends in
// ".gz", and it is not a WARC file (see formatOf).
func gzipped(path string) bool {
	lower := strings.ToLower(path)
	return strings.HasSuffix(lower, ".gz") && !strings.HasSuffix(lower, ".warc.gz")
}

// sniff returns the format of an input that starts with prefix: JSON Lines
// if its first non-space byte is '{'; a feed if it is XML whose root element
// is rss, RDF or feed; HTML if it starts with markup; text otherwise. Other
// XML documents are formatUnknown.
func sniff(prefix []byte) format {
	b := bytes.TrimLeft(trimBOM(prefix), " \t\r\n\f")
	switch {
	case len(b) == 0:
		return formatText
	case b[0] == '{':
		return formatJSONL
	case b[0] == '<':
		return sniffMarkup(b)
	}
	return formatText
}

// sniffMarkup classifies a document that starts with '<' by skipping the
// XML declaration, processing instructions, comments and doctype up to the
// root element.
func sniffMarkup(b []byte) format {
	xmlDecl := false
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			xmlDecl = xmlDecl || hasPrefixFold(b, "<?xml")
			b = skipPast(b, "?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			b = skipPast(b, "-->")
		case hasPrefixFold(b, "<!doctype"):
			if hasPrefixFold(bytes.TrimLeft(b[len("<!doctype"):], " \t\r\n"), "html") {
				return formatHTML
			}
			b = skipDoctype(b)
		case bytes.HasPrefix(b, []byte("<")):
			return rootFormat(elementName(b[1:]), xmlDecl)
		case len(b) == 0 && xmlDecl:
			return formatUnknown
		default:
			// Text before any element, or a prefix too short to tell.
			return formatHTML
		}
	}
}

// rootFormat classifies a document by its root element's name.
func rootFormat(name string, xmlDecl bool) format {
	if name == "" {
		return formatText // "<3", "< b": not markup
	}
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	switch strings.ToLower(name) {
	case "rss", "rdf", "feed":
		return formatFeed
	case "html", "head", "body":
		return formatHTML
	}
	if xmlDecl {
		return formatUnknown
	}
	return formatHTML
}

// elementName returns the tag name at the start of b.
func elementName(b []byte) string {
	i := 0
	for i < len(b) {
		c := b[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == ':' || c == '-' || c == '_' || c == '.')) {
			break
		}
		i++
	}
	return string(b[:i])
}

// skipDoctype returns b after the doctype declaration it starts with,
// internal subset included: the entity declarations of
// <!DOCTYPE rss [<!ENTITY ...>]> hold '>' of their own.
func skipDoctype(b []byte) []byte {
	end := bytes.IndexByte(b, '>')
	if open := bytes.IndexByte(b, '['); open >= 0 && (end < 0 || open < end) {
		return skipPast(skipPast(b[open:], "]"), ">")
	}
	return skipPast(b, ">")
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// skipPast returns b after the first end, or nil if end does not occur.
func skipPast(b []byte, end string) []byte {
	if _, after, ok := bytes.Cut(b, []byte(end)); ok {
		return after
	}
	return nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// decode returns data as text without a byte-order mark, converting UTF-16
// with a byte-order mark to UTF-8 (utf16 reports that it did), and fails
// with ErrEmpty for blank input or ErrBinary for content that is not text.
// It does not check UTF-8 validity: formats that declare their encoding
// decide that (see checkUTF8).
func decode(data []byte) (text []byte, utf16 bool, err error) {
	if len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return nil, false, fmt.Errorf("%w (bad UTF-16)", ErrNotUTF8)
		}
		data, utf16 = out, true
	}
	data = trimBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, false, ErrEmpty
	}
	if isBinary(data) {
		return nil, false, ErrBinary
	}
	return data, utf16, nil
}

// isBinary reports whether more than a tenth of data's first 8 KiB are
// control characters other than white space, NUL and DEL included. Real
// text, even with stray escape codes or NUL bytes, stays far below that;
// what it holds of them the formats drop (cleanText, dropControls) or
// refuse (errNUL).
func isBinary(data []byte) bool { return controlShare(data, true) }

// isBinaryJSON is isBinary for JSON Lines, where DEL is a character that
// strings may hold unescaped.
func isBinaryJSON(data []byte) bool { return controlShare(data, false) }

func controlShare(data []byte, del bool) bool {
	head := data[:min(len(data), 8192)]
	n := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' || c == 0x7F && del {
			n++
		}
	}
	return n*10 > len(head)
}

// checkUTF8 returns an ErrNotUTF8 error naming the offset of the first
// invalid byte in data, or nil if data is valid UTF-8.
func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		off += size
	}
	return fmt.Errorf("%w (invalid byte at offset %d)", ErrNotUTF8, off)
}
