package ner_test

import (
	"fmt"

	"github.com/storyline-news/storyline/internal/entity/ner"
)

func ExampleModel_Tag() {
	text := "U.S. President Donald Trump met Volodymyr Zelenskyy at the White House; the Kremlin said Putin was ready."
	for _, m := range ner.Default().Tag(text) {
		fmt.Printf("%d-%d %s %q\n", m.Start, m.End, m.Type, m.Text)
	}
	// Output:
	// 0-4 location "U.S."
	// 15-27 person "Donald Trump"
	// 32-51 person "Volodymyr Zelenskyy"
	// 59-70 location "White House"
	// 76-83 organization "Kremlin"
	// 89-94 person "Putin"
}
