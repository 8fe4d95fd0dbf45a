package storetest

import (
	"fmt"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// News paragraphs in the style of the seed articles, in several languages and
// scripts. They are written for these tests; the suite reads no files.
const (
	textWhiteHouse = `European leaders will join Ukrainian President Volodymyr Zelensky at the White House on Monday, a show of support before talks that are expected to cover security guarantees, territorial questions and continued military aid.

It is Zelensky's first visit to Washington since February, when an Oval Office meeting turned into a public argument and the United States briefly paused deliveries of weapons to Kyiv.

Officials in Berlin and Paris said the leaders wanted to make sure that any arrangement agreed with Moscow does not leave Ukraine exposed to a renewed invasion.`

	textKremlin = `The Kremlin said on Tuesday that no date had been set for a meeting between Vladimir Putin and Volodymyr Zelensky, and that any such summit would need careful preparation by experts first.

Presidential aide Yuri Ushakov told reporters in Moscow that the two sides had discussed "raising the level of representatives" in future negotiations, without giving details.

Russian officials have repeatedly rejected the deployment of troops from NATO countries on Ukrainian soil as part of a peace settlement.`

	textAlaska = `President Donald Trump and Vladimir Putin ended their summit at a military base in Anchorage, Alaska, without announcing a ceasefire, although both men described the talks as productive.

Trump later told European leaders on a call that he was prepared to contribute to security guarantees for Ukraine as long as they did not involve NATO membership, according to people familiar with the conversation.

The Russian leader invited Trump to Moscow for a follow-up meeting, a suggestion the American president said he would consider.`

	textBerlin = `Bundeskanzler Friedrich Merz sagte nach dem Treffen im Weißen Haus, eine Waffenruhe müsse am Anfang jeder weiteren Verhandlung über die Zukunft der Ukraine stehen.

Die europäischen Regierungschefs begrüßten die Bereitschaft Washingtons, sich an Sicherheitsgarantien für Kiew zu beteiligen. Über Einzelheiten solle in den kommenden Tagen gesprochen werden.`

	textParis = `Emmanuel Macron a estimé que les « garanties de sécurité » offertes à l'Ukraine devaient être « solides et crédibles » pour dissuader toute nouvelle agression russe.

Le président français a ajouté que la coalition des volontaires, menée par Paris et Londres, était prête à participer à une force de réassurance après la fin des combats.`

	textKyiv = `Президент України Володимир Зеленський заявив, що готовий зустрітися з Володимиром Путіним у будь-якому форматі, але наголосив, що питання територій має вирішуватися лише на рівні лідерів.

Зеленський подякував європейським партнерам за підтримку і назвав переговори у Вашингтоні «дуже добрими». Гарантії безпеки, за його словами, мають бути оформлені протягом десяти днів.`

	textWildfires = `Firefighters in northern Spain battled more than a dozen wildfires on Sunday as a prolonged heatwave pushed temperatures above 40 degrees Celsius in several regions.

Authorities evacuated thousands of residents from villages in Galicia and Castile and León, and rail traffic between Madrid and the north-west was suspended for a second day.`

	textMarkets = `European shares edged higher on Monday as investors weighed the prospects of a negotiated end to the war in Ukraine, with defence stocks falling and airlines gaining.

The euro was steady against the dollar, while benchmark gas prices in Amsterdam slipped to their lowest level in more than a year on hopes of calmer energy markets.`
)

// sample is one of the paragraphs above with plausible metadata.
type sample struct {
	outlet, title, author, lang, text string
}

var samples = []sample{
	{"Atlantic Wire", "European leaders to join Zelensky at White House talks", "Anna Keller", "en", textWhiteHouse},
	{"Moscow Herald", "Kremlin says no date set for Putin-Zelensky meeting", "", "en", textKremlin},
	{"Capital Ledger", "Trump and Putin end Alaska summit without ceasefire", "Jonas Whitfield", "en", textAlaska},
	{"Rheinischer Kurier", "Merz fordert Waffenruhe vor weiteren Gesprächen", "", "de", textBerlin},
	{"Le Quotidien", "Ukraine : Macron réclame des garanties « solides »", "Hélène Marchand", "fr", textParis},
	{"Київський вісник", "Зеленський готовий до зустрічі з Путіним", "", "uk", textKyiv},
	{"Iberia Press", "Wildfires rage across northern Spain amid heatwave", "Ciarán Ó Briain", "en", textWildfires},
	{"Market Journal", "European stocks rise on Ukraine peace hopes", "", "en", textMarkets},
}

// corpusStart is the publication time of the first generated article.
var corpusStart = time.Date(2025, 8, 15, 6, 0, 0, 0, time.UTC)

// Articles returns n distinct articles built from realistic news paragraphs
// in several languages, the same n for every call. Every seventh article
// has no publication date; the others are 37 minutes apart. Backends use it
// for benchmarks and load tests.
func Articles(n int) []article.Article {
	as := make([]article.Article, n)
	for i := range as {
		s := samples[i%len(samples)]
		a := article.Article{
			SourceRef: fmt.Sprintf("corpus/%06d.txt", i),
			URL:       fmt.Sprintf("https://news.example/%d/%06d", i%len(samples), i),
			Title:     s.title,
			Outlet:    s.outlet,
			Author:    s.author,
			Language:  s.lang,
			Text:      fmt.Sprintf("%s\n\n(Report %d.)", s.text, i),
		}
		if i%7 != 6 {
			a.Published = corpusStart.Add(time.Duration(i) * 37 * time.Minute)
		}
		a.SetID()
		as[i] = a
	}
	return as
}

// Batch returns a batch that puts all of as in a new story with the given ID,
// with the story's summary computed from as.
func Batch(storyID string, as []article.Article) store.Batch {
	b := store.Batch{Articles: as}
	s := store.Story{ID: storyID, Articles: len(as)}
	for i, a := range as {
		if i == 0 {
			s.Headline = a.Title
		}
		b.Assignments = append(b.Assignments, store.Assignment{
			ArticleID: a.ID, StoryID: storyID, Score: float64(i) / float64(len(as)),
			Evidence: []string{"ukraine", "security guarantees"},
		})
		if a.Published.IsZero() {
			continue
		}
		if s.FirstPublished.IsZero() || a.Published.Before(s.FirstPublished) {
			s.FirstPublished = a.Published
		}
		if a.Published.After(s.LastPublished) {
			s.LastPublished = a.Published
		}
	}
	b.Stories = []store.Story{s}
	return b
}
