package web

// Tests in a real browser: headless Chromium driven by chromedp. They skip
// when no Chromium is installed (Debian's package chromium; .ci/run
// installs it) and in -short mode.
//
// Save the screenshots for docs/ (every kind of page at a phone's width
// and a desktop's, see TestBrowserScreenshots) with
//
//	go test ./internal/web -run Browser -screenshots ../../docs/screenshots

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/storyline-news/storyline/internal/dossier"
)

var screenshots = flag.String("screenshots", "", "save the browser tests' screenshots in this directory")

// chromiumPath returns the Chromium (or Chrome) binary to test with, or "".
func chromiumPath() string {
	if p := os.Getenv("STORYLINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab is one browser tab and what it reported: console errors, uncaught
// exceptions and dialogs.
type tab struct {
	ctx context.Context
	mu  sync.Mutex
	// problems are console errors and uncaught exceptions.
	problems []string
	dialogs  []string
}

// newTab starts a headless Chromium with one tab for the test, or skips
// the test. The browser's flags are those this machine needs (no sandbox as
// root, no background networking on a closed network).
func newTab(t *testing.T) *tab {
	path := chromiumPath()
	if path == "" {
		t.Skip("no Chromium found: install Debian's chromium or set STORYLINE_CHROMIUM")
	}
	if testing.Short() {
		t.Skip("browser tests are skipped in -short mode")
	}
	dir, err := os.MkdirTemp("", "storyline-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { removeLater(dir) })
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(dir),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1400, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTime)
	tb := &tab{ctx: ctx}
	if err := chromedp.Listen(ctx, tb.event); err != nil {
		t.Fatalf("start Chromium (%s): %v", path, err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return tb
}

// removeLater removes a browser's profile folder, retrying while the
// browser's last processes still write to it.
func removeLater(dir string) {
	for range 50 {
		if os.RemoveAll(dir) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// event records what the page reports. It runs on the connection's reading
// goroutine, so it must not block: dialogs are answered from another.
func (tb *tab) event(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			tb.problems = append(tb.problems, fmt.Sprintf("console: %s (%s)", ev.Entry.Text, ev.Entry.URL))
		}
	case *runtime.EventExceptionThrown:
		tb.problems = append(tb.problems, "exception: "+ev.ExceptionDetails.Text)
	case *cdppage.EventJavascriptDialogOpening:
		tb.dialogs = append(tb.dialogs, ev.Message)
		go chromedp.Call(tb.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
	}
}

// reports returns and forgets what the page reported so far.
func (tb *tab) reports() (problems, dialogs []string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	problems, dialogs = tb.problems, tb.dialogs
	tb.problems, tb.dialogs = nil, nil
	return problems, dialogs
}

// open loads url and fails the test on error.
func (tb *tab) open(t *testing.T, url string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// count returns the number of elements matching a CSS selector.
func (tb *tab) count(t *testing.T, selector string) int {
	t.Helper()
	return eval[int](t, tb, fmt.Sprintf("document.querySelectorAll(%q).length", selector))
}

// screenshot saves the top width×height of the page as name.png in the
// -screenshots folder; widths under 600 px are shown as on a phone.
func (tb *tab) screenshot(t *testing.T, name string, width, height int64) {
	t.Helper()
	if *screenshots == "" {
		return
	}
	var opts []chromedp.EmulateViewportOption
	if width < 600 {
		opts = append(opts, chromedp.EmulateMobile)
	}
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(width, height, opts...)); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*screenshots, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// screenshotHeights are the heights of the screenshots at each width: a
// phone's first screens and a desktop's first.
var screenshotHeights = map[int64]int64{390: 1200, 1280: 1000}

// TestBrowserScreenshots saves a screenshot of every kind of page at each
// of the accessibility test's widths, named for the page kind and the width
// (story-page-390.png): the seeds' pages, and the summary and full page of
// the accessibility test's big story (the seeds' story is too small to be
// summarized). It runs only with -screenshots.
func TestBrowserScreenshots(t *testing.T) {
	if *screenshots == "" {
		t.Skip("no -screenshots folder")
	}
	tb := newTab(t)
	seeds := newSeeded(t, Options{})
	big, bigPages := newA11yServer(t)
	for _, srv := range []struct {
		s     *Server
		pages []a11yPage
		kinds map[string]string
	}{
		{seeds, storePages(t, seeds), map[string]string{"story list": "", "story page": "", "article page": "",
			"entity page": "", "search results": "", "error page": ""}},
		{big, bigPages, map[string]string{"story page": "big story page", "full story page": ""}},
	} {
		ts := httptest.NewServer(srv.s)
		for _, p := range srv.pages {
			name, ok := srv.kinds[p.kind]
			if !ok {
				continue
			}
			if name == "" {
				name = p.kind
			}
			for _, w := range widths {
				if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(w, screenshotHeights[w])); err != nil {
					t.Fatal(err)
				}
				tb.open(t, ts.URL+p.path)
				tb.screenshot(t, fmt.Sprintf("%s-%d", strings.ReplaceAll(name, " ", "-"), w), w, screenshotHeights[w])
			}
		}
		ts.Close()
	}
}

// TestBrowserStory opens the story list and the seeds' story and checks what
// a reader sees: the timeline drawing, every article in its column, the
// highlighted shared passages with links between their copies, the quotes,
// and no script error or blocked resource.
func TestBrowserStory(t *testing.T) {
	tb := newTab(t)
	s := newSeeded(t, Options{})
	st := seedStory(t, s)
	ts := httptest.NewServer(s)
	defer ts.Close()

	tb.open(t, ts.URL+"/")
	if n := tb.count(t, "ol.stories li a.headline"); n != 1 {
		t.Errorf("story list shows %d stories, want 1", n)
	}

	tb.open(t, ts.URL+"/stories/"+st.ID)
	if got := eval[string](t, tb, "document.querySelector('h1').textContent"); got != st.Headline {
		t.Errorf("headline %q, want %q", got, st.Headline)
	}
	dates := map[string]bool{} // the timeline marks each publication day once
	for _, a := range st.Articles {
		if a.Published != nil {
			dates[*a.Published] = true
		}
	}
	checks := []struct {
		selector string
		want     int
	}{
		{"svg.timeline-svg", 1},
		{"svg.timeline-svg .published", len(dates)},
		{"svg.timeline-svg .event", len(st.Timeline)},
		{"ol.events li", len(st.Timeline)},
		{".columns .column", len(st.Articles)},
		{"#quotes", 1},
		{"#quotes blockquote", len(st.Quotes)},
		{"#entities table.entities tbody tr", len(st.Entities)},
		{"#divergences .divergence", len(st.Divergences)},
	}
	for _, c := range checks {
		if n := tb.count(t, c.selector); n != c.want {
			t.Errorf("%s: %d elements, want %d", c.selector, n, c.want)
		}
	}
	checkPassages(t, tb, st.Reuse, st.Articles)
	if problems, dialogs := tb.reports(); len(problems)+len(dialogs) > 0 {
		t.Errorf("the page reported %v, dialogs %v", problems, dialogs)
	}

	tb.open(t, ts.URL+"/articles/"+st.Articles[1].ID+"?story="+st.ID)
	if n := tb.count(t, ".reading .text p"); n == 0 {
		t.Error("the article page shows no text")
	}
}

// checkPassages checks that each shared passage is highlighted in both of
// its articles' columns, as origin in the earlier and copy in the later,
// each linking to the other.
func checkPassages(t *testing.T, tb *tab, reuse []dossier.Reuse, arts []dossier.Article) {
	t.Helper()
	col := map[string]string{}
	for i, a := range arts {
		col[a.ID] = fmt.Sprintf("#art-%d", i+1)
	}
	for i, r := range reuse {
		for j := range r.Passages {
			a := fmt.Sprintf("%s .shared.origin[href='#r%dp%db']", col[r.A], i, j)
			b := fmt.Sprintf("%s .shared.copy[href='#r%dp%da']", col[r.B], i, j)
			if tb.count(t, a) == 0 || tb.count(t, b) == 0 {
				t.Errorf("passage %d of %s/%s is not highlighted in both columns (%s, %s)", j, r.A, r.B, a, b)
			}
		}
	}
}

// TestBrowserXSS opens every page of a store whose articles, and whatever
// the stages report about them, carry script payloads, and checks that none
// runs: no dialog opens, window.__xss stays unset and the title keeps its
// text. It runs once as served and once with the browser ignoring the
// Content-Security-Policy, so that the escaping is tested on its own and
// not only the policy that would block an escaped payload anyway.
func TestBrowserXSS(t *testing.T) {
	tb := newTab(t)
	s := newXSSServer(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	pages := xssPages(t, s)

	// The harness sees a payload that does run.
	control := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<title>control</title><script>window.__xss=1;alert("ran")</script>`)
	}))
	defer control.Close()
	tb.open(t, control.URL)
	if !ran(t, tb) {
		t.Fatal("the harness does not see a script that runs")
	}
	if _, dialogs := tb.reports(); len(dialogs) != 1 {
		t.Fatalf("the harness saw dialogs %v, want the control's one", dialogs)
	}

	for _, bypass := range []bool{false, true} {
		if _, err := chromedp.Call(tb.ctx, cdppage.SetBypassCSP, cdppage.SetBypassCSPParams{Enabled: bypass}); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			tb.open(t, ts.URL+p)
			if ran(t, tb) {
				t.Errorf("a payload ran on %s (CSP bypassed: %v)", p, bypass)
			}
			title := eval[string](t, tb, "document.title")
			if title == "pwned" || !strings.HasSuffix(title, "· storyline") {
				t.Errorf("%s: title %q", p, title)
			}
			if _, dialogs := tb.reports(); len(dialogs) > 0 {
				t.Errorf("%s: dialogs %v (CSP bypassed: %v)", p, dialogs, bypass)
			}
		}
	}
}

// ran reports whether a payload set its flag in the page.
func ran(t *testing.T, tb *tab) bool {
	return eval[bool](t, tb, "typeof window.__xss !== 'undefined'")
}
