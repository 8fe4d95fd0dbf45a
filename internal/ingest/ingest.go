// Package ingest reads news articles from files, folders and standard input
// and turns them into article.Articles, the first stage of storyline's
// pipeline: every later stage reads what ingest produces.
//
// A Reader understands plain text in the seeds' shape (.txt), web pages
// (.html, .htm), RSS and Atom feeds (.rss, .atom, and .xml when the root
// element is a feed), JSON Lines (.jsonl, .ndjson) and WARC archives of web
// pages (.warc, .warc.gz, as Common Crawl's CC-NEWS). Folders are walked
// recursively in lexical order; files of other types in them are skipped
// and reported as such. "-" reads standard input and sniffs its format.
// Any of these files may be gzipped (".jsonl.gz", ".html.gz"), and gzip
// data on standard input is decompressed too.
//
// Text from every format except a JSON Lines "text" field is cleaned: line
// breaks normalised, boilerplate such as photo credits and "Related news"
// blocks removed. A JSON Lines "text" is kept byte for byte, so that offsets
// computed on it line up with the caller's copy.
//
// Each input that fails is reported as an *Error and the rest go on.
package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/gz"
)

// DefaultMaxSize is the size limit used when Options.MaxSize is 0: 10 MiB.
const DefaultMaxSize = 10 << 20

// Options configures a Reader. The zero value is a good default.
type Options struct {
	// MaxSize is the largest input read, in bytes: a whole file, except
	// JSON Lines, where it bounds each record. 0 or less means
	// DefaultMaxSize.
	MaxSize int64
	// Stdin is read for the reference "-"; nil means os.Stdin.
	Stdin io.Reader
	// Now returns the current time; nil means time.Now. Web pages dated
	// after Now are taken to carry no publication date.
	Now func() time.Time
	// MaxStdin bounds the bytes read from standard input once
	// decompressed; 0 or less means no bound. A server reading request
	// bodies sets it: a small gzip body can inflate to gigabytes.
	MaxStdin int64
}

// Reader reads articles. It is safe for concurrent use, except that only
// one call at a time may read standard input.
type Reader struct {
	opts Options
}

// New returns a Reader configured by opts.
func New(opts Options) *Reader {
	if opts.MaxSize <= 0 {
		opts.MaxSize = DefaultMaxSize
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Reader{opts: opts}
}

func (r *Reader) now() time.Time { return r.opts.Now() }

// Result is what Read reports for each article, failure or skipped file.
// Exactly one of Article, Err and Skipped is set.
type Result struct {
	// Ref names the input: Article.SourceRef, the failing input, or the
	// skipped file.
	Ref string
	// Article is the article read.
	Article *article.Article
	// InputID is the input's own identifier for the article, when it gives
	// one (the JSON Lines "id" field).
	InputID string
	// Err is why the input failed, an *Error.
	Err error
	// Skipped reports what holds no article and is no error: a file in a
	// folder that is not of a type ingest reads, a feed item with a link
	// but no text, a WARC record other than a 2xx HTML response.
	Skipped bool
	// Reason says why an item or record was skipped; "" for a file.
	Reason string
	// Item is, for a skipped feed item, the item without text: its link,
	// title, date and outlet, for a caller that fetches the page.
	Item *article.Article
}

// Read reads the articles in ref, a file, a folder or "-" for standard
// input, and calls fn with each article, failure or skipped file, in a
// deterministic order. Inputs that fail are reported to fn and reading goes
// on. Read returns nil, or the first error returned by fn, which stops it,
// or ctx's error if ctx is done first.
func (r *Reader) Read(ctx context.Context, ref string, fn func(Result) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if ref == "-" {
		return r.ReadStream(ctx, "-", r.opts.Stdin, fn)
	}
	info, err := os.Stat(ref)
	switch {
	case err != nil:
		return fn(failure(ref, 0, err))
	case info.IsDir():
		return r.readDir(ctx, ref, fn)
	}
	f := formatOf(ref)
	if f == formatUnknown {
		return fn(failure(ref, 0, unsupported(ref)))
	}
	return r.readFile(ctx, ref, f, info, openFile(ref), fn)
}

// ReadStream reads the articles of one input given as a stream, such as
// standard input or a request body, in the format sniffed from its start
// (gzip undone first), naming them and its failures after name as Read
// names those of a file. Options.MaxStdin bounds it once decompressed.
func (r *Reader) ReadStream(ctx context.Context, name string, rd io.Reader, fn func(Result) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ref := name
	in := bufio.NewReaderSize(rd, 64<<10)
	prefix, err := in.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return fn(failure(ref, 0, err))
	}
	if gz.Is(prefix) { // zcat is not needed
		zr, err := gunzip(in)
		if err != nil {
			return fn(failure(ref, 0, err))
		}
		if r.opts.MaxStdin > 0 {
			zr = &boundedReader{rd: zr, left: r.opts.MaxStdin, max: r.opts.MaxStdin}
		}
		in = bufio.NewReaderSize(zr, 64<<10)
		if prefix, err = in.Peek(sniffSize); err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return fn(failure(ref, 0, err))
		}
	}
	f := sniff(prefix)
	switch f {
	case formatJSONL:
		return r.readJSONL(ctx, ref, in, fn)
	case formatUnknown:
		return fn(failure(ref, 0, fmt.Errorf("%w: XML that is not an RSS or Atom feed", ErrUnsupported)))
	}
	data, err := readAll(in, r.opts.MaxSize)
	if err != nil {
		return fn(failure(ref, 0, err))
	}
	return r.readData(ctx, ref, f, data, fn)
}

// ReadFS reads every file under root in fsys as Read reads a folder: in
// lexical order, hidden folders not entered, files of unknown type
// reported as skipped. Articles and failures are named by their path in
// fsys.
func (r *Reader) ReadFS(ctx context.Context, fsys fs.FS, root string, fn func(Result) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	walk := func(root string, f fs.WalkDirFunc) error { return fs.WalkDir(fsys, root, f) }
	return r.walkFiles(ctx, root, walk, func(path string, d fs.DirEntry, emit func(Result) error) error {
		f := formatOf(path)
		if f == formatUnknown || !d.Type().IsRegular() {
			return emit(Result{Ref: path, Skipped: true})
		}
		info, err := d.Info()
		if err != nil {
			return emit(failure(path, 0, err))
		}
		return r.readFile(ctx, path, f, info, func() (io.ReadCloser, error) { return fsys.Open(path) }, emit)
	}, fn)
}

// readDir reads every file under root in lexical order. Hidden folders
// (".git") are not entered; files of unknown type are reported as skipped.
func (r *Reader) readDir(ctx context.Context, root string, fn func(Result) error) error {
	return r.walkFiles(ctx, root, filepath.WalkDir, func(path string, d fs.DirEntry, emit func(Result) error) error {
		return r.readEntry(ctx, path, d, emit)
	}, fn)
}

// walkFiles walks the folder root with walk (filepath.WalkDir or an
// fs.FS's) and reads each file with read: hidden folders are not entered,
// a file of a type ingest does not read is skipped, not failed, and fn's
// own error stops the walk and is returned.
func (r *Reader) walkFiles(ctx context.Context, root string, walk func(string, fs.WalkDirFunc) error,
	read func(path string, d fs.DirEntry, emit func(Result) error) error, fn func(Result) error) error {
	emit := func(res Result) error {
		if errors.Is(res.Err, ErrUnsupported) {
			res = Result{Ref: res.Ref, Skipped: true}
		}
		if err := fn(res); err != nil {
			return stopError{err}
		}
		return nil
	}
	err := walk(root, func(path string, d fs.DirEntry, err error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		switch {
		case err != nil:
			return emit(failure(path, 0, err))
		case d.IsDir() && path != root && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir
		case d.IsDir():
			return nil
		}
		return read(path, d, emit)
	})
	var stop stopError
	if errors.As(err, &stop) {
		return stop.err
	}
	return err
}

// stopError carries an error returned by Read's callback through
// filepath.WalkDir, which would otherwise act on fs.SkipDir or fs.SkipAll.
type stopError struct{ err error }

func (e stopError) Error() string { return e.err.Error() }

// readEntry reads one file found in a folder, following a symbolic link to
// a regular file. Other kinds of files are skipped.
func (r *Reader) readEntry(ctx context.Context, path string, d fs.DirEntry, emit func(Result) error) error {
	f := formatOf(path)
	if f == formatUnknown {
		return emit(Result{Ref: path, Skipped: true})
	}
	info, err := os.Stat(path) // follows links
	if err != nil {
		return emit(failure(path, 0, err))
	}
	if !info.Mode().IsRegular() {
		return emit(Result{Ref: path, Skipped: true})
	}
	return r.readFile(ctx, path, f, info, openFile(path), emit)
}

// openFile returns the opener of the file at path.
func openFile(path string) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return os.Open(path) }
}

// readFile reads the file at path, which open opens, in format f.
func (r *Reader) readFile(ctx context.Context, path string, f format, info fs.FileInfo, open func() (io.ReadCloser, error), fn func(Result) error) error {
	if f != formatJSONL && f != formatWARC && info.Mode().IsRegular() && info.Size() > r.opts.MaxSize {
		return fn(failure(path, 0, tooLarge(r.opts.MaxSize)))
	}
	file, err := open()
	if err != nil {
		return fn(failure(path, 0, err))
	}
	defer file.Close()
	if f == formatWARC {
		return r.readWARC(ctx, path, file, fn)
	}
	var rd io.Reader = file
	if gzipped(path) {
		zr, err := gunzip(bufio.NewReader(file))
		if err != nil {
			return fn(failure(path, 0, err))
		}
		rd = zr
	}
	if f == formatJSONL {
		return r.readJSONL(ctx, path, rd, fn)
	}
	data, err := readAll(rd, r.opts.MaxSize)
	if err != nil {
		return fn(failure(path, 0, err))
	}
	return r.readData(ctx, path, f, data, fn)
}

// readData parses data, the whole of the input ref, in format f.
func (r *Reader) readData(ctx context.Context, ref string, f format, data []byte, fn func(Result) error) error {
	switch f {
	case formatFeed, formatXML:
		return r.readFeed(ctx, ref, data, feedOptions{mustBeFeed: f == formatFeed}, fn)
	case formatHTML:
		return emitArticle(ref, fn)(r.parseHTML(ref, data, ""))
	}
	return emitArticle(ref, fn)(parseText(ref, data))
}

// emitArticle returns a function that reports an article or the error that
// prevented it.
func emitArticle(ref string, fn func(Result) error) func(*article.Article, error) error {
	return func(a *article.Article, err error) error {
		if err != nil {
			return fn(failure(ref, 0, err))
		}
		return fn(Result{Ref: a.SourceRef, Article: a})
	}
}

// gunzip returns a reader of the data gzipped in rd. Errors in the
// compressed stream, at its header or later, wrap ErrMalformed.
func gunzip(rd io.Reader) (io.Reader, error) {
	zr, err := gzip.NewReader(rd)
	if err != nil {
		return nil, malformedGzip(err)
	}
	return gzipReader{zr}, nil
}

// gzipReader reads a gzip stream, reporting its errors as malformed input.
type gzipReader struct{ zr *gzip.Reader }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = malformedGzip(err)
	}
	return n, err
}

func malformedGzip(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = errors.New("truncated")
	}
	return fmt.Errorf("%w gzip data: %v", ErrMalformed, err)
}

// boundedReader reads rd until max bytes have come, and then fails with
// ErrTooLarge.
type boundedReader struct {
	rd        io.Reader
	left, max int64
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, fmt.Errorf("%w (%w: more than %d bytes)", ErrTooLarge, ErrInflated, b.max)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rd.Read(p)
	b.left -= int64(n)
	return n, err
}

// readAll reads all of rd, failing with ErrTooLarge after max bytes.
func readAll(rd io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, tooLarge(max)
	}
	return data, nil
}

// failure returns the Result for an input that failed. File system errors
// lose their *fs.PathError wrapping, since Ref already names the path.
func failure(ref string, line int, err error) Result {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Result{Ref: ref, Err: &Error{Ref: ref, Line: line, Err: err}}
}

func tooLarge(max int64) error {
	return fmt.Errorf("%w of %d bytes", ErrTooLarge, max)
}

func unsupported(path string) error {
	ext := filepath.Ext(path)
	if ext == "" {
		return fmt.Errorf("%w (no extension)", ErrUnsupported)
	}
	return fmt.Errorf("%w %q", ErrUnsupported, ext)
}

// wallClock returns t's date and time of day as written where it was
// written, relabelled UTC. A publication time is kept as the outlet's own
// calendar, not converted to UTC: an article stamped
// 2025-03-03T22:00:00-08:00 was published on 3 March, and that is the day
// its "today" means, though it was already 4 March in UTC. The store and the
// dossier keep times in UTC, so the wall clock is what they keep.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}
