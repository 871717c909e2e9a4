//go:build linux

package store

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// releaseMapped tells the kernel this process is done with the pages of
// the database file it has mapped (bbolt reads through a shared,
// read-only mapping). Load touches every page of a big store once, and
// those pages then stay counted in the process's resident memory though
// nothing refers to them: with a million events, 500 MB of a 1.7 GB
// resident set. MADV_DONTNEED on a shared file mapping only drops the
// process's references; the data stays in the file and the page cache, and
// a later read faults the page back in.
func (db *DB) releaseMapped() {
	abs, err := filepath.Abs(db.path)
	if err != nil {
		return
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(maps), "\n") {
		if !strings.HasSuffix(line, " "+abs) {
			continue
		}
		span, _, _ := strings.Cut(line, " ")
		lo, hi, _ := strings.Cut(span, "-")
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
}
