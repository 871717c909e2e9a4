package tilestream

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var b bytes.Buffer
	w, err := NewWriter(&b, Header{Metadata: map[string]any{"name": "x"}, MaxZoom: 3, Bounds: [4]float64{1, 2, 3, 4}, Center: [3]float64{2, 3, 1}})
	if err != nil {
		t.Fatal(err)
	}
	w.Tile(0, 0, 0, []byte("root"))
	w.Tile(3, 7, 5, []byte{})
	w.Tile(2, 1, 3, bytes.Repeat([]byte{9}, 70000))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	full := b.Bytes()
	r, h, err := NewReader(bytes.NewReader(full))
	if err != nil {
		t.Fatal(err)
	}
	if h.Metadata["name"] != "x" || h.MaxZoom != 3 || h.Bounds != [4]float64{1, 2, 3, 4} || h.Center[2] != 1 {
		t.Errorf("got header %+v", h)
	}
	type tile struct {
		z    uint8
		x, y uint32
		n    int
	}
	var got []tile
	for {
		z, x, y, body, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tile{z, x, y, len(body)})
	}
	want := []tile{{0, 0, 0, 4}, {3, 7, 5, 0}, {2, 1, 3, 70000}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("got %v, want %v", got, want)
	}

	// Cut short anywhere before the closing record: an error, not a
	// quiet end.
	for _, cut := range []int{len(full) - 1, len(full) - 10, len(full) - 70001} {
		r, _, err := NewReader(bytes.NewReader(full[:cut]))
		if err != nil {
			t.Fatal(err)
		}
		for {
			_, _, _, _, err = r.Next()
			if err != nil {
				break
			}
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("cut at %d: got %v, want io.ErrUnexpectedEOF", cut, err)
		}
	}
}

func TestBadStreams(t *testing.T) {
	if _, _, err := NewReader(strings.NewReader("PMTiles")); err == nil {
		t.Error("a stream without the opening line was accepted")
	}
	var b bytes.Buffer
	w, _ := NewWriter(&b, Header{})
	w.Tile(2, 4, 0, []byte("x")) // x is past 2^2
	w.Close()
	r, _, err := NewReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, _, err := r.Next(); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Errorf("got %v, want a tile outside the pyramid", err)
	}
	if err := w.Tile(255, 0, 0, nil); err == nil {
		t.Error("zoom 255 accepted")
	}
}
