package eval

// Throughput benchmark (`storyline bench`): the pipeline's stages over a
// news corpus enlarged to 1k…1M articles, each stage measured in its own
// pass over the same generated JSON Lines file, beside a plain
// read-and-tokenize pass as the reference.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/entity/ner"
	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/rusage"
	"github.com/storyline-news/storyline/internal/story"
)

// BenchStages names the stages Bench can run, in the order it runs them.
// "store" runs engine.Ingest and reports the store's share of it;
// "analysis" runs story.Analyze with one worker and with
// BenchOptions.Workers; "assembly" needs the stories "cluster" made.
var BenchStages = []string{"reference", "read", "cluster", "store", "analysis", "assembly", "full"}

// Ingester stores batches of articles, clustering them, each batch
// committed while the next is clustered: *engine.Engine meets it.
type Ingester interface {
	Submit(ctx context.Context, arts []article.Article) *engine.Pending
}

// A Sink is a fresh engine over a scratch store, for one pass.
type Sink struct {
	Ingester
	// Store returns the time spent so far inside the store (looking up
	// known IDs and committing); nil when it is not measured.
	Store func() Usage
	// Close releases the store and removes what it wrote.
	Close func() error
}

// BenchOptions configures Bench. Only Corpus is required.
type BenchOptions struct {
	// Corpus names the JSON Lines files (gzip-compressed or not) that the
	// generator enlarges, as ../shared/bench/corpus/*.jsonl.gz.
	Corpus []string
	// Seed seeds the generator.
	Seed uint64
	// Sizes are the numbers of articles to run; nil means 1k, 10k, 100k, 1M.
	Sizes []int
	// Stages selects from BenchStages; nil means all.
	Stages []string
	// Workers is the number of analysis workers; 0 means GOMAXPROCS.
	Workers int
	// Batch is the number of articles per ingest batch; 0 means 1000.
	Batch int
	// AssemblyLimit bounds the articles built into stories per size; 0
	// means 20,000.
	AssemblyLimit int
	// AssemblyMaxStory is the largest story assembled, in articles; larger
	// ones are counted, not built (story.Build's time and memory grow with
	// the square of a story's size). 0 means 200.
	AssemblyMaxStory int
	// Open returns a fresh Sink for a pass over size articles. The store
	// and full stages need it.
	Open func(ctx context.Context, size int) (*Sink, error)
	// Snapshot, if set, is called at the end of the passes that keep state
	// (cluster, ingest, full) while it is still in memory, and after
	// assembly, e.g. to write a heap profile.
	Snapshot func(stage string, size int)
	// Dir is where the generated corpus is written (and removed from);
	// "" means the system's temporary folder.
	Dir string
	// Log, if set, receives a line per finished stage.
	Log io.Writer
}

func (o BenchOptions) withDefaults() BenchOptions {
	if len(o.Sizes) == 0 {
		o.Sizes = []int{1_000, 10_000, 100_000, 1_000_000}
	}
	if len(o.Stages) == 0 {
		o.Stages = BenchStages
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Batch <= 0 {
		o.Batch = 1000
	}
	if o.AssemblyLimit <= 0 {
		o.AssemblyLimit = 20_000
	}
	if o.AssemblyMaxStory <= 0 {
		o.AssemblyMaxStory = 200
	}
	if o.runs("assembly") && !o.runs("cluster") {
		o.Stages = append(slices.Clone(o.Stages), "cluster")
	}
	return o
}

// runs reports whether the stage is selected.
func (o BenchOptions) runs(stage string) bool { return slices.Contains(o.Stages, stage) }

func (o BenchOptions) check() error {
	for _, s := range o.Stages {
		if !slices.Contains(BenchStages, s) {
			return fmt.Errorf("unknown stage %q (want some of %s)", s, strings.Join(BenchStages, ", "))
		}
	}
	for _, n := range o.Sizes {
		if n <= 0 {
			return fmt.Errorf("size %d is not positive", n)
		}
	}
	switch {
	case len(o.Corpus) == 0:
		return errors.New("no corpus files")
	case o.Open == nil && (o.runs("store") || o.runs("full")):
		return errors.New("the store and full stages need a store (BenchOptions.Open)")
	}
	return nil
}

// Bench generates a corpus of the largest size, then runs the selected
// stages for each size, each stage in its own pass over the first size
// articles of it, and reports the figures.
func Bench(ctx context.Context, o BenchOptions) (*BenchReport, error) {
	o = o.withDefaults()
	if err := o.check(); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	rep := &BenchReport{Machine: machine(), GOMAXPROCS: runtime.GOMAXPROCS(0), Workers: o.Workers, Seed: o.Seed}
	dir, err := os.MkdirTemp(o.Dir, "storyline-bench-")
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer os.RemoveAll(dir)
	input := filepath.Join(dir, "corpus.jsonl")
	gen, err := measure(ctx, "generate", slices.Max(o.Sizes), func(_ context.Context, m *Meter) (int, string, error) {
		return generate(m, o, input)
	})
	if err != nil {
		return nil, fmt.Errorf("bench: generate: %w", err)
	}
	rep.Setup = append(rep.Setup, gen, warmUp(ctx))
	for _, n := range o.Sizes {
		r := &run{o: o, n: n, input: input}
		for _, st := range BenchStages {
			if !o.runs(st) {
				continue
			}
			rows, err := r.stage(ctx, st)
			rep.Results = append(rep.Results, rows...)
			logRows(o.Log, rows)
			if err != nil {
				return rep, fmt.Errorf("bench: %s at %d articles: %w", st, n, err)
			}
		}
	}
	rep.MaxRSS = rusage.MaxRSS()
	return rep, nil
}

// generate writes the largest size's articles to path.
func generate(m *Meter, o BenchOptions, path string) (int, string, error) {
	m.Start()
	defer m.Stop()
	var base []BenchRecord
	for _, name := range o.Corpus {
		recs, err := readCorpusFile(name)
		if err != nil {
			return 0, "", err
		}
		base = append(base, recs...)
	}
	if len(base) == 0 {
		return 0, "", errors.New("the corpus has no articles")
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, "", err
	}
	n := slices.Max(o.Sizes)
	err = NewGenerator(base, o.Seed).WriteJSONL(f, n)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, fmt.Sprintf("from %d corpus articles, seed %d", len(base), o.Seed), err
}

func readCorpusFile(name string) ([]BenchRecord, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := ReadBenchCorpus(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return recs, nil
}

// warmUp loads what the stages load on first use (the clusterer's
// background table, the NER model, the entity tables), so that no stage
// pays for it, and reports its cost.
func warmUp(ctx context.Context) StageResult {
	res, _ := measure(ctx, "load models", 1, func(_ context.Context, m *Meter) (int, string, error) {
		m.Start()
		defer m.Stop()
		cluster.New(cluster.Options{})
		ner.Default()
		a := article.Article{Text: "Chancellor Merz met Emmanuel Macron in Paris on Monday. \"We agree,\" he said."}
		story.Analyze(&a)
		return 1, "cluster background, NER model, gazetteers, entity tables", nil
	})
	return res
}

// measure runs one pass: it collects garbage first, so that every pass
// starts alike, runs fn under the pass's profiler labels (stage, size), and
// records the usage fn's Meter measured, the heap's peak and the RSS peak.
func measure(ctx context.Context, stage string, size int, fn func(context.Context, *Meter) (int, string, error)) (StageResult, error) {
	debug.FreeOSMemory()
	perPass := resetRSSPeak()
	h := watchHeap()
	var m Meter
	var n int
	var note string
	var err error
	pprof.Do(ctx, pprof.Labels("stage", stage, "size", strconv.Itoa(size)), func(ctx context.Context) {
		n, note, err = fn(ctx, &m)
	})
	return StageResult{
		Stage: stage, Size: size, Articles: n, Wall: m.u.Wall, CPU: m.u.CPU,
		HeapPeak: h.end(), RSSPeak: rssPeak(), RSSLifetime: !perPass, Load: loadAvg(), Note: note,
	}, err
}

// errEnough stops a reader that has read enough articles.
var errEnough = errors.New("enough articles")

// readBatches reads the first n articles of path with the ingest reader and
// calls fn with batches of at most size of them, a new slice each time,
// reading one batch ahead of fn in a goroutine of its own (ingest.Pipe), as
// storyline ingest does. It returns the number of articles read and of
// inputs that failed.
func readBatches(ctx context.Context, path string, n, size int, fn func([]article.Article) error) (read, failed int, err error) {
	err = ingest.Pipe(ctx, func(emit func([]article.Article) error) error {
		b := ingest.Batcher{Size: size, Emit: emit}
		err := ingest.New(ingest.Options{}).Read(ctx, path, func(res ingest.Result) error {
			if res.Article == nil {
				failed++
				return nil
			}
			read++
			if err := b.Add(*res.Article); err != nil {
				return err
			}
			if read == n {
				return errEnough
			}
			return nil
		})
		if err != nil && !errors.Is(err, errEnough) {
			return err
		}
		return b.Flush()
	}, fn)
	return read, failed, err
}

// run is one size's passes.
type run struct {
	o       BenchOptions
	n       int
	input   string
	members *membership // the cluster pass's stories, for assembly
}

func (r *run) stage(ctx context.Context, name string) ([]StageResult, error) {
	one := func(fn func(context.Context, *Meter) (int, string, error)) ([]StageResult, error) {
		res, err := measure(ctx, name, r.n, fn)
		return []StageResult{res}, err
	}
	switch name {
	case "reference":
		return one(r.reference)
	case "read":
		return one(r.read)
	case "cluster":
		return one(r.cluster)
	case "store":
		return r.store(ctx)
	case "analysis":
		return r.analysis(ctx)
	case "assembly":
		return one(r.assembly)
	}
	res, err := measure(ctx, name, r.n, r.full)
	res.Workers = r.o.Workers
	return []StageResult{res}, err
}

func (r *run) snapshot(stage string) {
	if r.o.Snapshot != nil {
		r.o.Snapshot(stage, r.n)
	}
}

// reference is the yardstick: read lines, decode the JSON, split the title
// and text into words, and nothing else.
func (r *run) reference(ctx context.Context, m *Meter) (int, string, error) {
	m.Start()
	defer m.Stop()
	f, err := os.Open(r.input)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	count, words := 0, 0
	for count < r.n && sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var rec struct{ Title, Text string }
		if err := json.Unmarshal(line, &rec); err != nil {
			return count, "", fmt.Errorf("line %d: %w", count+1, err)
		}
		words += len(strings.Fields(rec.Title)) + len(strings.Fields(rec.Text))
		count++
	}
	return count, fmt.Sprintf("%d words", words), sc.Err()
}

// read runs the ingest reader alone.
func (r *run) read(ctx context.Context, m *Meter) (int, string, error) {
	m.Start()
	defer m.Stop()
	n, failed, err := readBatches(ctx, r.input, r.n, r.o.Batch, func([]article.Article) error { return nil })
	return n, fmt.Sprintf("%d inputs failed", failed), err
}

// cluster times the clusterer's assignments alone (reading excluded).
func (r *run) cluster(ctx context.Context, m *Meter) (int, string, error) {
	cl := cluster.New(cluster.Options{})
	if r.o.runs("assembly") {
		r.members = newMembership(r.n)
	}
	var ds []cluster.Decision
	n, _, err := readBatches(ctx, r.input, r.n, r.o.Batch, func(b []article.Article) error {
		ds = ds[:0]
		m.Start()
		for i := range b {
			ds = append(ds, cl.Assign(b[i]))
		}
		m.Stop()
		for _, d := range ds {
			r.members.add(d)
		}
		return nil
	})
	r.snapshot("cluster")
	return n, fmt.Sprintf("%d stories", cl.Stories()), err
}

// store times engine.Ingest (looking up known IDs, clustering, committing)
// over batches, and reports the store's share of it as a second row.
func (r *run) store(ctx context.Context) ([]StageResult, error) {
	var inner *Usage
	res, err := measure(ctx, "ingest", r.n, func(ctx context.Context, m *Meter) (int, string, error) {
		sink, err := r.o.Open(ctx, r.n)
		if err != nil {
			return 0, "", err
		}
		bs := engine.Batches{To: sink}
		n, _, err := readBatches(ctx, r.input, r.n, r.o.Batch, func(b []article.Article) error {
			m.Start()
			defer m.Stop()
			return bs.Add(ctx, b)
		})
		m.Start()
		err = errors.Join(err, bs.Wait())
		m.Stop()
		st := bs.Stats
		if sink.Store != nil {
			u := sink.Store()
			inner = &u
		}
		r.snapshot("ingest")
		note := fmt.Sprintf("cluster+store: %d stored, %d duplicates", st.Ingested, st.Duplicates)
		return n, note, errors.Join(err, sink.Close())
	})
	rows := []StageResult{res}
	if inner != nil {
		s := res
		s.Stage, s.Wall, s.CPU, s.Note = "store", inner.Wall, inner.CPU, "the store's share of ingest"
		rows = append(rows, s)
	}
	return rows, err
}

// analysis times story.Analyze over every article (reading excluded), with
// one worker, then with o.Workers.
func (r *run) analysis(ctx context.Context) ([]StageResult, error) {
	var rows []StageResult
	for _, w := range slices.Compact([]int{1, r.o.Workers}) {
		res, err := measure(ctx, "analysis", r.n, func(ctx context.Context, m *Meter) (int, string, error) {
			var found analysisCounts
			n, _, err := readBatches(ctx, r.input, r.n, r.o.Batch, func(b []article.Article) error {
				m.Start()
				analyzeAll(b, w, &found)
				m.Stop()
				return nil
			})
			return n, found.String(), err
		})
		res.Workers = w
		rows = append(rows, res)
		if err != nil {
			return rows, err
		}
	}
	return rows, nil
}

// analysisCounts adds up what analysis found, so that the work done is
// visible beside its cost.
type analysisCounts struct{ mentions, quotes, timexes atomic.Int64 }

func (c *analysisCounts) add(a *article.Article) {
	an, _ := story.Analyze(a)
	c.mentions.Add(int64(len(an.Mentions)))
	c.quotes.Add(int64(len(an.Quotes)))
	c.timexes.Add(int64(len(an.Timexes)))
}

func (c *analysisCounts) String() string {
	return fmt.Sprintf("%d mentions, %d quotes, %d timexes", c.mentions.Load(), c.quotes.Load(), c.timexes.Load())
}

// analyzeAll analyzes the articles of b with the given number of workers.
func analyzeAll(b []article.Article, workers int, found *analysisCounts) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(b); i = int(next.Add(1)) - 1 {
				found.add(&b[i])
			}
		})
	}
	wg.Wait()
}

// full runs the pipeline end to end as `storyline ingest` does: the ingest
// reader one batch ahead of the engine, which clusters each batch while the
// last one commits; then every story is analysed and its analysis stored
// (engine.Derive, on every core), so that reading it never analyses again.
func (r *run) full(ctx context.Context, m *Meter) (int, string, error) {
	sink, err := r.o.Open(ctx, r.n)
	if err != nil {
		return 0, "", err
	}
	m.Start()
	bs := engine.Batches{To: sink}
	n, _, err := readBatches(ctx, r.input, r.n, r.o.Batch, func(b []article.Article) error {
		return bs.Add(ctx, b)
	})
	err = errors.Join(err, bs.Wait())
	stories := 0
	if d, ok := sink.Ingester.(deriver); ok && err == nil {
		stories, err = d.Derive(ctx, nil)
	}
	m.Stop()
	r.snapshot("full")
	note := fmt.Sprintf("read and ingest overlapped, then %d stories analysed and stored", stories)
	return n, note, errors.Join(err, sink.Close())
}

// deriver is met by ingesters that store the analysis of stories, as
// `storyline ingest` does at the end of a run: *engine.Engine.
type deriver interface {
	Derive(ctx context.Context, progress func(done, total int)) (int, error)
}

// assembly builds a sample of the stories the cluster pass made, of at most
// o.AssemblyLimit articles in all and o.AssemblyMaxStory each, and times
// story.Build alone.
func (r *run) assembly(ctx context.Context, m *Meter) (int, string, error) {
	if r.members == nil {
		return 0, "", errors.New("assembly needs the cluster pass")
	}
	p := r.members.pick(r.o.AssemblyLimit, r.o.AssemblyMaxStory)
	groups := make(map[int32][]article.Article, len(p.chosen))
	i := 0
	_, _, err := readBatches(ctx, r.input, r.n, r.o.Batch, func(b []article.Article) error {
		for _, a := range b {
			if i < len(r.members.of) {
				if s := r.members.final(r.members.of[i]); p.chosen[s] {
					groups[s] = append(groups[s], a)
				}
			}
			i++
		}
		return nil
	})
	if err != nil {
		return 0, "", err
	}
	built, slowest, slowSize := 0, time.Duration(0), 0
	for _, s := range slices.Sorted(maps.Keys(groups)) {
		before := m.Usage().Wall
		m.Start()
		_, err := story.Build(ctx, r.members.ids[s], groups[s])
		m.Stop()
		if err != nil {
			return built, "", err
		}
		if d := m.Usage().Wall - before; d > slowest {
			slowest, slowSize = d, len(groups[s])
		}
		built += len(groups[s])
		delete(groups, s)
	}
	r.snapshot("assembly")
	note := fmt.Sprintf("%d of %d stories; slowest %d articles in %.2f s; %d stories over %d articles not built (largest %d)",
		len(p.chosen), r.members.stories(), slowSize, slowest.Seconds(), p.tooBig, r.o.AssemblyMaxStory, p.largest)
	return built, note, nil
}

// membership records the story of every article of the cluster pass (4
// bytes an article), following merges, so that assembly can rebuild
// stories without holding articles.
type membership struct {
	of    []int32 // story of article i, as assigned
	ids   []string
	index map[string]int32
	into  map[int32]int32 // merged story → the story that absorbed it
}

func newMembership(n int) *membership {
	return &membership{of: make([]int32, 0, n), index: make(map[string]int32), into: make(map[int32]int32)}
}

func (m *membership) id(s string) int32 {
	if i, ok := m.index[s]; ok {
		return i
	}
	i := int32(len(m.ids))
	m.ids = append(m.ids, s)
	m.index[s] = i
	return i
}

// add records one decision; a nil membership records nothing.
func (m *membership) add(d cluster.Decision) {
	if m == nil {
		return
	}
	s := m.id(d.StoryID)
	m.of = append(m.of, s)
	for _, x := range d.Merged {
		m.into[m.id(x)] = s
	}
}

// final returns the story that s ended up in.
func (m *membership) final(s int32) int32 {
	for range len(m.ids) {
		t, ok := m.into[s]
		if !ok || t == s {
			break
		}
		s = t
	}
	return s
}

// stories returns the number of stories left after merges.
func (m *membership) stories() int { return len(m.ids) - len(m.into) }

// picked is what pick chose.
type picked struct {
	chosen  map[int32]bool
	tooBig  int // stories over the size bound
	largest int // articles in the largest story
}

// pick chooses the stories to build: every k-th story of at most maxStory
// articles, in order of its first article, k such that about limit articles
// are chosen, never more.
func (m *membership) pick(limit, maxStory int) picked {
	size := make(map[int32]int)
	var first []int32
	for _, s := range m.of {
		f := m.final(s)
		if size[f] == 0 {
			first = append(first, f)
		}
		size[f]++
	}
	p := picked{chosen: make(map[int32]bool)}
	stride := max(1, (len(m.of)+limit-1)/limit)
	total := 0
	for j, s := range first {
		p.largest = max(p.largest, size[s])
		switch {
		case size[s] > maxStory:
			p.tooBig++
		case j%stride == 0 && total+size[s] <= limit:
			p.chosen[s] = true
			total += size[s]
		}
	}
	return p
}
