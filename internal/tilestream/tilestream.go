// Package tilestream carries rendered vector tiles from one process to
// another over a pipe: `mapsvc export-pmtiles` renders them and
// cmd/mapsvc-pmtiles packs them into a PMTiles archive. The packer lives
// in its own binary because the PMTiles library links cloud storage SDKs
// that would slow the server's start (see cmd/mapsvc-pmtiles).
//
// The stream is the line "mapsvc-tiles/1", a JSON header on one line,
// then one record per tile (zoom: 1 byte; x, y and the body's length:
// 4 bytes each, big-endian; the body), closed by a record of zoom 255.
// A stream without that last record was cut short and is an error.
package tilestream

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

const magic = "mapsvc-tiles/1\n"

const end = 255

// MaxTile is the largest tile body a stream carries (a sanity bound
// against a corrupt length, far above any real tile).
const MaxTile = 1 << 30

// Header describes the tile set.
type Header struct {
	Metadata map[string]any `json:"metadata"`
	MinZoom  int            `json:"minzoom"`
	MaxZoom  int            `json:"maxzoom"`
	Bounds   [4]float64     `json:"bounds"` // west, south, east, north
	Center   [3]float64     `json:"center"` // lon, lat, zoom
}

// Writer writes a stream.
type Writer struct {
	w   *bufio.Writer
	buf [13]byte
}

// NewWriter writes the stream's opening and header to w.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(magic)
	bw.Write(hb)
	if err := bw.WriteByte('\n'); err != nil {
		return nil, err
	}
	return &Writer{w: bw}, nil
}

// Tile writes one tile.
func (w *Writer) Tile(z uint8, x, y uint32, body []byte) error {
	if z == end {
		return fmt.Errorf("zoom %d is not a tile zoom", z)
	}
	if len(body) > MaxTile {
		return fmt.Errorf("tile %d/%d/%d: %d bytes, more than %d", z, x, y, len(body), MaxTile)
	}
	w.buf[0] = z
	binary.BigEndian.PutUint32(w.buf[1:], x)
	binary.BigEndian.PutUint32(w.buf[5:], y)
	binary.BigEndian.PutUint32(w.buf[9:], uint32(len(body)))
	w.w.Write(w.buf[:])
	_, err := w.w.Write(body)
	return err
}

// Close writes the closing record and flushes; it does not close the
// underlying writer.
func (w *Writer) Close() error {
	w.w.WriteByte(end)
	return w.w.Flush()
}

// Reader reads a stream.
type Reader struct {
	r   *bufio.Reader
	buf [13]byte
}

// NewReader reads the opening and header of a stream.
func NewReader(r io.Reader) (*Reader, Header, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var h Header
	m := make([]byte, len(magic))
	if _, err := io.ReadFull(br, m); err != nil || string(m) != magic {
		return nil, h, errors.New("not a mapsvc tile stream (it must start with " + fmt.Sprintf("%q", magic) + ")")
	}
	line, err := br.ReadBytes('\n')
	if err != nil {
		return nil, h, fmt.Errorf("tile stream header: %w", err)
	}
	d := json.NewDecoder(bytes.NewReader(line))
	d.UseNumber()
	if err := d.Decode(&h); err != nil {
		return nil, h, fmt.Errorf("tile stream header: %w", err)
	}
	return &Reader{r: br}, h, nil
}

// Next returns the next tile; io.EOF after the closing record, and
// io.ErrUnexpectedEOF when the stream ends before it.
func (r *Reader) Next() (z uint8, x, y uint32, body []byte, err error) {
	if z, err = r.r.ReadByte(); err != nil {
		return 0, 0, 0, nil, io.ErrUnexpectedEOF
	}
	if z == end {
		return 0, 0, 0, nil, io.EOF
	}
	if _, err = io.ReadFull(r.r, r.buf[1:]); err != nil {
		return 0, 0, 0, nil, io.ErrUnexpectedEOF
	}
	x = binary.BigEndian.Uint32(r.buf[1:])
	y = binary.BigEndian.Uint32(r.buf[5:])
	n := binary.BigEndian.Uint32(r.buf[9:])
	if n > MaxTile {
		return 0, 0, 0, nil, fmt.Errorf("tile %d/%d/%d: length %d is more than %d", z, x, y, n, MaxTile)
	}
	if z > 30 || x>>z != 0 || y>>z != 0 {
		return 0, 0, 0, nil, fmt.Errorf("tile %d/%d/%d is outside the tile pyramid", z, x, y)
	}
	body = make([]byte, n)
	if _, err = io.ReadFull(r.r, body); err != nil {
		return 0, 0, 0, nil, io.ErrUnexpectedEOF
	}
	return z, x, y, body, nil
}
