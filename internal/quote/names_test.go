package quote

import "testing"

// TestNames has a row for each case of the rules in names.go: the name
// phrases that can speak: full names with particles and hyphens, titles,
// organizations and acronyms.
func TestNames(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"“The deal is close,” Steve Witkoff said.", "“The deal is close,” Steve Witkoff said.", []view{{true, "The deal is close", "Steve Witkoff", "Steve Witkoff", "said", 0}}},
		{"“The deal is close,” U.S. envoy Steve Witkoff said.", "“The deal is close,” U.S. envoy Steve Witkoff said.", []view{{true, "The deal is close", "Steve Witkoff", "U.S. envoy Steve Witkoff", "said", 0}}},
		{"“The deal is close,” the Kremlin said.", "“The deal is close,” the Kremlin said.", []view{{true, "The deal is close", "Kremlin", "the Kremlin", "said", 0}}},
		{"“Talks continue,” NATO said.", "“Talks continue,” NATO said.", []view{{true, "Talks continue", "NATO", "NATO", "said", 0}}},
		{"“Talks continue,” Jean-Noël Barrot said.", "“Talks continue,” Jean-Noël Barrot said.", []view{{true, "Talks continue", "Jean-Noël Barrot", "Jean-Noël Barrot", "said", 0}}},
		{"“Talks continue,” Ursula von der Leyen said.", "“Talks continue,” Ursula von der Leyen said.", []view{{true, "Talks continue", "Ursula von der Leyen", "Ursula von der Leyen", "said", 0}}},
		{"“Talks continue,” Sen. Lindsey Graham said.", "“Talks continue,” Sen. Lindsey Graham said.", []view{{true, "Talks continue", "Lindsey Graham", "Sen. Lindsey Graham", "said", 0}}},
	})
}
