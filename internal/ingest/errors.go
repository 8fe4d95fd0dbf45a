package ingest

import (
	"errors"
	"strconv"
)

// Reasons an input can fail. They are wrapped in an *Error that names the
// input; test for them with errors.Is.
var (
	// ErrEmpty reports an input with no text: zero bytes, only white space,
	// or nothing left once boilerplate is removed.
	ErrEmpty = errors.New("empty")
	// ErrBinary reports content that is not text: it holds NUL bytes or
	// mostly control characters.
	ErrBinary = errors.New("binary content")
	// ErrNotUTF8 reports text that is not valid UTF-8 and declares no other
	// encoding.
	ErrNotUTF8 = errors.New("not UTF-8 text")
	// ErrTooLarge reports a file, or a JSON Lines record, over
	// Options.MaxSize bytes.
	ErrTooLarge = errors.New("over the size limit")
	// ErrInflated reports standard input that decompressed to more than
	// Options.MaxStdin bytes; it comes with ErrTooLarge.
	ErrInflated = errors.New("once decompressed")
	// ErrUnsupported reports an explicitly named file whose type ingest
	// cannot read.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrMalformed reports input that cannot be parsed: bad JSON or XML,
	// or HTML with no extractable text.
	ErrMalformed = errors.New("malformed")
)

// Error records why one input failed.
type Error struct {
	// Ref names the input as the caller gave it: a path, "-" for standard
	// input, with "#N" for the Nth item of a feed.
	Ref string
	// Line is the 1-based line of a JSON Lines record, or 0.
	Line int
	// Err is the reason, usually wrapping one of the Err* sentinels.
	Err error
}

// Error returns "ref:line: reason", or "ref: reason" when Line is 0.
func (e *Error) Error() string {
	if e.Line > 0 {
		return e.Ref + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return e.Ref + ": " + e.Err.Error()
}

// Unwrap returns e.Err, so that errors.Is sees the reason.
func (e *Error) Unwrap() error { return e.Err }
