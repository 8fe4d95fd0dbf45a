// Package examples bundles the project's example corpora into the binary, so
// that `storyline serve --demo` and tests can use them without the source
// tree at hand.
package examples

import "embed"

// FS holds the example corpora, one folder each: ukraine-talks/ is five
// outlets' coverage of the August 2025 White House talks on Ukraine.
//
//go:embed ukraine-talks
var FS embed.FS

// UkraineTalks is the folder of FS that holds the seed articles.
const UkraineTalks = "ukraine-talks"
