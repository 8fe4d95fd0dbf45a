package web

import (
	"bufio"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var latencyBuckets = [...]float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests by route and status and keeps a latency
// histogram per route, for the Prometheus text exposition at /metrics. The
// routes are the fixed patterns of the routing table (plus "other"), so the
// number of series is bounded whatever clients request.
type metrics struct {
	mu       sync.Mutex
	requests map[routeStatus]uint64
	latency  map[string]*histogram
}

type routeStatus struct {
	route  string
	status int
}

// histogram is a cumulative-on-output latency histogram.
type histogram struct {
	counts [len(latencyBuckets)]uint64 // per bucket, not cumulative
	count  uint64
	sum    float64
}

func newMetrics() *metrics {
	return &metrics{requests: make(map[routeStatus]uint64), latency: make(map[string]*histogram)}
}

// observe records one request.
func (m *metrics) observe(route string, status int, d time.Duration) {
	secs := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[routeStatus{route, status}]++
	h := m.latency[route]
	if h == nil {
		h = new(histogram)
		m.latency[route] = h
	}
	h.count++
	h.sum += secs
	for i, le := range latencyBuckets {
		if secs <= le {
			h.counts[i]++
			break
		}
	}
}

// serveMetrics writes the metrics in the Prometheus text exposition format
// (version 0.0.4).
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	articles, stories, err := s.eng.Counts(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	bw := bufio.NewWriter(w)
	s.metrics.write(bw)
	gauge(bw, "storyline_articles", "Articles in the store.", articles)
	gauge(bw, "storyline_stories", "Stories in the store.", stories)
	bw.Flush()
}

// write writes the request counters and latency histograms, series sorted
// so that the output is stable.
func (m *metrics) write(w *bufio.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]routeStatus, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b routeStatus) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		return a.status - b.status
	})
	fmt.Fprintf(w, "# HELP storyline_http_requests_total HTTP requests served, by route and status code.\n")
	fmt.Fprintf(w, "# TYPE storyline_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(w, "storyline_http_requests_total{route=%s,code=\"%d\"} %d\n", label(k.route), k.status, m.requests[k])
	}
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	fmt.Fprintf(w, "# HELP storyline_http_request_duration_seconds Time to serve an HTTP request, by route.\n")
	fmt.Fprintf(w, "# TYPE storyline_http_request_duration_seconds histogram\n")
	for _, r := range routes {
		m.latency[r].write(w, "storyline_http_request_duration_seconds", label(r))
	}
}

func (h *histogram) write(w *bufio.Writer, name, route string) {
	var cum uint64
	for i, le := range latencyBuckets {
		cum += h.counts[i]
		fmt.Fprintf(w, "%s_bucket{route=%s,le=\"%s\"} %d\n", name, route, strconv.FormatFloat(le, 'g', -1, 64), cum)
	}
	fmt.Fprintf(w, "%s_bucket{route=%s,le=\"+Inf\"} %d\n", name, route, h.count)
	fmt.Fprintf(w, "%s_sum{route=%s} %s\n", name, route, strconv.FormatFloat(h.sum, 'g', -1, 64))
	fmt.Fprintf(w, "%s_count{route=%s} %d\n", name, route, h.count)
}

func gauge(w *bufio.Writer, name, help string, v int) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %d\n", name, help, name, name, v)
}

// label quotes a label value as the exposition format wants: backslash,
// double quote and line feed escaped.
func label(v string) string {
	return `"` + labelEscaper.Replace(v) + `"`
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
