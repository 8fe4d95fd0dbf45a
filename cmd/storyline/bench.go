package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/postgres"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// defaultBenchCorpus is where the benchmark corpus lies in a checkout with
// ../shared beside it.
const defaultBenchCorpus = "../shared/bench/corpus/*.jsonl.gz"

// benchLong is the help text of `storyline bench`.
const benchLong = `bench enlarges the corpus (--corpus) to the largest of --sizes articles with
a seeded generator (the corpus first, in date order, then perturbed copies:
paragraphs shuffled, numbers, names and words substituted, dates a year later
per copy, new IDs), writes them to a temporary JSON Lines file, and runs each
stage over the first N articles of it, for each size N, one pass per stage:

  reference  read lines, decode the JSON, split words: the yardstick
  read       the ingest reader
  cluster    cluster assignment alone (reading excluded)
  store      engine.Ingest (dedup, cluster, commit) into a scratch store,
             with the store's own share (Known, Commit, Scan) as a second row
  analysis   story.Analyze (time expressions, entities, quotes) per article,
             with 1 worker and with --workers
  assembly   story.Build over a sample of the stories the cluster pass made
             (at most --assembly-limit articles, none over --assembly-max-story)
  full       read and ingest overlapped, then every story analysed and its
             analysis stored (engine.Derive), as storyline ingest does

For each it prints articles/s, time per article, CPU time (the process's, so
read it beside the load column on a shared machine), the peak of the Go heap
and the peak RSS of the pass, and then the goals of issues 3 and 4. Stores are
scratch: a temporary SQLite file (--db sqlite, the default), or a database
created on the PostgreSQL server of a postgres:// URL and dropped afterwards
(the role needs CREATEDB). The user's own store is never touched.

--cpuprofile profiles the whole run with pprof labels stage and size, so that
one stage can be picked out:
  go tool pprof -tagfocus stage=full -top storyline cpu.pprof
--memprofile writes a heap profile of the largest size at the end of the
cluster, store, assembly and full passes, with their state live; the last
one run wins (-sample_index=alloc_space shows the allocations of the run).

The figures of issue 2 (digest and ingest of the seeds and of the first
10,000 Reuters articles) come from the commands themselves:
  zcat ../shared/bench/corpus/reuters21578.jsonl.gz | head -n 10000 > /tmp/r10k.jsonl
  for in in examples/ukraine-talks /tmp/r10k.jsonl; do
    /usr/bin/time -v storyline digest --format json $in > /dev/null
    rm -f /tmp/i.db; /usr/bin/time -v storyline --db /tmp/i.db ingest $in
  done`

// benchFlags are the flags of `storyline bench`.
type benchFlags struct {
	opts                   eval.BenchOptions
	corpus                 []string
	db, format             string
	cpuprofile, memprofile string
}

func (e *env) benchCommand() *cobra.Command {
	var f benchFlags
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure the speed and memory of each pipeline stage, from 1k to 1M articles",
		Long:  benchLong,
		Example: `  storyline bench --sizes 1000,10000
  storyline bench --stages reference,full --sizes 1000000 --cpuprofile cpu.pprof
  storyline bench --db postgres://localhost/postgres --sizes 10000 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.bench(cmd.Context(), cmd, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&f.corpus, "corpus", []string{defaultBenchCorpus}, "corpus JSON Lines files, gzipped or not (globs allowed)")
	fl.IntSliceVar(&f.opts.Sizes, "sizes", []int{1_000, 10_000, 100_000, 1_000_000}, "numbers of articles to run")
	fl.Uint64Var(&f.opts.Seed, "seed", 1, "seed of the corpus generator")
	fl.StringSliceVar(&f.opts.Stages, "stages", eval.BenchStages, "stages to run")
	fl.StringVar(&f.db, "db", "sqlite", "scratch store: sqlite (a temporary file), :memory:, or a postgres:// URL of a server to create a database on")
	fl.IntVar(&f.opts.Workers, "workers", runtime.GOMAXPROCS(0), "analysis workers")
	fl.IntVar(&f.opts.Batch, "batch", 1000, "articles per ingest batch")
	fl.IntVar(&f.opts.AssemblyLimit, "assembly-limit", 20_000, "most articles built into stories per size")
	fl.IntVar(&f.opts.AssemblyMaxStory, "assembly-max-story", 200, "largest story built, in articles (Build grows with its square)")
	fl.StringVar(&f.opts.Dir, "tmpdir", "", "folder for the generated corpus and SQLite stores (default: the system's)")
	fl.StringVar(&f.format, "format", "table", "output format: table or json")
	fl.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to FILE")
	fl.StringVar(&f.memprofile, "memprofile", "", "write a heap profile to FILE (see above)")
	return cmd
}

// bench runs the benchmark that f describes and prints the report.
func (e *env) bench(ctx context.Context, cmd *cobra.Command, f *benchFlags) error {
	if f.format != "table" && f.format != "json" {
		return fmt.Errorf("unknown --format %q (want table or json)", f.format)
	}
	corpus, err := expandCorpus(f.corpus)
	if err != nil {
		return err
	}
	o := f.opts
	o.Corpus, o.Log = corpus, e.stderr
	stores := &benchStores{db: f.db, dir: o.Dir}
	if err := stores.check(); err != nil {
		return err
	}
	o.Open = stores.open
	if f.memprofile != "" {
		o.Snapshot = heapSnapshot(f.memprofile, slices.Max(o.Sizes), e)
	}
	stop, err := startCPUProfile(f.cpuprofile)
	if err != nil {
		return err
	}
	rep, err := eval.Bench(ctx, o)
	if perr := stop(); err == nil {
		err = perr
	}
	if rep != nil && f.format == "json" {
		if werr := rep.WriteJSON(e.stdout); err == nil {
			err = werr
		}
	} else if rep != nil {
		if werr := rep.WriteTable(e.stdout); err == nil {
			err = werr
		}
	}
	return err
}

// expandCorpus expands the globs in names; a name without glob characters
// stands for itself.
func expandCorpus(names []string) ([]string, error) {
	var out []string
	for _, n := range names {
		m, err := filepath.Glob(n)
		if err != nil {
			return nil, fmt.Errorf("--corpus %s: %w", n, err)
		}
		if len(m) == 0 && n == defaultBenchCorpus {
			return nil, fmt.Errorf("no corpus at %s: run from the repository with ../shared beside it, or pass --corpus", n)
		}
		if len(m) == 0 {
			m = []string{n} // reported by the reader
		}
		out = append(out, m...)
	}
	return out, nil
}

// startCPUProfile starts profiling into path, if set, and returns the
// function that stops it.
func startCPUProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	file, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(file); err != nil {
		file.Close()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		return file.Close()
	}, nil
}

// heapSnapshot returns a BenchOptions.Snapshot that writes a heap profile
// to path at the end of each stateful pass of the given size, so that the
// last such pass wins.
func heapSnapshot(path string, size int, e *env) func(stage string, n int) {
	return func(stage string, n int) {
		if n != size {
			return
		}
		runtime.GC()
		file, err := os.Create(path)
		if err == nil {
			err = errors.Join(pprof.WriteHeapProfile(file), file.Close())
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "storyline: heap profile after %s: %v\n", stage, err)
		}
	}
}

// benchStores opens the bench's scratch stores: SQLite files in their own
// temporary folders, in memory, or PostgreSQL databases created for one
// pass on the server that db names and dropped after it.
type benchStores struct {
	db, dir string
	count   int
}

func (b *benchStores) check() error {
	if b.db == "sqlite" || b.db == ":memory:" || postgres.IsDSN(b.db) {
		return nil
	}
	return fmt.Errorf("--db %q: bench needs a scratch store: sqlite, :memory: or a postgres:// URL", b.db)
}

// open opens a fresh store and an engine over it.
func (b *benchStores) open(ctx context.Context, size int) (*eval.Sink, error) {
	b.count++
	loc, drop, err := b.scratch(ctx, size)
	if err != nil {
		return nil, err
	}
	var st store.Store
	if postgres.IsDSN(loc) {
		st, err = postgres.Open(ctx, loc)
	} else {
		st, err = sqlite.Open(ctx, loc)
	}
	if err != nil {
		return nil, errors.Join(err, drop())
	}
	ts := timed(st)
	eng, err := engine.Open(ctx, ts, engine.Options{})
	if err != nil {
		return nil, errors.Join(err, st.Close(), drop())
	}
	closeAll := func() error { return errors.Join(eng.Close(), drop()) }
	return &eval.Sink{Ingester: eng, Store: ts.usage, Close: closeAll}, nil
}

// scratch returns the location of a new empty store and the function that
// removes it.
func (b *benchStores) scratch(ctx context.Context, size int) (string, func() error, error) {
	none := func() error { return nil }
	switch {
	case b.db == ":memory:":
		return ":memory:", none, nil
	case postgres.IsDSN(b.db):
		return createDatabase(ctx, b.db, fmt.Sprintf("storyline_bench_%d_%d", os.Getpid(), b.count))
	}
	dir, err := os.MkdirTemp(b.dir, fmt.Sprintf("storyline-bench-%d-", size))
	if err != nil {
		return "", none, err
	}
	return filepath.Join(dir, "bench.db"), func() error { return os.RemoveAll(dir) }, nil
}

// createDatabase creates the database name on the server of the URL dsn
// and returns its URL and the function that drops it.
func createDatabase(ctx context.Context, dsn, name string) (string, func() error, error) {
	none := func() error { return nil }
	u, err := url.Parse(dsn)
	if err != nil {
		return "", none, fmt.Errorf("--db: %w", err)
	}
	exec := func(ctx context.Context, sql string) error {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	ident := pgx.Identifier{name}.Sanitize()
	if err := exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return "", none, fmt.Errorf("create scratch database: %w", err)
	}
	u.Path = "/" + name
	drop := func() error {
		return exec(context.Background(), "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)")
	}
	return u.String(), drop, nil
}

// timedStore measures the time spent in the store's methods that ingest
// calls: Known, Commit and Scan. A batch's commit runs while the next
// batch asks which of its articles are known, so the calls may overlap:
// the time counted is that of the union of the calls.
type timedStore struct {
	store.Store
	mu     sync.Mutex
	active int
	m      eval.Meter
}

func (t *timedStore) start() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.active++; t.active == 1 {
		t.m.Start()
	}
}

func (t *timedStore) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.active--; t.active == 0 {
		t.m.Stop()
	}
}

// lockingStore is a timedStore over a store that several processes share,
// so that the engine still takes the store's lock as in `storyline ingest`.
type lockingStore struct {
	*timedStore
	locker interface {
		Lock(ctx context.Context) (unlock func(), err error)
	}
}

func (l lockingStore) Lock(ctx context.Context) (func(), error) { return l.locker.Lock(ctx) }

// timed wraps st; the result is a store.Store that keeps st's Lock method.
func timed(st store.Store) interface {
	store.Store
	usage() eval.Usage
} {
	t := &timedStore{Store: st}
	if l, ok := st.(interface {
		Lock(ctx context.Context) (unlock func(), err error)
	}); ok {
		return lockingStore{t, l}
	}
	return t
}

func (t *timedStore) usage() eval.Usage {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m.Usage()
}

func (t *timedStore) Known(ctx context.Context, ids []string) (map[string]bool, error) {
	t.start()
	defer t.stop()
	return t.Store.Known(ctx, ids)
}

func (t *timedStore) Commit(ctx context.Context, b store.Batch) (int, error) {
	t.start()
	defer t.stop()
	return t.Store.Commit(ctx, b)
}

func (t *timedStore) Scan(ctx context.Context, after int64, fn func(int64, article.Article, string) error) error {
	t.start()
	defer t.stop()
	return t.Store.Scan(ctx, after, fn)
}
