// Package web serves storyline's stores over HTTP: HTML pages for people
// (the story list, a story with its timeline, sources side by side,
// entities, quotes and divergences; an article with its annotations; an
// entity across stories) and a JSON API under /api that returns the
// dossier's wire types (spec/dossier.md), described by an OpenAPI 3 document
// at /api/openapi.json. A big story's page is a summary (the events
// reported by most articles, the most mentioned entities, the speakers
// with most quotes) with a link to its full page, ?full=1.
//
// Pages and API bodies are built once per story and kept, gzipped, until
// the store grows; one request at a time asks the store whether it has.
// Every other response that is text is gzipped as it is written, for
// clients that accept it (gzip.go).
//
// It sits at the end of the pipeline: it reads stories through
// engine.Engine and converts them with package dossier, so the pages, the
// API and `storyline digest` show the same thing. The write endpoint
// POST /api/articles reads a request body the way `storyline ingest -`
// reads standard input and is off unless a bearer token is configured.
//
// All article content is untrusted. Pages are rendered with html/template
// and never mark article data as safe HTML: highlighted text is split into
// segments (see highlight.go) that the templates escape one by one. Every
// response carries a Content-Security-Policy that allows no script at all;
// the pages need none (the timeline is an SVG drawn on the server).
//
// Operations: /healthz, Prometheus text metrics at /metrics, one structured
// log line per request (log/slog), per-request timeouts, size-limited
// bodies, and graceful shutdown in Serve.
package web
