// Package ner finds named entities (persons, organizations, locations and
// other names) in English news text. It is the first half of the entity
// stage: it turns an article's text into typed mentions with code point
// offsets; package entity then resolves mentions to entities.
//
// The tagger is a structured averaged perceptron (Collins 2002, "Discriminative
// training methods for hidden Markov models") over BILOU tags, decoded with
// Viterbi under the BILOU transition constraints. Its features follow Ratinov
// & Roth 2009 ("Design challenges and misconceptions in named entity
// recognition"): word forms in a ±2 window, word shape, affixes,
// capitalisation, gazetteer matches, document-level features (how a word
// is written and was tagged elsewhere in the same document) and the bit
// strings of Brown et al. 1992 ("Class-based n-gram models of natural
// language") word clusters, computed from unlabelled news by package brown.
//
// Training hides a token's own word and cluster features at random (20% of
// the time), so that the model learns to recognise names it has never seen
// from their shape, context and gazetteer matches: news names change, the
// 1996 training text does not.
//
// The model is trained on CoNLL-2003 English (Tjong Kim Sang & De Meulder
// 2003) by Train, saved with Model.Save and shipped in the binary
// (data/model.gz, loaded once by Default). The shipped model is trained on
// train and dev together, for the number of epochs that was best on dev
// when training on train alone. Both data files are made by the
// gen command from the benchmark data in ../shared/bench next to the
// repository, deterministically:
//
//	go generate ./internal/entity/ner                  # clusters (minutes), then the model
//	go generate -run 'gen model' ./internal/entity/ner # the model only (about a minute)
//
// The clusters (data/clusters.txt.gz) come from the unlabelled news corpus,
// the GMB text and the CoNLL-2003 train and dev text, never test.
//
// Tagging scores only O at a token whose feature window holds no capital
// and no gazetteer word (see plainWindow), about two tokens in five of
// news prose; that changes no tag of CoNLL-2003 test or dev.
//
// Gazetteers (data/gazetteer/*.txt, embedded) are features, so the model
// must be retrained when they change.
package ner
