package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/storyline-news/storyline/internal/gz"
)

// readWARC reads a WARC file (.warc, or .warc.gz, with each record gzipped
// on its own, as Common Crawl's CC-NEWS is, or the whole file as one
// stream) with the National Library of Norway's gowarc: one article per
// response record whose HTTP response is a 2xx HTML page. The article's
// SourceRef is ref#N for the Nth record of the file; its URL, when the page
// names none, is the WARC-Target-URI; its date, when the page gives none,
// is the WARC-Date. Other records (warcinfo, requests, metadata, DNS
// lookups, non-HTML or non-2xx responses) are reported as skipped, with the
// reason. A record over MaxSize fails on its own; a file that cannot be
// parsed on stops the reading of that file with one failure.
func (r *Reader) readWARC(ctx context.Context, ref string, rd io.Reader, fn func(Result) error) error {
	// gowarc reads a gzip member per record and stops, without an error,
	// after the first record of a file gzipped as one stream: the file is
	// decompressed here, where both shapes are one stream of records.
	in := bufio.NewReaderSize(rd, 64<<10)
	if prefix, _ := in.Peek(2); gz.Is(prefix) {
		zr, err := gunzip(in)
		if err != nil {
			return fn(failure(ref, 0, err))
		}
		rd = zr
	} else {
		rd = in
	}
	wr, err := gowarc.NewWarcFileReaderFromStream(rd, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		// ErrWarn, not ErrIgnore: the reader keeps (caches) a block's
		// bytes only when it validates the record.
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithSkipParseBlock(),
		gowarc.WithBufferMaxMemBytes(min(r.opts.MaxSize, 4<<20)))
	if err != nil {
		return fn(failure(ref, 0, err))
	}
	defer wr.Close()
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := r.nextWARC(wr, fmt.Sprintf("%s#%d", ref, n))
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return fn(failure(ref, 0, fmt.Errorf("%w WARC: record %d: %v", ErrMalformed, n, err)))
		}
		if err := fn(*res); err != nil {
			return err
		}
	}
}

// nextWARC reads the next record and returns its Result, an error when the
// file cannot be read on. gowarc is a third-party parser: a panic in it on
// hostile input ends this file, not the run.
func (r *Reader) nextWARC(wr *gowarc.WarcFileReader, ref string) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("parser failed: %v", p)
		}
	}()
	rec, err := wr.Next()
	if err == nil && rec.WarcRecord == nil {
		err = errors.New("no record") // would not advance: stop
	}
	if err != nil {
		return nil, err
	}
	defer rec.Close()
	w := rec.WarcRecord
	if w.Type() != gowarc.Response {
		return skippedRecord(ref, w.Type().String()+" record"), nil
	}
	if ct := w.WarcHeader().Get(gowarc.ContentType); !strings.HasPrefix(strings.ToLower(strings.TrimSpace(ct)), "application/http") {
		return skippedRecord(ref, fmt.Sprintf("response record of %q, not HTTP (%s)", ct, w.WarcHeader().Get(gowarc.WarcTargetURI))), nil
	}
	if size := w.Block().Size(); size > r.opts.MaxSize {
		f := failure(ref, 0, tooLarge(r.opts.MaxSize))
		return &f, nil
	}
	page, why, err := r.warcPage(w, ref)
	if err != nil {
		f := failure(ref, 0, err)
		return &f, nil
	}
	if why != "" {
		return skippedRecord(ref, why), nil
	}
	a, err := r.ReadPage(page)
	if err != nil {
		f := failure(ref, 0, err)
		return &f, nil
	}
	return &Result{Ref: ref, Article: a}, nil
}

// skippedRecord returns the Result of a record that holds no article.
func skippedRecord(ref, why string) *Result {
	return &Result{Ref: ref, Skipped: true, Reason: why}
}

// warcPage parses the HTTP response in a response record. For a response
// that is not a 2xx HTML page it returns why instead.
func (r *Reader) warcPage(w gowarc.WarcRecord, ref string) (p Page, why string, err error) {
	raw, err := w.Block().RawBytes()
	if err != nil {
		return Page{}, "", fmt.Errorf("%w WARC: %v", ErrMalformed, err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(raw), nil)
	if err != nil {
		return Page{}, "", fmt.Errorf("%w WARC: HTTP response: %v", ErrMalformed, err)
	}
	defer resp.Body.Close()
	ct := resp.Header.Get("Content-Type")
	switch {
	case resp.StatusCode/100 != 2:
		return Page{}, "HTTP status " + strconv.Itoa(resp.StatusCode), nil
	case ct == "" || !IsHTML(ct):
		return Page{}, fmt.Sprintf("HTTP Content-Type %q, not HTML", ct), nil
	}
	var bodyReader io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" { // archived as sent
		if bodyReader, err = gzip.NewReader(resp.Body); err != nil {
			return Page{}, "", fmt.Errorf("%w WARC: HTTP body: %v", ErrMalformed, err)
		}
	}
	body, err := readAll(bodyReader, r.opts.MaxSize)
	if err != nil {
		return Page{}, "", fmt.Errorf("%w WARC: HTTP body: %v", ErrMalformed, err)
	}
	date, _ := time.Parse(time.RFC3339Nano, w.WarcHeader().Get(gowarc.WarcDate))
	return Page{
		Ref:         ref,
		URL:         w.WarcHeader().Get(gowarc.WarcTargetURI),
		ContentType: ct,
		Body:        body,
		Date:        date,
	}, "", nil
}
