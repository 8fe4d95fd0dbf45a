package quote

import "testing"

// TestDirect has a row for each case of the rules in direct.go: direct
// quotes of several sentences, continued after the cue or across a
// paragraph, partial quotes and wire-copy marks.
func TestDirect(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"“We will not give up our land. Ukraine will fight,” Zelensky", "“We will not give up our land. Ukraine will fight,” Zelenskyy said.", []view{{true, "We will not give up our land. Ukraine will fight", "Zelenskyy", "Zelenskyy", "said", 0}}},
		{"“We are ready,” Zelenskyy said. “But we need guarantees.”", "“We are ready,” Zelenskyy said. “But we need guarantees.”", []view{{true, "We are ready … But we need guarantees.", "Zelenskyy", "Zelenskyy", "said", 2}}},
		{"Zelenskyy said the talks were “a major step forward.”", "Zelenskyy said the talks were “a major step forward.”", []view{{false, "the talks were “a major step forward.”", "Zelenskyy", "Zelenskyy", "said", 0}, {true, "a major step forward.", "Zelenskyy", "Zelenskyy", "said", 0}}},
		{"“First paragraph of a long quote. “Second paragraph ends it,", "“First paragraph of a long quote.\n“Second paragraph ends it,” Merz said.", []view{{true, "First paragraph of a long quote. Second paragraph ends it", "Merz", "Merz", "said", 2}}},
		{"He called it 'a disgrace,' officials said.", "He called it 'a disgrace,' officials said.", []view{{false, "it 'a disgrace,'", "", "He", "called", 0}, {true, "a disgrace", "", "officials", "said", 0}}},
		{"``We are ready,'' Zelenskyy said.", "``We are ready,'' Zelenskyy said.", []view{{true, "We are ready", "Zelenskyy", "Zelenskyy", "said", 0}}},
	})
}
