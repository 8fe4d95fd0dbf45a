package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/article"
)

// record is one JSON Lines article. Unknown fields are ignored.
type record struct {
	ID        jsonID `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Date      string `json:"date"` // an alias of published, as in the bench corpus
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Language  string `json:"language"`
}

// errNUL refuses a record whose "text" holds a NUL character, raw or
// escaped as \u0000: the text is kept verbatim, so the NUL cannot be
// dropped, as it is from the fields that are cleaned (title, html...).
var errNUL = fmt.Errorf(`%w: NUL character in "text"`, ErrBinary)

// jsonID is an identifier given as a JSON string or number.
type jsonID string

// UnmarshalJSON accepts a string, a number or null.
func (id *jsonID) UnmarshalJSON(data []byte) error {
	switch {
	case bytes.Equal(data, []byte("null")):
		return nil
	case len(data) > 0 && data[0] == '"':
		var s string
		err := json.Unmarshal(data, &s)
		*id = jsonID(s)
		return err
	case len(data) > 0 && (data[0] == '-' || data[0] >= '0' && data[0] <= '9'):
		*id = jsonID(data)
		return nil
	}
	return errors.New(`field "id" is not a string or number`)
}

// readJSONL reads JSON Lines from rd, one article per non-blank line; an
// article's SourceRef is ref#LN for line N. A line that fails is reported
// with its number and the others go on. Lines are read through a bounded
// buffer: a line over MaxSize is skipped, never held in memory. Runs of
// blank lines are passed over a buffer at a time (see skipBlankLines).
func (r *Reader) readJSONL(ctx context.Context, ref string, rd io.Reader, fn func(Result) error) error {
	in := bufio.NewReaderSize(rd, 64<<10)
	if head, _ := in.Peek(8192); isBinaryJSON(head) {
		return fn(failure(ref, 0, ErrBinary))
	}
	var buf []byte
	seen := false
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		n += skipBlankLines(in)
		line, tooLong, err := readLine(in, r.opts.MaxSize, buf[:0])
		buf = line[:0]
		if n == 1 {
			line = trimBOM(line)
		}
		res, ok := r.jsonLine(ref, n, line, tooLong)
		if err != nil && err != io.EOF {
			res, ok = failure(ref, n, err), true
		}
		if ok {
			seen = true
			if err := fn(res); err != nil {
				return err
			}
		}
		if err != nil {
			break
		}
	}
	if !seen {
		return fn(failure(ref, 0, fmt.Errorf("%w: no JSON Lines records", ErrEmpty)))
	}
	return nil
}

// jsonLine returns the result for line n, or false for a blank line.
func (r *Reader) jsonLine(ref string, n int, line []byte, tooLong bool) (Result, bool) {
	if tooLong {
		return failure(ref, n, tooLarge(r.opts.MaxSize)), true
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return Result{}, false
	}
	a, id, err := r.parseRecord(ref+"#L"+strconv.Itoa(n), line)
	if err != nil {
		return failure(ref, n, err), true
	}
	return Result{Ref: a.SourceRef, Article: a, InputID: id}, true
}

// skipBlankLines consumes the blank lines at the start of in and returns
// how many it consumed. It scans a whole buffer at a time: the millions of
// blank lines a small gzip inflates to would otherwise cost a readLine and
// a Result check each, 20 ns a line, minutes for a 2 MB gzip (issue 27).
// A blank line with no line feed yet in the buffer is left to readLine.
func skipBlankLines(in *bufio.Reader) int {
	lines := 0
	for {
		b, _ := in.Peek(in.Size())
		end, n := 0, 0 // end is just past the last line feed of the blank run
	scan:
		for i, c := range b {
			switch c {
			case '\n':
				end, n = i+1, n+1
			case ' ', '\t', '\r', '\f', '\v':
			default:
				break scan
			}
		}
		in.Discard(end)
		lines += n
		if end == 0 || end < len(b) {
			return lines
		}
	}
}

// readLine reads one line from in into buf and returns it without its
// line ending. A line longer than max bytes is read to its end but not
// kept: tooLong reports it. err is io.EOF after the last line.
func readLine(in *bufio.Reader, max int64, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := in.ReadSlice('\n')
		if !tooLong && int64(len(buf)+len(chunk)) > max+2 { // +2 for "\r\n"
			tooLong, buf = true, buf[:0]
		}
		if !tooLong {
			buf = append(buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		if int64(len(line)) > max {
			tooLong, line = true, buf[:0]
		}
		return line, tooLong, err
	}
}

// parseRecord returns the article in one JSON Lines record, and the
// record's own id. A "text" field is kept verbatim; an "html" field is
// extracted as a web page, whose metadata fills the fields the record lacks.
func (r *Reader) parseRecord(ref string, line []byte) (*article.Article, string, error) {
	if err := checkUTF8(line); err != nil {
		return nil, "", err
	}
	if bytes.IndexByte(line, 0) >= 0 {
		// A raw NUL in a string is read as the escaped one is.
		line = bytes.ReplaceAll(line, []byte{0}, []byte(`\u0000`))
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, "", jsonError(err)
	}
	if strings.IndexByte(rec.Text, 0) >= 0 {
		return nil, "", errNUL
	}
	published, err := parseDate(rec.Published, rec.Date)
	if err != nil {
		return nil, "", err
	}
	a := &article.Article{
		SourceRef: ref,
		URL:       strings.TrimSpace(rec.URL),
		Title:     cleanLine(rec.Title),
		Outlet:    cleanLine(rec.Outlet),
		Author:    cleanLine(rec.Author),
		Published: published,
		Language:  baseLanguage(rec.Language),
		Text:      rec.Text,
	}
	switch {
	case strings.TrimSpace(rec.Text) != "":
		if a.Language == "" {
			a.Language = detectLanguage(a.Text)
		}
	case strings.TrimSpace(rec.HTML) != "":
		page, err := r.extractHTML(dropControls([]byte(rec.HTML)))
		if err != nil {
			return nil, "", err
		}
		fillFrom(a, page)
	default:
		return nil, "", fmt.Errorf(`%w: no "text" or "html"`, ErrEmpty)
	}
	a.SetID()
	return a, string(rec.ID), nil
}

// fillFrom sets a's text from page, and each of a's empty fields from the
// same field of page.
func fillFrom(a, page *article.Article) {
	a.Text = page.Text
	for _, f := range []struct{ dst, src *string }{
		{&a.URL, &page.URL}, {&a.Title, &page.Title}, {&a.Outlet, &page.Outlet},
		{&a.Author, &page.Author}, {&a.Language, &page.Language},
	} {
		if *f.dst == "" {
			*f.dst = *f.src
		}
	}
	if a.Published.IsZero() {
		a.Published = page.Published
	}
}

// dateLayouts are the accepted forms of a record's date; those without a
// zone are read as UTC, and those with one keep their wall clock (see
// wallClock).
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", time.DateOnly}

// parseDate parses the first non-blank of dates as the wall clock of the
// place it was written in (see wallClock); the zero Time if all are blank.
func parseDate(dates ...string) (time.Time, error) {
	for _, s := range dates {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return wallClock(t), nil
			}
		}
		return time.Time{}, fmt.Errorf("%w date %q: want RFC 3339, YYYY-MM-DDThh:mm:ss or YYYY-MM-DD", ErrMalformed, s)
	}
	return time.Time{}, nil
}

// jsonError describes a JSON decoding error without Go type names.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%w JSON at column %d: %v", ErrMalformed, syn.Offset, err)
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Errorf("%w JSON: field %q is a %s, want a %s", ErrMalformed, typ.Field, typ.Value, typ.Type)
	case errors.As(err, &typ):
		return fmt.Errorf("%w JSON: a record must be an object, got %s", ErrMalformed, typ.Value)
	}
	return fmt.Errorf("%w JSON: %v", ErrMalformed, err)
}
