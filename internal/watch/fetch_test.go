package watch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"
)

func TestPublicAddr(t *testing.T) {
	for _, tt := range []struct {
		addr string
		want bool
	}{
		{"93.184.215.14", true},
		{"2606:2800:21f:cb07:6820:80da:af6b:8b2c", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fe80::1", false},
		{"fc00::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"224.0.0.1", false},
		{"ff02::1", false},
		{"100.64.0.1", false},
		{"255.255.255.255", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.0.0.1", false},
		{"64:ff9b::a00:1", false}, // NAT64 of 10.0.0.1
		{"2002:a00:1::", false},   // 6to4 of 10.0.0.1
	} {
		if got := publicAddr(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("publicAddr(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

// TestRefusesPrivateAddresses checks that a watcher without AllowPrivate
// does not connect to a loopback server, named by address or by a name that
// resolves to it.
func TestRefusesPrivateAddresses(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer srv.Close()
	w, err := New(nil, Options{HostDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	port := srv.URL[len("http://127.0.0.1"):]
	for _, u := range []string{srv.URL + "/feed", "http://localhost" + port + "/feed"} {
		_, err := w.get(context.Background(), u, "", "")
		if !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("GET %s: error %v, want ErrForbiddenAddress", u, err)
		}
		if !permanent(err) {
			t.Errorf("GET %s: a refused address is taken as transient", u)
		}
	}
	if hits != 0 {
		t.Errorf("server got %d requests, want none", hits)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)
	const limit = 6 * time.Hour
	for _, tt := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"120", 2 * time.Minute},
		{" 120 ", 2 * time.Minute},
		{"0", 0},
		{"Mon, 18 Aug 2025 12:05:00 GMT", 5 * time.Minute},
		{"Mon, 18 Aug 2025 11:00:00 GMT", 0}, // in the past
		{"soon", 0},
		{"-5", 0},
		{"1.5", 0},
		{"21600", limit},
		{"21601", limit},
		{"100000000", limit},                        // three years
		{"99999999999", limit},                      // 3170 years: was 2273 after overflow
		{"9223372036854775807", limit},              // math.MaxInt64 seconds
		{"18446744073709551615", limit},             // math.MaxUint64
		{"99999999999999999999999999999999", limit}, // past uint64
		{"Fri, 31 Dec 9999 23:59:59 GMT", limit},
		{"Tue, 19 Aug 2025 12:00:00 GMT", limit}, // a day
	} {
		if got := retryAfter(tt.in, now, limit); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestHostPoliteness checks that requests to one host are spaced by the
// delay, and that a host left alone (Retry-After) fails at once, without
// a wait, until its rest is over.
func TestHostPoliteness(t *testing.T) {
	now := time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)
	var slept []time.Duration
	h := newHosts(func() time.Time { return now })
	h.sleep = func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }
	ctx := context.Background()
	h.wait(ctx, "a.example", "u", 2*time.Second)
	h.wait(ctx, "a.example", "u", 2*time.Second)
	h.wait(ctx, "b.example", "u", 2*time.Second)
	h.wait(ctx, "a.example", "u", 2*time.Second)
	h.rest("b.example", now.Add(time.Minute), errors.New("HTTP 503"))
	var he *HostError
	if err := h.wait(ctx, "b.example", "http://b.example/x", 2*time.Second); !errors.As(err, &he) ||
		!he.Until.Equal(now.Add(time.Minute)) || he.URL != "http://b.example/x" || permanent(err) {
		t.Errorf("host left alone: wait = %v, want a transient *HostError until %v", err, now.Add(time.Minute))
	}
	now = now.Add(time.Minute)
	if err := h.wait(ctx, "b.example", "u", 2*time.Second); err != nil {
		t.Errorf("after its rest: wait = %v", err)
	}
	want := []time.Duration{0, 2 * time.Second, 0, 4 * time.Second, 0}
	if len(slept) != len(want) {
		t.Fatalf("slept %v, want %v", slept, want)
	}
	for i := range want {
		if slept[i] != want[i] {
			t.Errorf("sleep %d = %v, want %v", i, slept[i], want[i])
		}
	}
}
