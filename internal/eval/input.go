package eval

import (
	"bufio"
	"compress/gzip"
	"io"
)

// decompress returns r's content, gunzipped when it starts with gzip's
// magic number: the benchmark files come compressed or not.
func decompress(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, err := br.Peek(2)
	if err != nil && err != io.EOF {
		return nil, err
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		return gzip.NewReader(br)
	}
	return br, nil
}
