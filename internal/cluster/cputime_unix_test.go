//go:build unix

package cluster

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, user and system. On a
// shared machine it measures work where wall time measures contention.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
