package entity

import (
	"flag"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/seeds.golden")

// seedPeople are the people of the seed articles with the roles they must
// have; every person mention must resolve to one of them.
var seedPeople = map[string][]string{
	"Donald Trump":         {"U.S. President"},
	"Volodymyr Zelenskyy":  {"Ukrainian President"},
	"Vladimir Putin":       {"Russian President"},
	"Emmanuel Macron":      {"French President"},
	"Keir Starmer":         {"British Prime Minister"},
	"Alexander Stubb":      {"Finnish President"},
	"Giorgia Meloni":       {"Italian Prime Minister"},
	"Friedrich Merz":       {"German Chancellor"},
	"Ursula von der Leyen": {"European Commission President"},
	"Mark Rutte":           {"NATO Secretary-General"},
	"J.D. Vance":           {"Vice President"},
	"Marco Rubio":          {"Secretary of State"},
	"Steve Witkoff":        {"Special Envoy"},
	"Yuri Ushakov":         {"Kremlin Aide", "Russian Presidential Aide"},
}

// checkSeedPeople checks that the seeds' people are one entity each, with
// their roles, and that the three spellings of Zelenskyy are one.
func checkSeedPeople(t *testing.T, res Result, optional ...string) {
	t.Helper()
	found := map[string]bool{}
	for _, e := range res.Entities {
		if e.Type != Person {
			continue
		}
		roles, ok := seedPeople[e.Name]
		if !ok {
			if !contains(optional, e.Name) {
				t.Errorf("unexpected person %q (aliases %q)", e.Name, e.Aliases)
			}
			continue
		}
		found[e.Name] = true
		if !reflect.DeepEqual(e.Roles, roles) {
			t.Errorf("%s: roles %q, want %q", e.Name, e.Roles, roles)
		}
		if e.Name == "Volodymyr Zelenskyy" {
			for _, a := range []string{"Zelenskiy", "Zelensky", "Zelenskyy"} {
				if !contains(e.Aliases, a) {
					t.Errorf("Zelenskyy: aliases %q lack %q", e.Aliases, a)
				}
			}
		}
	}
	for name := range seedPeople {
		if !found[name] {
			t.Errorf("no entity for %s", name)
		}
	}
	for d, ls := range res.Links {
		for _, l := range ls {
			if l.Type == Person && l.Entity == "" {
				t.Errorf("doc %d: person mention %q at %d unresolved", d, l.Text, l.Start)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestSeeds(t *testing.T) {
	res := Resolve(taggedSeeds(t))
	checkSeedPeople(t, res, "Mandel Ngan")
	got := describe(res) + "\nrole-only references:\n" + references(res)
	const golden = "testdata/seeds.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("seeds differ from %s (run go test -update to accept):\n%s", golden, lineDiff(string(want), got))
	}
}

// references lists the role-only references of a result and the entities
// they resolve to.
func references(res Result) string {
	var b strings.Builder
	for d, ls := range res.Links {
		for _, l := range ls {
			if l.Mention < 0 {
				e, _ := res.Entity(l.Entity)
				b.WriteString(strings.Join([]string{string(rune('0' + d)), l.Text, "→", e.Name}, " ") + "\n")
			}
		}
	}
	return b.String()
}

// lineDiff returns the lines of want and got that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var x, y string
		if i < len(w) {
			x = w[i]
		}
		if i < len(g) {
			y = g[i]
		}
		if x != y {
			b.WriteString("-" + x + "\n+" + y + "\n")
		}
	}
	return b.String()
}

func TestDeterministic(t *testing.T) {
	docs := taggedSeeds(t)
	want := Resolve(docs)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := make([]Doc, len(docs))
		for i, d := range docs {
			d.Mentions = append([]Mention(nil), d.Mentions...)
			rng.Shuffle(len(d.Mentions), func(a, b int) { d.Mentions[a], d.Mentions[b] = d.Mentions[b], d.Mentions[a] })
			shuffled[i] = d
		}
		got := Resolve(shuffled)
		if !reflect.DeepEqual(got.Entities, want.Entities) {
			t.Fatalf("entities depend on mention order:\n%s", lineDiff(describe(want), describe(got)))
		}
		for d := range got.Links {
			for i := range got.Links[d] {
				g, w := got.Links[d][i], want.Links[d][i]
				g.Mention, w.Mention = 0, 0
				if g != w {
					t.Fatalf("doc %d link %d: %+v, want %+v", d, i, g, w)
				}
			}
		}
	}
}

func TestLinkOffsets(t *testing.T) {
	docs := taggedSeeds(t)
	docs = append(docs, Doc{ArticleID: "bad", Text: "Trump’s “Zelenskiy” — Trump",
		Mentions: []Mention{{Start: -1, End: 3}, {Start: 5, End: 99}, {Start: 4, End: 4}, {Start: 0, End: 7, Type: "PER"},
			{Start: 9, End: 18, Type: "B-PER"}, {Start: 22, End: 27, Type: "person"}}})
	res := Resolve(docs)
	for d, ls := range res.Links {
		runes := []rune(docs[d].Text)
		for _, l := range ls {
			if l.Start < 0 || l.End > len(runes) || l.Start >= l.End || string(runes[l.Start:l.End]) != l.Text {
				t.Errorf("doc %d: link %+v does not match its text", d, l)
			}
		}
	}
	bad := res.Links[len(docs)-1]
	if len(bad) != 3 || bad[0].Text != "Trump" || bad[1].Text != "Zelenskiy" || bad[0].Entity != bad[2].Entity {
		t.Errorf("links of the bad doc: %+v", bad)
	}
	if !utf8.ValidString(describe(res)) {
		t.Errorf("invalid UTF-8 in the result")
	}
}

func TestEmpty(t *testing.T) {
	res := Resolve(nil)
	if len(res.Entities) != 0 || len(res.Links) != 0 {
		t.Errorf("Resolve(nil) = %+v", res)
	}
	res = Resolve([]Doc{{ArticleID: "x"}})
	if len(res.Entities) != 0 || len(res.Links) != 1 || len(res.Links[0]) != 0 {
		t.Errorf("Resolve(empty doc) = %+v", res)
	}
}

// TestResolveReusesNoState resolves each seed alone, then the whole story,
// then each seed again, from several goroutines at once (run with -race):
// buffers that one call leaves for the next must not change any result.
func TestResolveReusesNoState(t *testing.T) {
	docs := taggedSeeds(t)
	var single []Result
	for _, d := range docs {
		single = append(single, Resolve([]Doc{d}))
	}
	whole := Resolve(docs)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				if got := Resolve(docs); !reflect.DeepEqual(got, whole) {
					t.Errorf("goroutine %d round %d: the story resolves differently", g, round)
				}
				for i, d := range docs {
					if got := Resolve([]Doc{d}); !reflect.DeepEqual(got, single[i]) {
						t.Errorf("goroutine %d round %d: seed %d resolves differently", g, round, i)
					}
				}
			}
		}()
	}
	wg.Wait()
}
