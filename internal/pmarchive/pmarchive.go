// Package pmarchive writes a PMTiles v3 archive from a tile stream
// (internal/tilestream) with github.com/protomaps/go-pmtiles: the tiles
// gzip-compressed, identical tiles stored once, the data in tile-ID order
// (a clustered archive) and the directories as the library builds them.
//
// Only cmd/mapsvc-pmtiles links this package: the library's package also
// holds its cloud-storage code, whose SDKs would double the server binary
// and slow its start.
package pmarchive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/mapsvc/mapsvc/internal/tilestream"
	"github.com/protomaps/go-pmtiles/pmtiles"
)

// Stats say what an archive holds.
type Stats struct {
	Tiles    int   // addressed tiles
	Contents int   // distinct tile bodies stored
	Bytes    int64 // size of the archive file
}

type entry struct {
	id   uint64
	off  uint64 // in the spool file
	size uint32
}

// Pack reads every tile of r (whose header is h) and writes the archive
// to out, replacing it only once complete.
func Pack(r *tilestream.Reader, h tilestream.Header, out string) (Stats, error) {
	var st Stats
	if h.MinZoom < 0 || h.MaxZoom > 30 || h.MinZoom > h.MaxZoom {
		return st, fmt.Errorf("zoom range %d..%d", h.MinZoom, h.MaxZoom)
	}
	if b := h.Bounds; !(b[0] < b[2] && b[1] < b[3]) {
		return st, fmt.Errorf("bounds %v hold no area (west, south, east, north)", b)
	}
	// Tile bodies go to a spool file beside out as they arrive (compressed,
	// each distinct body once); the archive then copies them in tile-ID
	// order, so memory holds only the directory.
	spool, err := os.CreateTemp(filepath.Dir(out), ".pmtiles-spool-*")
	if err != nil {
		return st, err
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	sw := bufio.NewWriterSize(spool, 1<<20)
	var spooled uint64
	seen := map[[32]byte]int{} // body hash → index in bodies
	var bodies []entry         // distinct bodies, off and size in the spool
	var tiles []entry          // id and index of the body in bodies (off)
	var zbuf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&zbuf, gzip.BestCompression)
	ids := map[uint64]bool{}
	minZ, maxZ := uint8(255), uint8(0)
	for {
		z, x, y, body, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return st, fmt.Errorf("reading tiles: %w", err)
		}
		if int(z) < h.MinZoom || int(z) > h.MaxZoom {
			return st, fmt.Errorf("tile %d/%d/%d is outside the header's zoom range %d..%d", z, x, y, h.MinZoom, h.MaxZoom)
		}
		id := pmtiles.ZxyToID(z, x, y)
		if ids[id] {
			return st, fmt.Errorf("tile %d/%d/%d comes twice", z, x, y)
		}
		ids[id] = true
		minZ, maxZ = min(minZ, z), max(maxZ, z)
		sum := sha256.Sum256(body)
		k, ok := seen[sum]
		if !ok {
			zbuf.Reset()
			zw.Reset(&zbuf)
			zw.Write(body)
			zw.Close()
			if zbuf.Len() > math.MaxUint32 {
				return st, fmt.Errorf("tile %d/%d/%d is too large", z, x, y)
			}
			k = len(bodies)
			seen[sum] = k
			bodies = append(bodies, entry{off: spooled, size: uint32(zbuf.Len())})
			if _, err := sw.Write(zbuf.Bytes()); err != nil {
				return st, err
			}
			spooled += uint64(zbuf.Len())
		}
		tiles = append(tiles, entry{id: id, off: uint64(k)})
	}
	if len(tiles) == 0 {
		return st, errors.New("no tiles to pack")
	}
	if err := sw.Flush(); err != nil {
		return st, err
	}
	slices.SortFunc(tiles, func(a, b entry) int {
		if a.id < b.id {
			return -1
		}
		if a.id > b.id {
			return 1
		}
		return 0
	})
	// Lay the bodies out in the order their first tile comes; a run of
	// consecutive tiles with one body is one entry.
	placed := make([]int64, len(bodies))
	for i := range placed {
		placed[i] = -1
	}
	var order []int
	var data uint64
	var entries []pmtiles.EntryV3
	for _, t := range tiles {
		k := int(t.off)
		if placed[k] < 0 {
			placed[k] = int64(data)
			data += uint64(bodies[k].size)
			order = append(order, k)
		}
		if n := len(entries); n > 0 && entries[n-1].TileID+uint64(entries[n-1].RunLength) == t.id &&
			entries[n-1].Offset == uint64(placed[k]) {
			entries[n-1].RunLength++
			continue
		}
		entries = append(entries, pmtiles.EntryV3{TileID: t.id, Offset: uint64(placed[k]), Length: bodies[k].size, RunLength: 1})
	}
	root, leaves, _ := pmtiles.BuildDirectories(entries, 16384-pmtiles.HeaderV3LenBytes, pmtiles.Gzip)
	meta, err := pmtiles.SerializeMetadata(h.Metadata, pmtiles.Gzip)
	if err != nil {
		return st, fmt.Errorf("metadata: %w", err)
	}
	e7 := func(v float64) int32 { return int32(math.Round(v * 1e7)) }
	hd := pmtiles.HeaderV3{
		SpecVersion: 3, Clustered: true,
		InternalCompression: pmtiles.Gzip, TileCompression: pmtiles.Gzip, TileType: pmtiles.Mvt,
		MinZoom: minZ, MaxZoom: maxZ, // the zooms that have tiles, as readers expect
		MinLonE7: e7(h.Bounds[0]), MinLatE7: e7(h.Bounds[1]), MaxLonE7: e7(h.Bounds[2]), MaxLatE7: e7(h.Bounds[3]),
		CenterLonE7: e7(h.Center[0]), CenterLatE7: e7(h.Center[1]), CenterZoom: uint8(h.Center[2]),
		AddressedTilesCount: uint64(len(tiles)), TileEntriesCount: uint64(len(entries)), TileContentsCount: uint64(len(bodies)),
	}
	hd.CenterZoom = max(minZ, min(maxZ, hd.CenterZoom))
	hd.RootOffset = pmtiles.HeaderV3LenBytes
	hd.RootLength = uint64(len(root))
	hd.MetadataOffset = hd.RootOffset + hd.RootLength
	hd.MetadataLength = uint64(len(meta))
	hd.LeafDirectoryOffset = hd.MetadataOffset + hd.MetadataLength
	hd.LeafDirectoryLength = uint64(len(leaves))
	hd.TileDataOffset = hd.LeafDirectoryOffset + hd.LeafDirectoryLength
	hd.TileDataLength = data

	tmp := out + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		return st, err
	}
	defer os.Remove(tmp)
	defer f.Close()
	fw := bufio.NewWriterSize(f, 1<<20)
	for _, b := range [][]byte{pmtiles.SerializeHeader(hd), root, meta, leaves} {
		fw.Write(b)
	}
	for _, k := range order {
		if _, err := io.Copy(fw, io.NewSectionReader(spool, int64(bodies[k].off), int64(bodies[k].size))); err != nil {
			return st, err
		}
	}
	if err := fw.Flush(); err != nil {
		return st, err
	}
	if err := f.Close(); err != nil {
		return st, err
	}
	if err := os.Rename(tmp, out); err != nil {
		return st, err
	}
	fi, err := os.Stat(out)
	if err != nil {
		return st, err
	}
	return Stats{Tiles: len(tiles), Contents: len(bodies), Bytes: fi.Size()}, nil
}
