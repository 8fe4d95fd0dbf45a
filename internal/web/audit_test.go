package web

// Audits of the pages by the tools readers' and crawlers' software is
// measured with: Lighthouse (accessibility, best practices and SEO, in
// headless Chromium, as a phone and as a desktop) and the Nu HTML checker
// (vnu.jar, which needs Java). Both come with the npm package that brings
// axe-core:
//
//	npm ci --prefix internal/web/testdata/a11y
//
// The tests skip when Node, Chromium, Java or the packages are missing, in
// -short mode and under the race detector. They open the same pages as TestBrowserAxe, and -a11y-db
// runs them over a store of your own.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// lighthouseRun and vnuJar are the Lighthouse driver beside the npm
// package and where npm ci puts the Nu checker.
var (
	lighthouseRun = filepath.Join("testdata", "a11y", "lighthouse.mjs")
	lighthouseDir = filepath.Join("testdata", "a11y", "node_modules", "lighthouse")
	vnuJar        = filepath.Join("testdata", "a11y", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
)

// lighthouseGoals are the least scores, out of 100, every page must have
// in each category Lighthouse audits.
var lighthouseGoals = map[string]int{"accessibility": 98, "best-practices": 100, "seo": 100}

// lighthouseForms are Lighthouse's two form factors, each with its
// configuration in testdata/a11y: a phone (Lighthouse's default settings)
// and a desktop (its desktop preset's). Both audit only the three
// categories and wait for nothing after the page has loaded: the pages
// run no script, so there is nothing to wait for.
var lighthouseForms = []struct{ name, config string }{
	{"mobile", filepath.Join("testdata", "a11y", "lighthouse.json")},
	{"desktop", filepath.Join("testdata", "a11y", "lighthouse-desktop.json")},
}

// errorPageAudits are the audits the error page fails by being one: it
// answers 404 (http-status-code), which Chromium logs as a console error
// (errors-in-console).
var errorPageAudits = []string{"http-status-code", "errors-in-console"}

// auditServer starts the server the audits open and returns its pages.
func auditServer(t *testing.T) (*httptest.Server, []a11yPage) {
	var s *Server
	var pages []a11yPage
	if *a11yDB != "" {
		s = openStoreServer(t, *a11yDB)
		pages = storePages(t, s)
	} else {
		s, pages = newA11yServer(t)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, pages
}

// lighthouseResult is one page's line of lighthouse.mjs's output: the
// category scores (0 to 1) and the weighted audits that did not pass.
type lighthouseResult struct {
	URL        string              `json:"url"`
	Error      string              `json:"error"`
	Categories map[string]*float64 `json:"categories"`
	Failed     map[string][]struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"failed"`
}

// TestLighthouse runs Lighthouse over every kind of page, as a phone and as
// a desktop, and fails on a category below its goal, naming the audits
// that failed. The two form factors run at once, each in a Chromium of its
// own that audits the pages one after another.
func TestLighthouse(t *testing.T) {
	chromium := chromiumPath()
	if chromium == "" {
		t.Skip("no Chromium found: install Debian's chromium or set STORYLINE_CHROMIUM")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node found: install Debian's nodejs")
	}
	if _, err := os.Stat(lighthouseDir); err != nil {
		t.Skipf("no Lighthouse (run npm ci --prefix internal/web/testdata/a11y): %v", err)
	}
	if testing.Short() || raceEnabled {
		t.Skip("skipped in -short mode and under the race detector (the pages are the same; the plain run audits them)")
	}
	ts, pages := auditServer(t)
	urls := make([]string, len(pages))
	for i, p := range pages {
		urls[i] = ts.URL + p.path
	}

	results := make([][]lighthouseResult, len(lighthouseForms))
	errs := make([]error, len(lighthouseForms))
	var wg sync.WaitGroup
	for i, f := range lighthouseForms {
		wg.Go(func() { results[i], errs[i] = lighthouse(node, chromium, f.config, urls) })
	}
	wg.Wait()

	t.Logf("%-8s %-22s %13s %14s %5s", "form", "page", "accessibility", "best-practices", "seo")
	for i, f := range lighthouseForms {
		if errs[i] != nil {
			t.Errorf("%s: %v", f.name, errs[i])
			continue
		}
		if len(results[i]) != len(pages) {
			t.Errorf("%s: Lighthouse reported on %d pages of %d", f.name, len(results[i]), len(pages))
			continue
		}
		for j, r := range results[i] {
			checkLighthouse(t, f.name, pages[j], r)
		}
	}
}

// lighthouse runs lighthouse.mjs with a configuration file over urls and
// returns its results in their order.
func lighthouse(node, chromium, config string, urls []string) ([]lighthouseResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, append([]string{lighthouseRun, config}, urls...)...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	cmd.WaitDelay = 5 * time.Second // Chromium may hold the pipes of a killed node
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("lighthouse.mjs: %v: %s", err, stderr.Bytes())
	}
	var results []lighthouseResult
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var r lighthouseResult
		if err := dec.Decode(&r); err != nil {
			return nil, fmt.Errorf("lighthouse.mjs's output: %v", err)
		}
		results = append(results, r)
	}
	return results, nil
}

// checkLighthouse logs a page's scores and fails the test on a category
// below its goal, naming the audits that count against it. The error page
// may fall short by the errorPageAudits alone.
func checkLighthouse(t *testing.T, form string, p a11yPage, r lighthouseResult) {
	t.Helper()
	if r.Error != "" {
		t.Errorf("%s, %s (%s): %s", form, p.kind, p.path, r.Error)
		return
	}
	score := map[string]int{}
	for _, cat := range slices.Sorted(maps.Keys(lighthouseGoals)) {
		goal := lighthouseGoals[cat]
		sc := r.Categories[cat]
		if sc == nil {
			t.Errorf("%s, %s: no %s score", form, p.kind, cat)
			continue
		}
		score[cat] = int(*sc*100 + 0.5)
		if score[cat] >= goal {
			continue
		}
		var failed []string
		expected := true
		for _, a := range r.Failed[cat] {
			failed = append(failed, fmt.Sprintf("%s (%s)", a.ID, a.Title))
			expected = expected && p.kind == "error page" && slices.Contains(errorPageAudits, a.ID)
		}
		if expected {
			t.Logf("%s, %s: %s %d, by its 404 status alone (%s)", form, p.kind, cat, score[cat], strings.Join(failed, "; "))
			continue
		}
		t.Errorf("%s, %s (%s): %s %d, want at least %d; failed: %s", form, p.kind, p.path, cat, score[cat], goal,
			strings.Join(failed, "; "))
	}
	t.Logf("%-8s %-22s %13d %14d %5d", form, p.kind, score["accessibility"], score["best-practices"], score["seo"])
}

// vnuMessage is one message of the Nu checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"`
	SubType  string `json:"subType"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
	LastLine int    `json:"lastLine"`
	FirstCol int    `json:"firstColumn"`
	LastCol  int    `json:"lastColumn"`
	File     string `json:"url"`
}

// TestNuHTML saves every kind of page and has the Nu HTML checker check
// them all in one run of vnu.jar; it fails on any error.
func TestNuHTML(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("no java found: install Debian's default-jre-headless")
	}
	if _, err := os.Stat(vnuJar); err != nil {
		t.Skipf("no vnu.jar (run npm ci --prefix internal/web/testdata/a11y): %v", err)
	}
	if testing.Short() || raceEnabled {
		t.Skip("skipped in -short mode and under the race detector (the pages are the same; the plain run checks them)")
	}
	ts, pages := auditServer(t)
	dir := t.TempDir()
	files := map[string]a11yPage{}
	var args []string
	for i, p := range pages {
		resp, err := http.Get(ts.URL + p.path)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, fmt.Sprintf("page%d.html", i))
		if err := os.WriteFile(name, body, 0o644); err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(name)] = p
		args = append(args, name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, java, append([]string{"-jar", vnuJar, "--errors-only", "--format", "json", "--exit-zero-always"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr // the JSON report comes on stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("vnu.jar: %v: %s", err, stderr.Bytes())
	}
	var rep struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &rep); err != nil {
		t.Fatalf("vnu.jar's report: %v: %s", err, stderr.Bytes())
	}
	count := map[string]int{}
	for _, m := range rep.Messages {
		p := files[filepath.Base(m.File)]
		if m.Type != "error" && m.SubType != "fatal" {
			continue
		}
		count[p.kind]++
		t.Errorf("%s (%s), line %d: %s: %q", p.kind, p.path, m.LastLine, m.Message, m.Extract)
	}
	for _, p := range pages {
		t.Logf("%-22s %d errors", p.kind, count[p.kind])
	}
}
