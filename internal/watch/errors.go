package watch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

var (
	// ErrForbiddenAddress reports a connection refused because the address
	// is private, loopback, link-local, multicast or otherwise not a public
	// internet address (see Options.AllowPrivate).
	ErrForbiddenAddress = errors.New("address not allowed")
	// ErrUnsupportedScheme reports a link or a redirect to a URL that is
	// not http or https (file:, gopher:, ftp: …): it is never requested.
	ErrUnsupportedScheme = errors.New("not an http or https URL")
	// errRedirects reports a redirect chain too long to follow: a loop,
	// most likely.
	errRedirects = errors.New("stopped after 5 requests: a redirect loop?")
	// errTooLarge reports a response over Options.MaxSize.
	errTooLarge = errors.New("over the size limit")
)

// StatusError reports an HTTP response other than 200 or 304.
type StatusError struct {
	URL    string
	Status int
	// RetryAfter is the delay the server asked for (Retry-After), at most
	// Options.MaxBackoff; 0 when it gave none.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// HostError reports a request that was not sent because its host is left
// alone until Until: it asked for that (Retry-After), or it did not answer
// in time. Err is the failure that started the wait.
type HostError struct {
	URL   string
	Host  string
	Until time.Time
	Err   error
}

func (e *HostError) Error() string {
	return fmt.Sprintf("GET %s: host %s left alone until %s after: %v",
		e.URL, e.Host, e.Until.UTC().Format(time.RFC3339), e.Err)
}

func (e *HostError) Unwrap() error { return e.Err }

// permanent reports whether a failed request will fail again however long
// one waits: a link that is not http or https, a name that does not
// resolve, a forbidden address, a redirect loop, a response over the size
// limit, an HTTP 4xx other than 408 and 429. Everything else may pass:
// timeouts, refused or reset connections, 408, 429, 5xx, a host left alone
// for now.
func permanent(err error) bool {
	var he *HostError
	if errors.As(err, &he) {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status >= 400 && se.Status < 500 &&
			se.Status != http.StatusRequestTimeout && se.Status != http.StatusTooManyRequests
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.IsNotFound
	}
	return errors.Is(err, ErrForbiddenAddress) || errors.Is(err, ErrUnsupportedScheme) ||
		errors.Is(err, errRedirects) || errors.Is(err, errTooLarge)
}

// timeout reports whether err is a request that ran out of time.
func timeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// retryAt returns when the failure err says to try again: the end of a
// Retry-After or of a host's rest, measured from now; zero if it says
// nothing.
func retryAt(err error, now time.Time) time.Time {
	var he *HostError
	if errors.As(err, &he) {
		return he.Until
	}
	var se *StatusError
	if errors.As(err, &se) && se.RetryAfter > 0 {
		return now.Add(se.RetryAfter)
	}
	return time.Time{}
}
