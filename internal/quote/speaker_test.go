package quote

import "testing"

// TestSpeaker has a row for each case of the rules in speaker.go: the
// speaker a cue names, resolved to the fullest name the text gives,
// appositions and possessive titles.
func TestSpeaker(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"Donald Trump met Vladimir Putin. “It went well,” Trump said.", "Donald Trump met Vladimir Putin. “It went well,” Trump said.", []view{{true, "It went well", "Donald Trump", "Trump", "said", 0}}},
		{"“We want peace,” the president said.", "“We want peace,” the president said.", []view{{true, "We want peace", "", "the president", "said", 0}}},
		{"“It is a start,” said Kaja Kallas, the EU foreign policy chi", "“It is a start,” said Kaja Kallas, the EU foreign policy chief.", []view{{true, "It is a start", "Kaja Kallas", "Kaja Kallas", "said", 0}}},
		{"Zelenskyy’s chief of staff Andriy Yermak said: “We are ready", "Zelenskyy’s chief of staff Andriy Yermak said: “We are ready.”", []view{{true, "We are ready.", "Andriy Yermak", "Zelenskyy’s chief of staff Andriy Yermak", "said", 0}}},
	})
}
