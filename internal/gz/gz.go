// Package gz reads data that may come gzipped or not: benchmark files,
// model data and articles are read the same either way.
package gz

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
)

// magic starts every gzip stream.
var magic = []byte{0x1f, 0x8b}

// Is reports whether data starts a gzip stream.
func Is(data []byte) bool { return bytes.HasPrefix(data, magic) }

// Reader returns r's content: gunzipped when it starts with gzip's magic
// number, as it is otherwise. The error is gzip's, when the header is bad.
func Reader(r io.Reader) (io.Reader, error) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	if prefix, _ := br.Peek(len(magic)); !Is(prefix) {
		return br, nil
	}
	return gzip.NewReader(br)
}
