package ingest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// gofeedTestdata returns the folder of gofeed's parser test feeds in the
// module cache, or skips the test.
func gofeedTestdata(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env GOMODCACHE: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "github.com", "mmcdole", "gofeed@v1.4.2", "testdata", "parser")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no gofeed test data: %v", err)
	}
	return dir
}

// Every RSS and Atom feed of gofeed's own test suite reads without loss:
// each item gofeed finds is an article or a skipped item with its reason,
// and a feed gofeed cannot parse fails with its name; nothing is dropped
// in silence.
func TestGofeedSuiteWithoutLoss(t *testing.T) {
	dir := gofeedTestdata(t)
	var files []string
	for _, kind := range []string{"rss", "atom"} {
		fs, _ := filepath.Glob(filepath.Join(dir, kind, "*.xml"))
		files = append(files, fs...)
	}
	if len(files) < 100 {
		t.Fatalf("%d feeds found in %s", len(files), dir)
	}
	var feeds, items, arts, skipped, failed int
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		feed, gerr := gofeed.NewParser().Parse(bytes.NewReader(data))
		want := 0
		if gerr == nil {
			want = len(feed.Items)
		}
		var got, skip, fail int
		err = New(Options{}).ReadFeed(context.Background(), path, "", data, func(res Result) error {
			switch {
			case res.Article != nil:
				got++
			case res.Skipped:
				skip++
				if res.Reason == "" {
					t.Errorf("%s: item %s skipped without a reason", filepath.Base(path), res.Ref)
				}
			case res.Err != nil:
				fail++
				if !strings.Contains(res.Err.Error(), filepath.Base(path)) {
					t.Errorf("%s: failure does not name the feed: %v", filepath.Base(path), res.Err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		feeds++
		items += want
		arts, skipped, failed = arts+got, skipped+skip, failed+fail
		if gerr == nil && got+skip+fail < want {
			t.Errorf("%s: gofeed finds %d items, storyline reports %d articles, %d skipped, %d failed", filepath.Base(path), want, got, skip, fail)
		}
		if got+skip+fail == 0 && want > 0 {
			t.Errorf("%s: nothing reported of %d items", filepath.Base(path), want)
		}
	}
	t.Logf("%d feeds, %d items by gofeed: %d articles, %d skipped with a reason, %d failed by name", feeds, items, arts, skipped, failed)
}
