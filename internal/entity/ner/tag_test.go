package ner

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func mentionString(ms []Mention) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+":"+string(m.Type))
	}
	return strings.Join(out, " ")
}

func TestTag(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"On Monday, U.S. President Donald Trump told President Volodymyr Zelenskyy that the United States would help.",
			"U.S.:location Donald Trump:person Volodymyr Zelenskyy:person United States:location"},
		{"Meanwhile, European leaders—who traveled to Washington to show their support for Zelenskyy—urged Trump to insist.",
			"European:other Washington:location Zelenskyy:person Trump:person"},
		{"While the Kremlin has not yet publicly confirmed its agreement, a senior U.S. official said the meeting could be held in Hungary.",
			"Kremlin:organization U.S.:location Hungary:location"},
		{"Just before the talks began, Russia’s Foreign Ministry complicated Trump’s offer by ruling out the deployment of NATO troops.",
			"Russia:location Foreign Ministry:organization Trump:person NATO:organization"},
		{"Putin met Zelenskyy. Later the Putin-Zelenskyy meeting was set.",
			"Putin:person Zelenskyy:person Putin:person Zelenskyy:person"},
		{"The atmosphere was better than the disastrous Oval Office meeting in February.",
			"Oval Office:location"},
		{"NATO Secretary General Mark Rutte said that NATO membership for Ukraine was not on the table.",
			"NATO:organization Mark Rutte:person NATO:organization Ukraine:location"},
		{"“We need security to work in practice like Article 5 of NATO.”",
			"Article 5:other NATO:organization"},
		{"The president and von der Leyen welcomed president Trump’s willingness to contribute.",
			"von der Leyen:person Trump:person"},
		{"Mohammed bin Salman met Charles Michel; later bin Salman flew home.",
			"Mohammed bin Salman:person Charles Michel:person bin Salman:person"},
		{"Macron flew from Charles de Gaulle airport to meet Trump.",
			"Macron:person Charles de Gaulle airport:location Trump:person"},
		{"Protesters gathered outside the Trump hospital visit in Ohio.",
			"Trump:person Ohio:location"},
	}
	m := Default()
	for _, tt := range tests {
		t.Run(tt.in[:20], func(t *testing.T) {
			if got := mentionString(m.Tag(tt.in)); got != tt.want {
				t.Errorf("Tag(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestNumbered(t *testing.T) {
	for tok, want := range map[string]bool{"5": true, "11": true, "2231": true, "5a": true, "IV": true,
		"I": true, "": false, "a5": false, "five": false, "5abc": false, "Ivan": false} {
		if got := numbered(tok); got != want {
			t.Errorf("numbered(%q) = %v, want %v", tok, got, want)
		}
	}
}

func TestTagOffsets(t *testing.T) {
	text := "“Zelenskyy’s plan,” said Macron—in Kyiv."
	rs := []rune(text)
	ms := Default().Tag(text)
	if len(ms) == 0 {
		t.Fatal("no mentions")
	}
	for _, m := range ms {
		if string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("mention %+v: runes at offsets are %q", m, string(rs[m.Start:m.End]))
		}
	}
	if got, want := mentionString(ms), "Zelenskyy:person Macron:person Kyiv:location"; got != want {
		t.Errorf("Tag(%q) = %s, want %s", text, got, want)
	}
}

func TestTagEmpty(t *testing.T) {
	for _, s := range []string{"", " \n ", "—", "\xff\xfe"} {
		if ms := Default().Tag(s); len(ms) != 0 {
			t.Errorf("Tag(%q) = %v, want none", s, ms)
		}
	}
}

// TestTagConcurrent tags from several goroutines at once; run with -race.
func TestTagConcurrent(t *testing.T) {
	text := seedText(t, "003_545589a7eaafdb4a.txt")
	want := fmt.Sprint(Default().Tag(text))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := fmt.Sprint(Default().Tag(text)); got != want {
				t.Error("concurrent Tag gave a different result")
			}
		}()
	}
	wg.Wait()
}

// TestTagReusesNoState tags the seeds one after another, twice, so that
// each reuses the buffers that other articles left, and checks each result
// against the same text tagged with fresh buffers.
func TestTagReusesNoState(t *testing.T) {
	names, _ := filepath.Glob("../../../examples/ukraine-talks/*.txt")
	if len(names) == 0 {
		t.Skip("no seeds")
	}
	m := Default()
	shared := new(scratch)
	for range 2 {
		for _, n := range names {
			text := seedText(t, filepath.Base(n))
			want := m.tag(new(scratch), text)
			if len(want) == 0 {
				t.Fatalf("%s: nothing tagged", n)
			}
			if got := m.tag(shared, text); !slices.Equal(got, want) {
				t.Errorf("%s: tagged with reused buffers differs from fresh ones", filepath.Base(n))
			}
			if got := m.Tag(text); !slices.Equal(got, want) {
				t.Errorf("%s: Tag differs from fresh buffers", filepath.Base(n))
			}
		}
	}
}
