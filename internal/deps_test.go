package internal_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/storyline-news/storyline/"

// allowed states the dependency policy of storyline's packages, as
// go/build's deps_test.go does for the standard library: each package may
// import only the internal packages listed for it (tests included). The
// pipeline points one way: article ← stages ← story ← engine ← web ← cmd;
// store backends and dossier see domain types only.
var allowed = map[string][]string{
	"internal/article":         {},
	"internal/rusage":          {},
	"internal/gz":              {},
	"internal/text":            {},
	"internal/ingest":          {"internal/article", "internal/gz"},
	"internal/reuse":           {"internal/article", "internal/rusage"},
	"internal/cluster":         {"internal/article", "internal/rusage", "internal/text"},
	"internal/entity":          {"internal/article", "internal/gz"},
	"internal/quote":           {"internal/article"},
	"internal/timex":           {"internal/article"},
	"internal/timeline":        {"internal/article", "internal/timex", "internal/entity", "internal/text"},
	"internal/divergence":      {"internal/article", "internal/gz", "internal/timex", "internal/entity", "internal/quote", "internal/text"},
	"internal/story":           {"internal/article", "internal/reuse", "internal/entity", "internal/quote", "internal/timex", "internal/timeline", "internal/divergence"},
	"internal/store":           {"internal/article"},
	"internal/store/storetest": {"internal/article", "internal/store"},
	"internal/store/sqlite":    {"internal/article", "internal/store", "internal/store/storetest"},
	"internal/store/postgres":  {"internal/article", "internal/store", "internal/store/storetest"},
	"internal/dossier":         {"internal/article", "internal/story", "internal/store", "internal/reuse", "internal/entity", "internal/quote", "internal/timex", "internal/timeline", "internal/divergence"},
	"internal/engine":          {"internal/article", "internal/cluster", "internal/story", "internal/store", "internal/store/sqlite", "internal/reuse", "internal/entity", "internal/quote", "internal/timex", "internal/dossier", "internal/ingest"},
	"internal/archive":         {"internal/article", "internal/store", "internal/dossier", "internal/entity", "internal/engine", "internal/store/sqlite", "internal/ingest", "examples"},
	"internal/eval":            {"internal/article", "internal/gz", "internal/rusage", "internal/cluster", "internal/reuse", "internal/entity", "internal/quote", "internal/timex", "internal/engine", "internal/story", "internal/ingest"},
	"internal/watch":           {"internal/article", "internal/ingest"},
	"internal/web":             {"internal/article", "internal/archive", "internal/engine", "internal/story", "internal/store", "internal/store/sqlite", "internal/dossier", "internal/ingest", "examples"},
	"examples":                 {},
	"cmd/storyline":            {"*"},
	// tools/ are programs of their own modules, outside the pipeline.
	"tools": {"*"},
}

func TestDependencies(t *testing.T) {
	root := ".."
	imports := make(map[string]map[string]bool)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, module) {
				if imports[pkg] == nil {
					imports[pkg] = make(map[string]bool)
				}
				imports[pkg][strings.TrimPrefix(p, module)] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg, deps := range imports {
		root, rule, ok := policy(pkg)
		if !ok {
			t.Errorf("package %s is not in the dependency policy (internal/deps_test.go)", pkg)
			continue
		}
		var bad []string
		for dep := range deps {
			if dep != root && !strings.HasPrefix(dep, root+"/") && !permits(rule, dep) {
				bad = append(bad, dep)
			}
		}
		sort.Strings(bad)
		if len(bad) > 0 {
			t.Errorf("%s imports %v, which the policy does not allow", pkg, bad)
		}
	}
}

// policy finds the rule of a package, or of the nearest parent with a rule
// (so internal/entity/ner follows internal/entity), and the package the rule
// belongs to: a package may always import within that package's tree.
func policy(pkg string) (root string, rule []string, ok bool) {
	for p := pkg; p != "." && p != ""; p = filepath.ToSlash(filepath.Dir(p)) {
		if rule, ok := allowed[p]; ok {
			return p, rule, true
		}
	}
	return "", nil, false
}

// permits reports whether a rule allows importing dep: listed explicitly,
// or a subpackage of something listed.
func permits(rule []string, dep string) bool {
	for _, r := range rule {
		if r == "*" || dep == r || strings.HasPrefix(dep, r+"/") {
			return true
		}
	}
	return false
}
