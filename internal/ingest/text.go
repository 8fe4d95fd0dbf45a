package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/storyline-news/storyline/internal/article"
)

// parseText reads a plain-text article in the seeds' shape: an optional
// leading "date YYYY-MM-DD" marker run into the first paragraph, an optional
// title line, the body, and perhaps trailing boilerplate.
func parseText(ref string, data []byte) (*article.Article, error) {
	data, _, err := decode(data)
	if err != nil {
		return nil, err
	}
	if err := checkUTF8(data); err != nil {
		return nil, err
	}
	text := cleanText(string(data), true)
	a := &article.Article{SourceRef: ref}
	text, a.Published = cutDateMarker(text)
	a.Title, text = cutTitle(text)
	a.Text = trimBoilerplate(text, true)
	if a.Text == "" {
		return nil, fmt.Errorf("%w: no text left after cleaning", ErrEmpty)
	}
	a.Language = detectLanguage(a.Text)
	a.SetID()
	return a, nil
}

// dateMarker is the seeds' publication-date metadata at the very start of a
// text file, run into the first paragraph.
var dateMarker = regexp.MustCompile(`^date (\d{4}-\d{2}-\d{2})(?:[ \t]+|\n+|$)`)

// cutDateMarker removes a leading date marker from text and returns the date
// it names, as UTC midnight. An impossible date ("2025-02-30") is not a
// marker: the text is returned unchanged.
func cutDateMarker(text string) (string, time.Time) {
	m := dateMarker.FindStringSubmatchIndex(text)
	if m == nil {
		return text, time.Time{}
	}
	t, err := time.Parse(time.DateOnly, text[m[2]:m[3]])
	if err != nil {
		return text, time.Time{}
	}
	return text[m[1]:], t
}

// cutTitle splits off a title line: a short first line without final
// punctuation, followed by a blank line and more text.
func cutTitle(text string) (title, body string) {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || !strings.HasPrefix(rest, "\n") || !isTitle(first) {
		return "", text
	}
	body = strings.TrimLeft(rest, "\n")
	if body == "" {
		return "", text
	}
	return first, body
}

// isTitle reports whether line reads as a headline: 2 to 25 words and at
// most 160 characters, starting with a letter, digit or quotation mark, not
// a byline, and not ending a sentence or introducing what follows.
func isTitle(line string) bool {
	words := strings.Fields(line)
	if len(words) < 2 || len(words) > 25 || utf8.RuneCountInString(line) > 160 {
		return false
	}
	if strings.EqualFold(words[0], "by") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) && !strings.ContainsRune(`"'“‘«`, first) {
		return false
	}
	end := strings.TrimRight(line, `"'”’»)]`)
	last, _ := utf8.DecodeLastRuneInString(end)
	return end != "" && !strings.ContainsRune(".!?:;,…", last)
}

// cleanText normalises text from any format except verbatim JSON Lines
// text: line breaks become "\n" (CRLF, CR and Unicode separators
// included), control characters other than tab go, each line is trimmed,
// and the result is in Unicode normal form C. With keepBlank, paragraphs
// keep the input's separators, one blank line at most; without it, blank
// lines are dropped.
func cleanText(s string, keepBlank bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			return '\n'
		case r == '\uFEFF' || unicode.IsControl(r):
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
	return norm.NFC.String(joinLines(strings.Split(s, "\n"), keepBlank))
}

// joinLines trims each line and joins them with "\n", dropping leading and
// trailing blank lines and collapsing each run of blank lines to one blank
// line, or to none without keepBlank.
func joinLines(lines []string, keepBlank bool) string {
	var b strings.Builder
	blank := false
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank && keepBlank {
				b.WriteByte('\n')
			}
		}
		b.WriteString(line)
		blank = false
	}
	return b.String()
}

// cleanLine returns s as a single trimmed line with runs of white space
// collapsed, for titles, outlets and authors.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s, false)), " ")
}
