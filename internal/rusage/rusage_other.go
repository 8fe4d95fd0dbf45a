//go:build !unix

package rusage

import "time"

// CPU returns the CPU time the process has used: not measured on this
// system, so zero, which callers show as unknown.
func CPU() time.Duration { return 0 }

// MaxRSS returns the process's peak resident set size: not measured on
// this system, so zero.
func MaxRSS() uint64 { return 0 }
