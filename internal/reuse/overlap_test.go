package reuse

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var (
	overlapDir  = flag.String("overlap.dir", "", "TestWriteOverlapping writes its articles to this folder")
	overlapSize = flag.Int("overlap.size", 10_000_000, "bytes of text per article that TestWriteOverlapping writes")
)

// TestWriteOverlapping writes four Overlapping articles to -overlap.dir,
// as text files that storyline reads (go test ./internal/reuse -run
// WriteOverlapping -overlap.dir DIR), for measuring the CLI on them.
func TestWriteOverlapping(t *testing.T) {
	if *overlapDir == "" {
		t.Skip("no -overlap.dir")
	}
	if err := os.MkdirAll(*overlapDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, a := range Overlapping(4, *overlapSize, 1) {
		text := fmt.Sprintf(" date %s %s", a.Published.Format("2006-01-02"), a.Text)
		name := filepath.Join(*overlapDir, fmt.Sprintf("%03d.txt", i))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
