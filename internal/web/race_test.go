//go:build race

package web

// raceEnabled reports a build with the race detector, under which work runs
// many times slower than the bounds some tests put on it.
const raceEnabled = true
