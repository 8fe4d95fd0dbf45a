package watch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// feedState is what the watcher remembers of one feed between polls and
// across restarts.
type feedState struct {
	// ETag and LastModified are the validators of the last feed document
	// whose items were all ingested, sent back on the next poll.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Items maps an item's key (its link, else its content ID) to the
	// content ID of its version last ingested: an item whose content ID
	// changes is ingested again, as a new version.
	Items map[string]string `json:"items,omitempty"`
	// Failures counts the polls that failed in a row; Next is when the
	// feed is due again.
	Failures int       `json:"failures,omitempty"`
	Next     time.Time `json:"next,omitzero"`
	// Seen is when each item key was last in the feed, so that keys of
	// items long gone can be forgotten.
	Seen map[string]time.Time `json:"seen,omitempty"`
	// Tries counts, for each item key, the polls in a row in which the
	// item's page failed for now (see maxTries).
	Tries map[string]int `json:"tries,omitempty"`
}

// stateFile is the whole state, one entry per feed URL.
type stateFile struct {
	Version int                   `json:"version"`
	Feeds   map[string]*feedState `json:"feeds"`
}

// loadState reads the state at path; a missing file is an empty state.
func loadState(path string) (*stateFile, error) {
	st := &stateFile{Version: 1, Feeds: make(map[string]*feedState)}
	if path == "" {
		return st, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("watch: state: %w", err)
	}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("watch: state %s: %w", path, err)
	}
	if st.Feeds == nil {
		st.Feeds = make(map[string]*feedState)
	}
	return st, nil
}

// save writes the state to path atomically: a crash leaves the old file or
// the new one, never half of one.
func (st *stateFile) save(path string) error {
	if path == "" {
		return nil
	}
	data, err := json.MarshalIndent(st, "", "\t")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("watch: state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("watch: state: %w", err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("watch: state: %w", err)
	}
	return nil
}

// feed returns the state of the feed at u, creating it if needed.
func (st *stateFile) feed(u string) *feedState {
	f := st.Feeds[u]
	if f == nil {
		f = &feedState{}
		st.Feeds[u] = f
	}
	if f.Items == nil {
		f.Items = make(map[string]string)
	}
	if f.Seen == nil {
		f.Seen = make(map[string]time.Time)
	}
	if f.Tries == nil {
		f.Tries = make(map[string]int)
	}
	return f
}
