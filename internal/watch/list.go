package watch

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// ParseList reads a list of feeds: an OPML document, as feed readers
// export their subscriptions (every outline's xmlUrl, at any depth), or
// plain text with one URL per line, where blank lines and lines starting
// with # are ignored. Every URL must be absolute http or https; repeated
// URLs are listed once, in their first place.
func ParseList(data []byte) ([]string, error) {
	var urls []string
	var err error
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("<")) {
		urls, err = parseOPML(data)
	} else {
		urls, err = parseLines(data)
	}
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool)
	var out []string
	for _, u := range urls {
		if err := checkURL(u); err != nil {
			return nil, err
		}
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no feeds in the list")
	}
	return out, nil
}

func parseLines(data []byte) ([]string, error) {
	var urls []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			urls = append(urls, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return urls, nil
}

// parseOPML returns the xmlUrl attributes of every outline element.
func parseOPML(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var urls []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return urls, nil
		}
		if err != nil {
			return nil, fmt.Errorf("OPML: %w", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok || !strings.EqualFold(el.Name.Local, "outline") {
			continue
		}
		for _, a := range el.Attr {
			if strings.EqualFold(a.Name.Local, "xmlUrl") && strings.TrimSpace(a.Value) != "" {
				urls = append(urls, strings.TrimSpace(a.Value))
			}
		}
	}
}

// checkURL accepts absolute http and https URLs with a host.
func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("feed %q: not an http or https URL", s)
	}
	return nil
}
