package seeds

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/mapsvc/mapsvc/geo"
)

// ParseReader is Parse of a ledger read from r, without the whole file or
// a copy of each event's text in memory at once: the events array is cut
// into its elements as it is read, and the elements are decoded and
// checked on all cores while reading goes on (a 376 MB ledger of a
// million events took 23 s and 750 MB more the other way). What is left
// of the document once the elements are taken out ("events": [] and the
// other members) is decoded as Parse decodes the whole, so the two accept
// and refuse the same files.
func ParseReader(name string, r io.Reader) (Ledger, error) {
	workers := max(1, runtime.GOMAXPROCS(0))
	// Batch buffers go round: fresh memory costs a page fault a page.
	p := &ledgerReader{r: bufio.NewReaderSize(r, 1<<20), free: make(chan []byte, 2*workers+2)}
	todo := make(chan *eventBatch, workers)
	done := make(chan *eventBatch, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range todo {
				b.decode()
				select {
				case p.free <- b.buf[:0]:
				default:
				}
				b.buf, b.raw = nil, nil
				done <- b
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		err := p.read(todo)
		close(todo)
		wg.Wait()
		close(done)
		readErr <- err
	}()
	// Batches come back in any order; they are put back in reading
	// order, and the first bad event in that order is the one reported.
	var batches []*eventBatch
	var firstBad *eventBatch
	for b := range done {
		for b.seq >= len(batches) {
			batches = append(batches, nil)
		}
		batches[b.seq] = b
		if b.err != nil && (firstBad == nil || b.seq < firstBad.seq) {
			firstBad = b
		}
	}
	err := <-readErr
	if firstBad != nil && (err == nil || firstBad.first+firstBad.bad < p.events) {
		return Ledger{}, fmt.Errorf("%s: event #%d: %w", name, firstBad.first+firstBad.bad+1, firstBad.err)
	}
	if err != nil {
		return Ledger{}, fmt.Errorf("%s: %w", name, err)
	}
	var raw struct {
		Version int               `json:"version"`
		Title   string            `json:"title"`
		Licence string            `json:"licence"`
		Events  []json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal(p.head, &raw); err != nil {
		return Ledger{}, fmt.Errorf("%s: %w: %v", name, geo.ErrInvalid, err)
	}
	if raw.Version != 1 {
		return Ledger{}, fmt.Errorf("%s: %w: ledger version %d, want 1", name, geo.ErrInvalid, raw.Version)
	}
	if len(raw.Events) > 0 {
		// The events array under a key spelt with escapes, or given twice:
		// rare enough to decode the plain way.
		if p.events > 0 {
			return Ledger{}, fmt.Errorf("%s: %w: the events array is given twice", name, geo.ErrInvalid)
		}
		b := &eventBatch{raw: make([][]byte, len(raw.Events))}
		for i, m := range raw.Events {
			b.raw[i] = m
		}
		b.decode()
		if b.err != nil {
			return Ledger{}, fmt.Errorf("%s: event #%d: %w", name, b.bad+1, b.err)
		}
		batches = []*eventBatch{b}
	}
	l := Ledger{Version: raw.Version, Title: raw.Title, Licence: raw.Licence}
	n := 0
	for _, b := range batches {
		n += len(b.events)
	}
	if n > 0 {
		// One exact allocation: appending a million 328-byte events copies
		// them again and again.
		l.Events = make([]geo.Event, 0, n)
		for i, b := range batches {
			l.Events = append(l.Events, b.events...)
			batches[i] = nil
		}
	}
	return l, nil
}

// eventBatch is a run of events as read (raw, cut from buf) and decoded.
type eventBatch struct {
	seq, first int // batch number, and number of its first event (from 0)
	buf        []byte
	raw        [][]byte
	events     []geo.Event
	bad        int // index in the batch of the event err is about
	err        error
}

func (b *eventBatch) decode() {
	b.events = make([]geo.Event, 0, len(b.raw))
	for i, m := range b.raw {
		e, err := decodeEvent(m)
		if err == nil {
			err = e.Validate()
		}
		if err != nil {
			b.bad, b.err = i, err
			break
		}
		b.events = append(b.events, e)
	}
}

// batchBytes is about how much event text a batch holds.
const batchBytes = 1 << 20

// ledgerReader walks a ledger document. Everything but the elements of the
// top-level "events" array is copied to head; the elements go out in
// batches. It checks only the structure it walks (where values start and
// end); head and each element are decoded by encoding/json, which checks
// the rest.
type ledgerReader struct {
	r       *bufio.Reader
	head    []byte
	events  int // elements sent
	batches int // batches sent
	sawKey  bool
	free    chan []byte // batch buffers to use again
}

var errEOF = errors.New("unexpected end of file")

func (p *ledgerReader) read(out chan<- *eventBatch) error {
	c, err := p.skipSpace()
	if err != nil || c != '{' {
		// Not an object: the decoder of head says what is wrong.
		return p.copyRest(c, err)
	}
	p.head = append(p.head, '{')
	c, err = p.skipSpace()
	if err != nil {
		return p.copyRest(c, err)
	}
	if c == '}' {
		p.head = append(p.head, c)
		return p.copyRest(p.skipSpace())
	}
	for {
		if c != '"' {
			return p.copyRest(c, nil)
		}
		start := len(p.head)
		if p.head, err = p.readString(p.head); err != nil {
			return p.copyRest(0, err)
		}
		key := string(p.head[start:])
		if c, err = p.skipSpace(); err != nil || c != ':' {
			return p.copyRest(c, err)
		}
		p.head = append(p.head, ':')
		if c, err = p.skipSpace(); err != nil {
			return p.copyRest(c, err)
		}
		if key == `"events"` {
			if p.sawKey {
				return fmt.Errorf("%w: the events array is given twice", geo.ErrInvalid)
			}
			p.sawKey = true
		}
		if key == `"events"` && c == '[' {
			p.head = append(p.head, '[', ']')
			if err := p.readEvents(out); err != nil {
				return err
			}
		} else {
			if p.head, err = p.readValue(p.head, c); err != nil {
				return p.copyRest(0, err)
			}
		}
		if c, err = p.skipSpace(); err != nil {
			return p.copyRest(c, err)
		}
		switch c {
		case ',':
			p.head = append(p.head, ',')
			if c, err = p.skipSpace(); err != nil {
				return p.copyRest(c, err)
			}
		case '}':
			p.head = append(p.head, '}')
			return p.copyRest(p.skipSpace())
		default:
			return p.copyRest(c, nil)
		}
	}
}

// copyRest appends c (unless err) and the rest of the input to head, for
// its decoder to refuse what is wrong or accept trailing space.
func (p *ledgerReader) copyRest(c byte, err error) error {
	if err == io.EOF || err == errEOF {
		return nil
	}
	if err != nil {
		return err
	}
	p.head = append(p.head, c)
	rest, err := io.ReadAll(p.r)
	p.head = append(p.head, rest...)
	return err
}

// readEvents reads the elements of the events array, its '[' read.
func (p *ledgerReader) readEvents(out chan<- *eventBatch) error {
	b := &eventBatch{seq: p.batches, first: p.events}
	flush := func() {
		if len(b.raw) > 0 {
			out <- b
			p.batches++
			b = &eventBatch{seq: p.batches, first: p.events}
		}
	}
	defer flush()
	c, err := p.skipSpace()
	if err == nil && c == ']' {
		return nil
	}
	for {
		if err != nil {
			return fmt.Errorf("event #%d: %w: %v", p.events+1, geo.ErrInvalid, errEOF)
		}
		if b.buf == nil {
			select {
			case b.buf = <-p.free:
			default:
				b.buf = make([]byte, 0, batchBytes+batchBytes/4)
			}
		}
		// Should b.buf grow, the elements before keep the old array.
		start := len(b.buf)
		if b.buf, err = p.readValue(b.buf, c); err != nil {
			return fmt.Errorf("event #%d: %w: %v", p.events+1, geo.ErrInvalid, err)
		}
		b.raw = append(b.raw, b.buf[start:len(b.buf):len(b.buf)])
		p.events++
		if len(b.buf) >= batchBytes {
			flush()
		}
		if c, err = p.skipSpace(); err != nil {
			return fmt.Errorf("after event #%d: %w: %v", p.events, geo.ErrInvalid, errEOF)
		}
		switch c {
		case ',':
			c, err = p.skipSpace()
		case ']':
			return nil
		default:
			return fmt.Errorf("after event #%d: %w: invalid character %q, want ',' or ']'", p.events, geo.ErrInvalid, c)
		}
	}
}

func (p *ledgerReader) skipSpace() (byte, error) {
	for {
		c, err := p.r.ReadByte()
		if err != nil {
			return 0, err
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c, nil
		}
	}
}

// readString appends a string whose opening quote was read, quotes
// included.
func (p *ledgerReader) readString(dst []byte) ([]byte, error) {
	dst = append(dst, '"')
	for {
		chunk, err := p.r.ReadSlice('"')
		dst = append(dst, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return dst, errEOF
		}
		// The quote ends the string unless an odd number of backslashes
		// comes before it.
		n := 0
		for i := len(dst) - 2; i >= 0 && dst[i] == '\\'; i-- {
			n++
		}
		if n%2 == 0 {
			return dst, nil
		}
	}
}

// readValue appends the value that starts with c (already read). Objects
// and arrays are followed to their end through nested values and strings;
// a scalar runs to the next structural character or space, which is left
// unread.
func (p *ledgerReader) readValue(dst []byte, c byte) ([]byte, error) {
	switch c {
	case '"':
		return p.readString(dst)
	case '{', '[':
		depth := 0
		for {
			switch c {
			case '"':
				var err error
				if dst, err = p.readString(dst); err != nil {
					return dst, err
				}
			case '{', '[':
				depth++
				dst = append(dst, c)
			case '}', ']':
				depth--
				dst = append(dst, c)
				if depth == 0 {
					return dst, nil
				}
			default:
				dst = append(dst, c)
			}
			// Runs of plain bytes are taken at once.
			for {
				buf, _ := p.r.Peek(p.r.Buffered())
				i := bytes.IndexAny(buf, "\"{}[]")
				if i < 0 {
					dst = append(dst, buf...)
					p.r.Discard(len(buf))
					if _, err := p.r.Peek(1); err != nil {
						return dst, errEOF
					}
					continue
				}
				dst = append(dst, buf[:i]...)
				p.r.Discard(i)
				break
			}
			var err error
			if c, err = p.r.ReadByte(); err != nil {
				return dst, errEOF
			}
		}
	default:
		dst = append(dst, c)
		for {
			c, err := p.r.ReadByte()
			if err != nil {
				return dst, nil
			}
			switch c {
			case ',', '}', ']', ' ', '\t', '\n', '\r', '{', '[', '"', ':':
				p.r.UnreadByte()
				return dst, nil
			}
			dst = append(dst, c)
		}
	}
}
