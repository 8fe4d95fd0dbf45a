package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/RadhiFadlillah/whatlanggo"
)

// paragraphs in several languages, each about the same news.
var paragraphs = map[string]string{
	"de": "Der ukrainische Präsident Wolodymyr Selenskyj und mehrere europäische Staats- und Regierungschefs haben sich am Montag im Weißen Haus mit US-Präsident Donald Trump getroffen, um über mögliche Schritte zur Beendigung des Krieges in der Ukraine zu sprechen. Trump sagte, die USA würden helfen, die Sicherheit der Ukraine zu gewährleisten.",
	"fr": "Le président ukrainien Volodymyr Zelensky et plusieurs dirigeants européens ont rencontré lundi le président américain Donald Trump à la Maison Blanche pour discuter des mesures possibles pour mettre fin à la guerre en Ukraine. Trump a déclaré que les États-Unis aideraient à garantir la sécurité de l'Ukraine.",
	"es": "El presidente ucraniano Volodímir Zelenski y varios líderes europeos se reunieron el lunes con el presidente estadounidense Donald Trump en la Casa Blanca para discutir posibles medidas para poner fin a la guerra en Ucrania. Trump dijo que Estados Unidos ayudaría a garantizar la seguridad de Ucrania.",
	"nl": "De Oekraïense president Volodymyr Zelensky en verschillende Europese leiders hebben maandag in het Witte Huis de Amerikaanse president Donald Trump ontmoet om mogelijke stappen te bespreken om de oorlog in Oekraïne te beëindigen. Trump zei dat de VS zouden helpen de veiligheid van Oekraïne te garanderen, of dat nu snel gaat of niet.",
	"pl": "Prezydent Ukrainy Wołodymyr Zełenski i kilku europejskich przywódców spotkało się w poniedziałek w Białym Domu z prezydentem USA Donaldem Trumpem, aby omówić możliwe kroki w celu zakończenia wojny na Ukrainie. Trump powiedział, że to Stany Zjednoczone pomogą zagwarantować bezpieczeństwo Ukrainy.",
	"ru": "Президент Украины Владимир Зеленский и несколько европейских лидеров встретились в понедельник в Белом доме с президентом США Дональдом Трампом, чтобы обсудить возможные шаги по прекращению войны на Украине. Трамп заявил, что США помогут обеспечить безопасность Украины.",
}

func TestDetectLanguage(t *testing.T) {
	for lang, text := range paragraphs {
		if looksEnglish(text) {
			t.Errorf("looksEnglish(%s paragraph) = true", lang)
		}
		want := lang
		if lang == "nl" {
			want = "" // whatlanggo ranks Dutch first, but with confidence 0.23 (Afrikaans is close)
		}
		if got := detectLanguage(text); got != want {
			t.Errorf("detectLanguage(%s paragraph) = %q, want %q", lang, got, want)
		}
	}
	tests := []struct{ in, want string }{
		{"", ""},
		{"12345 67890 !!!", ""},
		{"The Hague", ""}, // too short for either
		// A table of figures: whatlanggo is not asked.
		{"Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000\n\nRevs 12.3 mln vs 11.1 mln\n\nAvg shrs 2,376,000 vs 2,393,000", ""},
	}
	for _, tt := range tests {
		if got := detectLanguage(tt.in); got != tt.want {
			t.Errorf("detectLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLooksEnglishAgreesWithDetector checks the English shortcut against
// whatlanggo on every English text in the seeds and fixtures.
func TestLooksEnglishAgreesWithDetector(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sample := string(data[:langSample])
		if !looksEnglish(sample) {
			t.Errorf("looksEnglish(%s) = false", p)
		}
		if info := whatlanggo.Detect(sample); !info.IsReliable() || info.Lang.Iso6391() != "en" {
			t.Errorf("whatlanggo on %s: %s (confidence %.2f), want en", p, info.Lang.Iso6391(), info.Confidence)
		}
	}
	short := "Standard Oil Co and BP North America Inc said they plan to form a venture to manage the money market borrowing."
	if !looksEnglish(short) {
		t.Errorf("looksEnglish(%q) = false", short)
	}
	table := "Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000 Revs 12.3 mln vs 11.1 mln Avg shrs 2,376,000 vs 2,393,000 Nine mths Shr"
	if looksEnglish(table) {
		t.Errorf("looksEnglish(%q) = true", table)
	}
}

func TestMostlyFigures(t *testing.T) {
	tests := map[string]bool{
		"":                                 false,
		"Shr 34 cts vs 1.19 dlrs":          true, // 2 of 5
		"Net 807,000 vs 2,858,000 in 1986": true, // 3 of 5
		"Oil rose 2% to $81 a barrel on Monday, traders said": false, // 2 of 11
		"12345": true,
	}
	for _, p := range paragraphs {
		tests[p] = false
	}
	for in, want := range tests {
		if got := mostlyFigures(in); got != want {
			t.Errorf("mostlyFigures(%.40q) = %v, want %v", in, got, want)
		}
	}
}

func TestBaseLanguage(t *testing.T) {
	tests := map[string]string{
		"en": "en", "en-GB": "en", " EN-us ": "en", "de_AT": "de", "zh-Hant-TW": "zh",
		"": "", "und": "", "not a tag!": "", "english": "",
	}
	for in, want := range tests {
		if got := baseLanguage(in); got != want {
			t.Errorf("baseLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}
