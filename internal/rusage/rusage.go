// Package rusage reads what the process has used so far: CPU time and peak
// resident memory. Benchmarks report CPU time beside wall time, because on
// a shared machine wall time measures contention as much as work.
package rusage
