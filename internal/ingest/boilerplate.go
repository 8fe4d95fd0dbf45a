package ingest

import (
	"regexp"
	"strings"
)

// Boilerplate is recognised line by line, conservatively: a photo credit is
// removed wherever it stands, since it is never prose; a "Related news" or
// "Read more" block and agency sign-offs only at the end of the text, where
// they cannot cut an article short.
var (
	// creditLine matches a photo or copyright credit.
	creditLine = regexp.MustCompile(`(?i)^(?:` +
		`(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4})).*` +
		`|\(?(?:photo|photos|photograph|photo credit|file photo|image|images|picture|pictures|credit|credits|illustration)\s*[:|].*` +
		`|\(?(?:file )?photo\s*/.*` +
		`|\((?:photo|image|file|reuters|ap|afp|ap photo|reuters photo|getty images|epa)\b[^()]*\)` +
		`|[^.!?]{1,80}\s?/\s?(?:afp|reuters|ap|ap photo|getty images|afp via getty images|epa|epa-efe|anadolu|anadolu agency|bloomberg|shutterstock|sipa|tass|pool|ria novosti|sputnik)\)?\.?` +
		`)$`)
	// tailLine matches a line that, at the end of the text, ends the article
	// proper: a related-links heading, a "read more" link, an agency
	// sign-off or a feed's footer.
	tailLine = regexp.MustCompile(`(?i)^(?:` +
		`(?:related|related news|related articles|related stories|related content|related coverage|related links|related posts|related reading|read more|read also|also read|more on this story|see also|recommended|you may also like|you might also like|most read|share this article|advertisement|continue reading)\s*[:.…»→>–—-]*` +
		`|(?:read more|continue reading|read the full (?:story|article))\b.*` +
		`|\(?(?:reporting|additional reporting|writing|editing|compiled|written|edited) by\b.*` +
		`|the post .+ appeared first on .+` +
		`)$`)
	// tailMarker matches a heading that starts a block of links.
	tailMarker = regexp.MustCompile(`(?i)^(?:related|related news|related articles|related stories|related content|related coverage|related links|related posts|read more|read also|also read|more on this story|see also|recommended|you may also like|you might also like|most read)\s*[:.…»→>–—-]*$`)
)

// maxCreditWords bounds a credit or tail line: longer lines are prose.
const maxCreditWords = 20

// maxTailLinks bounds the link titles that may follow a tail marker.
const maxTailLinks = 12

// trimBoilerplate removes photo credits anywhere in text, and related-links
// blocks, "read more" lines and sign-offs at its end. Blank lines are kept
// (one at most) with keepBlank, as in cleanText.
func trimBoilerplate(text string, keepBlank bool) string {
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for _, line := range lines {
		if !isCredit(line) {
			kept = append(kept, line)
		}
	}
	return joinLines(kept[:tailStart(kept)], keepBlank)
}

func isCredit(line string) bool {
	return line != "" && len(strings.Fields(line)) <= maxCreditWords && creditLine.MatchString(line)
}

// tailStart returns the index of the first line of the trailing boilerplate
// in lines, or len(lines) if there is none.
func tailStart(lines []string) int {
	end := len(lines)
	for {
		i := lastNonBlank(lines[:end])
		if i < 0 {
			return 0
		}
		line := lines[i]
		if len(strings.Fields(line)) <= 40 && tailLine.MatchString(line) {
			end = i
			continue
		}
		j := markerAbove(lines[:end], i)
		if j < 0 {
			return end
		}
		end = j
	}
}

// markerAbove returns the index of a tail marker above line i such that
// every non-blank line from it to i reads as a link title (short, not a
// sentence), or -1.
func markerAbove(lines []string, i int) int {
	links := 0
	for j := i; j >= 0; j-- {
		line := lines[j]
		switch {
		case line == "":
			continue
		case tailMarker.MatchString(line):
			return j
		case links == maxTailLinks || !isLinkTitle(line):
			return -1
		}
		links++
	}
	return -1
}

// isLinkTitle reports whether line could be the title of a related article.
func isLinkTitle(line string) bool {
	return len(strings.Fields(line)) <= maxCreditWords && !strings.HasSuffix(line, ".")
}

func lastNonBlank(lines []string) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i] != "" {
			return i
		}
	}
	return -1
}
