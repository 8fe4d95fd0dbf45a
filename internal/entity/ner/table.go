package ner

import "math/bits"

// table maps feature hashes to weight rows: open addressing with linear
// probing over a power-of-two array at most half full. It is faster than a
// Go map for this one job, which dominates tagging time. Key 0 marks an
// empty slot; a feature hashing to 0 (odds 2⁻⁶⁴) is never found.
type table struct {
	slots []slot
	shift uint
}

// slot holds a key and its row side by side, so a probe touches one cache
// line.
type slot struct {
	key uint64
	row int32
}

// newTable indexes keys: key i gets row i.
func newTable(keys []uint64) table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := table{slots: make([]slot, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	mask := uint64(size - 1)
	for r, k := range keys {
		if k == 0 {
			continue
		}
		i := (k * 0x9E3779B97F4A7C15) >> t.shift
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = slot{k, int32(r)}
	}
	return t
}

// get returns the row of key k.
func (t *table) get(k uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		switch s := &t.slots[i]; s.key {
		case k:
			return s.row, true
		case 0:
			return 0, false
		}
	}
}
