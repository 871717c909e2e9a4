package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"
)

// A period record is one region's control periods in a compact binary
// form that a store keeps beside the ledger, so that a snapshot reads each
// region's state for a day without the events or Period values in memory:
//
//	version   byte (PeriodRecordVersion)
//	n         uvarint, the number of periods
//	spans     n x (start, end int32 little-endian; end = MaxInt32 when open)
//	offsets   n x uint32 little-endian: where each state starts in states
//	events    uint32 little-endian: where the event list starts in states
//	states    each period's State (appendState), then its bounds'
//	          precisions and events: start precision, start event, end
//	          precision, end event (strings; empty for an open end);
//	          then the region's event ids in ledger order (uvarint count,
//	          strings), so one region's history is read without the ledger
//
// The spans are fixed-width, so the period of a day is a binary search
// over them, and only that period's state is decoded.

// PeriodRecordVersion is the layout AppendPeriodRecord writes; a record
// of another version is refused (the store then builds its index again).
const PeriodRecordVersion = 3

// ErrPeriodRecord marks a record that does not decode.
var ErrPeriodRecord = errors.New("bad period record")

// AppendPeriodRecord appends the record of one region's periods and the
// ids of its events (in ledger order).
func AppendPeriodRecord(b []byte, ps []Period, eventIDs []string) []byte {
	b = append(b, PeriodRecordVersion)
	b = binary.AppendUvarint(b, uint64(len(ps)))
	for i := range ps {
		end := ps[i].End
		if ps[i].Open {
			end = openEnd
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(ps[i].Start)))
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(end)))
	}
	offs := len(b)
	b = append(b, make([]byte, 4*len(ps)+4)...)
	states := len(b)
	for i := range ps {
		binary.LittleEndian.PutUint32(b[offs+4*i:], uint32(len(b)-states))
		b = appendState(b, &ps[i].State)
		b = appendStr(b, string(ps[i].StartPrecision))
		b = appendStr(b, ps[i].StartEvent)
		b = appendStr(b, string(ps[i].EndPrecision))
		b = appendStr(b, ps[i].EndEvent)
	}
	binary.LittleEndian.PutUint32(b[offs+4*len(ps):], uint32(len(b)-states))
	b = binary.AppendUvarint(b, uint64(len(eventIDs)))
	for _, id := range eventIDs {
		b = appendStr(b, id)
	}
	return b
}

func appendStr(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendState(b []byte, s *State) []byte {
	b = appendStr(b, string(s.Status))
	b = appendStr(b, string(s.Controller))
	b = appendStr(b, string(s.Extent))
	b = appendStr(b, string(s.ExtentStatus))
	b = binary.AppendUvarint(b, uint64(len(s.Holders)))
	for _, h := range s.Holders {
		b = appendStr(b, string(h.Controller))
		if h.Share == nil {
			b = append(b, 0)
		} else {
			b = append(b, 1)
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*h.Share))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(s.Candidates)))
	for _, c := range s.Candidates {
		b = appendStr(b, string(c))
	}
	b = appendStr(b, s.Since.Text)
	b = appendStr(b, string(s.Since.Precision))
	b = binary.AppendVarint(b, int64(s.Since.First))
	b = binary.AppendVarint(b, int64(s.Since.Last))
	b = appendStr(b, s.SinceEvent)
	b = binary.AppendUvarint(b, uint64(len(s.EventIDs)))
	for _, id := range s.EventIDs {
		b = appendStr(b, id)
	}
	return b
}

// PeriodRecord is a decoded view of one record's header; its states are
// decoded one at a time by State.
type PeriodRecord struct {
	n      int
	spans  []byte
	offs   []byte
	states []byte
	events int // where the event list starts in states
}

// ParsePeriodRecord checks a record's header.
func ParsePeriodRecord(rec []byte) (PeriodRecord, error) {
	if len(rec) == 0 || rec[0] != PeriodRecordVersion {
		return PeriodRecord{}, fmt.Errorf("%w: version %v", ErrPeriodRecord, rec[:min(len(rec), 1)])
	}
	n, k := binary.Uvarint(rec[1:])
	if k <= 0 || n > uint64(len(rec)) {
		return PeriodRecord{}, fmt.Errorf("%w: period count", ErrPeriodRecord)
	}
	p := 1 + k
	if len(rec) < p+12*int(n)+4 {
		return PeriodRecord{}, fmt.Errorf("%w: %d periods in %d bytes", ErrPeriodRecord, n, len(rec))
	}
	r := PeriodRecord{n: int(n), spans: rec[p : p+8*int(n)], offs: rec[p+8*int(n) : p+12*int(n)], states: rec[p+12*int(n)+4:]}
	r.events = int(binary.LittleEndian.Uint32(rec[p+12*int(n):]))
	if r.events > len(r.states) {
		return PeriodRecord{}, fmt.Errorf("%w: event list offset", ErrPeriodRecord)
	}
	return r, nil
}

// EventIDs returns the ids of the region's events, in ledger order (owned
// copies).
func (r PeriodRecord) EventIDs() ([]string, error) {
	d := stateDecoder{b: r.states[r.events:]}
	n := d.count()
	ids := make([]string, 0, n)
	for range n {
		ids = append(ids, d.text())
	}
	if d.bad {
		return nil, fmt.Errorf("%w: event list", ErrPeriodRecord)
	}
	return ids, nil
}

// Len is the number of periods.
func (r PeriodRecord) Len() int { return r.n }

func (r PeriodRecord) span(i int) (start, end Day) {
	return Day(int32(binary.LittleEndian.Uint32(r.spans[8*i:]))), Day(int32(binary.LittleEndian.Uint32(r.spans[8*i+4:])))
}

// Span returns period i's first day and its end (exclusive; open: the
// period has not ended, and end means nothing), without decoding its
// state: what a filter by day needs.
func (r PeriodRecord) Span(i int) (start, end Day, open bool) {
	start, end = r.span(i)
	return start, end, end == math.MaxInt32
}

// At returns the index of the period that holds at the end of day d, or
// -1 (as History.EachPeriod finds it).
func (r PeriodRecord) At(d Day) int {
	lo, hi := 0, r.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if _, end := r.span(m); end > d {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo < r.n {
		if start, _ := r.span(lo); start <= d {
			return lo
		}
	}
	return -1
}

// State decodes period i's state into a State of its own.
func (r PeriodRecord) State(i int) (State, error) {
	d, err := r.decoder(i)
	if err != nil {
		return State{}, err
	}
	s := d.state()
	if d.bad {
		return State{}, fmt.Errorf("%w: state %d", ErrPeriodRecord, i)
	}
	return s, nil
}

// StateBuffer is reused by StateInto across calls.
type StateBuffer struct {
	s      State
	shares [2]float64
}

// StateInto decodes period i's state as State does, without allocating:
// the State returned lives in buf and its strings point into the record,
// so it is valid only until the next call with buf and while the record's
// bytes are (for a store's record, inside its read transaction). Read it,
// never keep it.
func (r PeriodRecord) StateInto(i int, buf *StateBuffer) (*State, error) {
	d, err := r.decoder(i)
	if err != nil {
		return nil, err
	}
	d.view, d.buf = true, buf
	s := &buf.s
	*s = State{Holders: s.Holders[:0], Candidates: s.Candidates[:0], EventIDs: s.EventIDs[:0]}
	d.stateInto(s)
	if d.bad {
		return nil, fmt.Errorf("%w: state %d", ErrPeriodRecord, i)
	}
	return s, nil
}

// PeriodBuffer is reused by PeriodInto across calls.
type PeriodBuffer struct {
	p      Period
	states StateBuffer
}

// PeriodInto decodes period i of region's record whole, as History.Periods
// gives it, without allocating: like StateInto, the Period returned lives
// in buf with strings pointing into the record, valid only until the next
// call with buf and while the record's bytes are. With it a whole-history
// answer is written from a store's records a period at a time, without
// the ledger in memory.
func (r PeriodRecord) PeriodInto(i int, region string, buf *PeriodBuffer) (*Period, error) {
	d, err := r.decoder(i)
	if err != nil {
		return nil, err
	}
	d.view, d.buf = true, &buf.states
	p := &buf.p
	st := p.State
	*p = Period{Region: region}
	p.State = State{Holders: st.Holders[:0], Candidates: st.Candidates[:0], EventIDs: st.EventIDs[:0]}
	if err := r.periodFrom(i, &d, p); err != nil {
		return nil, err
	}
	return p, nil
}

// Period decodes period i of region's record into a Period of its own,
// valid after the record's bytes are gone.
func (r PeriodRecord) Period(i int, region string) (Period, error) {
	d, err := r.decoder(i)
	if err != nil {
		return Period{}, err
	}
	p := Period{Region: region}
	err = r.periodFrom(i, &d, &p)
	return p, err
}

// periodFrom decodes period i's state and bounds from d into p.
func (r PeriodRecord) periodFrom(i int, d *stateDecoder, p *Period) error {
	d.stateInto(&p.State)
	p.Start, p.End = r.span(i)
	if p.End == openEnd {
		p.End, p.Open = 0, true
	}
	p.StartPrecision = Precision(d.word())
	p.StartEvent = d.text()
	p.EndPrecision = Precision(d.word())
	p.EndEvent = d.text()
	if d.bad {
		return fmt.Errorf("%w: period %d", ErrPeriodRecord, i)
	}
	return nil
}

func (r PeriodRecord) decoder(i int) (stateDecoder, error) {
	if i < 0 || i >= r.n {
		return stateDecoder{}, fmt.Errorf("%w: period %d of %d", ErrPeriodRecord, i, r.n)
	}
	off := binary.LittleEndian.Uint32(r.offs[4*i:])
	if int(off) > len(r.states) {
		return stateDecoder{}, fmt.Errorf("%w: state offset", ErrPeriodRecord)
	}
	return stateDecoder{b: r.states[off:]}, nil
}

type stateDecoder struct {
	b   []byte
	bad bool
	// view makes text() point into b instead of copying, and shares go
	// to buf (StateInto).
	view bool
	buf  *StateBuffer
}

// text decodes a free string (an event id, a date as written).
func (d *stateDecoder) text() string {
	b := d.bytes()
	if len(b) == 0 {
		return ""
	}
	if d.view {
		return unsafe.String(&b[0], len(b))
	}
	return string(b)
}

func (d *stateDecoder) uvarint() uint64 {
	v, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return v
}

func (d *stateDecoder) varint() int64 {
	v, k := binary.Varint(d.b)
	if k <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return v
}

func (d *stateDecoder) bytes() []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

// count reads a list length, bounded by the bytes left (each item takes
// at least one).
func (d *stateDecoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(n)
}

// word decodes a string, sharing the one copy of the values that repeat
// in every state (statuses, controllers, extents, precisions).
func (d *stateDecoder) word() string {
	b := d.bytes()
	switch string(b) {
	case "":
		return ""
	case string(StatusFirm):
		return string(StatusFirm)
	case string(StatusUncertain):
		return string(StatusUncertain)
	case string(StatusUnknown):
		return string(StatusUnknown)
	case string(AZE):
		return string(AZE)
	case string(ARM):
		return string(ARM)
	case string(ExtentWhole):
		return string(ExtentWhole)
	case string(ExtentPartial):
		return string(ExtentPartial)
	}
	for _, p := range precisions {
		if string(b) == string(p) {
			return string(p)
		}
	}
	return string(b)
}

func (d *stateDecoder) state() State {
	var s State
	d.stateInto(&s)
	return s
}

// stateInto decodes into s, appending to its (empty) slices.
func (d *stateDecoder) stateInto(s *State) {
	s.Status = Status(d.word())
	s.Controller = Controller(d.word())
	s.Extent = Extent(d.word())
	s.ExtentStatus = Status(d.word())
	if n := d.count(); n > 0 {
		for i := range n {
			h := Holding{Controller: Controller(d.word())}
			if len(d.b) == 0 {
				d.bad = true
				return
			}
			has := d.b[0]
			d.b = d.b[1:]
			if has == 1 {
				if len(d.b) < 8 {
					d.bad = true
					return
				}
				v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
				d.b = d.b[8:]
				if d.buf != nil && i < len(d.buf.shares) {
					d.buf.shares[i] = v
					h.Share = &d.buf.shares[i]
				} else {
					h.Share = &v
				}
			}
			s.Holders = append(s.Holders, h)
		}
		// A whole holding is shared, as apply makes it (not in a
		// StateBuffer, whose slices are reused).
		if !d.view && n == 1 && s.Holders[0].Share != nil && *s.Holders[0].Share == 1 {
			if w, ok := wholeHoldings[s.Holders[0].Controller]; ok {
				s.Holders = w[:1:1]
			}
		}
	}
	if n := d.count(); n > 0 {
		for range n {
			s.Candidates = append(s.Candidates, Controller(d.word()))
		}
	}
	s.Since.Text = d.text()
	s.Since.Precision = Precision(d.word())
	s.Since.First = Day(d.varint())
	s.Since.Last = Day(d.varint())
	s.SinceEvent = d.text()
	if n := d.count(); n > 0 {
		for range n {
			s.EventIDs = append(s.EventIDs, d.text())
		}
	}
}

// AppendDays appends days as int32 little-endian; ParseDays reads them.
func AppendDays(b []byte, days []Day) []byte {
	for _, d := range days {
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(d)))
	}
	return b
}

// ParseDays reads what AppendDays wrote.
func ParseDays(b []byte) ([]Day, error) {
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("%w: %d bytes of days", ErrPeriodRecord, len(b))
	}
	out := make([]Day, len(b)/4)
	for i := range out {
		out[i] = Day(int32(binary.LittleEndian.Uint32(b[4*i:])))
	}
	return out, nil
}

var precisions = [...]Precision{PrecisionDay, PrecisionMonth, PrecisionYear, PrecisionRange}
