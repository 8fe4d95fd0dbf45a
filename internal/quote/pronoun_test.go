package quote

import "testing"

// TestPronoun has a row for each case of the rules in pronoun.go: a pronoun
// or "who" resolved to the subject before it, by gender and number.
func TestPronoun(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"Zelenskyy arrived in Washington. He said Ukraine needed guar", "Zelenskyy arrived in Washington. He said Ukraine needed guarantees.", []view{{false, "Ukraine needed guarantees", "Zelenskyy", "He", "said", 0}}},
		{"Giorgia Meloni met Trump. She said Europe must act.", "Giorgia Meloni met Trump. She said Europe must act.", []view{{false, "Europe must act", "Giorgia Meloni", "She", "said", 0}}},
		{"Merz met Macron on Monday. “We agree,” he said.", "Merz met Macron on Monday. “We agree,” he said.", []view{{true, "We agree", "Merz", "he", "said", 0}}},
		{"Gov. Newsom, who spoke first, said the state would sue.", "Gov. Newsom, who spoke first, said the state would sue.", []view{{false, "the state would sue", "Newsom", "Gov. Newsom, who spoke first", "said", 0}}},
		{"The ministers met in Paris. They said a deal was near.", "The ministers met in Paris. They said a deal was near.", []view{{false, "a deal was near", "", "They", "said", 0}}},
	})
}
