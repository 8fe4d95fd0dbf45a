package web

// The load test drives a real server on loopback with many concurrent
// clients, for the story page and the API, over the seeds and over 10,000
// stored articles from the shared benchmark corpus:
//
//	go test ./internal/web -run Load -load 5s -v
//
// It is off unless -load is given. The benchmarks below measure the same
// handlers in process.

import (
	"bufio"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"github.com/storyline-news/storyline/internal/archive"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

var (
	loadTime   = flag.Duration("load", 0, "run the load test for this long per scenario (0: skip it)")
	loadIngest = flag.Int("load-ingest", 0, "while driving the corpus store, ingest this many articles a second into it (0: none)")
)

// corpusArticles is the size of the large store.
const corpusArticles = 10000

func TestLoad(t *testing.T) {
	if *loadTime == 0 {
		t.Skip("the load test runs with -load DURATION")
	}
	stores := []struct {
		name string
		open func(testing.TB) *Server
	}{
		{"seeds", func(tb testing.TB) *Server { return newSeeded(tb, Options{}) }},
		{"10k articles", newCorpusServer},
	}
	t.Logf("%-12s %-30s %7s %8s %9s %9s %6s", "store", "target", "clients", "req/s", "p50", "p99", "errors")
	for _, st := range stores {
		s := st.open(t)
		ts := httptest.NewServer(s)
		targets := loadTargets(t, s)
		if *loadIngest > 0 && st.name != "seeds" {
			stop := feed(t, s, *loadIngest)
			defer func() {
				n, d := stop()
				t.Logf("ingested %d articles in %v while driving: %.0f articles/s", n, d.Round(time.Millisecond), float64(n)/d.Seconds())
			}()
		}
		for _, target := range targets {
			for _, clients := range []int{50, 200} {
				r := drive(ts.URL+target.path, clients, *loadTime)
				t.Logf("%-12s %-30s %7d %8.0f %9s %9s %6d", st.name, target.name, clients, r.rate,
					r.p50.Round(100*time.Microsecond), r.p99.Round(100*time.Microsecond), r.errors)
			}
		}
		ts.Close()
	}
}

type loadTarget struct{ name, path string }

// loadTargets returns what the load test requests: the page of the largest
// story (its summary and, when it has one, its full page) and of a typical one (the median of the stories with more than one
// article), the API's form of the typical one, and the first page of the
// story list; each is requested once first, so that caches are warm.
func loadTargets(t testing.TB, s *Server) []loadTarget {
	sums, err := s.eng.Stories(context.Background(), store.StoryFilter{})
	if err != nil || len(sums) == 0 {
		t.Fatalf("stories: %v", err)
	}
	bySize := slices.Clone(sums)
	slices.SortStableFunc(bySize, func(a, b store.Story) int { return b.Articles - a.Articles })
	largest, typical := bySize[0], bySize[0]
	if multi := slices.IndexFunc(bySize, func(s store.Story) bool { return s.Articles < 2 }); multi > 0 {
		typical = bySize[multi/2]
	}
	out := []loadTarget{{fmt.Sprintf("story page (%d articles)", largest.Articles), "/stories/" + largest.ID}}
	if largest.Articles > maxColumns {
		out = append(out, loadTarget{fmt.Sprintf("full story page (%d art.)", largest.Articles), "/stories/" + largest.ID + "?full=1"})
	}
	if typical.ID != largest.ID {
		out = append(out, loadTarget{fmt.Sprintf("story page (%d articles)", typical.Articles), "/stories/" + typical.ID})
	}
	out = append(out, loadTarget{fmt.Sprintf("API story (%d articles)", typical.Articles), "/api/stories/" + typical.ID},
		loadTarget{"API story list, 50", "/api/stories?limit=50"},
		loadTarget{"story list page", "/"})
	if top, err := s.arch.Entities(context.Background(), archive.EntityQuery{Limit: 1}); err == nil && len(top.Entities) > 0 {
		e := top.Entities[0]
		out = append(out, loadTarget{fmt.Sprintf("entity page (%d stories)", e.Stories), "/entities/" + e.ID},
			loadTarget{"search by name", "/?q=" + url.QueryEscape(e.Name)})
	}
	for _, target := range out {
		r := get(t, s, target.path, 200)
		gz := do(t, s, http.MethodGet, target.path, nil, "Accept-Encoding", "gzip")
		t.Logf("%s: %d bytes, %d gzipped", target.path, len(r.body), len(gz.body))
	}
	return out
}

type loadResult struct {
	rate     float64
	p50, p99 time.Duration
	errors   int
}

// drive sends GET url from clients concurrent clients for d and measures
// each request's latency, until the last byte of the response. The
// clients ask for gzip, as browsers do, but read the compressed bytes
// without inflating them, as wrk does: the load generator shares the
// machine's cores with the server, and inflating a story page would take
// more of them than serving it.
func drive(url string, clients int, d time.Duration) loadResult {
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var mu sync.Mutex
	var all []time.Duration
	errors := 0
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			var mine []time.Duration
			bad := 0
			for time.Now().Before(deadline) {
				t0 := time.Now()
				req, err := http.NewRequest(http.MethodGet, url, nil)
				if err != nil {
					panic(err)
				}
				req.Header.Set("Accept-Encoding", "gzip")
				resp, err := client.Do(req)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if err != nil || resp.StatusCode != 200 {
					bad++
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			all = append(all, mine...)
			errors += bad
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(all)
	r := loadResult{rate: float64(len(all)) / elapsed.Seconds(), errors: errors}
	if len(all) > 0 {
		r.p50, r.p99 = all[len(all)/2], all[len(all)*99/100]
	}
	return r
}

// newCorpusServer returns a server over a file store holding the first
// 10,000 articles of the shared benchmark corpus, or skips the test when
// the corpus is absent.
func newCorpusServer(t testing.TB) *Server {
	t.Helper()
	dir := os.Getenv("STORYLINE_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "bench", "corpus")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl.gz"))
	if len(files) == 0 {
		t.Skipf("no corpus at %s (set STORYLINE_CORPUS)", dir)
	}
	slices.Sort(files)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	eng, err := engine.Open(ctx, db, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	n := 0
	for _, f := range slices.Backward(files) { // reuters21578 first: it has dates
		if n += ingestCorpus(t, eng, f, corpusArticles-n); n >= corpusArticles {
			break
		}
	}
	t.Logf("stored %d corpus articles in %v", n, time.Since(start).Round(time.Millisecond))
	return New(eng, Options{Now: fixedNow})
}

// ingestCorpus stores up to max articles of a gzipped JSON Lines file.
func ingestCorpus(t testing.TB, eng *engine.Engine, path string, max int) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	var batch []article.Article
	n := 0
	stop := fmt.Errorf("enough")
	flush := func() {
		if _, err := eng.Ingest(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
		batch = batch[:0]
	}
	err = ingest.New(ingest.Options{Stdin: gz}).Read(context.Background(), "-", func(res ingest.Result) error {
		if res.Article == nil {
			return nil
		}
		batch = append(batch, *res.Article)
		if n++; len(batch) == 1000 {
			flush()
		}
		if n >= max {
			return stop
		}
		return nil
	})
	if err != nil && err != stop {
		t.Fatal(err)
	}
	flush()
	return n
}

func BenchmarkStoryPage(b *testing.B) {
	s := newSeeded(b, Options{})
	benchmarkGet(b, s, loadTargets(b, s)[0].path)
}

func BenchmarkAPIStory(b *testing.B) {
	s := newSeeded(b, Options{})
	benchmarkGet(b, s, loadTargets(b, s)[1].path)
}

func benchmarkGet(b *testing.B, h http.Handler, target string) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
			if rec.Code != 200 {
				b.Fatalf("GET %s = %d", target, rec.Code)
			}
		}
	})
}

// feed ingests rate articles a second into s's store until the returned
// function is called, which says how many it ingested in how long. The
// articles are stored ones with a line added and new URLs: updated copies
// that join existing stories, which are analysed again and read afresh.
func feed(t *testing.T, s *Server, rate int) (stop func() (int, time.Duration)) {
	ctx, cancel := context.WithCancel(context.Background())
	var pool []article.Article
	err := s.eng.Store().Scan(ctx, 0, func(_ int64, a article.Article, _ string) error {
		pool = append(pool, a)
		return nil
	})
	if err != nil || len(pool) == 0 {
		t.Fatalf("reading the store for the feed: %v", err)
	}
	per := max(1, rate/10)
	done := make(chan int)
	start := time.Now()
	go func() {
		n := 0
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for k := 0; ; {
			select {
			case <-ctx.Done():
				done <- n
				return
			case <-tick.C:
			}
			batch := make([]article.Article, per)
			for i := range batch {
				a := pool[k%len(pool)]
				k++
				a.URL = fmt.Sprintf("https://updates.example/%d", k)
				a.SourceRef = a.URL
				a.Text += fmt.Sprintf("\n\nThis article was updated (%d).", k)
				a.SetID()
				batch[i] = a
			}
			if _, err := s.eng.Ingest(ctx, batch); err != nil && ctx.Err() == nil {
				t.Errorf("feed: %v", err)
			}
			n += per
		}
	}()
	return func() (int, time.Duration) {
		cancel()
		return <-done, time.Since(start)
	}
}
