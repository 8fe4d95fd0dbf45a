//go:build !unix

package eval

import "time"

// cpuTime returns the CPU time the process has used: not measured on this
// system, so reported as zero and CPU rates are shown as unknown.
func cpuTime() time.Duration { return 0 }

// maxRSS returns the process's peak resident set size: not measured on
// this system.
func maxRSS() uint64 { return 0 }
