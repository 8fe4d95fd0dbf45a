package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestIngestDiskFull ingests into a store that outgrows the disk (a limit
// on file size, RLIMIT_FSIZE, in a child process): the failed commit is
// printed once, not once per batch that failed after it, and the exit
// status is 1.
func TestIngestDiskFull(t *testing.T) {
	if args := os.Getenv("STORYLINE_TEST_DISKFULL"); args != "" {
		lim := &syscall.Rlimit{Cur: 1 << 20, Max: 1 << 20} // writes past 1 MiB fail (EFBIG)
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, lim); err != nil {
			t.Fatal(err)
		}
		os.Exit(run(context.Background(), strings.Split(args, "\n"), strings.NewReader(""), os.Stdout, os.Stderr))
	}
	if testing.Short() {
		t.Skip("ingests 3000 articles in a child process")
	}
	files := topicCorpus(t, 2, 1500, 12)
	args := append([]string{"--db", filepath.Join(t.TempDir(), "s.db"), "ingest", "--batch", "200"}, files...)
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestDiskFull$")
	cmd.Env = append(os.Environ(), "STORYLINE_TEST_DISKFULL="+strings.Join(args, "\n"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	t.Logf("stderr:\n%s", stderr.String())
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if n := strings.Count(stderr.String(), "commit: disk I/O error"); n != 1 {
		t.Errorf("the failed commit is printed %d times, want once", n)
	}
}
