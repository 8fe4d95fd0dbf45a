package web

import (
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/internal/dossier"
)

// operation describes one API route for the OpenAPI document.
type operation struct {
	id      string
	summary string
	params  []param
	// body marks an operation that reads articles from the request body.
	body bool
	// auth marks an operation that needs the bearer token.
	auth bool
	// lines marks an operation that answers JSON Lines, one response
	// value per line.
	lines bool
	// response is a value of the type of the 200 response's body; alt,
	// when not nil, of the other type it may have.
	response, alt any
	// errors are the documented failure statuses.
	errors []int
}

// param is one path or query parameter.
type param struct {
	name, in, typ, desc string
	required            bool
}

func idParam(kind, prefix string) param {
	return param{name: "id", in: "path", typ: "string", required: true,
		desc: fmt.Sprintf("%s ID: %q and 16 lower-case hexadecimal digits", kind, prefix)}
}

func opStories() *operation {
	return &operation{id: "listStories", summary: "Story summaries, newest first; with full=1 the dossier of the selected stories",
		params: []param{
			{name: "full", in: "query", typ: "boolean", desc: "1 or true: return the storyline.dossier/v1 document"},
			{name: "entity", in: "query", typ: "string", desc: "only stories that name this entity ID"},
			{name: "outlet", in: "query", typ: "string", desc: "only stories with an article from this outlet (its name as stored)"},
			{name: "sort", in: "query", typ: "string", desc: "newest (default: the latest publication first) or articles (most articles first)"},
			{name: "from", in: "query", typ: "string", desc: "only stories with an article on or after this date (YYYY-MM-DD)"},
			{name: "to", in: "query", typ: "string", desc: "only stories with an article on or before this date (YYYY-MM-DD)"},
			{name: "limit", in: "query", typ: "integer", desc: "at most this many stories (default: all)"},
			{name: "offset", in: "query", typ: "integer", desc: "skip this many stories first"},
			{name: "since", in: "query", typ: "string", desc: "only stories changed after this time (RFC 3339, or YYYY-MM-DD for the start of a day, UTC)"},
			{name: "cursor", in: "query", typ: "string", desc: "start after the last story of a previous page: the cursor of its Link rel=\"next\" header"},
		},
		response: []dossier.Summary{}, alt: dossier.Dossier{}, errors: []int{400, 503}}
}

func opStory() *operation {
	return &operation{id: "getStory", summary: "One story in the shape of the dossier's stories",
		params: []param{idParam("story", storyPrefix)}, response: dossier.Story{}, errors: []int{400, 404}}
}

func opArticle() *operation {
	return &operation{id: "getArticle", summary: "One article: metadata, story and annotations (spec/annotations.md)",
		params: []param{idParam("article", articlePrefix)}, response: dossier.ArticleResponse{}, errors: []int{400, 404}}
}

func opIngest() *operation {
	return &operation{id: "addArticles", summary: "Store articles given as JSON Lines, RSS/Atom, HTML or plain text (sniffed)",
		params: []param{{name: "ref", in: "query", typ: "string", desc: "source name stored as the articles' source_ref (default \"api\")"}},
		body:   true, auth: true, response: dossier.IngestResponse{}, errors: []int{400, 401, 403, 413}}
}

func opEntity() *operation {
	return &operation{id: "getEntity", summary: "One entity across the archive: its spellings, roles over time, mentions by day, and a page of its stories and of its quotes",
		params: []param{idParam("entity", entityPrefix),
			{name: "stories_limit", in: "query", typ: "integer", desc: "stories per page (default 50, at most 1000)"},
			{name: "stories_cursor", in: "query", typ: "string", desc: "the stories.next of the previous page"},
			{name: "quotes_limit", in: "query", typ: "integer", desc: "quotes per page (default 50, at most 1000)"},
			{name: "quotes_cursor", in: "query", typ: "string", desc: "the quotes.next of the previous page"},
		},
		response: dossier.EntityPage{}, errors: []int{400, 404}}
}

func opEntities() *operation {
	return &operation{id: "listEntities", summary: "The archive's entities, most mentioned first, a page at a time",
		params: []param{
			{name: "type", in: "query", typ: "string", desc: "person, organization, location or other"},
			{name: "limit", in: "query", typ: "integer", desc: "entities per page (default 50, at most 1000)"},
			{name: "cursor", in: "query", typ: "string", desc: "the next of the previous page"},
		},
		response: dossier.EntityList{}, errors: []int{400}}
}

func opExport() *operation {
	return &operation{id: "exportStories", lines: true,
		summary: "The stories a query selects, each whole as in the dossier, one per line (JSON Lines), newest first, streamed from the stored analysis",
		params: []param{
			{name: "entity", in: "query", typ: "string", desc: "only stories that name this entity ID"},
			{name: "from", in: "query", typ: "string", desc: "only stories with an article on or after this date (YYYY-MM-DD)"},
			{name: "to", in: "query", typ: "string", desc: "only stories with an article on or before this date (YYYY-MM-DD)"},
			{name: "since", in: "query", typ: "string", desc: "only stories changed after this time (RFC 3339, or YYYY-MM-DD)"},
			{name: "limit", in: "query", typ: "integer", desc: "at most this many stories (default: all)"},
			{name: "cursor", in: "query", typ: "string", desc: "start after the story of a /api/stories cursor"},
		},
		response: dossier.Story{}, errors: []int{400}}
}

func opSearch() *operation {
	return &operation{id: "search", summary: "Full-text search over titles and bodies, best first",
		params: []param{
			{name: "q", in: "query", typ: "string", required: true, desc: "words that must all match; \"quoted phrases\"; word* prefixes"},
			{name: "limit", in: "query", typ: "integer", desc: "at most this many hits (default 20, at most 200; 0 means 200)"},
			{name: "offset", in: "query", typ: "integer", desc: "skip this many hits first (at most 10000), to page past the first ones: the next page is at offset + limit"},
		},
		response: []dossier.Hit{}, errors: []int{400}}
}

func opOpenAPI() *operation {
	return &operation{id: "openapi", summary: "This document", response: map[string]any{}}
}

// openAPI returns the OpenAPI 3.1 document of the API routes among routes.
// Response schemas are derived from the Go types the handlers encode, so
// the document describes what is served.
func openAPI(routes []route) map[string]any {
	schemas := map[string]any{}
	paths := map[string]any{}
	for _, rt := range routes {
		if rt.op == nil {
			continue
		}
		item, _ := paths[rt.path()].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.path()] = item
		}
		item[strings.ToLower(rt.method())] = rt.op.document(schemas)
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "storyline",
			"version":     dossier.Schema,
			"description": "Stories built from news articles; the types are those of spec/dossier.md and spec/annotations.md.",
		},
		"paths": paths,
		"components": map[string]any{
			"schemas":         schemas,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
}

func (op *operation) document(schemas map[string]any) map[string]any {
	ok := schemaOf(reflect.TypeOf(op.response), schemas)
	if op.alt != nil {
		ok = map[string]any{"anyOf": []any{ok, schemaOf(reflect.TypeOf(op.alt), schemas)}}
	}
	content := jsonContent(ok)
	if op.lines {
		content = map[string]any{"application/x-ndjson": map[string]any{"schema": ok,
			"description": "one JSON value of the schema per line"}}
	}
	responses := map[string]any{"200": map[string]any{"description": "OK", "content": content}}
	errSchema := schemaOf(reflect.TypeOf(dossier.Error{}), schemas)
	for _, code := range append(op.errors, 500, 503) {
		responses[strconv.Itoa(code)] = map[string]any{"description": http.StatusText(code), "content": jsonContent(errSchema)}
	}
	params := []any{}
	for _, p := range op.params {
		params = append(params, map[string]any{"name": p.name, "in": p.in, "required": p.required,
			"description": p.desc, "schema": map[string]any{"type": p.typ}})
	}
	out := map[string]any{"operationId": op.id, "summary": op.summary, "parameters": params, "responses": responses}
	if op.body {
		text := map[string]any{"schema": map[string]any{"type": "string"}}
		out["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			"application/x-ndjson": text, "application/rss+xml": text, "application/atom+xml": text,
			"text/html": text, "text/plain": text,
		}}
	}
	if op.auth {
		out["security"] = []any{map[string]any{"bearer": []any{}}}
	}
	return out
}

func jsonContent(schema any) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": schema}}
}

// schemaOf returns the JSON Schema of values of type t as encoding/json
// writes them, adding named struct types to schemas and referring to them.
func schemaOf(t reflect.Type, schemas map[string]any) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		return map[string]any{"anyOf": []any{schemaOf(t.Elem(), schemas), map[string]any{"type": "null"}}}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), schemas)}
	case reflect.Map, reflect.Interface:
		return map[string]any{"type": "object"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Struct:
		name := schemaName(t)
		if _, ok := schemas[name]; !ok {
			schemas[name] = nil // placeholder: breaks cycles
			schemas[name] = structSchema(t, schemas)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	panic(fmt.Sprintf("web: no JSON schema for %v", t))
}

// structSchema describes a struct: every field is required unless it is
// omitted when empty.
func structSchema(t reflect.Type, schemas map[string]any) map[string]any {
	props := map[string]any{}
	required := []any{}
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		for f := range t.Fields() {
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				add(f.Type) // encoding/json promotes the fields
				continue
			}
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = schemaOf(f.Type, schemas)
			if !strings.Contains(","+opts+",", ",omitempty,") && !strings.Contains(","+opts+",", ",omitzero,") {
				required = append(required, name)
			}
		}
	}
	add(t)
	return map[string]any{"type": "object", "properties": props, "required": required}
}

// schemaName names a struct type's schema: its Go name, since every type
// the API encodes is an exported wire type of package dossier.
func schemaName(t reflect.Type) string {
	return t.Name()
}
