package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		labels []string
		want   string
	}{
		{"valid UTF-8 whatever is declared", "caf\u00e9", []string{"iso-8859-1"}, "caf\u00e9"},
		{"declared Latin-1", "caf\xe9", []string{"iso-8859-1"}, "caf\u00e9"},
		{"hint before declaration", "\xc1\xc2", []string{"koi8-r", "iso-8859-1"}, "аб"},
		{"unknown label, undeclared", "caf\xe9 \x96 ok", []string{"x-nonsense"}, "caf\u00e9 \u2013 ok"},
		{"UTF-8 with a stray byte", "caf\u00e9 na\u00efve \u2019quoted\u2019 \xff end", nil, "caf\u00e9 na\u00efve \u2019quoted\u2019 \ufffd end"},
		{"declared UTF-8 but Latin-1", "caf\xe9", []string{"utf-8"}, "caf\u00e9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := toUTF8([]byte(tt.in), tt.labels...); string(got) != tt.want {
				t.Errorf("toUTF8(%q, %q) = %q, want %q", tt.in, tt.labels, got, tt.want)
			}
		})
	}
}

func TestContentTypeCharset(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=ISO-8859-1": "iso-8859-1", `text/xml; charset="windows-1251"`: "windows-1251",
		"text/html": "", "": "", "bad;;": "",
	} {
		if got := ContentTypeCharset(in); got != want {
			t.Errorf("ContentTypeCharset(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParseHTMLEncodings covers issue 24's encodings: each page was
// rejected whole (ErrNotUTF8 or ErrBinary) where a browser reads it.
func TestParseHTMLEncodings(t *testing.T) {
	latin := "Owners of a caf\xe9 in central Kyiv reopened on Tuesday, a day after Russian strikes damaged the street, they told reporters."
	want := "Owners of a café in central Kyiv reopened on Tuesday, a day after Russian strikes damaged the street, they told reporters."
	late := `<script>` + strings.Repeat("var x = 1;\n", 150) + `</script><meta charset="windows-1252">`
	tests := []struct {
		name, in, hint, want string
	}{
		{"charset after 1,024 bytes", page(late, latin), "", want},
		{"charset only in Content-Type", page("", latin), "iso-8859-1", want},
		{"Content-Type beats the page", page(`<meta charset="koi8-r">`, latin), "windows-1252", want},
		{"undeclared Latin-1", page("", latin), "", want},
		{"UTF-8 with stray bytes", page(`<meta charset="utf-8">`, "Kyiv\u2019s caf\u00e9 owners reopened on Tuesday \xa0after Russian strikes damaged the street, they told reporters outside."),
			"", "Kyiv\u2019s caf\u00e9 owners reopened on Tuesday \ufffdafter Russian strikes damaged the street, they told reporters outside."},
		{"NUL bytes", page("", "Kyiv caf\u00e9 owners\x00 reopened on Tuesday after\x00 Russian strikes damaged the street, they told reporters outside."),
			"", "Kyiv caf\u00e9 owners reopened on Tuesday after Russian strikes damaged the street, they told reporters outside."},
	}
	r := New(Options{Now: fixedNow})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := r.parseHTML("x.html", []byte(tt.in), tt.hint)
			if err != nil {
				t.Fatalf("parseHTML: %v", err)
			}
			if a.Text != tt.want {
				t.Errorf("Text = %q, want %q", a.Text, tt.want)
			}
		})
	}
}

// TestReadPageCharset checks that ReadPage passes the Content-Type's
// charset on.
func TestReadPageCharset(t *testing.T) {
	body := page("", "Owners of a caf\xc1 in Kyiv reopened on Tuesday after Russian strikes damaged the street, they told reporters outside.")
	a, err := New(Options{Now: fixedNow}).ReadPage(Page{Ref: "p", ContentType: "text/html; charset=koi8-r", Body: []byte(body)})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Owners of a cafа in Kyiv reopened on Tuesday after Russian strikes damaged the street, they told reporters outside."; a.Text != want {
		t.Errorf("Text = %q, want %q", a.Text, want)
	}
}

// TestReadFeedEncodings covers issue 24's feed encodings.
func TestReadFeedEncodings(t *testing.T) {
	item := "<item><title>Caf\xe9</title><link>https://x.example/1</link><description>Caf\xe9 owners reopen.</description></item>"
	bare := `<rss version="2.0"><channel><title>F</title>` + item + `</channel></rss>`
	tests := []struct {
		name, in, contentType string
		want                  []string
	}{
		{"ISO-8859-1 without a declaration", bare, "", []string{"Café owners reopen."}},
		{"declared in the XML", `<?xml version="1.0" encoding="ISO-8859-1"?>` + bare, "", []string{"Café owners reopen."}},
		{"charset only in Content-Type", bare, "application/rss+xml; charset=iso-8859-1", []string{"Café owners reopen."}},
		{"Content-Type beats the declaration", `<?xml version="1.0" encoding="koi8-r"?>` + bare, "text/xml; charset=windows-1252", []string{"Café owners reopen."}},
		{"UTF-8 declared Latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?>` + strings.ReplaceAll(bare, "\xe9", "é"), "", []string{"Café owners reopen."}},
		{"NUL and control bytes", strings.Replace(rss(rssItem), "Monday", "Mon\x00day\x0b", 1), "", []string{"Leaders met in Washington on Monday ."}},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := r.ReadFeed(context.Background(), "f", tt.contentType, []byte(tt.in), func(res Result) error {
				if res.Err != nil {
					got = append(got, res.Err.Error())
				} else {
					got = append(got, res.Article.Text)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
