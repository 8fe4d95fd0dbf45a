package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPIRoutes checks that the document served at /api/openapi.json
// lists exactly the API routes the server serves, with their path
// parameters.
func TestOpenAPIRoutes(t *testing.T) {
	s := newSeeded(t, Options{})
	doc := openAPIDoc(t, s)
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi = %v", doc["openapi"])
	}
	var documented, served []string
	paths := doc["paths"].(map[string]any)
	for p, item := range paths {
		for method, op := range item.(map[string]any) {
			documented = append(documented, strings.ToUpper(method)+" "+p)
			checkPathParams(t, p, op.(map[string]any))
		}
	}
	for _, rt := range s.routes {
		if strings.HasPrefix(rt.path(), "/api/") {
			served = append(served, rt.pattern)
			if rt.op == nil {
				t.Errorf("API route %s has no OpenAPI description", rt.pattern)
			}
		}
	}
	slices.Sort(documented)
	slices.Sort(served)
	if !slices.Equal(documented, served) {
		t.Errorf("documented operations %v\nserved routes %v", documented, served)
	}
	// Every documented operation is routed to a handler (not the 404/405
	// fallback) by the server's own mux.
	for _, op := range documented {
		method, p, _ := strings.Cut(op, " ")
		req, _ := http.NewRequest(method, "http://x"+strings.ReplaceAll(p, "{id}", "x"), nil)
		if _, pattern := s.mux.Handler(req); pattern != op {
			t.Errorf("%s is routed to %q", op, pattern)
		}
	}
}

func checkPathParams(t *testing.T, path string, op map[string]any) {
	t.Helper()
	want := regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(path, -1)
	var got []string
	for _, p := range op["parameters"].([]any) {
		if p := p.(map[string]any); p["in"] == "path" {
			got = append(got, p["name"].(string))
			if p["required"] != true {
				t.Errorf("%s: path parameter %v not required", path, p["name"])
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: path parameters %v", path, got)
	}
}

// TestOpenAPIResponses makes a request to every documented operation, good
// and bad, and checks each response body against the schema the document
// gives for its status.
func TestOpenAPIResponses(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken}, rich(nil))
	st := seedStory(t, s)
	doc := openAPIDoc(t, s)
	auth := []string{"Authorization", "Bearer " + testToken}
	for _, tc := range []struct {
		method, path, target, body string
		code                       int
		header                     []string
	}{
		{"GET", "/api/stories", "/api/stories", "", 200, nil},
		{"GET", "/api/stories", "/api/stories?full=1", "", 200, nil},
		{"GET", "/api/stories", "/api/stories?limit=x", "", 400, nil},
		{"GET", "/api/stories/{id}", "/api/stories/" + st.ID, "", 200, nil},
		{"GET", "/api/stories/{id}", "/api/stories/s-0123456789abcdef", "", 404, nil},
		{"GET", "/api/stories/{id}", "/api/stories/x", "", 400, nil},
		{"GET", "/api/articles/{id}", "/api/articles/" + st.Articles[1].ID, "", 200, nil},
		{"GET", "/api/articles/{id}", "/api/articles/a-0123456789abcdef", "", 404, nil},
		{"GET", "/api/entities/{id}", "/api/entities/e-00000000000000aa", "", 200, nil},
		{"GET", "/api/entities/{id}", "/api/entities/e-0123456789abcdef", "", 404, nil},
		{"GET", "/api/search", "/api/search?q=Zelensky", "", 200, nil},
		{"GET", "/api/search", "/api/search", "", 400, nil},
		{"GET", "/api/openapi.json", "/api/openapi.json", "", 200, nil},
		{"POST", "/api/articles", "/api/articles", jsonlBody, 200, auth},
		{"POST", "/api/articles", "/api/articles", jsonlBody, 401, nil},
		{"POST", "/api/articles", "/api/articles", "", 400, auth},
	} {
		r := do(t, s, tc.method, tc.target, strings.NewReader(tc.body), tc.header...)
		if r.code != tc.code {
			t.Errorf("%s %s = %d, want %d", tc.method, tc.target, r.code, tc.code)
			continue
		}
		schema := responseSchema(t, doc, tc.method, tc.path, tc.code)
		var v any
		if err := json.Unmarshal([]byte(r.body), &v); err != nil {
			t.Fatalf("%s %s: %v", tc.method, tc.target, err)
		}
		for _, err := range validate(doc, schema, v, "body") {
			t.Errorf("%s %s (%d): %s", tc.method, tc.target, tc.code, err)
		}
	}
}

func openAPIDoc(t *testing.T, s *Server) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(get(t, s, "/api/openapi.json", 200).body), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func responseSchema(t *testing.T, doc map[string]any, method, path string, code int) map[string]any {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("%s %s: no documented %d response", method, path, code)
		}
	}()
	op := doc["paths"].(map[string]any)[path].(map[string]any)[strings.ToLower(method)].(map[string]any)
	resp := op["responses"].(map[string]any)[fmt.Sprint(code)].(map[string]any)
	return resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
}

// validate checks v against the subset of JSON Schema that openAPI emits:
// $ref, anyOf, type, properties, required and items.
func validate(doc, schema map[string]any, v any, at string) []string {
	if ref, ok := schema["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		def, ok := doc["components"].(map[string]any)["schemas"].(map[string]any)[name].(map[string]any)
		if !ok {
			return []string{at + ": unresolved " + ref}
		}
		return validate(doc, def, v, at)
	}
	if anyOf, ok := schema["anyOf"].([]any); ok {
		for _, s := range anyOf {
			if len(validate(doc, s.(map[string]any), v, at)) == 0 {
				return nil
			}
		}
		return []string{fmt.Sprintf("%s: %v matches no alternative", at, v)}
	}
	var errs []string
	switch schema["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %T, want an object", at, v)}
		}
		for _, r := range asList(schema["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				errs = append(errs, fmt.Sprintf("%s: missing %q", at, r))
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for k, val := range obj {
			if p, ok := props[k]; ok {
				errs = append(errs, validate(doc, p.(map[string]any), val, at+"."+k)...)
			} else if props != nil {
				errs = append(errs, fmt.Sprintf("%s: undocumented field %q", at, k))
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %T, want an array", at, v)}
		}
		for i, item := range arr {
			errs = append(errs, validate(doc, schema["items"].(map[string]any), item, fmt.Sprintf("%s[%d]", at, i))...)
		}
	default:
		if !hasType(schema["type"], v) {
			errs = append(errs, fmt.Sprintf("%s: %v (%T) is not of type %v", at, v, v, schema["type"]))
		}
	}
	return errs
}

func asList(v any) []any { l, _ := v.([]any); return l }

func hasType(typ, v any) bool {
	switch typ {
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		f, ok := v.(float64)
		return ok && f == float64(int64(f))
	case "null":
		return v == nil
	}
	return false
}
