// Package brown computes Brown word clusters (Brown et al. 1992,
// "Class-based n-gram models of natural language") from unlabelled text, for
// use as features by the NER tagger in package ner.
//
// It follows the windowed greedy algorithm of Liang 2005 ("Semi-supervised
// learning for natural language", MIT MEng thesis, §3): words are taken in
// order of decreasing frequency; the first C form singleton clusters, and
// each further word enters as a cluster of its own, after which the two
// active clusters whose merge loses the least average mutual information
// between adjacent clusters are merged. When every word is placed, the C
// remaining clusters are merged the same way into a binary tree, and a
// word's bit string is the path from the root to its cluster (0 = left).
// Merge losses are kept for all pairs of active clusters and updated in
// O(C²) per step, so the whole run costs O(V·C²) for V words.
package brown
