package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
)

// TestGracefulShutdown holds a request in flight, cancels the server's
// context, and checks that the request still completes, that new
// connections are refused, and that Serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	var logs syncBuffer
	s := newSeeded(t, Options{
		Logger: slog.New(slog.NewJSONHandler(&logs, nil)),
		Annotate: func(a article.Article) dossier.Annotation {
			once.Do(func() { close(entered) })
			<-release
			return dossier.NewAnnotation(a)
		},
	})
	st := seedStory(t, s)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()

	type result struct {
		code int
		err  error
	}
	slow := make(chan result, 1)
	go func() {
		resp, err := http.Get(base + "/api/articles/" + st.Articles[0].ID)
		if err != nil {
			slow <- result{err: err}
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		slow <- result{code: resp.StatusCode}
	}()
	<-entered
	cancel()
	time.Sleep(100 * time.Millisecond) // let Shutdown close the listener
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("the server accepts connections while shutting down")
	}
	close(release)
	if r := <-slow; r.err != nil || r.code != 200 {
		t.Errorf("request in flight: %d, %v; want 200", r.code, r.err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
	for _, want := range []string{`"msg":"serving"`, `"msg":"request"`, `"route":"GET /api/articles/{id}"`, `"msg":"stopped"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %s:\n%s", want, logs.String())
		}
	}
}

func TestListenAndServeBadAddress(t *testing.T) {
	s := newSeeded(t, Options{})
	if err := s.ListenAndServe(context.Background(), "256.0.0.1:http"); err == nil {
		t.Error("ListenAndServe on a bad address succeeded")
	}
}

func TestPanicRecovered(t *testing.T) {
	s := newSeeded(t, Options{Annotate: func(article.Article) dossier.Annotation { panic("stage bug") }})
	st := seedStory(t, s)
	r := do(t, s, http.MethodGet, "/api/articles/"+st.Articles[0].ID, nil)
	if r.code != 500 || compact(r.body) != `{"error":"internal server error"}` {
		t.Errorf("panic: %d %s", r.code, r.body)
	}
	get(t, s, "/healthz", 200) // the server goes on
}

func TestStatus(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code int
	}{
		{errNotFound, 404},
		{badRequest("x"), 400},
		{errUnauthorized, 401},
		{errWriteDisabled, 403},
		{errMethod, 405},
		{&http.MaxBytesError{Limit: 9}, 413},
		{context.DeadlineExceeded, 503},
		{io.ErrUnexpectedEOF, 500},
	} {
		if code, _ := status(tc.err); code != tc.code {
			t.Errorf("status(%v) = %d, want %d", tc.err, code, tc.code)
		}
	}
	if _, msg := status(io.ErrUnexpectedEOF); msg != "internal server error" {
		t.Errorf("a server error shows %q to the client", msg)
	}
}

func TestValidID(t *testing.T) {
	for _, tc := range []struct {
		id, prefix string
		want       bool
	}{
		{"s-0123456789abcdef", "s-", true},
		{"a-ffffffffffffffff", "a-", true},
		{"s-0123456789abcdef", "a-", false},
		{"s-0123456789ABCDEF", "s-", false},
		{"s-0123456789abcde", "s-", false},
		{"s-0123456789abcdef0", "s-", false},
		{"s-0123456789abcdeg", "s-", false},
		{"s-../../etc/passw", "s-", false},
		{"", "s-", false},
	} {
		if got := validID(tc.id, tc.prefix); got != tc.want {
			t.Errorf("validID(%q, %q) = %v", tc.id, tc.prefix, got)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the server's concurrent logging.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
