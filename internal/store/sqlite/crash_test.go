//go:build unix

package sqlite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/store/storetest"
)

// The tests below run their own test binary again as a child process that
// writes to a database file and is killed with SIGKILL, which no code can
// catch: then the parent reopens the file and checks what survived.

const (
	envCrashMode = "STORYLINE_SQLITE_CRASH_MODE" // "hook" or "loop" in the child
	envCrashDB   = "STORYLINE_SQLITE_CRASH_DB"
	crashBase    = 25   // articles stored before the child runs
	crashBatch   = 3000 // articles of the batch that the child is killed in
	crashKillAt  = 2500 // the article after which it is killed
	loopBatch    = 100  // articles per batch in the loop mode
)

// TestKillMidBatch kills a process inside Commit's transaction, after most of
// a large batch was written (and spilled to the WAL), and checks that the
// file holds exactly what it held before the batch.
func TestKillMidBatch(t *testing.T) {
	if os.Getenv(envCrashMode) != "" {
		crashChild(os.Getenv(envCrashMode), os.Getenv(envCrashDB))
		return
	}
	path := filepath.Join(t.TempDir(), "storyline.db")
	as := storetest.Articles(crashBase + crashBatch)
	db := openTest(t, path)
	if _, err := db.Commit(context.Background(), storetest.Batch("s-base", as[:crashBase])); err != nil {
		t.Fatal(err)
	}
	db.Close()

	cmd := crashCommand(t, "hook", path)
	out, err := cmd.CombinedOutput()
	checkKilled(t, err, out)
	wal, err := os.Stat(path + "-wal")
	if err != nil || wal.Size() == 0 {
		t.Fatalf("the killed child left no WAL content (%v): the kill came before any write", err)
	}
	t.Logf("the child was killed with %d bytes of uncommitted WAL", wal.Size())

	db = openTest(t, path)
	checkIntegrity(t, db)
	checkCountsEqual(t, db, crashBase, 1)
	known, err := db.Known(context.Background(), []string{as[crashBase].ID, as[crashBase+crashKillAt].ID})
	if err != nil || len(known) != 0 {
		t.Errorf("Known(articles of the killed batch) = %v, %v; want none", known, err)
	}
	// The store takes the batch again, whole.
	added, err := db.Commit(context.Background(), storetest.Batch("s-big", as[crashBase:]))
	if err != nil || added != crashBatch {
		t.Errorf("Commit after the crash = %d, %v; want %d", added, err, crashBatch)
	}
}

// TestKillBetweenBatches kills a process that commits batch after batch at a
// moment it does not choose, and checks that only whole batches remain.
func TestKillBetweenBatches(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storyline.db")
	cmd := crashCommand(t, "loop", path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	for n := 0; n < 3 && lines.Scan(); n++ { // let it commit a few batches
	}
	time.Sleep(time.Duration(time.Now().UnixNano()%20) * time.Millisecond)
	cmd.Process.Kill() // SIGKILL
	checkKilled(t, cmd.Wait(), nil)

	db := openTest(t, path)
	checkIntegrity(t, db)
	articles, stories, err := db.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d whole batches survived the kill", stories)
	if articles != stories*loopBatch || stories < 3 {
		t.Errorf("Counts = %d articles, %d stories; want %d articles per story and at least 3 stories",
			articles, stories, loopBatch)
	}
}

// crashCommand returns the command that runs the child of mode on path.
func crashCommand(t *testing.T, mode, path string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillMidBatch$", "-test.count=1")
	cmd.Env = append(os.Environ(), envCrashMode+"="+mode, envCrashDB+"="+path)
	return cmd
}

// crashChild is the child process: it never returns.
func crashChild(mode, path string) {
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Println("child:", err)
		os.Exit(2)
	}
	as := storetest.Articles(crashBase + crashBatch)
	switch mode {
	case "hook":
		// A small page cache makes SQLite spill the transaction's pages
		// to the WAL long before it commits.
		db.write.Exec("PRAGMA cache_size = 64")
		db.afterInsert = func(i int) {
			if i == crashKillAt {
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
			}
		}
		_, err = db.Commit(ctx, storetest.Batch("s-big", as[crashBase:]))
	case "loop":
		for k := 0; err == nil && (k+1)*loopBatch <= len(as); k++ {
			_, err = db.Commit(ctx, storetest.Batch(fmt.Sprintf("s-%d", k), as[k*loopBatch:(k+1)*loopBatch]))
			fmt.Println("committed", k)
		}
	}
	fmt.Println("child: not killed:", err)
	os.Exit(3)
}

// checkKilled fails the test unless err says the child died of SIGKILL.
func checkKilled(t *testing.T, err error, out []byte) {
	t.Helper()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("child: %v\n%s", err, out)
	}
	ws, ok := exit.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v, want SIGKILL\n%s", err, out)
	}
}

// checkIntegrity runs SQLite's and FTS5's consistency checks on db.
func checkIntegrity(t *testing.T, db *DB) {
	t.Helper()
	if got := pragma(t, db, "integrity_check"); got != "ok" {
		t.Errorf("PRAGMA integrity_check = %q, want ok", got)
	}
	if _, err := db.write.Exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("FTS5 integrity-check: %v", err)
	}
}

func checkCountsEqual(t *testing.T, db *DB, articles, stories int) {
	t.Helper()
	a, s, err := db.Counts(context.Background())
	if err != nil || a != articles || s != stories {
		t.Errorf("Counts = %d, %d, %v; want %d, %d", a, s, err, articles, stories)
	}
}
