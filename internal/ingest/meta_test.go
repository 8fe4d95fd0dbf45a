package ingest

import "testing"

// TestPageMetadata covers issue 24's metadata: titles with the outlet's
// name, outlets that are URLs, datelines taken for authors.
func TestPageMetadata(t *testing.T) {
	titles := []struct{ title, outlet, url, want string }{
		{"Leaders meet in Washington - Kyiv Herald", "Kyiv Herald", "", "Leaders meet in Washington"},
		{"Leaders meet in Washington | KYIV HERALD", "Kyiv Herald", "", "Leaders meet in Washington"},
		{"Leaders meet in Washington – herald.example", "", "https://www.herald.example/a", "Leaders meet in Washington"},
		{"Leaders meet | BBC News", "bbcnews", "", "Leaders meet"},
		{"Leaders meet | Nytimes", "", "https://www.nytimes.com/x", "Leaders meet"},
		{"Ukraine war live | Day 500", "Kyiv Herald", "https://herald.example/x", "Ukraine war live | Day 500"},
		{"Kyiv Herald", "Kyiv Herald", "", "Kyiv Herald"},
		{"Putin - Trump talks", "", "", "Putin - Trump talks"},
	}
	for _, tt := range titles {
		if got := pageTitle(tt.title, tt.outlet, tt.url); got != tt.want {
			t.Errorf("pageTitle(%q, %q, %q) = %q, want %q", tt.title, tt.outlet, tt.url, got, tt.want)
		}
	}
	outlets := map[string]string{
		"https://www.herald.example/": "herald.example", "http://news.example.org": "news.example.org",
		"www.herald.example": "herald.example", "Kyiv Herald": "Kyiv Herald", "": "",
	}
	for in, want := range outlets {
		if got := outletName(in); got != want {
			t.Errorf("outletName(%q) = %q, want %q", in, got, want)
		}
	}
	authors := map[string]string{
		"Reuters; Washington; Nov":    "Reuters",
		"Reuters; Washington; 12 Nov": "Reuters",
		"AP; Nov. 3, 2025":            "AP",
		"Anna Nowak; Pieter de Vries": "Anna Nowak, Pieter de Vries",
		"Anna Nowak":                  "Anna Nowak",
		"May Smith":                   "May Smith",
		"":                            "",
	}
	for in, want := range authors {
		if got := pageAuthor(in); got != want {
			t.Errorf("pageAuthor(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParseHTMLMetadata checks the metadata rules on a whole page.
func TestParseHTMLMetadata(t *testing.T) {
	in := page(`<title>Talks in Washington | Herald Example</title><meta property="og:site_name" content="https://www.herald.example/">`+
		`<meta name="author" content="Reuters; Washington; Nov">`, prose...)
	a, err := New(Options{Now: fixedNow}).parseHTML("x.html", []byte(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Talks in Washington" || a.Outlet != "herald.example" || a.Author != "Reuters" {
		t.Errorf("Title, Outlet, Author = %q, %q, %q; want %q, %q, %q", a.Title, a.Outlet, a.Author, "Talks in Washington", "herald.example", "Reuters")
	}
}
