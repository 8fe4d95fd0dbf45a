package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
)

// fieldOf returns a string field of the JSON object on line n (1-based) of
// the file at path, decoded independently of the reader under test.
func fieldOf(t *testing.T, path string, n int, field string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(strings.Split(string(data), "\n")[n-1]), &m); err != nil {
		t.Fatal(err)
	}
	return m[field].(string)
}

func TestReadJSONL(t *testing.T) {
	const ref = "testdata/jsonl/articles.jsonl"
	verbatim := fieldOf(t, ref, 2, "text")
	if !strings.Contains(verbatim, "  \r\n") || !strings.HasSuffix(verbatim, "\t") {
		t.Fatalf("fixture line 2 lost its odd white space: %q", verbatim)
	}
	want := []Result{
		{Ref: ref + "#L1", InputID: "reuters21578-2", Article: withID(article.Article{
			SourceRef: ref + "#L1",
			Title:     "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT",
			Outlet:    "Reuters",
			Published: date("1987-02-26T15:02:20Z"), // "date", no zone: UTC
			Language:  "en",
			Text:      fieldOf(t, ref, 1, "text"),
		})},
		{Ref: ref + "#L2", InputID: "42", Article: withID(article.Article{
			SourceRef: ref + "#L2",
			URL:       "https://news.example/a/42",
			Title:     "Zelensky welcomes guarantees",
			Outlet:    "News Example",
			Published: date("2025-08-18T22:15:00Z"), // the wall clock where it was written
			Language:  "en",
			Text:      verbatim,
		})},
		{Ref: ref, Err: &Error{Ref: ref, Line: 3, Err: ErrMalformed}},
		{Ref: ref + "#L5", InputID: "page-1", Article: withID(article.Article{
			SourceRef: ref + "#L5",
			Title:     "Merz fordert Waffenruhe",
			Outlet:    "Beispiel Zeitung",
			Published: date("2025-08-19"),
			Language:  "de",
			Text: "Bundeskanzler Friedrich Merz sagte am Montag in Washington, er könne sich ein nächstes Treffen ohne Waffenruhe nicht vorstellen.\n" +
				"Der ukrainische Präsident Selenskyj und mehrere europäische Staats- und Regierungschefs hatten sich zuvor mit US-Präsident Donald Trump im Weißen Haus getroffen, um über Sicherheitsgarantien für die Ukraine zu sprechen.",
		})},
		{Ref: ref, Err: &Error{Ref: ref, Line: 6, Err: ErrEmpty}},
		{Ref: ref, Err: &Error{Ref: ref, Line: 7, Err: ErrMalformed}},
		{Ref: ref, Err: &Error{Ref: ref, Line: 8, Err: ErrMalformed}},
	}
	got := collect(t, New(Options{}), ref)
	if diff := cmp.Diff(want, got, cmpErrors); diff != "" {
		t.Errorf("Read(%s) mismatch (-want +got):\n%s", ref, diff)
	}
	msgs := []string{
		ref + `:3: malformed JSON at column 44: invalid character 't' after object key:value pair`,
		ref + `:6: empty: no "text" or "html"`,
		ref + `:7: malformed date "18/08/2025": want RFC 3339, YYYY-MM-DDThh:mm:ss or YYYY-MM-DD`,
		ref + `:8: malformed JSON: field "title" is a number, want a string`,
	}
	var gotMsgs []string
	for _, res := range got {
		if res.Err != nil {
			gotMsgs = append(gotMsgs, res.Err.Error())
		}
	}
	if diff := cmp.Diff(msgs, gotMsgs); diff != "" {
		t.Errorf("error messages mismatch (-want +got):\n%s", diff)
	}
}

// jsonlResults reads JSON Lines from in and summarises the results: the
// text of each article, or the error message.
func jsonlResults(t *testing.T, r *Reader, in string) []string {
	t.Helper()
	var out []string
	err := r.readJSONL(context.Background(), "in", strings.NewReader(in), func(res Result) error {
		if res.Err != nil {
			out = append(out, "error "+res.Err.Error())
		} else {
			out = append(out, res.Ref+" "+res.Article.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReadJSONLLines(t *testing.T) {
	long := strings.Repeat("word ", 30000) // 150,000 bytes: beyond bufio's buffer
	tests := []struct {
		name string
		max  int64
		in   string
		want []string
	}{
		{"CRLF, BOM, no final newline", 0, "\uFEFF{\"text\":\"a\\r\\nb\"}\r\n\r\n{\"text\":\"c\"}", []string{"in#L1 a\r\nb", "in#L3 c"}},
		{"long line", 0, `{"text":"` + long + `"}` + "\n" + `{"text":"after"}`, []string{"in#L1 " + long, "in#L2 after"}},
		{"over MaxSize, then more", 1000, `{"text":"` + long + `"}` + "\n" + `{"text":"after"}` + "\n",
			[]string{"error in:1: over the size limit of 1000 bytes", "in#L2 after"}},
		{"exactly MaxSize", 14, `{"text":"abc"}` + "\r\n" + `{"text":"abcd"}`,
			[]string{"in#L1 abc", "error in:2: over the size limit of 14 bytes"}},
		{"invalid UTF-8 in a line", 0, "{\"text\":\"caf\xe9\"}\n{\"text\":\"ok\"}", []string{"error in:1: not UTF-8 text (invalid byte at offset 12)", "in#L2 ok"}},
		{"not an object", 0, "[1,2]\n\"text\"\nnull\n", []string{
			"error in:1: malformed JSON: a record must be an object, got array",
			"error in:2: malformed JSON: a record must be an object, got string",
			`error in:3: empty: no "text" or "html"`,
		}},
		{"trailing data", 0, `{"text":"a"} {"text":"b"}`, []string{"error in:1: malformed JSON at column 14: invalid character '{' after top-level value"}},
		{"blank text is empty", 0, `{"text":"  \n "}`, []string{`error in:1: empty: no "text" or "html"`}},
		{"html without text", 0, `{"html":"<nav>menu</nav>"}`, []string{"error in:1: malformed HTML: no extractable text"}},
		{"empty input", 0, "", []string{"error in: empty: no JSON Lines records"}},
		{"blank lines only", 0, "\n \n\t\n", []string{"error in: empty: no JSON Lines records"}},
		{"binary", 0, "{\"text\":\"a\"}\n\x00\x00\x00", []string{"error in: binary content"}},
		// Issue 27: a raw NUL and an escaped one are the same character.
		{"NUL in text, raw and escaped", 0, strings.Repeat(`{"text":"0123456789 0123456789 0123456789 0123456789"}`+"\n", 2) + "{\"text\":\"a\x00b\"}\n" + `{"text":"a\u0000b"}` + "\n" + "{\"title\":\"T\x00\",\"text\":\"x\"}\n" + `{"title":"T\u0000","text":"y"}`,
			[]string{"in#L1 0123456789 0123456789 0123456789 0123456789", "in#L2 0123456789 0123456789 0123456789 0123456789",
				`error in:3: binary content: NUL character in "text"`, `error in:4: binary content: NUL character in "text"`, "in#L5 x", "in#L6 y"}},
		{"NUL between values", 0, "{\"text\":\"a\"}\x00 ", []string{"error in:1: malformed JSON at column 13: invalid character '\\\\' after top-level value"}},
		{"a million blank lines", 0, strings.Repeat("\n", 1<<20) + " \r\n\t" + `{"text":"x"}` + strings.Repeat("\r\n", 100000),
			[]string{fmt.Sprintf("in#L%d x", 1<<20+2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := jsonlResults(t, New(Options{MaxSize: tt.max}), tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadJSONLIDs(t *testing.T) {
	in := `{"id":"a-1","text":"x"}` + "\n" + `{"id":12.5,"text":"x"}` + "\n" + `{"id":null,"text":"x"}` + "\n" + `{"id":true,"text":"x"}`
	var got []string
	err := New(Options{}).readJSONL(context.Background(), "in", strings.NewReader(in), func(res Result) error {
		if res.Err != nil {
			got = append(got, res.Err.Error())
		} else {
			got = append(got, res.InputID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a-1", "12.5", "", `in:4: malformed JSON: field "id" is not a string or number`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids mismatch (-want +got):\n%s", diff)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   []string
		want time.Time
		err  bool
	}{
		// A time with an offset keeps its own calendar day and clock.
		{[]string{"2025-08-18T22:15:00+03:00"}, date("2025-08-18T22:15:00Z"), false},
		{[]string{"2025-03-03T22:00:00-08:00"}, date("2025-03-03T22:00:00Z"), false},
		{[]string{"2025-03-04T07:00:00+09:00"}, date("2025-03-04T07:00:00Z"), false},
		{[]string{"2025-08-18T22:15:00.123Z"}, time.Date(2025, 8, 18, 22, 15, 0, 123e6, time.UTC), false},
		{[]string{"1987-02-26T15:02:20"}, date("1987-02-26T15:02:20Z"), false},
		{[]string{"1987-02-26 15:02:20"}, date("1987-02-26T15:02:20Z"), false},
		{[]string{"2025-08-18"}, date("2025-08-18"), false},
		{[]string{"", " 2025-08-18 "}, date("2025-08-18"), false}, // published empty: date
		{[]string{"2025-08-17", "2025-08-18"}, date("2025-08-17"), false},
		{[]string{"", ""}, time.Time{}, false},
		{[]string{"18/08/2025"}, time.Time{}, true},
		{[]string{"2025-02-30"}, time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in...)
		if !got.Equal(tt.want) || (err != nil) != tt.err || err != nil && !errors.Is(err, ErrMalformed) {
			t.Errorf("parseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestReadLine(t *testing.T) {
	in := bufio.NewReaderSize(strings.NewReader("abc\r\n"+strings.Repeat("x", 100)+"\nlast"), 16)
	var got []string
	for {
		line, tooLong, err := readLine(in, 10, nil)
		got = append(got, string(line)+map[bool]string{true: " (too long)"}[tooLong])
		if err != nil {
			break
		}
	}
	want := []string{"abc", " (too long)", "last"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("readLine mismatch (-want +got):\n%s", diff)
	}
}
