package eval

import (
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/internal/rusage"
)

// Usage is the wall-clock and CPU time (user + system, whole process) that
// a piece of work took.
type Usage struct {
	Wall, CPU time.Duration
}

// A Meter adds up the Usage of the sections between Start and Stop. It
// measures CPU time of the whole process (getrusage), so it attributes to
// a section whatever else the process runs meanwhile, the garbage collector
// included. It is not safe for concurrent use.
type Meter struct {
	u     Usage
	t0    time.Time
	cpu0  time.Duration
	count int
}

// Start begins a section.
func (m *Meter) Start() { m.t0, m.cpu0 = time.Now(), rusage.CPU() }

// Stop ends the section begun by Start.
func (m *Meter) Stop() {
	m.u.Wall += time.Since(m.t0)
	m.u.CPU += rusage.CPU() - m.cpu0
	m.count++
}

// Usage returns the total of the sections so far.
func (m *Meter) Usage() Usage { return m.u }

// resetRSSPeak resets the kernel's record of peak RSS (Linux; VmHWM), so
// that rssPeak reports the peak since this call. It reports success.
func resetRSSPeak() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// rssPeak returns the peak RSS since resetRSSPeak (VmHWM), or getrusage's
// lifetime peak when /proc is not there.
func rssPeak() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err == nil {
		for line := range strings.Lines(string(data)) {
			if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				n, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")), 10, 64)
				if err == nil {
					return n << 10
				}
			}
		}
	}
	return rusage.MaxRSS()
}

// heapWatch samples the bytes of live and not yet swept heap objects every
// few milliseconds and keeps the peak.
type heapWatch struct {
	peak atomic.Uint64
	stop chan struct{}
	done chan struct{}
}

func watchHeap() *heapWatch {
	h := &heapWatch{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > h.peak.Load() {
				h.peak.Store(v)
			}
			select {
			case <-h.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

// end stops the sampling and returns the peak.
func (h *heapWatch) end() uint64 {
	close(h.stop)
	<-h.done
	return h.peak.Load()
}
