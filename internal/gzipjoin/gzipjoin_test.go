package gzipjoin

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"
)

func gunzip(t testing.TB, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	zr.Multistream(false)
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	return out
}

func TestJoin(t *testing.T) {
	big := []byte(strings.Repeat(`{"type":"Feature","properties":{"controller":"AZE"}},`, 3000))
	tests := []struct {
		name   string
		pieces []string
	}{
		{"one piece", []string{"hello"}},
		{"head, body, tail", []string{`{"date":"2020-11-25","features":`, string(big), "}\n"}},
		{"empty pieces", []string{"", "abc", ""}},
		{"repetition across pieces", []string{"abcabcabc", "abcabcabc", "abcabcabc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps []Piece
			var want []byte
			for i, s := range tt.pieces {
				switch i % 3 {
				case 0:
					ps = append(ps, Stored([]byte(s)))
				default:
					ps = append(ps, Compress([]byte(s), []int{flate.BestSpeed, flate.BestCompression}[i%2]))
				}
				want = append(want, s...)
			}
			if got := gunzip(t, Join(ps...)); !bytes.Equal(got, want) {
				t.Errorf("got %d bytes, want %d", len(got), len(want))
			}
		})
	}
}

func TestCombine(t *testing.T) {
	a, b := []byte("The quick brown fox "), []byte(strings.Repeat("jumps over the lazy dog ", 1000))
	got := combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b)))
	if want := crc32.ChecksumIEEE(append(a, b...)); got != want {
		t.Errorf("got %08x, want %08x", got, want)
	}
}

func FuzzJoin(f *testing.F) {
	f.Add([]byte("head"), []byte("body body body"), []byte("tail"))
	f.Fuzz(func(t *testing.T, a, b, c []byte) {
		got := gunzip(t, Join(Stored(a), Compress(b, 1), Compress(c, 6), Stored(b)))
		want := append(append(append(append([]byte(nil), a...), b...), c...), b...)
		if !bytes.Equal(got, want) {
			t.Fatal("round trip differs")
		}
	})
}

func BenchmarkJoinSnapshot(b *testing.B) {
	body := Compress([]byte(strings.Repeat(`{"type":"Feature","properties":{"controller":"AZE"}},`, 3000)), 9)
	head := []byte(`{"type":"FeatureCollection","date":"2020-11-25","features":`)
	tail := Compress([]byte("}\n"), 6)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Join(Stored(head), body, tail)
	}
}

// A piece compressed in parts joins like any other: alone, between
// others, at sizes around the threshold and with more parts than cores.
func TestCompressParallel(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var text strings.Builder
	for i := 0; text.Len() < 400<<10; i++ {
		fmt.Fprintf(&text, `{"type":"Feature","id":"r%05d","properties":{"holder":"%s"}},`, i, []string{"AZE", "ARM"}[i%2])
	}
	all := []byte(text.String())
	head, tail := Stored([]byte(`{"head":1,"features":[`)), Stored([]byte("]}\n"))
	for _, n := range []int{0, 1, parallelMin - 1, parallelMin, parallelMin + 1, 150 << 10, len(all)} {
		for _, parts := range []int{1, 2, 3, 8} {
			b := all[:n]
			p := CompressParallel(b, 6, parts)
			if p.Len != int64(n) || p.CRC != crc32.ChecksumIEEE(b) {
				t.Fatalf("n=%d parts=%d: piece says %d bytes, crc %x", n, parts, p.Len, p.CRC)
			}
			if got := gunzip(t, Join(p)); !bytes.Equal(got, b) {
				t.Fatalf("n=%d parts=%d: alone, %d bytes back", n, parts, len(got))
			}
			want := append(append([]byte(`{"head":1,"features":[`), b...), "]}\n"...)
			if got := gunzip(t, Join(head, p, tail)); !bytes.Equal(got, want) {
				t.Fatalf("n=%d parts=%d: joined, %d bytes back", n, parts, len(got))
			}
		}
	}
}
