package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// server is a throwaway PostgreSQL cluster in a temporary folder.
type server struct {
	dir string // holds data/, the socket and the log
	cmd *exec.Cmd
}

// findBinaries returns the folder of initdb and postgres: the one on PATH,
// else the newest under /usr/lib/postgresql (Debian keeps them off PATH).
func findBinaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(found) == 0 {
		return "", errors.New("initdb not found")
	}
	slices.SortFunc(found, func(a, b string) int { return majorOf(a) - majorOf(b) })
	return filepath.Dir(found[len(found)-1]), nil
}

// majorOf returns the major version in /usr/lib/postgresql/N/bin/initdb.
func majorOf(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// start creates and starts a cluster with the binaries in bin. initdb
// refuses to run as root, so as root the cluster belongs to the postgres
// user, which must exist.
func start(bin string) (*server, error) {
	dir, err := os.MkdirTemp("", "storyline-pg-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir}
	cred, err := credential(dir)
	if err == nil {
		err = s.initdb(bin, cred)
	}
	if err == nil {
		err = s.run(bin, cred)
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

// credential returns who runs the server: nil (this process's user) unless
// this process is root, when it is the postgres user, who is given dir.
func credential(dir string) (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root and %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func (s *server) command(cred *syscall.Credential, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	// Pdeathsig stops the server if the test binary dies without Main.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL}
	return cmd
}

func (s *server) initdb(bin string, cred *syscall.Credential) error {
	args := []string{"-D", filepath.Join(s.dir, "data"), "-U", "postgres", "-A", "trust",
		"-E", "UTF8", "--no-sync"}
	out, err := s.command(cred, filepath.Join(bin, "initdb"), append(args, "--locale=C.UTF-8")...).CombinedOutput()
	if err != nil { // no C.UTF-8 locale: case folding then covers ASCII only
		os.RemoveAll(filepath.Join(s.dir, "data"))
		out, err = s.command(cred, filepath.Join(bin, "initdb"), append(args, "--no-locale")...).CombinedOutput()
	}
	if err != nil {
		return fmt.Errorf("initdb: %v: %s", err, out)
	}
	return nil
}

// run starts the server as a child process, listening on a unix socket in
// s.dir only, and waits until it accepts connections.
func (s *server) run(bin string, cred *syscall.Credential) error {
	logFile, err := os.Create(filepath.Join(s.dir, "log"))
	if err != nil {
		return err
	}
	defer logFile.Close()
	cmd := s.command(cred, filepath.Join(bin, "postgres"), "-D", filepath.Join(s.dir, "data"),
		"-k", s.dir, "-c", "listen_addresses=", "-c", "max_connections=200")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		return err
	}
	s.cmd = cmd
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		conn, err := pgx.Connect(ctx, s.dsn("postgres"))
		if err == nil {
			return conn.Close(ctx)
		}
		select {
		case <-ctx.Done():
			log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
			s.stop()
			return fmt.Errorf("server did not start: %v\n%s", err, log)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// dsn returns the URL of database name on s.
func (s *server) dsn(name string) string {
	q := url.Values{"host": {s.dir}, "sslmode": {"disable"}}
	return "postgres://postgres@/" + name + "?" + q.Encode()
}

// stop shuts the server down (fast shutdown: sessions are ended) and
// removes its folder.
func (s *server) stop() error {
	if s.cmd != nil {
		s.cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- s.cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			s.cmd.Process.Kill()
			<-done
		}
	}
	return os.RemoveAll(s.dir)
}
