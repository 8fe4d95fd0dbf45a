package main

import (
	"errors"
	"testing"

	"github.com/storyline-news/storyline/internal/store"
)

// closing is a store whose Close returns err; its other methods are not
// called.
type closing struct {
	store.Store
	err error
}

func (c closing) Close() error { return c.err }

func TestCloseStore(t *testing.T) {
	errClose := errors.New("sqlite: close: disk I/O error")
	errRun := errors.New("ingest: bad batch")
	tests := []struct {
		name      string
		run       error // the command's own error
		close     error
		want      []error // errors.Is(got, each)
		notFailed bool    // got is not errFailed, so that run prints it
	}{
		{name: "both fine"},
		{name: "close fails", close: errClose, want: []error{errClose}, notFailed: true},
		{name: "command fails", run: errRun, want: []error{errRun}, notFailed: true},
		{name: "both fail", run: errRun, close: errClose, want: []error{errRun, errClose}, notFailed: true},
		{name: "failed inputs", run: errFailed, want: []error{errFailed}},
		{name: "failed inputs, close fails", run: errFailed, close: errClose, want: []error{errClose}, notFailed: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.run
			closeStore(closing{err: tt.close}, &got)
			if (got == nil) != (len(tt.want) == 0) {
				t.Fatalf("closeStore(%v, %v) = %v", tt.run, tt.close, got)
			}
			for _, w := range tt.want {
				if !errors.Is(got, w) {
					t.Errorf("closeStore(%v, %v) = %v, want it to hold %v", tt.run, tt.close, got, w)
				}
			}
			if tt.notFailed && errors.Is(got, errFailed) {
				t.Errorf("closeStore(%v, %v) = %v: errFailed would silence it", tt.run, tt.close, got)
			}
		})
	}
}
