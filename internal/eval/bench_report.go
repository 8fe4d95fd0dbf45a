package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// StageResult is what one pass measured.
type StageResult struct {
	Stage string
	// Workers is the number of analysis workers, when the stage analyzes.
	Workers  int
	Size     int // articles in the run
	Articles int // articles the stage processed
	// Wall and CPU are the time of the stage's own work (see Meter).
	Wall, CPU time.Duration
	// HeapPeak is the peak of heap objects during the pass, sampled.
	HeapPeak uint64
	// RSSPeak is the peak resident set size during the pass; when
	// RSSLifetime is set, the process's lifetime peak.
	RSSPeak     uint64
	RSSLifetime bool
	// Load is the 1-minute load average at the end of the pass.
	Load float64
	Note string
}

// Rate returns articles per second of wall-clock time.
func (s StageResult) Rate() float64 { return per(float64(s.Articles), s.Wall.Seconds()) }

// CPURate returns articles per second of CPU time.
func (s StageResult) CPURate() float64 { return per(float64(s.Articles), s.CPU.Seconds()) }

// PerArticle returns the wall-clock and CPU time per article.
func (s StageResult) PerArticle() Usage {
	if s.Articles == 0 {
		return Usage{}
	}
	return Usage{s.Wall / time.Duration(s.Articles), s.CPU / time.Duration(s.Articles)}
}

func per(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// label names the stage in tables: the stage, and its workers.
func (s StageResult) label() string {
	if s.Workers > 0 {
		return fmt.Sprintf("%s ×%d", s.Stage, s.Workers)
	}
	return s.Stage
}

// MarshalJSON writes times in seconds and adds the derived rates.
func (s StageResult) MarshalJSON() ([]byte, error) {
	pa := s.PerArticle()
	return json.Marshal(struct {
		Stage           string  `json:"stage"`
		Workers         int     `json:"workers,omitempty"`
		Size            int     `json:"size"`
		Articles        int     `json:"articles"`
		WallS           float64 `json:"wall_s"`
		CPUS            float64 `json:"cpu_s"`
		Rate            float64 `json:"articles_per_s"`
		CPURate         float64 `json:"articles_per_cpu_s"`
		PerArticleUS    float64 `json:"us_per_article"`
		CPUPerArticleUS float64 `json:"cpu_us_per_article"`
		HeapPeak        uint64  `json:"heap_peak_bytes"`
		RSSPeak         uint64  `json:"rss_peak_bytes"`
		RSSLifetime     bool    `json:"rss_lifetime_peak,omitempty"`
		Load            float64 `json:"load1"`
		Note            string  `json:"note,omitempty"`
	}{s.Stage, s.Workers, s.Size, s.Articles, s.Wall.Seconds(), s.CPU.Seconds(), s.Rate(), s.CPURate(),
		us(pa.Wall), us(pa.CPU), s.HeapPeak, s.RSSPeak, s.RSSLifetime, s.Load, s.Note})
}

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// BenchReport is the outcome of Bench.
type BenchReport struct {
	Machine    string `json:"machine"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	Workers    int    `json:"workers"`
	Seed       uint64 `json:"seed"`
	// Setup holds the passes that prepare the run: generating the corpus
	// and loading the models.
	Setup   []StageResult `json:"setup"`
	Results []StageResult `json:"results"`
	// MaxRSS is the process's lifetime peak RSS (getrusage).
	MaxRSS uint64 `json:"process_maxrss_bytes"`
	// Goals compares the figures with the goals of issues 3 and 4.
	Goals []string `json:"goals"`
}

// WriteJSON writes r as indented JSON.
func (r *BenchReport) WriteJSON(w io.Writer) error {
	r.Goals = r.goals()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes r as a table, then the goals.
func (r *BenchReport) WriteTable(w io.Writer) error {
	fmt.Fprintf(w, "machine: %s; GOMAXPROCS %d, %d analysis workers, seed %d\n", r.Machine, r.GOMAXPROCS, r.Workers, r.Seed)
	fmt.Fprintln(w, "wall and CPU count each stage's own work; CPU is the whole process's (getrusage); load = 1-min load average after the pass")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "size\tstage\tarticles\twall s\tart/s\tµs/art\tCPU s\tart/CPU-s\tCPU µs/art\tCPU/wall\theap MiB\tRSS MiB\tload\t")
	for _, s := range append(slices.Clone(r.Setup), r.Results...) {
		pa := s.PerArticle()
		rss := fmt.Sprintf("%.0f", mib(s.RSSPeak))
		if s.RSSLifetime {
			rss += "*"
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%.2f\t%.0f\t%.0f\t%.2f\t%.0f\t%.0f\t%.2f\t%.0f\t%s\t%.1f\t  %s\n",
			s.Size, s.label(), s.Articles, s.Wall.Seconds(), s.Rate(), us(pa.Wall), s.CPU.Seconds(), s.CPURate(),
			us(pa.CPU), per(s.CPU.Seconds(), s.Wall.Seconds()), mib(s.HeapPeak), rss, s.Load, s.Note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "process peak RSS (getrusage): %.0f MiB\n", mib(r.MaxRSS))
	for _, g := range r.goals() {
		fmt.Fprintln(w, g)
	}
	return nil
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

// find returns the results of one stage (and worker count) by size.
func (r *BenchReport) find(stage string, workers int) map[int]StageResult {
	out := make(map[int]StageResult)
	for _, s := range r.Results {
		if s.Stage == stage && s.Workers == workers {
			out[s.Size] = s
		}
	}
	return out
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

// goals compares the full pipeline with the goals of issue 4 and analysis
// with the speed goal of issue 3, for the sizes that were run.
func (r *BenchReport) goals() []string {
	var out []string
	ref, full := r.find("reference", 0), r.find("full", r.Workers)
	for _, n := range slices.Sorted(maps.Keys(full)) {
		f := full[n]
		if x, ok := ref[n]; ok {
			rw, rc := per(f.Wall.Seconds(), x.Wall.Seconds()), per(f.CPU.Seconds(), x.CPU.Seconds())
			out = append(out, fmt.Sprintf("goal full ≤ 20x reference at %d: wall %.1fx, CPU %.1fx: %s", n, rw, rc, verdict(rw <= 20)))
		}
	}
	if f, ok := full[100_000]; ok {
		out = append(out, fmt.Sprintf("goal full ≥ 1,200 articles/s at 100k: %.0f/s wall (%.0f per CPU-s): %s", f.Rate(), f.CPURate(), verdict(f.Rate() >= 1200)))
	}
	if f, ok := full[1_000_000]; ok {
		out = append(out, fmt.Sprintf("goal 1M in < 15 min: %.1f min wall (%.1f CPU-min): %s", f.Wall.Minutes(), f.CPU.Minutes(), verdict(f.Wall < 15*time.Minute)),
			fmt.Sprintf("goal peak memory < 2 GiB at 1M: RSS %.2f GiB, heap %.2f GiB: %s", mib(f.RSSPeak)/1024, mib(f.HeapPeak)/1024, verdict(f.RSSPeak < 2<<30)))
	}
	if a, ok := full[10_000]; ok {
		if b, ok := full[slices.Max(slices.Collect(maps.Keys(full)))]; ok && b.Size > a.Size {
			w := per(float64(b.PerArticle().Wall), float64(a.PerArticle().Wall))
			c := per(float64(b.PerArticle().CPU), float64(a.PerArticle().CPU))
			out = append(out, fmt.Sprintf("goal per-article cost %d vs 10k within 1.5x: wall %.2fx, CPU %.2fx: %s", b.Size, w, c, verdict(w <= 1.5)))
		}
	}
	an := r.find("analysis", r.Workers)
	for _, n := range slices.Sorted(maps.Keys(an)) {
		a := an[n]
		out = append(out, fmt.Sprintf("goal (issue 3) entity+quote+time ≥ 2,000 articles/s at %d, ×%d workers: %.0f/s wall (%.0f per CPU-s): %s",
			n, r.Workers, a.Rate(), a.CPURate(), verdict(a.Rate() >= 2000)))
	}
	return out
}

// machine describes the machine: CPU model, CPUs, OS and Go version.
func machine() string {
	model := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(data)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d CPUs, %s/%s, %s", model, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
}

// loadAvg returns the 1-minute load average, or 0 when unknown.
func loadAvg() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f, _, _ := strings.Cut(string(data), " ")
	v, _ := strconv.ParseFloat(f, 64)
	return v
}

func logRows(w io.Writer, rows []StageResult) {
	if w == nil {
		return
	}
	for _, s := range rows {
		fmt.Fprintf(w, "bench: %d %s: %d articles, %.1f s wall, %.1f s CPU, %.0f articles/s, heap %.0f MiB, RSS %.0f MiB, load %.1f\n",
			s.Size, s.label(), s.Articles, s.Wall.Seconds(), s.CPU.Seconds(), s.Rate(), mib(s.HeapPeak), mib(s.RSSPeak), s.Load)
	}
}
