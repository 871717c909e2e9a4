package pmarchive

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/tilestream"
	"github.com/protomaps/go-pmtiles/pmtiles"
)

var world = [4]float64{-180, -85, 180, 85}

type tile struct {
	z    uint8
	x, y uint32
	body string
}

func pack(t *testing.T, ts []tile, h tilestream.Header) (string, Stats, error) {
	t.Helper()
	var b bytes.Buffer
	w, err := tilestream.NewWriter(&b, h)
	if err != nil {
		t.Fatal(err)
	}
	for _, tl := range ts {
		w.Tile(tl.z, tl.x, tl.y, []byte(tl.body))
	}
	w.Close()
	r, hh, err := tilestream.NewReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.pmtiles")
	st, err := Pack(r, hh, out)
	return out, st, err
}

// readTile finds a tile as a reader does: header, root directory, leaf
// directories, then the gzip-compressed body.
func readTile(t *testing.T, file []byte, h pmtiles.HeaderV3, z uint8, x, y uint32) (string, bool) {
	t.Helper()
	id := pmtiles.ZxyToID(z, x, y)
	off, length := h.RootOffset, h.RootLength
	for depth := 0; depth < 4; depth++ {
		dir := pmtiles.DeserializeEntries(bytes.NewBuffer(file[off:off+length]), h.InternalCompression)
		e, ok := pmtiles.FindTile(dir, id)
		if !ok {
			return "", false
		}
		if e.RunLength == 0 { // a leaf directory
			off, length = h.LeafDirectoryOffset+e.Offset, uint64(e.Length)
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(file[h.TileDataOffset+e.Offset : h.TileDataOffset+e.Offset+uint64(e.Length)]))
		if err != nil {
			t.Fatalf("tile %d/%d/%d: %v", z, x, y, err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return string(b), true
	}
	t.Fatal("directories nest too deep")
	return "", false
}

func TestPackSmall(t *testing.T) {
	h := tilestream.Header{Metadata: map[string]any{"name": "test", "vector_layers": []any{map[string]any{"id": "periods"}}},
		MinZoom: 0, MaxZoom: 2, Bounds: [4]float64{44.5, 38.5, 47.5, 41.5}, Center: [3]float64{46, 40, 1}}
	ts := []tile{{2, 2, 1, "b"}, {0, 0, 0, "root"}, {1, 1, 0, "a"}, {2, 3, 1, "b"}, {1, 0, 0, "a"}}
	out, st, err := pack(t, ts, h)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tiles != 5 || st.Contents != 3 {
		t.Errorf("got %+v, want 5 tiles and 3 distinct bodies", st)
	}
	file, _ := os.ReadFile(out)
	if int64(len(file)) != st.Bytes {
		t.Errorf("stats say %d bytes, file has %d", st.Bytes, len(file))
	}
	hd, err := pmtiles.DeserializeHeader(file[:pmtiles.HeaderV3LenBytes])
	if err != nil {
		t.Fatal(err)
	}
	if hd.SpecVersion != 3 || !hd.Clustered || hd.TileType != pmtiles.Mvt || hd.TileCompression != pmtiles.Gzip ||
		hd.MinZoom != 0 || hd.MaxZoom != 2 || hd.MinLonE7 != 445000000 || hd.MaxLatE7 != 415000000 || hd.CenterZoom != 1 {
		t.Errorf("got header %+v", hd)
	}
	for _, tl := range ts {
		if got, ok := readTile(t, file, hd, tl.z, tl.x, tl.y); !ok || got != tl.body {
			t.Errorf("tile %d/%d/%d: got %q, %v; want %q", tl.z, tl.x, tl.y, got, ok, tl.body)
		}
	}
	if _, ok := readTile(t, file, hd, 2, 0, 0); ok {
		t.Error("a tile never written is found")
	}
	meta, err := pmtiles.DeserializeMetadata(bytes.NewReader(file[hd.MetadataOffset:hd.MetadataOffset+hd.MetadataLength]), hd.InternalCompression)
	if err != nil || meta["name"] != "test" {
		t.Errorf("got metadata %v, %v", meta, err)
	}
	// The library's own check of the archive, through its file bucket.
	var logs strings.Builder
	if err := pmtiles.Verify(log.New(&logs, "", 0), out); err != nil {
		t.Errorf("pmtiles verify: %v\n%s", err, logs.String())
	}
}

// Enough tiles that the root directory cannot hold them: the leaves are
// read through the root.
func TestPackWithLeafDirectories(t *testing.T) {
	var ts []tile
	for x := uint32(0); x < 256; x++ {
		for y := uint32(0); y < 100; y++ {
			ts = append(ts, tile{8, x, y, fmt.Sprintf("%d-%d", x, y)})
		}
	}
	out, st, err := pack(t, ts, tilestream.Header{Metadata: map[string]any{}, MaxZoom: 8, Bounds: world})
	if err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(out)
	hd, _ := pmtiles.DeserializeHeader(file[:pmtiles.HeaderV3LenBytes])
	if hd.LeafDirectoryLength == 0 || st.Contents != len(ts) {
		t.Fatalf("got leaf directories of %d bytes and %d contents, want leaves and %d", hd.LeafDirectoryLength, st.Contents, len(ts))
	}
	for _, i := range []int{0, 1, 999, 12345, len(ts) - 1} {
		tl := ts[i]
		if got, ok := readTile(t, file, hd, tl.z, tl.x, tl.y); !ok || got != tl.body {
			t.Errorf("tile %d/%d/%d: got %q, %v; want %q", tl.z, tl.x, tl.y, got, ok, tl.body)
		}
	}
	if err := pmtiles.Verify(log.New(io.Discard, "", 0), out); err != nil {
		t.Errorf("pmtiles verify: %v", err)
	}
}

func TestPackRefusesBadStreams(t *testing.T) {
	for name, c := range map[string]struct {
		ts   []tile
		h    tilestream.Header
		want string
	}{
		"empty":      {nil, tilestream.Header{MaxZoom: 3, Bounds: world}, "no tiles"},
		"twice":      {[]tile{{1, 0, 0, "a"}, {1, 0, 0, "b"}}, tilestream.Header{MaxZoom: 3, Bounds: world}, "twice"},
		"too deep":   {[]tile{{4, 0, 0, "a"}}, tilestream.Header{MaxZoom: 3, Bounds: world}, "zoom range"},
		"bad header": {[]tile{{0, 0, 0, "a"}}, tilestream.Header{MinZoom: 4, MaxZoom: 3, Bounds: world}, "zoom range"},
		"no area":    {[]tile{{0, 0, 0, "a"}}, tilestream.Header{MaxZoom: 3}, "no area"},
	} {
		t.Run(name, func(t *testing.T) {
			out, _, err := pack(t, c.ts, c.h)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error saying %q", err, c.want)
			}
			if _, serr := os.Stat(out); serr == nil {
				t.Error("a failed pack left an archive")
			}
			left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".pmtiles-spool-*"))
			if len(left) > 0 {
				t.Errorf("spool files left: %v", left)
			}
		})
	}
}
