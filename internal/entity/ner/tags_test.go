package ner

import "strings"

// toIOB converts a valid BILOU sequence to IOB2 tag strings.
func toIOB(tags []int) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		switch {
		case t == 0:
			out[i] = "O"
		case posOf(t) == posB || posOf(t) == posU:
			out[i] = "B-" + conllType[typeOf(t)]
		default:
			out[i] = "I-" + conllType[typeOf(t)]
		}
	}
	return out
}

// tagName returns the readable name of tag t, such as "U-PER".
func tagName(t int) string {
	if t == 0 {
		return "O"
	}
	return strings.Split("B I L U", " ")[posOf(t)] + "-" + conllType[typeOf(t)]
}
