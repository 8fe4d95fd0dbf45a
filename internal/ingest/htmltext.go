package ingest

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements hold no article prose: code, styling, embedded media,
// navigation, form controls, and image captions and credits. A <form> itself
// is not skipped: whole sites wrap their layout, article included, in one.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Video: true, atom.Audio: true, atom.Picture: true, atom.Figure: true,
	atom.Figcaption: true, atom.Nav: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Input: true,
}

// blocks start and end a line of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Hr: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Caption: true, atom.Body: true, atom.Html: true,
	atom.Form: true, atom.Fieldset: true,
}

// extractorBlocks are elements go-trafilatura may create in the content it
// extracts that have no HTML atom but break lines: "lb" is its line break.
var extractorBlocks = map[string]bool{"lb": true}

// tag returns the atom of an element's tag name. The extractor renames
// elements (a <div> to "p") and creates others without setting DataAtom, so
// Data, the name, decides and DataAtom is not read.
func tag(n *html.Node) atom.Atom {
	if a := atom.Lookup([]byte(n.Data)); a != 0 {
		return a
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// isBlock reports whether element n starts and ends a line of text.
func isBlock(n *html.Node) bool {
	return blocks[tag(n)] || extractorBlocks[strings.ToLower(n.Data)]
}

// isCell reports whether element n is a table cell, written apart from the
// cell before it by a space.
func isCell(n *html.Node) bool {
	t := tag(n)
	return t == atom.Td || t == atom.Th
}

// htmlToText returns the text of an HTML fragment, such as a feed item's
// content, one block element per line. It fails only for HTML nested
// deeper than golang.org/x/net/html parses (512 open elements).
func htmlToText(s string) (string, error) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return "", fmt.Errorf("%w HTML: %v", ErrMalformed, err)
	}
	return nodeText(doc), nil
}

// nodeText returns the text under n, one block element per line, with white
// space collapsed outside <pre>. It walks the tree through parent and
// sibling links, so that deep nesting costs no stack.
func nodeText(n *html.Node) string {
	var b strings.Builder
	pre := 0
	for c := n; c != nil; {
		enter(&b, c, pre > 0)
		if c.Type == html.ElementNode && tag(c) == atom.Pre {
			pre++
		}
		if c.FirstChild != nil && !skip(c) {
			c = c.FirstChild
			continue
		}
		for c != n && c.NextSibling == nil {
			leave(&b, c, &pre)
			c = c.Parent
		}
		leave(&b, c, &pre)
		if c == n {
			break
		}
		c = c.NextSibling
	}
	return cleanText(b.String(), false)
}

func skip(n *html.Node) bool {
	return n.Type == html.ElementNode && skipped[tag(n)]
}

// enter writes what starts n: its text, or a line break for a block.
func enter(b *strings.Builder, n *html.Node, pre bool) {
	switch {
	case n.Type == html.TextNode && pre:
		b.WriteString(n.Data)
	case n.Type == html.TextNode:
		writeCollapsed(b, n.Data)
	case n.Type == html.ElementNode && isBlock(n):
		b.WriteByte('\n')
	case n.Type == html.ElementNode && isCell(n):
		b.WriteByte(' ')
	}
}

// leave writes what ends n and keeps track of <pre> nesting.
func leave(b *strings.Builder, n *html.Node, pre *int) {
	if n.Type != html.ElementNode {
		return
	}
	if tag(n) == atom.Pre && *pre > 0 {
		*pre--
	}
	if isBlock(n) {
		b.WriteByte('\n')
	}
}

// writeCollapsed writes s with each run of white space as one space.
func writeCollapsed(b *strings.Builder, s string) {
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}
