package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

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
// and https URLs, every request bounded by opts.Timeout from dial to last
// byte of body.
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
				return errRedirects
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrUnsupportedScheme)
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

// get fetches u, sending the validators for a conditional GET, and reads
// at most opts.MaxSize bytes of body. It waits for u's host only to space
// out requests (HostDelay): a host left alone after a Retry-After or a
// timeout fails at once with a *HostError, and the request never waits
// for it.
func (w *Watcher) get(ctx context.Context, u, etag, lastModified string) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil || req.URL.Scheme != "http" && req.URL.Scheme != "https" || req.URL.Host == "" {
		return nil, fmt.Errorf("GET %s: %w", u, ErrUnsupportedScheme)
	}
	host := strings.ToLower(req.URL.Host)
	if err := w.hosts.wait(ctx, host, u, w.opts.HostDelay); err != nil {
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
		// A *url.Error names the URL last requested, a redirect perhaps;
		// the error names u, the URL asked for.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, w.failed(ctx, host, fmt.Errorf("GET %s: %w", u, err))
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"),
		etag: resp.Header.Get("ETag"), lastMo: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return r, nil
	case resp.StatusCode != http.StatusOK:
		now := w.opts.Now()
		se := &StatusError{URL: u, Status: resp.StatusCode,
			RetryAfter: retryAfter(resp.Header.Get("Retry-After"), now, w.opts.MaxBackoff)}
		if se.RetryAfter > 0 {
			w.hosts.rest(host, now.Add(se.RetryAfter), se)
		}
		return nil, se
	case resp.ContentLength > w.opts.MaxSize:
		return nil, fmt.Errorf("GET %s: %d bytes, %w of %d", u, resp.ContentLength, errTooLarge, w.opts.MaxSize)
	}
	r.body, err = io.ReadAll(io.LimitReader(resp.Body, w.opts.MaxSize+1))
	if err != nil {
		return nil, w.failed(ctx, host, fmt.Errorf("GET %s: %w", u, err))
	}
	if int64(len(r.body)) > w.opts.MaxSize {
		return nil, fmt.Errorf("GET %s: %w of %d bytes", u, errTooLarge, w.opts.MaxSize)
	}
	return r, nil
}

// failed returns err, the failure of a request to host, after leaving the
// host alone for a while if it did not answer in time: the rest of the
// poll does not wait for it again.
func (w *Watcher) failed(ctx context.Context, host string, err error) error {
	if timeout(err) && ctx.Err() == nil {
		w.hosts.rest(host, w.opts.Now().Add(min(w.opts.Interval/4, w.opts.MaxBackoff)), err)
	}
	return err
}

// retryAfter parses a Retry-After header, seconds or an HTTP date, into a
// delay of at most limit. It returns 0 for none or a bad one. Any number
// of seconds, however long, and any date are clamped to limit without
// overflow.
func retryAfter(v string, now time.Time, limit time.Duration) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	s, err := strconv.ParseUint(v, 10, 64)
	switch {
	case err == nil && s > uint64(limit/time.Second):
		return limit
	case err == nil:
		return min(time.Duration(s)*time.Second, limit)
	case errors.Is(err, strconv.ErrRange):
		return limit // digits only, past 2⁶⁴
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), limit) // Sub saturates
	}
	return 0
}

// hosts spaces out requests to each host, and keeps hosts that asked for a
// pause (Retry-After) or did not answer from being asked again too soon.
// It is safe for concurrent use.
type hosts struct {
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
	mu    sync.Mutex
	next  map[string]time.Time // earliest time of the next request
	rests map[string]*HostError
}

func newHosts(now func() time.Time) *hosts {
	return &hosts{now: now, sleep: sleep, next: make(map[string]time.Time), rests: make(map[string]*HostError)}
}

// wait waits until host may be asked again and books the next slot, delay
// later. If host is left alone, it returns a *HostError for u at once.
func (h *hosts) wait(ctx context.Context, host, u string, delay time.Duration) error {
	h.mu.Lock()
	now := h.now()
	if r := h.rests[host]; r != nil && r.Until.After(now) {
		h.mu.Unlock()
		return &HostError{URL: u, Host: host, Until: r.Until, Err: r.Err}
	}
	at := now
	if n := h.next[host]; n.After(now) {
		at = n
	}
	h.next[host] = at.Add(delay)
	h.mu.Unlock()
	return h.sleep(ctx, at.Sub(now))
}

// rest leaves host alone until t, because of err.
func (h *hosts) rest(host string, t time.Time, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if r := h.rests[host]; r == nil || t.After(r.Until) {
		h.rests[host] = &HostError{Host: host, Until: t, Err: err}
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
