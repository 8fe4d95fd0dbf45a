package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestNodeTextByTagName covers issue 24's glued text: elements that the
// extractor creates or renames carry no DataAtom, or the atom of their old
// name, and their breaks must come from the name they have now.
func TestNodeTextByTagName(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		atoms func(n *html.Node) // rewrites each element's atom
		want  string
	}{
		{"no atoms", "<p>It rose last year.</p><p>The company said so.</p>", func(n *html.Node) { n.DataAtom = 0 },
			"It rose last year.\nThe company said so."},
		{"list items, no atoms", "<ul><li>one</li><li>two</li></ul>", func(n *html.Node) { n.DataAtom = 0 },
			"one\ntwo"},
		{"cells, no atoms", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", func(n *html.Node) { n.DataAtom = 0 },
			"a b\nc"},
		{"renamed div to p, stale atom", "<span>It rose.</span><span>Then fell.</span>", func(n *html.Node) {
			if n.Data == "span" {
				n.Data = "p" // DataAtom stays atom.Span
			}
		}, "It rose.\nThen fell."},
		{"renamed p to span, stale atom", "<p>one</p><p>two</p>", func(n *html.Node) {
			if n.Data == "p" {
				n.Data = "span"
			}
		}, "onetwo"},
		{"created lb", "<p>one<lb></lb>two</p>", func(*html.Node) {}, "one\ntwo"},
		{"upper-case name", "<p>one</p><p>two</p>", func(n *html.Node) {
			if n.Data == "p" {
				n.Data, n.DataAtom = "P", 0
			}
		}, "one\ntwo"},
		{"script renamed to div is text", "<p>x</p><script>y</script>", func(n *html.Node) {
			if n.DataAtom == atom.Script {
				n.Data = "div"
			}
		}, "x\ny"},
		{"form keeps its text, not its controls", "<form><p>Article text.</p><input value=q><button>Search</button><select><option>a</select></form>", func(*html.Node) {},
			"Article text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode && n.Data != "html" && n.Data != "head" && n.Data != "body" {
					tt.atoms(n)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			if got := nodeText(doc); got != tt.want {
				t.Errorf("nodeText = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestParseHTMLInForm covers issue 24's pages whose whole layout is one
// <form>, as ASP.NET sites have it.
func TestParseHTMLInForm(t *testing.T) {
	in := strings.NewReplacer("<body>", `<body><form method="post" action="./page.aspx"><input type="hidden" name="__VIEWSTATE" value="x">`,
		"</body>", "</form></body>").Replace(page("<title>Talks in Washington</title>", prose...))
	a, err := New(Options{Now: fixedNow}).parseHTML("x.html", []byte(in), "")
	if err != nil {
		t.Fatalf("parseHTML: %v", err)
	}
	if want := strings.Join(prose, "\n"); a.Text != want {
		t.Errorf("Text = %q, want %q", a.Text, want)
	}
}
