package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// ErrForbiddenAddress reports a connection refused because the address is
// private, loopback, link-local, multicast or otherwise not a public
// internet address (see Options.AllowPrivate).
var ErrForbiddenAddress = errors.New("address not allowed")

// StatusError reports an HTTP response other than 200 or 304.
type StatusError struct {
	URL    string
	Status int
	// RetryAfter is the delay the server asked for (Retry-After), 0 when
	// it gave none.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// transient reports whether a failed request may succeed later: network
// errors, timeouts, 429 and 5xx; a 4xx other than 429 will not.
func transient(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status == http.StatusTooManyRequests || se.Status >= 500
	}
	return !errors.Is(err, ErrForbiddenAddress)
}

// nonPublic lists the ranges, beyond what netip.Addr's predicates cover,
// that are not public internet addresses.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b::/96"),   // NAT64: may embed any IPv4
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("fec0::/10"),      // deprecated site-local
	netip.MustParsePrefix("2002::/16"),      // 6to4: may embed any IPv4
	netip.MustParsePrefix("2001::/32"),      // Teredo: may embed any IPv4
}

// publicAddr reports whether ip is a public internet address.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// dialControl refuses connections to addresses that are not public. It runs
// after name resolution, on the address actually dialed, so a name that
// resolves (or is rebound) to a private address is refused too.
func dialControl(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil || !publicAddr(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrForbiddenAddress, address)
	}
	return nil
}

// newClient returns the HTTP client of a watcher: no proxy (a proxy would
// dial for us, past the address check), at most 5 redirects, only to http
// and https URLs.
func newClient(opts Options) *http.Client {
	dialer := &net.Dialer{Timeout: opts.Timeout, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = dialControl
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   opts.Timeout,
		ResponseHeaderTimeout: opts.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s URL", req.URL.Scheme)
			}
			return nil
		},
	}
}

// response is a fetched document.
type response struct {
	status       int // 200 or 304
	body         []byte
	contentType  string
	etag, lastMo string
}

// get fetches u once its host allows, sending the validators for a
// conditional GET, and reads at most opts.MaxSize bytes of body.
func (w *Watcher) get(ctx context.Context, u, etag, lastModified string) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	if err := w.hosts.wait(ctx, req.URL.Host, w.opts.HostDelay); err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", w.opts.UserAgent)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"),
		etag: resp.Header.Get("ETag"), lastMo: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return r, nil
	case resp.StatusCode != http.StatusOK:
		se := &StatusError{URL: u, Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), w.opts.Now())}
		w.hosts.delay(req.URL.Host, w.opts.Now().Add(se.RetryAfter))
		return nil, se
	case resp.ContentLength > w.opts.MaxSize:
		return nil, fmt.Errorf("GET %s: %d bytes, over the limit of %d", u, resp.ContentLength, w.opts.MaxSize)
	}
	r.body, err = io.ReadAll(io.LimitReader(resp.Body, w.opts.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if int64(len(r.body)) > w.opts.MaxSize {
		return nil, fmt.Errorf("GET %s: over the limit of %d bytes", u, w.opts.MaxSize)
	}
	return r, nil
}

// retryAfter parses a Retry-After header: seconds or an HTTP date. It
// returns 0 for none or a bad one.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// hosts spaces out requests to each host.
type hosts struct {
	now   func() time.Time
	mu    sync.Mutex
	next  map[string]time.Time // earliest time of the next request
	sleep func(ctx context.Context, d time.Duration) error
}

// wait waits until host may be asked again and books the next slot,
// delay later.
func (h *hosts) wait(ctx context.Context, host string, delay time.Duration) error {
	h.mu.Lock()
	now := h.now()
	at := now
	if n := h.next[host]; n.After(now) {
		at = n
	}
	h.next[host] = at.Add(delay)
	h.mu.Unlock()
	return h.sleep(ctx, at.Sub(now))
}

// delay keeps host waiting until at least t (a Retry-After).
func (h *hosts) delay(host string, t time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t.After(h.next[host]) {
		h.next[host] = t
	}
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
