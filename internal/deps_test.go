package internal_test

import (
	"errors"
	"fmt"
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const module = "github.com/storyline-news/storyline/"

// allowed states the dependency policy of storyline's packages, as
// go/build's deps_test.go does for the standard library: each package's
// production code (its non-test files) may import only the internal
// packages listed for it. Tests may import more, as an engine test opens an
// SQLite store that the engine itself never names. The pipeline points one
// way: article ← stages ← story ← engine ← web ← cmd; text (segmentation
// and stemming) sits under the stages, as go/scanner under go/parser;
// store backends and dossier see domain types only.
var allowed = map[string][]string{
	"internal/article":         {},
	"internal/rusage":          {},
	"internal/gz":              {},
	"internal/text":            {},
	"internal/ingest":          {"internal/article", "internal/gz"},
	"internal/reuse":           {"internal/article"},
	"internal/cluster":         {"internal/article", "internal/text"},
	"internal/entity":          {"internal/article", "internal/gz", "internal/text"},
	"internal/quote":           {"internal/article", "internal/entity", "internal/text"},
	"internal/timex":           {"internal/article", "internal/text"},
	"internal/timeline":        {"internal/article", "internal/timex", "internal/entity", "internal/text"},
	"internal/divergence":      {"internal/article", "internal/timex", "internal/entity", "internal/quote", "internal/text"},
	"internal/story":           {"internal/article", "internal/reuse", "internal/entity", "internal/quote", "internal/timex", "internal/timeline", "internal/divergence"},
	"internal/store":           {"internal/article"},
	"internal/store/storetest": {"internal/article", "internal/store"},
	"internal/store/sqlite":    {"internal/article", "internal/store"},
	"internal/store/postgres":  {"internal/article", "internal/store"},
	"internal/dossier":         {"internal/article", "internal/story", "internal/store", "internal/reuse", "internal/entity", "internal/quote", "internal/timex", "internal/timeline", "internal/divergence"},
	"internal/engine":          {"internal/article", "internal/cluster", "internal/story", "internal/store", "internal/reuse", "internal/entity", "internal/quote", "internal/timex", "internal/dossier", "internal/ingest"},
	"internal/memo":            {},
	"internal/archive":         {"internal/store", "internal/dossier", "internal/entity", "internal/memo"},
	"internal/eval":            {"internal/article", "internal/gz", "internal/rusage", "internal/cluster", "internal/reuse", "internal/entity", "internal/quote", "internal/timex", "internal/engine", "internal/story", "internal/ingest"},
	"internal/watch":           {"internal/article", "internal/ingest"},
	"internal/web":             {"internal/article", "internal/archive", "internal/memo", "internal/engine", "internal/story", "internal/store", "internal/dossier", "internal/ingest", "examples"},
	"examples":                 {},
	"cmd/storyline":            {"*"},
	// tools/ are programs of their own modules, outside the pipeline.
	"tools": {"*"},
}

// TestDependencies checks the production imports of every package against
// allowed.
func TestDependencies(t *testing.T) {
	imports, err := productionImports("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations(imports) {
		t.Error(v)
	}
}

// TestDependenciesProductionOnly checks the check on testdata/deps: an
// engine test may import the SQLite store, the web server's own code may
// not.
func TestDependenciesProductionOnly(t *testing.T) {
	imports, err := productionImports("testdata/deps")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"internal/web imports [internal/store/sqlite], which the policy does not allow"}
	if diff := cmp.Diff(want, violations(imports)); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
}

// productionImports returns the storyline packages that each package under
// root imports from its non-test files, with the files of every platform
// (build constraints and GOOS/GOARCH suffixes ignored), by package path
// relative to root.
func productionImports(root string) (map[string][]string, error) {
	ctxt := build.Default
	ctxt.UseAllFiles = true
	imports := make(map[string][]string)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
			return filepath.SkipDir
		}
		p, err := ctxt.ImportDir(path, 0)
		if _, ok := errors.AsType[*build.NoGoError](err); ok {
			return nil
		} else if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		for _, imp := range p.Imports {
			if dep, ok := strings.CutPrefix(imp, module); ok {
				pkg := filepath.ToSlash(rel)
				imports[pkg] = append(imports[pkg], dep)
			}
		}
		return nil
	})
	return imports, err
}

// violations lists, sorted, the packages in imports that the policy does
// not know and the imports it does not allow.
func violations(imports map[string][]string) []string {
	var out []string
	for pkg, deps := range imports {
		root, rule, ok := policy(pkg)
		if !ok {
			out = append(out, fmt.Sprintf("package %s is not in the dependency policy (internal/deps_test.go)", pkg))
			continue
		}
		var bad []string
		for _, dep := range deps {
			if !permits(root, rule, dep) {
				bad = append(bad, dep)
			}
		}
		slices.Sort(bad)
		if len(bad) > 0 {
			out = append(out, fmt.Sprintf("%s imports %v, which the policy does not allow", pkg, slices.Compact(bad)))
		}
	}
	slices.Sort(out)
	return out
}

// policy finds the rule of a package, or of the nearest parent with a rule
// (so internal/entity/ner follows internal/entity), and the package the rule
// belongs to.
func policy(pkg string) (root string, rule []string, ok bool) {
	for p := pkg; p != "." && p != ""; p = filepath.ToSlash(filepath.Dir(p)) {
		if rule, ok := allowed[p]; ok {
			return p, rule, true
		}
	}
	return "", nil, false
}

// permits reports whether the package that follows root's rule may import
// dep: dep follows the same rule (internal/entity/ner may import
// internal/entity), or dep is listed in the rule, or follows the rule of a
// package listed (listing internal/entity allows internal/entity/ner). A
// subpackage with a rule of its own is allowed only where it is listed
// itself: listing internal/store does not allow internal/store/sqlite.
func permits(root string, rule []string, dep string) bool {
	depRoot, _, _ := policy(dep)
	if depRoot == root {
		return true
	}
	for _, r := range rule {
		if r == "*" || dep == r || depRoot == r {
			return true
		}
	}
	return false
}
