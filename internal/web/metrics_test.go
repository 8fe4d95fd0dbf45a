package web

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestMetrics(t *testing.T) {
	s := newSeeded(t, Options{})
	st := seedStory(t, s) // GET /api/stories and GET /api/stories/{id}, once each
	get(t, s, "/api/stories", 200)
	get(t, s, "/stories/"+st.ID, 200)
	get(t, s, "/nothing", 404)
	get(t, s, "/api/stories/bad", 400)
	body := get(t, s, "/metrics", 200).body

	for _, want := range []string{
		"# TYPE storyline_http_requests_total counter",
		`storyline_http_requests_total{route="GET /api/stories",code="200"} 2`,
		`storyline_http_requests_total{route="GET /api/stories/{id}",code="200"} 1`,
		`storyline_http_requests_total{route="GET /api/stories/{id}",code="400"} 1`,
		`storyline_http_requests_total{route="GET /stories/{id}",code="200"} 1`,
		`storyline_http_requests_total{route="other",code="404"} 1`,
		"# TYPE storyline_http_request_duration_seconds histogram",
		`storyline_http_request_duration_seconds_bucket{route="GET /api/stories",le="+Inf"} 2`,
		`storyline_http_request_duration_seconds_count{route="GET /api/stories"} 2`,
		"# TYPE storyline_articles gauge\nstoryline_articles 5\n",
		"# TYPE storyline_stories gauge\nstoryline_stories 1\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	sample := regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_]+="([^"\\\n]|\\.)*",?)+\})? [-+0-9.eInf]+$`)
	buckets := regexp.MustCompile(`le="([^"]+)"\} (\d+)$`)
	last := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if strings.HasPrefix(line, "# HELP ") || strings.HasPrefix(line, "# TYPE ") {
			continue
		}
		if !sample.MatchString(line) {
			t.Errorf("not an exposition-format sample: %q", line)
		}
		if m := buckets.FindStringSubmatch(line); m != nil {
			series := line[:strings.Index(line, "le=")]
			n, _ := strconv.Atoi(m[2])
			if n < last[series] {
				t.Errorf("bucket counts decrease: %q", line)
			}
			last[series] = n
		}
	}
}

func TestLabelEscaping(t *testing.T) {
	if got, want := label("a\"b\\c\nd"), `"a\"b\\c\nd"`; got != want {
		t.Errorf("label = %s, want %s", got, want)
	}
}
