package entity

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Type is the type of a named entity. The tagger (package ner), the
// resolver, quote attribution and divergence all use these four.
type Type string

// Entity types, as spec/annotations.md names them.
const (
	Person       Type = "person"
	Organization Type = "organization"
	Location     Type = "location"
	Other        Type = "other"
)

// Mention is one name found in an article's text by a tagger. Start and End
// are Unicode code point offsets into the text, half-open: the mention is
// runes [Start, End). Type is one of Person, Organization, Location or Other;
// CoNLL and OntoNotes labels (PER, ORG, LOC, GPE, MISC, NORP, …) are accepted
// too. Its fields are those of ner.Mention, so entity.Mention(m) converts a
// tagger's mention.
type Mention struct {
	Start, End int
	Text       string // the text of the span; informational, the span wins
	Type       Type
}

// Doc is one article as Resolve reads it: its ID, its text and the mentions a
// tagger found in the text, in any order.
type Doc struct {
	ArticleID string
	Text      string
	Mentions  []Mention
}

// Ref locates one mention of an entity: runes [Start, End) of an article's
// text.
type Ref struct {
	ArticleID  string
	Start, End int
}

// Entity is one person, organization, place or other name of a story.
type Entity struct {
	// ID is "e-" and a hash of the type and the canonical name: stable across
	// runs and stories.
	ID string
	// Name is the canonical name: for a person the longest full form seen
	// (the most frequent spelling when several are as long), for a known
	// country or organization the alias table's name.
	Name string
	// Type is Person, Organization, Location or Other.
	Type Type
	// Aliases are the distinct surface forms seen, the canonical name
	// included, sorted.
	Aliases []string
	// Roles are the normalised roles and titles seen with a person ("U.S.
	// President", "German Chancellor"), sorted.
	Roles []string
	// Mentions are every mention, role-only references included, in
	// document order.
	Mentions []Ref
}

// Link is one mention of an article tied to the entity it names.
type Link struct {
	// Start and End are Unicode code point offsets of the name: a title
	// written before it ("U.S. President") and a possessive ending ("’s")
	// are left out.
	Start, End int
	// Text is the text of runes [Start, End).
	Text string
	// Type is the entity's type, or the mention's when Entity is empty.
	Type Type
	// Entity is the ID of the entity named, or "" when the mention could not
	// be resolved: a bare surname shared by several people, or a title alone.
	Entity string
	// Role is the normalised role written with this mention, if any.
	Role string
	// Mention is the index of the mention in Doc.Mentions, or -1 for a
	// role-only reference that Resolve found in the text ("the Ukrainian
	// president").
	Mention int
}

// Result is what Resolve found in a story.
type Result struct {
	// Entities are sorted by number of mentions, most first, then by name.
	Entities []Entity
	// Links[i] are the mentions of the i-th document, sorted by offset:
	// every mention of Doc.Mentions whose span lies in the text, and the
	// role-only references Resolve found and resolved. Links may nest: a
	// reference "the US president" contains the mention "US".
	Links [][]Link
}

// Entity returns the entity with the given ID.
func (r Result) Entity(id string) (Entity, bool) {
	for _, e := range r.Entities {
		if e.ID == id {
			return e, true
		}
	}
	return Entity{}, false
}

// Resolve resolves the mentions of a story's documents to entities. It never
// fails: mentions whose spans lie outside their text are skipped, and names it
// cannot resolve get an empty Link.Entity. The result depends only on docs.
func Resolve(docs []Doc) Result {
	s := newStory(loadTables(), docs)
	s.readDocs()
	s.mergePeople()
	s.mergeNames()
	s.resolveReferences()
	r := s.result()
	s.buffers.release()
	return r
}

// NewID returns the ID of the entity of type typ with the canonical name.
func NewID(typ Type, name string) string {
	h := sha256.Sum256([]byte(string(typ) + "\x00" + name))
	return "e-" + hex.EncodeToString(h[:8])
}

// normType maps a tagger's label to one of the four entity types.
func normType(typ Type) Type {
	t := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(string(typ), "B-"), "I-"))
	switch t {
	case "person", "per", "pers":
		return Person
	case "organization", "organisation", "org":
		return Organization
	case "location", "loc", "gpe", "fac", "facility":
		return Location
	}
	return Other
}

// Key returns the archive key of a name: its transliteration key (see
// translit), so that "Zelenskiy", "Zelensky" and "Zelenskyy" share one;
// for a name with no letters, its folded form.
func Key(name string) string {
	if k := translit(name); k != "" {
		return k
	}
	return foldString(name)
}

// ArchiveID returns the ID of the archive entity of type typ that a story's
// entity with the canonical name belongs to: the same for every spelling
// of the name that Key folds alike, in every story. Like NewID it is "e-"
// and a hash, of another input, so the two never coincide by design.
func ArchiveID(typ Type, name string) string {
	h := sha256.Sum256([]byte("archive\x00" + string(typ) + "\x00" + Key(name)))
	return "e-" + hex.EncodeToString(h[:8])
}
