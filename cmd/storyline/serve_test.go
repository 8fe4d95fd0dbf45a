package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestServeDemo runs `storyline serve --demo` on a free port, reads the
// seeds' story through the API, and stops the server as a signal would.
func TestServeDemo(t *testing.T) {
	var stderr lockedBuffer
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr,
		now: func() time.Time { return fixedNow }, terminal: func(io.Writer) bool { return false }}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- e.run(ctx, []string{"serve", "--demo", "--addr", "127.0.0.1:0"}) }()

	addr := regexp.MustCompile(`addr=(http://127\.0\.0\.1:\d+)`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("the server did not start:\n%s", stderr.String())
		}
	}
	resp, err := http.Get(base + "/api/stories")
	if err != nil {
		t.Fatal(err)
	}
	var stories []struct {
		ID       string `json:"id"`
		Articles int    `json:"articles"`
	}
	err = json.NewDecoder(resp.Body).Decode(&stories)
	resp.Body.Close()
	if err != nil || len(stories) != 1 || stories[0].Articles != 5 {
		t.Errorf("demo stories = %+v, %v; want the seeds' one story of 5", stories, err)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit status %d after shutdown:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not stop")
	}
	if !strings.Contains(stderr.String(), "write API off") {
		t.Errorf("no notice that the write API is off:\n%s", stderr.String())
	}
}

func TestServeFlags(t *testing.T) {
	r := storyline(t, "", "serve", "--demo", "--db", "x.db")
	if r.code != 1 || !strings.Contains(r.stderr, "--demo") {
		t.Errorf("--demo with --db: %d %q", r.code, r.stderr)
	}
	r = storyline(t, "", "serve", "--demo", "--addr", "256.0.0.1:80")
	if r.code != 1 || !strings.Contains(r.stderr, "storyline: web:") {
		t.Errorf("bad address: %d %q", r.code, r.stderr)
	}
}

// lockedBuffer is a bytes.Buffer that the server's logger and the test may
// use at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
