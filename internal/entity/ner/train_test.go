package ner

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// tinyCoNLL is a small training set in the CoNLL-2003 file format.
const tinyCoNLL = `-DOCSTART- O

Peter B-PER
Blackburn I-PER
visited O
Brussels B-LOC
. O

The O
European B-ORG
Commission I-ORG
said O
on O
Thursday O
. O

-DOCSTART- O

Yeltsin B-PER
met O
German B-MISC
officials O
in O
Moscow B-LOC
. O

Blackburn B-PER
said O
the O
U.S.-led B-MISC
talks O
ended O
. O

`

func trainTiny(t *testing.T, dev bool) *Model {
	t.Helper()
	var devr *strings.Reader
	opts := TrainOptions{Epochs: 5, Seed: 7, Clusters: map[string]string{"Moscow": "0110", "Brussels": "0111"}}
	var m *Model
	var err error
	if dev {
		devr = strings.NewReader(tinyCoNLL)
		m, err = Train(context.Background(), opts, strings.NewReader(tinyCoNLL), devr)
	} else {
		m, err = Train(context.Background(), opts, strings.NewReader(tinyCoNLL), nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func saved(t *testing.T, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTrainDeterministic(t *testing.T) {
	for _, dev := range []bool{false, true} {
		a, b := saved(t, trainTiny(t, dev)), saved(t, trainTiny(t, dev))
		if !bytes.Equal(a, b) {
			t.Errorf("dev %v: two trainings with one seed differ", dev)
		}
	}
}

func TestTrainLearns(t *testing.T) {
	m := trainTiny(t, true)
	docs, err := ReadCoNLL(strings.NewReader(tinyCoNLL))
	if err != nil {
		t.Fatal(err)
	}
	if f := F1(m, docs); f < 0.99 {
		t.Errorf("F1 on the training data = %.2f, want 1", f)
	}
	got := m.TagWords([][]string{{"Blackburn", "said", "the", "U.S.-led", "talks", "ended", "."}})
	if want := "[[B-PER O O B-MISC O O O]]"; fmt.Sprint(got) != want {
		t.Errorf("TagWords = %v, want %v", got, want)
	}
	m2, err := Load(bytes.NewReader(saved(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	if f := F1(m2, docs); f < 0.99 {
		t.Errorf("F1 after Save and Load = %.2f, want 1", f)
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(context.Background(), TrainOptions{}, strings.NewReader("word\n"), nil); err == nil {
		t.Error("Train on a malformed file succeeded")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, TrainOptions{}, strings.NewReader(tinyCoNLL), nil); err == nil {
		t.Error("Train with a cancelled context succeeded")
	}
}

func TestReadCoNLL(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(tinyCoNLL))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences[1].Words) != 7 {
		t.Fatalf("ReadCoNLL read %d documents: %+v", len(docs), docs)
	}
	if s := docs[1].Sentences[1]; s.Words[3] != "U.S.-led" || s.Tags[3] != "B-MISC" {
		t.Errorf("sentence = %+v", s)
	}
}

func TestWordTags(t *testing.T) {
	tests := []struct {
		words []string
		sub   []string // BILOU names of the sub-tokens
		want  string
	}{
		{[]string{"U.S.-led", "talks"}, []string{"B-MISC", "I-MISC", "L-MISC", "O"}, "[B-MISC O]"},
		{[]string{"Putin-Zelenskyy"}, []string{"U-PER", "O", "U-PER"}, "[B-PER]"},
		{[]string{"pro-Baghdad", "forces"}, []string{"O", "O", "U-LOC", "O"}, "[B-LOC O]"},
		{[]string{"Jean-Paul", "Sartre"}, []string{"B-PER", "I-PER", "I-PER", "L-PER"}, "[B-PER I-PER]"},
	}
	ids := map[string]int{}
	for tg := 0; tg < numTags; tg++ {
		ids[tagName(tg)] = tg
	}
	for _, tt := range tests {
		sub, owner := splitWords(tt.words)
		if len(sub) != len(tt.sub) {
			t.Fatalf("splitWords(%q) = %q", tt.words, sub)
		}
		tags := make([]int, len(sub))
		for i, n := range tt.sub {
			tags[i] = ids[n]
		}
		if got := fmt.Sprint(wordTags(tags, owner, len(tt.words))); got != tt.want {
			t.Errorf("wordTags(%v, %v) = %s, want %s", tt.words, tt.sub, got, tt.want)
		}
	}
}

func TestIOB(t *testing.T) {
	in := []string{"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "I-ORG", "I-ORG", "O", "B-MISC"}
	tags := fromIOB(in)
	var names []string
	for _, tg := range tags {
		names = append(names, tagName(tg))
	}
	if got, want := strings.Join(names, " "), "B-PER L-PER O U-LOC U-LOC B-ORG I-ORG L-ORG O U-MISC"; got != want {
		t.Errorf("fromIOB = %s, want %s", got, want)
	}
	if got := toIOB(tags); fmt.Sprint(got) != "[B-PER I-PER O B-LOC B-LOC B-ORG I-ORG I-ORG O B-MISC]" {
		t.Errorf("toIOB(fromIOB) = %v", got)
	}
}
