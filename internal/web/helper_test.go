package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/story"
)

// testToken is the write token of test servers that enable the write API.
const testToken = "s3cret-token"

// fixedNow is the clock of test servers.
func fixedNow() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }

// newEngine returns an engine over an empty in-memory store; convert, when
// given, stands for dossier.FromStory in what the engine stores and reads.
func newEngine(t testing.TB, convert ...func(story.Story) dossier.Story) *engine.Engine {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var opts engine.Options
	if len(convert) > 0 {
		opts.Dossier = convert[0]
	}
	eng, err := engine.Open(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

// newSeeded returns a server over the seed articles (examples/ukraine-talks);
// convert, when given, makes the stories' wire form (see newEngine).
func newSeeded(t testing.TB, opts Options, convert ...func(story.Story) dossier.Story) *Server {
	t.Helper()
	eng := newEngine(t, convert...)
	if err := Demo(context.Background(), eng); err != nil {
		t.Fatal(err)
	}
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	s := New(eng, opts)
	t.Cleanup(s.Close) // before the store closes (cleanups run last first)
	return s
}

// response is a recorded response.
type response struct {
	code   int
	header http.Header
	body   string
}

// do serves one request in process.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, header ...string) response {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{rec.Code, rec.Result().Header, rec.Body.String()}
}

// get serves a GET request and fails the test unless it answers want.
func get(t testing.TB, h http.Handler, target string, want int) response {
	t.Helper()
	r := do(t, h, http.MethodGet, target, nil)
	if r.code != want {
		t.Fatalf("GET %s = %d, want %d; body:\n%s", target, r.code, want, r.body)
	}
	return r
}

// decode decodes a JSON body strictly into v.
func decode(t testing.TB, body string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode %T: %v\nbody: %s", v, err, body)
	}
}

// seedStory returns the one story of a seeded server.
func seedStory(t testing.TB, s *Server) dossier.Story {
	t.Helper()
	var sums []dossier.Summary
	decode(t, get(t, s, "/api/stories", 200).body, &sums)
	if len(sums) != 1 {
		t.Fatalf("seeds make %d stories, want 1", len(sums))
	}
	var st dossier.Story
	decode(t, get(t, s, "/api/stories/"+sums[0].ID, 200).body, &st)
	return st
}

// rich returns a Dossier option that adds to each story one of everything
// the analysis stages can produce, naming its first articles, so that every
// part of the pages is exercised whatever the stages produce today.
func rich(extra func(*dossier.Story)) func(story.Story) dossier.Story {
	return func(s story.Story) dossier.Story {
		d := dossier.FromStory(s)
		if len(d.Articles) == 0 {
			return d
		}
		a := d.Articles[0].ID
		b := d.Articles[len(d.Articles)-1].ID
		ent := "e-00000000000000aa"
		name := "Volodymyr Zelensky"
		d.Entities = append(d.Entities, dossier.Entity{ID: ent, Name: name, Type: "person",
			Aliases: []string{"Zelenskiy", "Zelenskyy"}, Roles: []string{"Ukrainian President"},
			Mentions: 7, Articles: []string{a, b}})
		d.Quotes = append(d.Quotes,
			dossier.Quote{Text: "We are ready for peace.", Speaker: &name, SpeakerEntity: &ent, Article: a, Direct: true},
			dossier.Quote{Text: "guarantees would follow", Speaker: &name, SpeakerEntity: &ent, Article: b},
			dossier.Quote{Text: "Nobody knows.", Article: b, Direct: true})
		d.Timeline = append(d.Timeline,
			dossier.Event{Date: "2025-02", Precision: "month", Kind: "reported", Text: "Oval Office clash", Articles: []string{a}, Entities: []string{ent}},
			dossier.Event{Date: "2025-08-15", Precision: "day", Kind: "reported", Text: "Summit in Alaska", Articles: []string{a, b}, Entities: []string{}},
			dossier.Event{Date: "2025-09-01", Precision: "day", Kind: "expected", Text: "Putin and Zelensky meet", Articles: []string{b}, Entities: []string{ent}},
			dossier.Event{Date: "2025-08", Precision: "month", Kind: "reported", Text: "Talks all month", Articles: []string{b}, Entities: []string{}})
		d.Divergences = append(d.Divergences, dossier.Divergence{Topic: "when Putin and Zelensky will meet",
			Variants: []dossier.Variant{{Value: "within a week", Articles: []string{a}}, {Value: "within two weeks", Articles: []string{b}}}})
		if extra != nil {
			extra(&d)
		}
		return d
	}
}
