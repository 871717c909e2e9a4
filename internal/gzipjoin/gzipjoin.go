// Package gzipjoin builds a gzip stream from pieces compressed at
// different times. A snapshot is a large block of features that is the
// same for every day of an epoch, wrapped in a small per-day header:
// compressing the large block once and joining it with the small pieces
// per request costs microseconds instead of a whole compression.
//
// Each piece is a raw DEFLATE stream ended by a sync flush (byte aligned,
// not final) that never refers back before its own start, so pieces can be
// laid end to end. The gzip trailer's CRC-32 is combined from the pieces'
// CRCs without reading their bytes again.
package gzipjoin

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"runtime"
	"sync"

	// klauspost/compress's DEFLATE writes the same format as the
	// standard library's about three times faster (2.2-3.7 ms instead of
	// 7.8 ms for a 150 KB snapshot at levels 6-7), and the first gzip
	// reader of a new epoch, the first answer after a start among them,
	// waits for it.
	"github.com/klauspost/compress/flate"
)

// Piece is one compressed piece with the CRC-32 and length of its input.
type Piece struct {
	Deflate []byte
	CRC     uint32
	Len     int64
	// shift is the operator that appends Len zero bytes to a CRC: joining
	// after another piece costs 32 steps once it is known.
	shift *[32]uint32
}

var writers = [flate.BestCompression + 1]sync.Pool{}

// Compress compresses b into a piece at the given flate level (1..9).
func Compress(b []byte, level int) Piece {
	if level < flate.BestSpeed || level > flate.BestCompression {
		level = flate.DefaultCompression
	}
	var out bytes.Buffer
	out.Grow(len(b)/4 + 64)
	zw, _ := writers[max(level, 0)].Get().(*flate.Writer)
	if zw == nil {
		zw, _ = flate.NewWriter(&out, level)
	} else {
		zw.Reset(&out)
	}
	zw.Write(b)
	zw.Flush() // sync flush: byte aligned, not final
	writers[max(level, 0)].Put(zw)
	return Piece{Deflate: out.Bytes(), CRC: crc32.ChecksumIEEE(b), Len: int64(len(b)), shift: zerosOperator(int64(len(b)))}
}

// parallelMin is the input size from which CompressParallel splits its
// work: below it a second writer's setup costs more than it saves.
const parallelMin = 64 << 10

// CompressParallel is Compress with the input cut into one part per
// available core (at most parts), compressed side by side and laid end
// to end as one piece: each part ends byte-aligned and refers back only
// within itself, so the parts join as Join joins pieces. The output is a
// little larger (each part starts with an empty window); a reader who
// waits for the piece (the first gzip request of a new epoch) waits for
// the slowest part instead of the whole.
func CompressParallel(b []byte, level, parts int) Piece {
	parts = min(parts, runtime.GOMAXPROCS(0), len(b)/(parallelMin/2))
	if len(b) < parallelMin || parts < 2 {
		return Compress(b, level)
	}
	out := make([]Piece, parts)
	var wg sync.WaitGroup
	size := (len(b) + parts - 1) / parts
	for i := range out {
		lo, hi := i*size, min((i+1)*size, len(b))
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = Compress(b[lo:hi], level)
		}()
	}
	wg.Wait()
	n := 0
	for _, p := range out {
		n += len(p.Deflate)
	}
	deflate := make([]byte, 0, n)
	for _, p := range out {
		deflate = append(deflate, p.Deflate...)
	}
	return Piece{Deflate: deflate, CRC: crc32.ChecksumIEEE(b), Len: int64(len(b)), shift: zerosOperator(int64(len(b)))}
}

// Stored wraps b in uncompressed DEFLATE blocks: for a few hundred bytes
// that change per request, copying beats compressing. Its join operator is
// computed only if the piece is not the first.
func Stored(b []byte) Piece {
	out := make([]byte, 0, len(b)+5*(len(b)/65535+1))
	rest := b
	for {
		n := min(len(rest), 65535)
		out = append(out, 0x00, byte(n), byte(n>>8), ^byte(n), ^byte(n>>8))
		out = append(out, rest[:n]...)
		rest = rest[n:]
		if len(rest) == 0 {
			break
		}
	}
	return Piece{Deflate: out, CRC: crc32.ChecksumIEEE(b), Len: int64(len(b))}
}

// gzip member header: magic, deflate, no flags, no mtime, no extra flags,
// unknown OS.
var header = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255}

// finalBlock is an empty, final, fixed-Huffman block that ends the stream.
var finalBlock = []byte{0x03, 0x00}

// Join lays the pieces end to end as one gzip member.
func Join(pieces ...Piece) []byte {
	n := len(header) + len(finalBlock) + 8
	for _, p := range pieces {
		n += len(p.Deflate)
	}
	out := make([]byte, 0, n)
	out = append(out, header...)
	var crc uint32
	var size int64
	for i, p := range pieces {
		out = append(out, p.Deflate...)
		if i == 0 {
			crc = p.CRC
		} else {
			op := p.shift
			if op == nil {
				op = zerosOperator(p.Len)
			}
			crc = times(op[:], crc) ^ p.CRC
		}
		size += p.Len
	}
	out = append(out, finalBlock...)
	out = binary.LittleEndian.AppendUint32(out, crc)
	out = binary.LittleEndian.AppendUint32(out, uint32(size))
	return out
}

// zerosOperator returns the linear map that appending n zero bytes applies
// to a CRC-32 register, built by repeated squaring of the one-zero-bit
// operator: crc(A||B) = op(len B)·crc(A) xor crc(B).
func zerosOperator(n int64) *[32]uint32 {
	var result [32]uint32
	for i := range result {
		result[i] = 1 << i // identity
	}
	var op, sq [32]uint32
	op[0] = crc32.IEEE // one zero bit
	for i := 1; i < 32; i++ {
		op[i] = 1 << (i - 1)
	}
	square(sq[:], op[:]) // two bits
	square(op[:], sq[:]) // four bits
	square(sq[:], op[:]) // one byte
	op = sq
	for n > 0 {
		if n&1 != 0 {
			var next [32]uint32
			for i := range next {
				next[i] = times(op[:], result[i])
			}
			result = next
		}
		n >>= 1
		if n > 0 {
			square(sq[:], op[:])
			op = sq
		}
	}
	return &result
}

// combine returns the CRC-32 of A followed by B.
func combine(crc1, crc2 uint32, len2 int64) uint32 {
	return times(zerosOperator(len2)[:], crc1) ^ crc2
}

func times(mat []uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func square(dst, mat []uint32) {
	for n := 0; n < 32; n++ {
		dst[n] = times(mat, mat[n])
	}
}
