package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
)

func batchOf(i int) []article.Article {
	return []article.Article{{ID: fmt.Sprint(i)}}
}

func TestPipeOrder(t *testing.T) {
	var got []string
	err := Pipe(context.Background(), func(emit func([]article.Article) error) error {
		for i := range 100 {
			if err := emit(batchOf(i)); err != nil {
				return err
			}
		}
		return nil
	}, func(b []article.Article) error {
		got = append(got, b[0].ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 100 {
		t.Fatalf("consumed %d batches, want 100", len(got))
	}
	for i, id := range got {
		if id != fmt.Sprint(i) {
			t.Fatalf("batch %d is %s: out of order", i, id)
		}
	}
}

func TestPipeConsumeErrorStopsProduce(t *testing.T) {
	stop := errors.New("disk full")
	emitted, consumed := 0, 0
	err := Pipe(context.Background(), func(emit func([]article.Article) error) error {
		for i := range 1000 {
			if err := emit(batchOf(i)); err != nil {
				return err
			}
			emitted++
		}
		return nil
	}, func(b []article.Article) error {
		consumed++
		if consumed == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("Pipe = %v, want %v", err, stop)
	}
	if consumed != 3 {
		t.Errorf("consumed %d batches after the error, want 3", consumed)
	}
	if emitted > 10 {
		t.Errorf("produce went on to emit %d batches after consume failed", emitted)
	}
}

func TestPipeProduceError(t *testing.T) {
	bad := errors.New("unreadable")
	consumed := 0
	err := Pipe(context.Background(), func(emit func([]article.Article) error) error {
		if err := emit(batchOf(0)); err != nil {
			return err
		}
		return bad
	}, func(b []article.Article) error {
		consumed++
		return nil
	})
	if !errors.Is(err, bad) || consumed != 1 {
		t.Errorf("Pipe = %v after %d batches, want %v after the one emitted", err, consumed, bad)
	}
}

func TestPipeCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	err := Pipe(ctx, func(emit func([]article.Article) error) error {
		for i := 0; ; i++ {
			if err := emit(batchOf(i)); err != nil {
				return err
			}
		}
	}, func(b []article.Article) error {
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Pipe = %v, want context.Canceled", err)
	}
}

func TestBatcher(t *testing.T) {
	for _, tt := range []struct {
		size, n int
		want    []int
	}{
		{3, 7, []int{3, 3, 1}},
		{3, 6, []int{3, 3}},
		{5, 0, nil},
		{1, 2, []int{1, 1}},
	} {
		var got []int
		var kept [][]article.Article
		b := Batcher{Size: tt.size, Emit: func(batch []article.Article) error {
			got = append(got, len(batch))
			kept = append(kept, batch)
			return nil
		}}
		for i := range tt.n {
			if err := b.Add(article.Article{ID: fmt.Sprint(i)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Flush(); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("size %d, %d articles: batches of %v, want %v", tt.size, tt.n, got, tt.want)
		}
		// Emitted batches are the caller's: later ones do not overwrite them.
		i := 0
		for _, batch := range kept {
			for _, a := range batch {
				if a.ID != fmt.Sprint(i) {
					t.Errorf("size %d: article %d reads %s", tt.size, i, a.ID)
				}
				i++
			}
		}
	}
}
