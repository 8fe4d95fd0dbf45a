package gz

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte("one\ntwo\n"))
	zw.Close()
	for name, in := range map[string]string{"plain": "one\ntwo\n", "gzipped": zipped.String()} {
		r, err := Reader(strings.NewReader(in))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, err := io.ReadAll(r); err != nil || string(got) != "one\ntwo\n" {
			t.Errorf("%s: read %q, %v; want %q", name, got, err, "one\ntwo\n")
		}
	}
	for _, in := range []string{"", "\x1f"} {
		r, err := Reader(strings.NewReader(in))
		if got, _ := io.ReadAll(r); err != nil || string(got) != in {
			t.Errorf("Reader(%q) = %q, %v; want the input back", in, got, err)
		}
	}
	if _, err := Reader(strings.NewReader("\x1f\x8bnot gzip")); !errors.Is(err, gzip.ErrHeader) {
		t.Errorf("bad header: error %v, want gzip.ErrHeader", err)
	}
}
