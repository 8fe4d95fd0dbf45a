//go:build !unix

package sqlite

import "os"

// tryLock takes no lock where flock is missing: there, one process at a
// time must ingest into a file.
func tryLock(*os.File) (bool, error) { return true, nil }

func unlockFile(*os.File) {}
