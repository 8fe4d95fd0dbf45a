package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"
)

// contentSecurityPolicy allows the pages nothing but their own stylesheet
// and images: no script of any origin (the pages have none), no framing,
// no plugins, forms only to the server itself.
const contentSecurityPolicy = "default-src 'self'; script-src 'none'; style-src 'self'; " +
	"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; " +
	"frame-ancestors 'none'"

// setSecurityHeaders sets the headers every response carries.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// ID prefixes of the things the server looks up.
const (
	storyPrefix   = "s-"
	articlePrefix = "a-"
	entityPrefix  = "e-"
)

// validID reports whether id is prefix followed by exactly 16 lower-case
// hexadecimal digits, the only shape storyline gives IDs. Nothing else
// reaches the store, so no ID can smuggle a path or a query.
func validID(id, prefix string) bool {
	if len(id) != len(prefix)+16 || !strings.HasPrefix(id, prefix) {
		return false
	}
	for _, c := range id[len(prefix):] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// pathID returns the {id} wildcard of r if it is a valid ID with prefix.
func pathID(r *http.Request, kind, prefix string) (string, error) {
	id := r.PathValue("id")
	if !validID(id, prefix) {
		return "", badRequest("%s ID must look like %s0123456789abcdef", kind, prefix)
	}
	return id, nil
}

// authorize checks r's bearer token against token in constant time. An
// empty token means the write API is off.
func authorize(r *http.Request, token string) error {
	if token == "" {
		return errWriteDisabled
	}
	// The scheme is case-insensitive (RFC 9110, 11.1): "bearer" will do.
	scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return errUnauthorized
	}
	// Comparing digests keeps the comparison constant-time whatever the
	// lengths of the two tokens.
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(token))
	if subtle.ConstantTimeCompare(a[:], b[:]) != 1 {
		return errUnauthorized
	}
	return nil
}
