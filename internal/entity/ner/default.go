package ner

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:generate go run ./gen clusters -o data/clusters.txt.gz
//go:generate go run ./gen model -clusters data/clusters.txt.gz -o data/model.gz

//go:embed data/model.gz
var modelFile []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// Default returns the model shipped in the binary (data/model.gz), decoded
// on first use and shared by every caller.
func Default() *Model {
	defaultOnce.Do(func() {
		m, err := Load(bytes.NewReader(modelFile))
		if err != nil {
			panic(err) // the model is part of the binary
		}
		defaultModel = m
	})
	return defaultModel
}
