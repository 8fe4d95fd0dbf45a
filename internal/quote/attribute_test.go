package quote

import "testing"

// TestAttribute has a row for each case of the rules in attribute.go: the
// cue after a quotation, with the speaker before or after the verb, the cue
// before it, and "according to".
func TestAttribute(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"“We are ready to talk,” Zelenskyy said.", "“We are ready to talk,” Zelenskyy said.", []view{{true, "We are ready to talk", "Zelenskyy", "Zelenskyy", "said", 0}}},
		{"“We are ready to talk,” said Zelenskyy.", "“We are ready to talk,” said Zelenskyy.", []view{{true, "We are ready to talk", "Zelenskyy", "Zelenskyy", "said", 0}}},
		{"“We are ready to talk,” the Ukrainian president told reporte", "“We are ready to talk,” the Ukrainian president told reporters.", []view{{true, "We are ready to talk", "", "the Ukrainian president", "told reporters", 0}}},
		{"Zelenskyy said: “We are ready to talk.”", "Zelenskyy said: “We are ready to talk.”", []view{{true, "We are ready to talk.", "Zelenskyy", "Zelenskyy", "said", 0}}},
		{"Trump wrote on Truth Social: “Everyone is very happy.”", "Trump wrote on Truth Social: “Everyone is very happy.”", []view{{true, "Everyone is very happy.", "Trump", "Trump", "wrote", 0}}},
		{"“It was a good meeting,” Merz, the German chancellor, said o", "“It was a good meeting,” Merz, the German chancellor, said on Monday.", []view{{true, "It was a good meeting", "Merz", "Merz, the German chancellor", "said", 0}}},
		{"“The war must end,” Macron added, calling the talks “constru", "“The war must end,” Macron added, calling the talks “constructive.”", []view{{true, "The war must end … constructive.", "Macron", "Macron", "added", 2}}},
		{"According to Rutte, “NATO stands united.”", "According to Rutte, “NATO stands united.”", []view{{true, "NATO stands united.", "Rutte", "Rutte", "According to", 0}}},
		{"“Nothing is agreed,” a senior official said, speaking on con", "“Nothing is agreed,” a senior official said, speaking on condition of anonymity.", []view{{true, "Nothing is agreed", "", "a senior official", "said", 0}}},
	})
}
