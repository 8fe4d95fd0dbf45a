package rusage

import (
	"runtime"
	"testing"
)

func TestCPUGrowsWithWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("not measured on", runtime.GOOS)
	}
	before := CPU()
	x := 0
	for i := range 50_000_000 {
		x ^= i * i
	}
	after := CPU()
	if after <= before {
		t.Errorf("CPU time did not grow over a busy loop (%d): %v then %v", x, before, after)
	}
	if MaxRSS() < 1<<20 {
		t.Errorf("peak RSS %d bytes, want at least 1 MiB", MaxRSS())
	}
}
