package web

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestGoErrorsCarrySecurityHeaders sends the server requests that net/http
// answers itself (a header over MaxHeaderBytes, a malformed request) and
// checks that the answers carry the security headers, as the server's own
// do, and that ordinary responses are unchanged.
func TestGoErrorsCarrySecurityHeaders(t *testing.T) {
	s := newSeeded(t, Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve = %v", err)
		}
	}()

	for _, tt := range []struct {
		name, request string
		status        int
	}{
		{"header over MaxHeaderBytes", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 100<<10) + "\r\n\r\n", 431},
		{"malformed header", "GET /healthz HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n", 400},
		{"unknown transfer encoding", "POST /api/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: zip\r\n\r\n", 501},
		{"ordinary request", "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 200},
	} {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(10 * time.Second))
		go fmt.Fprint(c, tt.request) // a 431 may come before all is sent
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			c.Close()
			continue
		}
		resp.Body.Close()
		c.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, resp.StatusCode, tt.status)
		}
		want := make(http.Header)
		setSecurityHeaders(want)
		for k := range want {
			if got := resp.Header.Get(k); got != want.Get(k) {
				t.Errorf("%s: %s: %q, want %q", tt.name, k, got, want.Get(k))
			}
		}
		if resp.StatusCode != 200 && resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("%s: Content-Type %q, want net/http's", tt.name, resp.Header.Get("Content-Type"))
		}
	}
}

func TestWithSecurityHeaders(t *testing.T) {
	goErr := "HTTP/1.1 431 Request Header Fields Too Large" + goErrorHeaders + "431 Request Header Fields Too Large"
	got := string(withSecurityHeaders([]byte(goErr)))
	if !strings.HasPrefix(got, "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Security-Policy: "+contentSecurityPolicy+"\r\n") ||
		!strings.HasSuffix(got, goErrorHeaders[2:]+"431 Request Header Fields Too Large") {
		t.Errorf("net/http's 431 became %q", got)
	}
	for _, p := range []string{
		"HTTP/1.1 200 OK\r\nContent-Security-Policy: x\r\nDate: y\r\n\r\nbody",
		"HTTP/1.1 200 OK\r\nDate: y" + goErrorHeaders + "body",          // not right after the status line
		"HTTP/1.1 400 Bad Request" + goErrorHeaders + "two\r\nlines",    // not a one-line body
		"some body text HTTP/1.1 400 Bad Request" + goErrorHeaders + "", // not at the start
		"HTTP/1.1 400 Bad Request" + goErrorHeaders + strings.Repeat("x", 2000),
	} {
		if got := string(withSecurityHeaders([]byte(p))); got != p {
			t.Errorf("withSecurityHeaders(%.60q) changed it to %.80q", p, got)
		}
	}
}
