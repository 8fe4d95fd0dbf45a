package web

import (
	"bytes"
	"net"
	"net/http"
)

// Go's net/http answers some requests itself, before any handler runs: 431
// when the header is over http.Server.MaxHeaderBytes, 400 for a malformed
// request line or header, 501 for an unknown transfer encoding. It writes
// these answers straight to the connection, each in one Write, as a status
// line, a fixed header block and a one-line body, with no hook to add
// headers (net/http/server.go, conn.serve). secureListener's connections
// recognise them and add the security headers every response carries
// (setSecurityHeaders), Content-Security-Policy among them.

// goErrorHeaders is the header block of the answers net/http writes itself
// (errorHeaders in net/http/server.go). A handler's response never starts
// with it: it carries the security headers, and net/http adds Date.
const goErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// secureListener is a net.Listener whose connections add the security
// headers to net/http's own error responses.
type secureListener struct{ net.Listener }

func (l secureListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return secureConn{c}, nil
}

// secureConn is a connection that adds the security headers to net/http's
// own error responses (see secureListener).
type secureConn struct{ net.Conn }

func (c secureConn) Write(p []byte) (int, error) {
	out := withSecurityHeaders(p)
	if len(out) == len(p) {
		return c.Conn.Write(p)
	}
	if _, err := c.Conn.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// CloseWrite half-closes the connection when it can: net/http does after
// a 431, so that the client reads the answer before the connection ends.
func (c secureConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// withSecurityHeaders returns p with the security headers after its status
// line if p is a whole error response written by net/http itself, and p
// unchanged otherwise.
func withSecurityHeaders(p []byte) []byte {
	if !bytes.HasPrefix(p, []byte("HTTP/1.1 ")) || len(p) > 1<<10 {
		return p
	}
	status, body, ok := bytes.Cut(p, []byte(goErrorHeaders))
	if !ok || bytes.Contains(status, []byte("\r\n")) || bytes.Contains(body, []byte("\r\n")) {
		return p
	}
	h := make(http.Header)
	setSecurityHeaders(h)
	var b bytes.Buffer
	b.Write(status)
	b.WriteString("\r\n")
	h.Write(&b)
	b.WriteString(goErrorHeaders[2:])
	b.Write(body)
	return b.Bytes()
}
