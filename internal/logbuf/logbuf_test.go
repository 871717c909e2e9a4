package logbuf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer counts the writes that reach it.
type lockedBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	return l.b.Write(p)
}

func (l *lockedBuffer) snapshot() (string, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String(), l.writes
}

// Lines written before Close all arrive, whole and once, in far fewer
// writes than lines, even when the timer never fires.
func TestCloseWritesEveryLine(t *testing.T) {
	var out lockedBuffer
	w := New(&out, time.Hour, 4<<10)
	const writers, each = 8, 500
	var wg sync.WaitGroup
	for g := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				fmt.Fprintf(w, "line g=%d i=%d\n", g, i)
			}
		}()
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s, writes := out.snapshot()
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) != writers*each {
		t.Fatalf("%d lines after Close, want %d", len(lines), writers*each)
	}
	seen := map[string]bool{}
	for _, l := range lines {
		var g, i int
		if _, err := fmt.Sscanf(l, "line g=%d i=%d", &g, &i); err != nil || seen[l] {
			t.Fatalf("line %q split, mixed or repeated", l)
		}
		seen[l] = true
	}
	if writes*20 > writers*each {
		t.Errorf("%d writes for %d lines: not batched", writes, writers*each)
	}
	// After Close, writes go straight through.
	fmt.Fprintln(w, "late")
	if s, _ := out.snapshot(); !strings.HasSuffix(s, "late\n") {
		t.Errorf("a write after Close was kept back")
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// Held lines go out on the timer, without Close.
func TestTimerFlushes(t *testing.T) {
	var out lockedBuffer
	w := New(&out, 5*time.Millisecond, 1<<20)
	defer w.Close()
	fmt.Fprintln(w, "one")
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if s, _ := out.snapshot(); s == "one\n" {
			return
		}
	}
	t.Fatal("the line was not written by the timer")
}

// Unbuffered (interval 0): every write goes through at once.
func TestUnbuffered(t *testing.T) {
	var out lockedBuffer
	w := New(&out, 0, 1<<10)
	fmt.Fprintln(w, "a")
	fmt.Fprintln(w, "b")
	if s, n := out.snapshot(); s != "a\nb\n" || n != 2 {
		t.Fatalf("got %q in %d writes", s, n)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// A failed write is reported by the next Flush or Close.
func TestWriteErrorReported(t *testing.T) {
	w := New(failing{}, time.Hour, 1<<10)
	fmt.Fprintln(w, "x")
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Close: %v, want the write error", err)
	}
}

// Buffering a line allocates nothing.
func TestWriteAllocatesNothing(t *testing.T) {
	var out lockedBuffer
	w := New(&out, time.Hour, 64<<10)
	defer w.Close()
	line := []byte("time=2026-12-01T10:56:55.149Z level=INFO msg=request method=GET\n")
	if n := testing.AllocsPerRun(1000, func() { w.Write(line) }); n != 0 {
		t.Errorf("%v allocations per line", n)
	}
}
