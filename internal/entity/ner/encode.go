package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file is gzip'd binary: a magic string and version, the
// weight scale, transition and end scores, the Brown clusters (sorted by
// word) and the features (sorted by hash, delta-coded), each with a bit
// mask of its non-zero tags and their weights as zig-zag varints in units
// of the scale. Weights are quantized to 16 bits when a model is made, so
// Save and Load round-trip exactly.
const (
	modelMagic   = "storyline-ner"
	modelVersion = 1
	quantLevels  = 32767
)

// Save writes m in the model file format.
func (m *Model) Save(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	e := encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.uvarint(modelVersion)
	scale := m.unit
	if scale == 0 {
		scale = m.scale()
	}
	e.float(scale)
	for _, v := range m.trans {
		e.float(v)
	}
	for _, v := range m.end {
		e.float(v)
	}
	words := make([]string, 0, len(m.clusters))
	for w := range m.clusters {
		words = append(words, w)
	}
	slices.Sort(words)
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.bytes([]byte(w))
		e.bytes([]byte(m.clusters[w]))
	}
	e.features(m, scale)
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("save ner model: %w", e.err)
	}
	return nil
}

// scale returns the weight unit: the largest absolute weight over
// quantLevels.
func (m *Model) scale() float32 {
	var max float32
	for _, v := range m.weights {
		max = float32(math.Max(float64(max), math.Abs(float64(v))))
	}
	if max == 0 {
		return 1
	}
	return max / quantLevels
}

// quantize rounds every weight to a multiple of the scale and drops rows
// that become all zero, so that the model equals its saved form.
func (m *Model) quantize() {
	scale := m.scale()
	var feats []uint64
	var weights []float32
	for r, f := range m.feats {
		row := m.weights[r*numTags : (r+1)*numTags]
		nz := false
		q := make([]float32, numTags)
		for t, v := range row {
			q[t] = float32(math.Round(float64(v/scale))) * scale
			nz = nz || q[t] != 0
		}
		if nz {
			feats = append(feats, f)
			weights = append(weights, q...)
		}
	}
	m.feats, m.index, m.weights, m.unit = feats, newTable(feats), weights, scale
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) uvarint(v uint64) {
	if e.err == nil {
		_, e.err = e.w.Write(binary.AppendUvarint(e.buf[:0], v))
	}
}

func (e *encoder) bytes(b []byte) {
	e.uvarint(uint64(len(b)))
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) float(f float32) { e.uvarint(uint64(math.Float32bits(f))) }

func (e *encoder) features(m *Model, scale float32) {
	e.uvarint(uint64(len(m.feats)))
	prev := uint64(0)
	for r, f := range m.feats {
		e.uvarint(f - prev)
		prev = f
		row := m.weights[r*numTags : (r+1)*numTags]
		var mask uint64
		q := make([]int64, numTags)
		for t, v := range row {
			q[t] = int64(math.Round(float64(v / scale)))
			if q[t] != 0 {
				mask |= 1 << t
			}
		}
		e.uvarint(mask)
		for t := range row {
			if q[t] != 0 {
				e.uvarint(uint64(q[t]<<1) ^ uint64(q[t]>>63))
			}
		}
	}
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	m, err := load(r)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	return m, nil
}

func load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	d := decoder{r: bufio.NewReader(zr)}
	if string(d.bytes()) != modelMagic || d.uvarint() != modelVersion {
		return nil, errors.New("not a storyline NER model of this version")
	}
	m := &Model{gaz: defaultGazetteer()}
	scale := d.float()
	m.unit = scale
	for i := range m.trans {
		m.trans[i] = d.float()
	}
	for i := range m.end {
		m.end[i] = d.float()
	}
	n := d.count()
	m.clusters = make(map[string]string, n)
	for i := 0; i < n && d.err == nil; i++ {
		w := string(d.bytes())
		m.clusters[w] = string(d.bytes())
	}
	d.features(m, scale)
	if d.err != nil {
		return nil, d.err
	}
	m.precompute()
	return m, nil
}

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = fmt.Errorf("truncated or corrupt: %w", err)
	}
	return v
}

// count reads a length and checks it is plausible.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > 1<<28 {
		d.err = errors.New("corrupt length")
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte {
	n := d.count()
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = fmt.Errorf("truncated: %w", err)
	}
	return b
}

func (d *decoder) float() float32 { return math.Float32frombits(uint32(d.uvarint())) }

func (d *decoder) features(m *Model, scale float32) {
	n := d.count()
	m.feats = make([]uint64, 0, n)
	m.weights = make([]float32, 0, n*numTags)
	f := uint64(0)
	for i := 0; i < n && d.err == nil; i++ {
		f += d.uvarint()
		mask := d.uvarint()
		m.feats = append(m.feats, f)
		for t := 0; t < numTags; t++ {
			var v float32
			if mask&(1<<t) != 0 {
				u := d.uvarint()
				v = float32(int64(u>>1)^-int64(u&1)) * scale
			}
			m.weights = append(m.weights, v)
		}
	}
	m.index = newTable(m.feats)
}
