package ner

import "strings"

// Normalize maps a token to the form the model's features see: typographic
// quotes, apostrophes, dashes and ellipses become the ASCII forms the
// CoNLL-2003 data uses (’ → ', “ ” → ", — → --, … → ...). Letters and
// digits are left alone.
func Normalize(tok string) string {
	ascii := true
	for i := 0; i < len(tok); i++ {
		if tok[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		if tok == "`" || tok == "``" || tok == "''" {
			return `"`
		}
		return tok
	}
	return normReplacer.Replace(tok)
}

var normReplacer = strings.NewReplacer(
	"’", "'", "‘", "'", "ʼ", "'", "´", "'",
	"“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`,
	"—", "--", "–", "--", "―", "--", "−", "-", "‐", "-", "‑", "-",
	"…", "...",
)
