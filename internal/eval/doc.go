// Package eval scores storyline's stages against the labeled benchmark sets
// in ../shared/bench: one file per benchmark (timex.go, ner.go, quotes.go,
// cluster.go), each reading the benchmark's own file format and printing the
// figures its README compares against. `storyline eval` wires them up.
package eval
