package entity

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// link says what the nth link (from 0) with the given text in document doc
// should name: an entity's canonical name, "" for none, or "<none>" when
// there should be no such link (an unresolved reference).
type link struct {
	doc  int
	text string
	nth  int
	want string
}

// want says what an entity should look like; nil fields are not checked.
type want struct {
	name    string
	typ     Type
	aliases []string
	roles   []string
}

// docsOf builds documents from texts, tagging the typed names in each.
func docsOf(names []string, texts ...string) []Doc {
	var docs []Doc
	for i, text := range texts {
		docs = append(docs, Doc{ArticleID: fmt.Sprintf("a%d", i), Text: text, Mentions: tag(text, names)})
	}
	return docs
}

// resolveTests are the resolver's rules, one case each: documents with
// hand-made mentions, and what their links and entities must be.
var resolveTests = []struct {
	name     string
	names    []string // typed names the mentions are made of ("PER:Trump")
	texts    []string
	links    []link
	entities []want
}{{
	name:  "surname to the full name named earlier or later",
	names: []string{"PER:Donald Trump", "PER:Trump"},
	texts: []string{"Trump arrived. Later Donald Trump spoke. Trump left."},
	links: []link{{0, "Trump", 0, "Donald Trump"}, {0, "Trump", 1, "Donald Trump"}},
	entities: []want{{name: "Donald Trump", typ: Person,
		aliases: []string{"Donald Trump", "Trump"}, roles: []string{}}},
}, {
	name: "titles before a name become roles",
	names: []string{"PER:Donald Trump", "PER:Friedrich Merz", "PER:Mark Rutte", "PER:Alexander Stubb",
		"PER:J.D. Vance", "PER:Marco Rubio", "PER:Steve Witkoff", "PER:Yuri Ushakov", "LOC:U.S."},
	texts: []string{"U.S. President Donald Trump met German Chancellor Friedrich Merz, " +
		"NATO Secretary-General Mark Rutte and Finnish President Alexander Stubb. " +
		"Vice President J.D. Vance, Secretary of State Marco Rubio, and Special Envoy Steve Witkoff " +
		"joined Russian presidential aide Yuri Ushakov."},
	entities: []want{
		{name: "Donald Trump", roles: []string{"U.S. President"}},
		{name: "Friedrich Merz", roles: []string{"German Chancellor"}},
		{name: "Mark Rutte", roles: []string{"NATO Secretary-General"}},
		{name: "Alexander Stubb", roles: []string{"Finnish President"}},
		{name: "J.D. Vance", roles: []string{"Vice President"}},
		{name: "Marco Rubio", roles: []string{"Secretary of State"}},
		{name: "Steve Witkoff", roles: []string{"Special Envoy"}},
		{name: "Yuri Ushakov", roles: []string{"Russian Presidential Aide"}},
		{name: "United States", typ: Location},
	},
}, {
	name:  "titles inside a mention are stripped from the name",
	names: []string{"PER:U.S. President Donald Trump", "PER:German chancellor Friedrich Merz", "PER:Mr. Merz"},
	texts: []string{"U.S. President Donald Trump and German chancellor Friedrich Merz spoke. Mr. Merz left."},
	links: []link{{0, "Donald Trump", 0, "Donald Trump"}, {0, "Friedrich Merz", 0, "Friedrich Merz"},
		{0, "Merz", 0, "Friedrich Merz"}},
	entities: []want{
		{name: "Donald Trump", aliases: []string{"Donald Trump"}, roles: []string{"U.S. President"}},
		{name: "Friedrich Merz", aliases: []string{"Friedrich Merz", "Merz"}, roles: []string{"German Chancellor"}},
	},
}, {
	name:  "appositions become roles; possessives are dropped",
	names: []string{"PER:Steve Witkoff", "PER:Trump", "PER:Yuri Ushakov"},
	texts: []string{"Steve Witkoff, Trump’s special envoy, said so. Yuri Ushakov, a Kremlin aide, agreed with Trump's view."},
	links: []link{{0, "Trump", 1, "Trump"}},
	entities: []want{
		{name: "Steve Witkoff", roles: []string{"Special Envoy"}},
		{name: "Yuri Ushakov", roles: []string{"Kremlin Aide"}},
		{name: "Trump", aliases: []string{"Trump"}},
	},
}, {
	name:  "a role in apposition before the name, not a role the sentence talks to",
	names: []string{"PER:Vladimir Putin", "PER:Volodymyr Zelensky", "PER:David Cameron"},
	texts: []string{"The Russian leader, Vladimir Putin, said Moscow would respond. Speaking to the chancellor, Volodymyr Zelensky said aid was late. " +
		"Britain's foreign secretary, David Cameron, disagreed."},
	entities: []want{
		{name: "Vladimir Putin", roles: []string{"Russian Leader"}},
		{name: "Volodymyr Zelensky", roles: []string{}},
		{name: "David Cameron", roles: []string{"British Foreign Secretary"}},
	},
}, {
	name:  "role-only references go to the person last named with the role",
	names: []string{"PER:Volodymyr Zelenskyy", "PER:Vladimir Putin", "PER:Zelenskyy", "PER:Donald Trump"},
	texts: []string{"The U.S. President said talks went well. U.S. President Donald Trump met Ukrainian " +
		"President Volodymyr Zelenskyy and spoke to Russian President Vladimir Putin. " +
		"The Ukrainian president thanked him; the Russian leader did not. Zelenskyy left.",
	},
	links: []link{{0, "The U.S. President", 0, "Donald Trump"}, {0, "The Ukrainian president", 0, "Volodymyr Zelenskyy"},
		{0, "the Russian leader", 0, "Vladimir Putin"}},
}, {
	name:  "role-only references fall back on the story",
	names: []string{"PER:Volodymyr Zelenskyy", "PER:Zelenskiy", "PER:Trump"},
	texts: []string{"Ukrainian President Volodymyr Zelenskyy met Trump.",
		"Zelenskiy flew in; the Ukrainian president wants peace, the Ukrainian leader said. The German chancellor did not."},
	links: []link{{1, "the Ukrainian president", 0, "Volodymyr Zelenskyy"}, {1, "the Ukrainian leader", 0, "Volodymyr Zelenskyy"},
		{1, "The German chancellor", 0, "<none>"}},
}, {
	name:  "transliterations merge across articles",
	names: []string{"PER:Volodymyr Zelenskyy", "PER:Volodymyr Zelensky", "PER:Zelenskiy", "PER:Zelensky", "PER:Zelenskyy"},
	texts: []string{"Zelenskiy spoke.", "Volodymyr Zelensky spoke. Zelensky left.", "Volodymyr Zelenskyy spoke. Zelenskyy left."},
	entities: []want{{name: "Volodymyr Zelenskyy",
		aliases: []string{"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy", "Zelensky", "Zelenskyy"}}},
}, {
	name:     "initials merge",
	names:    []string{"PER:J.D. Vance", "PER:JD Vance", "PER:Vance", "PER:James David Vance"},
	texts:    []string{"Vice President J.D. Vance spoke.", "JD Vance and Vance.", "James David Vance, again."},
	entities: []want{{name: "James David Vance", aliases: []string{"J.D. Vance", "JD Vance", "James David Vance", "Vance"}}},
}, {
	name: "country aliases and acronyms",
	names: []string{"LOC:US", "LOC:U.S.", "LOC:United States", "LOC:America", "LOC:USA", "LOC:UK", "LOC:U.K.",
		"LOC:Britain", "LOC:United Kingdom", "ORG:EU", "ORG:European Union", "ORG:Kremlin", "LOC:Russia",
		"ORG:ICC", "ORG:International Criminal Court", "LOC:Kiev", "LOC:Kyiv"},
	texts: []string{"The US, the U.S. and America; the UK and Britain; the EU. The Kremlin and Russia. Kiev.",
		"The United States, USA, the U.K., the United Kingdom, the European Union. The ICC. Kyiv.",
		"The International Criminal Court."},
	entities: []want{
		{name: "United States", typ: Location, aliases: []string{"America", "U.S.", "US", "USA", "United States"}},
		{name: "United Kingdom", typ: Location, aliases: []string{"Britain", "U.K.", "UK", "United Kingdom"}},
		{name: "European Union", typ: Organization, aliases: []string{"EU", "European Union"}},
		{name: "Kremlin", typ: Organization, aliases: []string{"Kremlin"}},
		{name: "Russia", typ: Location, aliases: []string{"Russia"}},
		{name: "International Criminal Court", aliases: []string{"ICC", "International Criminal Court"}},
		{name: "Kyiv", aliases: []string{"Kiev", "Kyiv"}},
	},
}, {
	name:  "people who share a surname stay apart",
	names: []string{"PER:Donald Trump", "PER:Melania Trump", "PER:Trump", "PER:Emmanuel Macron", "PER:Brigitte Macron", "PER:Macron"},
	texts: []string{"Donald Trump and Melania Trump arrived; Trump waved.",
		"Brigitte Macron spoke, then Emmanuel Macron. Macron left.",
		"Trump spoke.", "Donald Trump spoke.", "Donald Trump left."},
	links: []link{{0, "Trump", 0, "Melania Trump"}, {1, "Macron", 0, "Emmanuel Macron"}, {2, "Trump", 0, "Donald Trump"}},
	entities: []want{{name: "Melania Trump", aliases: []string{"Melania Trump", "Trump"}},
		{name: "Brigitte Macron", aliases: []string{"Brigitte Macron"}}},
}, {
	name:  "a bare surname after two people of that name is the one given a role",
	names: []string{"PER:Joe Biden", "PER:Hunter Biden", "PER:Biden"},
	texts: []string{"U.S. President Joe Biden met Hunter Biden's lawyers on Friday. Biden later flew to Delaware."},
	links: []link{{0, "Biden", 0, "Joe Biden"}},
	entities: []want{{name: "Joe Biden", aliases: []string{"Biden", "Joe Biden"}, roles: []string{"U.S. President"}},
		{name: "Hunter Biden", aliases: []string{"Hunter Biden"}}},
}, {
	name:  "a bare surname before two people of that name is unresolved",
	names: []string{"PER:Donald Trump", "PER:Melania Trump", "PER:Trump"},
	texts: []string{"Trump arrived. Donald Trump and Melania Trump waved."},
	links: []link{{0, "Trump", 0, ""}},
}, {
	name:  "given names spelled differently merge, different given names do not",
	names: []string{"PER:Volodymyr Zelenskyy", "PER:Wolodymyr Selenskyj", "PER:Olena Zelenska", "PER:Steve Witkoff", "PER:Steven Witkoff"},
	texts: []string{"Volodymyr Zelenskyy and Olena Zelenska.", "Steve Witkoff.", "Steven Witkoff."},
	entities: []want{{name: "Volodymyr Zelenskyy", aliases: []string{"Volodymyr Zelenskyy"}},
		{name: "Olena Zelenska"}, {name: "Steven Witkoff", aliases: []string{"Steve Witkoff", "Steven Witkoff"}}},
}, {
	name:  "tagger type errors on people are corrected",
	names: []string{"PER:Volodymyr Zelenskyy", "ORG:Zelenskiy", "ORG:JD Vance", "PER:J.D. Vance", "ORG:Leyen", "PER:Ursula von der Leyen"},
	texts: []string{"Volodymyr Zelenskyy and J.D. Vance met Ursula von der Leyen.", "Zelenskiy, Leyen and Vice President JD Vance."},
	entities: []want{
		{name: "Volodymyr Zelenskyy", typ: Person, aliases: []string{"Volodymyr Zelenskyy", "Zelenskiy"}},
		{name: "J.D. Vance", typ: Person, aliases: []string{"J.D. Vance", "JD Vance"}, roles: []string{"Vice President"}},
		{name: "Ursula von der Leyen", typ: Person, aliases: []string{"Leyen", "Ursula von der Leyen"}},
	},
}}

func TestResolve(t *testing.T) {
	for _, tt := range resolveTests {
		t.Run(tt.name, func(t *testing.T) {
			res := Resolve(docsOf(tt.names, tt.texts...))
			for _, l := range tt.links {
				if got := linkedName(t, res, l); got != l.want {
					t.Errorf("link %q #%d in doc %d names %q, want %q", l.text, l.nth, l.doc, got, l.want)
				}
			}
			for _, w := range tt.entities {
				checkEntity(t, res, w)
			}
			if t.Failed() {
				t.Log(describe(res))
			}
		})
	}
}

// linkedName returns the canonical name of the entity a link names.
func linkedName(t *testing.T, res Result, l link) string {
	t.Helper()
	n := 0
	for _, x := range res.Links[l.doc] {
		if !strings.EqualFold(x.Text, l.text) {
			continue
		}
		if n++; n-1 < l.nth {
			continue
		}
		if x.Entity == "" {
			return ""
		}
		e, ok := res.Entity(x.Entity)
		if !ok {
			t.Fatalf("link %+v names no entity of the result", x)
		}
		return e.Name
	}
	return "<none>"
}

func checkEntity(t *testing.T, res Result, w want) {
	t.Helper()
	for _, e := range res.Entities {
		if e.Name != w.name {
			continue
		}
		if w.typ != "" && e.Type != w.typ {
			t.Errorf("%s: type %s, want %s", w.name, e.Type, w.typ)
		}
		if w.aliases != nil && !reflect.DeepEqual(e.Aliases, w.aliases) {
			t.Errorf("%s: aliases %q, want %q", w.name, e.Aliases, w.aliases)
		}
		if w.roles != nil && !reflect.DeepEqual(append([]string{}, e.Roles...), w.roles) {
			t.Errorf("%s: roles %q, want %q", w.name, e.Roles, w.roles)
		}
		return
	}
	t.Errorf("no entity %q", w.name)
}

// describe lists a result's entities, one a line, for failure messages and
// the golden file.
func describe(res Result) string {
	var b strings.Builder
	for _, e := range res.Entities {
		fmt.Fprintf(&b, "%s %s %q (%d mentions)\n", e.ID, e.Type, e.Name, len(e.Mentions))
		if len(e.Aliases) > 1 || (len(e.Aliases) == 1 && e.Aliases[0] != e.Name) {
			fmt.Fprintf(&b, "\taliases: %s\n", strings.Join(e.Aliases, "; "))
		}
		if len(e.Roles) > 0 {
			fmt.Fprintf(&b, "\troles: %s\n", strings.Join(e.Roles, "; "))
		}
	}
	return b.String()
}
