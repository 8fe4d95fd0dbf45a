// Package pgtest gives tests PostgreSQL databases of their own: on the
// server named by $STORYLINE_TEST_POSTGRES, or else on a throwaway server
// that it starts from the machine's PostgreSQL binaries (initdb in a
// temporary folder, listening only on a unix socket there). Tests skip when
// neither is available.
//
// A package whose tests use it calls Main from TestMain, so that the
// throwaway server, started by the first test that asks for a database, is
// stopped when the tests end.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the environment variable that points the tests at an existing
// server: a PostgreSQL URL or keyword/value DSN of a role that may create
// databases.
const EnvDSN = "STORYLINE_TEST_POSTGRES"

var (
	startOnce sync.Once
	admin     string // DSN of the maintenance database, "" when none
	started   *server
	startErr  error
	skipWhy   string
	dbCount   atomic.Int64
)

// Main runs the tests of m and stops the throwaway server if one was
// started; it returns the exit code for os.Exit.
func Main(m *testing.M) int {
	code := m.Run()
	if started != nil {
		if err := started.stop(); err != nil {
			fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		}
	}
	return code
}

// setup finds or starts the server once per test binary.
func setup() {
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		admin = dsn
		return
	}
	bin, err := findBinaries()
	if err != nil {
		skipWhy = fmt.Sprintf("no PostgreSQL: %v; install postgresql or set %s", err, EnvDSN)
		return
	}
	started, startErr = start(bin)
	if startErr == nil {
		admin = started.dsn("postgres")
	}
}

// Database creates a new, empty database and returns its URL; the database
// is dropped when t ends. It skips t when there is no server to use.
func Database(t testing.TB) string {
	t.Helper()
	startOnce.Do(setup)
	switch {
	case startErr != nil:
		t.Fatalf("pgtest: start PostgreSQL: %v", startErr)
	case admin == "":
		t.Skip(skipWhy)
	}
	name := fmt.Sprintf("storyline_test_%d_%d", os.Getpid(), dbCount.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := adminExec(ctx, "CREATE DATABASE "+name+" ENCODING 'UTF8' TEMPLATE template0"); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := adminExec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	dsn, err := withDatabase(admin, name)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return dsn
}

// adminExec runs one statement on the maintenance database.
func adminExec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// withDatabase returns dsn with its database replaced by name. dsn is a
// URL (postgres://…) or a keyword/value string, where a later keyword
// overrides an earlier one.
func withDatabase(dsn, name string) (string, error) {
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
		return dsn + " dbname=" + name, nil
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", errors.New("cannot parse " + EnvDSN)
	}
	u.Path = "/" + name
	u.RawPath = ""
	return u.String(), nil
}
