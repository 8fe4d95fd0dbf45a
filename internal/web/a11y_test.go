package web

// The accessibility test runs axe-core (an npm package, installed by
//
//	npm ci --prefix internal/web/testdata/a11y
//
// which .ci/run does) in headless Chromium over every kind of page, at a
// phone's width and a desktop's, and checks that no page has a serious or
// critical violation and that none scrolls sideways on the phone. It skips
// when Chromium or axe-core is missing. -a11y-db runs it over a store of
// your own instead of the test's, for example one of the shared corpus:
//
//	go test ./internal/web -run Axe -v -a11y-db /tmp/corpus.db

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

var a11yDB = flag.String("a11y-db", "", "run the accessibility test over this SQLite store instead of the test's own")

// axeScript is where npm ci puts axe-core.
var axeScript = filepath.Join("testdata", "a11y", "node_modules", "axe-core", "axe.min.js")

// a11yPage is one page the accessibility test opens.
type a11yPage struct {
	kind, path string
}

// widths are the viewports the pages are checked at: a phone's and a
// desktop's.
var widths = []int64{390, 1280}

// axeResult is what the page reports back: axe-core's violations and the
// elements that stick out sideways.
type axeResult struct {
	Violations []struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Help   string   `json:"help"`
		Nodes  []string `json:"nodes"`
	} `json:"violations"`
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	Wide        []string `json:"wide"`
}

// axeRun runs axe-core in the page and measures its width. Elements wider
// than the viewport are listed unless a scrolling box holds them.
const axeRun = `(async () => {
  const r = await axe.run(document, {resultTypes: ["violations"]});
  const de = document.documentElement, vw = de.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const b = el.getBoundingClientRect();
    if (b.right <= vw + 1 || b.width === 0) continue;
    let p = el.parentElement, held = false;
    for (; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden") { held = true; break; }
    }
    if (!held && wide.length < 8) wide.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? "." + String(el.className).trim().replace(/\s+/g, ".") : "") + " " + Math.round(b.right));
  }
  return {
    violations: r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
      nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)})),
    scrollWidth: de.scrollWidth, clientWidth: vw, wide,
  };
})()`

func TestBrowserAxe(t *testing.T) {
	axe, err := os.ReadFile(axeScript)
	if err != nil {
		t.Skipf("no axe-core (run npm ci --prefix internal/web/testdata/a11y): %v", err)
	}
	tb := newTab(t)
	var s *Server
	var pages []a11yPage
	if *a11yDB != "" {
		s = openStoreServer(t, *a11yDB)
		pages = storePages(t, s)
	} else {
		s, pages = newA11yServer(t)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	t.Logf("%-5s %-22s %8s %7s %8s %5s  %s", "width", "page", "critical", "serious", "moderate", "minor", "sideways")
	for _, w := range widths {
		if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(w, 900, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			tb.open(t, ts.URL+p.path)
			if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](string(axe))); err != nil {
				t.Fatalf("inject axe-core: %v", err)
			}
			res, err := chromedp.Run(tb.ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: run axe-core: %v", p.path, err)
			}
			checkAxe(t, w, p, res)
			problems, dialogs := tb.reports()
			if p.kind == "error page" {
				problems = slices.DeleteFunc(problems, func(s string) bool { return strings.Contains(s, "404") })
			}
			if len(problems)+len(dialogs) > 0 {
				t.Errorf("%s reported %v, dialogs %v", p.path, problems, dialogs)
			}
		}
	}
}

// checkAxe logs one page's results and fails the test on a serious or
// critical violation, or on a page that scrolls sideways.
func checkAxe(t *testing.T, width int64, p a11yPage, res axeResult) {
	t.Helper()
	count := map[string]int{}
	for _, v := range res.Violations {
		count[v.Impact]++
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("%d px, %s (%s): %s %s: %s at %s", width, p.kind, p.path, v.Impact, v.ID, v.Help, strings.Join(v.Nodes, ", "))
		} else {
			t.Logf("%d px, %s: %s %s: %s at %s", width, p.kind, v.Impact, v.ID, v.Help, strings.Join(v.Nodes, ", "))
		}
	}
	sideways := res.ScrollWidth > res.ClientWidth
	t.Logf("%-5d %-22s %8d %7d %8d %5d  %v", width, p.kind, count["critical"], count["serious"], count["moderate"], count["minor"], sideways)
	if sideways {
		t.Errorf("%d px, %s (%s) scrolls sideways: %d px wide in %d; too wide: %s", width, p.kind, p.path,
			res.ScrollWidth, res.ClientWidth, strings.Join(res.Wide, ", "))
	}
}

// newA11yServer returns a server over a store made to exercise every part
// of the pages: the seeds with one of everything the stages can produce, a
// big story with more articles than stand side by side, long titles and
// an event cited by all its articles, and a story of one article.
func newA11yServer(t *testing.T) (*Server, []a11yPage) {
	long := "A very long headline about the reconstruction of Harbour-town's old market hall " +
		"(Marktplatzwiederaufbaufinanzierungsgesetz) that goes on and on"
	s := newSeeded(t, Options{Token: testToken}, rich(func(d *dossier.Story) {
		if len(d.Articles) <= maxColumns {
			return
		}
		var all []string
		for _, a := range d.Articles {
			all = append(all, a.ID)
		}
		for i := range 30 {
			d.Timeline = append(d.Timeline, dossier.Event{Date: fmt.Sprintf("2025-09-%02d", 1+i%5), Precision: "day",
				Kind: "reported", Text: fmt.Sprintf("Event %d of the flood, reported by everyone", i), Articles: all, Entities: []string{}})
		}
	}))
	var b strings.Builder
	for i := range maxColumns + 4 {
		fmt.Fprintf(&b, `{"title": "%s, report %d", "outlet": "Outlet %d", "url": "https://news.example.com/2025/09/harbour-town-floods-report-%d-with-a-long-address", "published": "2025-09-%02d", "text": "A storm flooded the harbour town of Example on Monday, the mayor said. Boats were lifted onto the quay and the old market hall was under water. Report number %d."}`+"\n", long, i, i, i, 1+i%5, i)
	}
	b.WriteString(`{"title": "Chess club elects its new chair", "outlet": "Village Gazette", "published": "2025-10-02", "text": "The chess club of Upper Example elected a new chair on Tuesday after a long vote in the parish hall."}` + "\n")
	if r := do(t, s, http.MethodPost, "/api/articles", strings.NewReader(b.String()), "Authorization", "Bearer "+testToken); r.code != 200 {
		t.Fatal(r.body)
	}
	return s, storePages(t, s)
}

// openStoreServer returns a server over an SQLite store file.
func openStoreServer(t *testing.T, path string) *Server {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	eng, err := engine.Open(ctx, db, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := New(eng, Options{Now: fixedNow, RequestTimeout: 2 * 60e9})
	t.Cleanup(s.Close)
	return s
}

// storePages picks a page of every kind from s's store: the story list and
// its page past the last, the biggest story (summary and full page) and the
// smallest, an article, the most mentioned entity, search results and an
// error page.
func storePages(t *testing.T, s *Server) []a11yPage {
	var sums []dossier.Summary
	decode(t, get(t, s, "/api/stories", 200).body, &sums)
	if len(sums) == 0 {
		t.Fatal("the store has no story")
	}
	big := slices.MaxFunc(sums, func(a, b dossier.Summary) int { return a.Articles - b.Articles })
	small := slices.MinFunc(sums, func(a, b dossier.Summary) int { return a.Articles - b.Articles })
	var st dossier.Story
	decode(t, get(t, s, "/api/stories/"+big.ID, 200).body, &st)
	pages := []a11yPage{
		{"story list", "/"},
		{"story list past end", fmt.Sprintf("/?page=%d", len(sums)/pageSize+2)},
		{"story page", "/stories/" + big.ID},
		{"small story page", "/stories/" + small.ID},
	}
	if summarized(st) {
		pages = append(pages, a11yPage{"full story page", "/stories/" + big.ID + "?full=1"})
	}
	pages = append(pages, a11yPage{"article page", "/articles/" + st.Articles[0].ID + "?story=" + st.ID})
	var ents dossier.EntityList
	decode(t, get(t, s, "/api/entities?limit=1", 200).body, &ents)
	if len(ents.Entities) > 0 {
		pages = append(pages, a11yPage{"entity page", "/entities/" + ents.Entities[0].ID})
	}
	word := strings.Fields(st.Headline)[0]
	return append(pages, a11yPage{"search results", "/?q=" + word},
		a11yPage{"error page", "/stories/s-0123456789abcdef"})
}
