package quote

import "testing"

// TestReported has a row for each case of the rules in reported.go: reported
// speech after a cue verb, "that" clauses, infinitives, participles and what
// is not a statement.
func TestReported(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"Zelenskyy said Ukraine would not cede territory.", "Zelenskyy said Ukraine would not cede territory.", []view{{false, "Ukraine would not cede territory", "Zelenskyy", "Zelenskyy", "said", 0}}},
		{"Trump told reporters that a meeting could happen soon.", "Trump told reporters that a meeting could happen soon.", []view{{false, "that a meeting could happen soon", "Trump", "Trump", "told reporters", 0}}},
		{"Putin denied that Russia targeted civilians.", "Putin denied that Russia targeted civilians.", []view{{false, "that Russia targeted civilians", "Putin", "Putin", "denied", 0}}},
		{"The Kremlin said the summit was productive, adding that more", "The Kremlin said the summit was productive, adding that more talks were needed.", []view{{false, "the summit was productive", "Kremlin", "The Kremlin", "said", 0}, {false, "that more talks were needed", "Kremlin", "The Kremlin", "adding", 0}}},
		{"Merz warned that sanctions would follow.", "Merz warned that sanctions would follow.", []view{{false, "that sanctions would follow", "Merz", "Merz", "warned", 0}}},
		{"Officials declined to comment.", "Officials declined to comment.", []view{{false, "to comment", "Officials", "Officials", "declined", 0}}},
		{"Zelenskyy called the meeting productive.", "Zelenskyy called the meeting productive.", nil},
		{"Analysts talked about a ceasefire.", "Analysts talked about a ceasefire.", []view{{false, "a ceasefire", "Analysts", "Analysts", "talked", 0}}},
		{"Ukraine’s foreign ministry said in a statement that the stri", "Ukraine’s foreign ministry said in a statement that the strike killed five people.", []view{{false, "that the strike killed five people", "", "Ukraine’s foreign ministry", "said", 0}}},
	})
}
