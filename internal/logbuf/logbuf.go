// Package logbuf is a buffered writer for log lines that must not cost a
// write system call each: the access log writes one line per request,
// and on the hot path that call was a large part of a cached answer's
// cost. Lines are kept in memory and written out together when the buffer
// passes its size, on a short timer, and on Close, so none is lost when
// the server shuts down.
package logbuf

import (
	"io"
	"sync"
	"time"
)

// Writer collects writes and passes them to the underlying writer in
// batches. Each Write is kept whole (slog handlers write one record per
// call), so lines are never split or interleaved. Safe for concurrent use.
type Writer struct {
	mu     sync.Mutex
	w      io.Writer
	buf    []byte
	limit  int
	err    error
	closed bool
	stop   chan struct{}
	done   chan struct{}
}

// New returns a Writer over w that writes out what it holds every
// interval, and at once when it holds more than limit bytes. An interval
// of zero or less writes every call through at once (no buffering).
func New(w io.Writer, interval time.Duration, limit int) *Writer {
	b := &Writer{w: w, limit: limit}
	if interval <= 0 {
		b.limit = 0
		return b
	}
	b.buf = make([]byte, 0, limit+limit/4)
	b.stop, b.done = make(chan struct{}), make(chan struct{})
	go b.loop(interval)
	return b
}

func (b *Writer) loop(interval time.Duration) {
	defer close(b.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			b.Flush()
		case <-b.stop:
			return
		}
	}
}

// Write keeps p (a copy) until the next flush; past the size limit, or
// when the Writer is unbuffered or closed, it writes through at once.
func (b *Writer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.limit == 0 || b.closed {
		return b.w.Write(p)
	}
	b.buf = append(b.buf, p...)
	if len(b.buf) > b.limit {
		b.flushLocked()
	}
	return len(p), nil
}

// Flush writes out what is held. It returns the first write error seen
// since the last Flush.
func (b *Writer) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
	err := b.err
	b.err = nil
	return err
}

func (b *Writer) flushLocked() {
	if len(b.buf) == 0 {
		return
	}
	if _, err := b.w.Write(b.buf); err != nil && b.err == nil {
		b.err = err
	}
	b.buf = b.buf[:0]
}

// Close stops the timer and writes out what is held; later writes go
// through at once. It does not close the underlying writer.
func (b *Writer) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	b.mu.Unlock()
	if b.stop != nil {
		close(b.stop)
		<-b.done
	}
	return b.Flush()
}
