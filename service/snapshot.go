package service

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"strconv"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/gzipjoin"
)

// HoldingJSON is one holder as the API shows it.
type HoldingJSON struct {
	Controller     geo.Controller `json:"controller"`
	ControllerName string         `json:"controller_name"`
	Share          *float64       `json:"share"`
}

// StateJSON is a region's state as the API shows it.
type StateJSON struct {
	Controller     *geo.Controller  `json:"controller"`
	ControllerName *string          `json:"controller_name"`
	Status         geo.Status       `json:"status"`
	Extent         *geo.Extent      `json:"extent"`
	ExtentStatus   *geo.Status      `json:"extent_status"`
	Holders        []HoldingJSON    `json:"holders"`
	Candidates     []geo.Controller `json:"candidates,omitempty"`
	Since          *string          `json:"since"`
	SincePrecision *geo.Precision   `json:"since_precision"`
	SinceEvent     *string          `json:"since_event"`
	EventIDs       []string         `json:"event_ids"`
}

func stateJSON(s geo.State, lang geo.Lang) StateJSON {
	out := StateJSON{Status: s.Status, Holders: []HoldingJSON{}, EventIDs: s.EventIDs, Candidates: s.Candidates}
	if out.EventIDs == nil {
		out.EventIDs = []string{}
	}
	if s.Controller != "" {
		c, n, ext, es := s.Controller, s.Controller.Name(lang), s.Extent, s.ExtentStatus
		out.Controller, out.ControllerName, out.Extent, out.ExtentStatus = &c, &n, &ext, &es
	}
	for _, h := range s.Holders {
		out.Holders = append(out.Holders, HoldingJSON{Controller: h.Controller, ControllerName: h.Controller.Name(lang), Share: h.Share})
	}
	if s.SinceEvent != "" {
		since, p, ev := s.Since.Text, s.Since.Precision, s.SinceEvent
		out.Since, out.SincePrecision, out.SinceEvent = &since, &p, &ev
	}
	return out
}

// snapshotProps are a snapshot feature's properties.
type snapshotProps struct {
	Region string   `json:"region"`
	Name   string   `json:"name"`
	Kind   string   `json:"kind"`
	Role   geo.Role `json:"role"`
	ISO    string   `json:"iso_3166_2,omitempty"`
	StateJSON
}

// Snapshot answers "who held what at the end of day d" as a GeoJSON
// FeatureCollection, with the whole body in Body. Features are encoded
// and compressed once per epoch and language; a day only adds its small
// header, spliced into the gzip stream without compressing the features
// again. The HTTP handler uses SnapshotDay, which skips the joined copy.
func (v *View) Snapshot(d geo.Day, lang geo.Lang) (*Encoded, error) {
	key := "snapshot-" + d.String() + "-" + string(lang)
	if e, ok := v.get("view", viewKey[string]{v.id, key}); ok {
		return e.(*Encoded), nil
	}
	parts, err := v.SnapshotDay(d, lang)
	if err != nil {
		return nil, err
	}
	e := &Encoded{Body: parts.Bytes(), ContentType: parts.ContentType, ETag: parts.ETag, makeGzip: parts.Gzip}
	v.keep(key, e)
	return e, nil
}

// SnapshotDay answers as Snapshot does, with the same bytes and ETag, but
// leaves the body in parts (see Encoded.Parts): the day's own head, then
// the epoch's features with the closing bytes. A day nobody asked for yet
// costs its head, a few hundred bytes, not a 150 KB copy of the features.
// Days are kept (bounded) so that a popular day costs a map lookup.
func (v *View) SnapshotDay(d geo.Day, lang geo.Lang) (*Encoded, error) {
	k := dayKey{d, lang}
	if e, ok := v.get("day", viewKey[dayKey]{v.id, k}); ok {
		return e.(*Encoded), nil
	}
	epoch := v.History.Epoch(d)
	features, err := v.epochFeatures(epoch, d, lang)
	if err != nil {
		return nil, err
	}
	head := v.snapshotHead(d, lang, epoch)
	etag := make([]byte, 0, len(v.Version)+len(lang)+24)
	etag = append(append(append(etag, '"'), v.Version...), "-snapshot-"...)
	etag = append(append(append(appendDay(etag, d), '-'), lang...), '"')
	e := &Encoded{ContentType: TypeGeoJSON, ETag: string(etag), parts: [][]byte{head, features.withTail},
		makeGzipParts: func() [][]byte { return gzipParts(head, features.piece()) }}
	// Counted as its head and, once asked for, its gzip end (a copy of
	// the compressed features, about a fifth of them).
	size := len(head) + 256 + len(features.json)/4
	v.cache.Put("day", viewKey[dayKey]{v.id, k}, e, int64(size))
	return e, nil
}

// The tail is two bytes: stored, not compressed, since compressing it
// at start-up cost a deflate writer (about 800 KB of fresh pages) for a
// saving of three bytes per answer.
var (
	snapshotTail      = []byte("}\n")
	snapshotTailPiece = gzipjoin.Stored(snapshotTail)
)

// gzipParts lays out one gzip member in two parts: the gzip header with
// the stored head, then the compressed features, the tail and the trailer
// (final block, CRC-32 and length: a member's last 10 bytes). Join is given
// the features and the tail with their lengths and CRCs only, so it
// returns the first part and the trailer; the second part is copied once
// per day, because net/http sends a large write at once but holds back
// anything written after it for one more send at the end.
func gzipParts(head []byte, features gzipjoin.Piece) [][]byte {
	feat, tail := features, snapshotTailPiece
	feat.Deflate, tail.Deflate = nil, nil
	frame := gzipjoin.Join(gzipjoin.Stored(head), feat, tail)
	n := len(frame) - 10
	end := make([]byte, 0, len(features.Deflate)+len(snapshotTailPiece.Deflate)+10)
	end = append(append(append(end, features.Deflate...), snapshotTailPiece.Deflate...), frame[n:]...)
	return [][]byte{frame[:n:n], end}
}

// snapshotHead is everything before the features array.
func (v *View) snapshotHead(d geo.Day, lang geo.Lang, epoch int) []byte {
	b := make([]byte, 0, 320+len(v.Version))
	b = append(b, `{"type":"FeatureCollection","date":"`...)
	b = appendDay(b, d)
	b = append(b, `","lang":"`...)
	b = append(b, lang...)
	b = append(b, `","epoch":`...)
	b = strconv.AppendInt(b, int64(epoch), 10)
	b = append(b, `,"data_version":"`...)
	b = append(b, v.Version...)
	b = append(b, `","last_change":`...)
	last, hasLast, next, hasNext := v.History.EpochSpan(epoch)
	b = appendOptDay(b, last, hasLast)
	b = append(b, `,"next_change":`...)
	b = appendOptDay(b, next, hasNext)
	return append(b, `,"attribution":`+strconv.Quote(geo.Attribution)+`,"features":`...)
}

func appendOptDay(b []byte, d geo.Day, ok bool) []byte {
	if !ok {
		return append(b, "null"...)
	}
	return append(appendDay(append(b, '"'), d), '"')
}

func writeDay(b *bytes.Buffer, d geo.Day, ok bool) {
	if !ok {
		b.WriteString("null")
		return
	}
	b.WriteByte('"')
	b.WriteString(d.String())
	b.WriteByte('"')
}

// epochFeatures returns the encoded features of an epoch: properties
// appended per region (appendjson.go), geometry spliced in from the
// pre-encoded bytes. With a neighbouring epoch of the same language kept,
// only the regions whose period differs are encoded; the rest are copied
// from it.
func (v *View) epochFeatures(epoch int, d geo.Day, lang geo.Lang) (*epochBody, error) {
	k := epochKey{epoch, lang}
	if f, ok := v.get("epoch", viewKey[epochKey]{v.id, k}); ok {
		return f.(*epochBody), nil
	}
	base := v.neighbourEpoch(epoch, lang)
	b, layout, err := v.encodeFeatures(d, lang, base)
	if err != nil {
		return nil, err
	}
	// A body shared between views by its bytes cannot carry a layout:
	// period indices differ between views. Worlds with few regions share
	// (edits and as_of views compress nothing twice); large ones keep a
	// layout per view so the next epoch is built from this one.
	var f *epochBody
	if len(b) >= neighbourMinBytes {
		f = newEpochBody(b)
		f.layout, f.fromNeighbour = layout, base != nil
	} else {
		f = v.shareBody(b)
	}
	v.built.Add(1)
	v.cache.Put("epoch", viewKey[epochKey]{v.id, k}, f, int64(f.size()))
	return f, nil
}

// bodySeed seeds the hashes that find an epoch body by its bytes.
var bodySeed = maphash.MakeSeed()

// bodyKey is a features array's hash, under which the cache's "body"
// group keeps the body: views of other versions share a body whose bytes
// are the same (an edit changes few epochs, and an as_of view few more),
// and with it the compressed form, so that only a changed epoch is
// compressed again.
type bodyKey uint64

// shareBody returns the kept body with the bytes of array, or a new one
// (which it keeps). A hash match is confirmed byte for byte.
func (v *View) shareBody(array []byte) *epochBody {
	k := bodyKey(maphash.Bytes(bodySeed, array))
	if e, ok := v.cache.Get("body", k); ok {
		if f := e.(*epochBody); bytes.Equal(f.json, array) {
			return f
		}
	}
	f := newEpochBody(array)
	v.cache.Put("body", k, f, int64(f.size()))
	return f
}

// neighbourReach is how many epochs either side of a new one are looked
// for in the cache to build it from: adjacent days (a slider, an
// animation) differ in a few regions; far apart, in most.
const neighbourReach = 8

// neighbourMinBytes is the features array size from which an epoch keeps
// its layout for its neighbours instead of sharing its body by content;
// a variable so tests can build small worlds both ways.
var neighbourMinBytes = 1 << 20

// neighbourEpoch returns the nearest kept epoch of lang within
// neighbourReach of epoch, or nil.
func (v *View) neighbourEpoch(epoch int, lang geo.Lang) *epochBody {
	for dist := 1; dist <= neighbourReach; dist++ {
		for _, e := range [2]int{epoch - dist, epoch + dist} {
			if f, ok := v.cache.Peek("epoch", viewKey[epochKey]{v.id, epochKey{e, lang}}); ok {
				if fb := f.(*epochBody); fb.layout != nil {
					return fb
				}
			}
		}
	}
	return nil
}

// epochLayout says where each feature lies in an epoch's array and which
// period it shows, so a neighbouring epoch can reuse its bytes: feature k
// (the k-th region EachPeriod visits) ends at ends[k] (exclusive) and
// starts after the '[' or ',' before it; period[k] is its period index.
type epochLayout struct {
	ends   []int32
	period []int32
}

func (l *epochLayout) start(k int) int {
	if k == 0 {
		return 1
	}
	return int(l.ends[k-1]) + 1
}

// Size of the layout, counted with the epoch.
func (l *epochLayout) size() int { return 8 * len(l.ends) }

// parallelRegions is the number of regions from which a new epoch is
// encoded in two halves at once: a world of 10,000 regions takes tens of
// milliseconds on one core, mostly waiting on memory.
const parallelRegions = 2000

// encodeFeatures encodes the features array of day d's snapshot, copying
// the features of regions whose period is the same in base (when given).
func (v *View) encodeFeatures(d geo.Day, lang geo.Lang, base *epochBody) ([]byte, *epochLayout, error) {
	regions := v.History.Regions()
	n := len(regions)
	heads := v.headsFor(lang)
	var baseLayout *epochLayout
	if base != nil {
		baseLayout = base.layout
	}
	// encode appends the features of regions from..to-1, each after a
	// comma but the very first of the array, from feature number k0 on;
	// ends are offsets in b, to be moved by the caller.
	encode := func(b []byte, from, to, k0 int, first bool) ([]byte, []int32, []int32, error) {
		ends, period := make([]int32, 0, to-from), make([]int32, 0, to-from)
		k := k0
		var err error
		// run is a stretch of features copied from base: base features
		// runFrom..k-1.
		runFrom := -1
		flush := func() {
			if runFrom < 0 {
				return
			}
			if runFrom > k0 || !first {
				b = append(b, ',')
			}
			s := baseLayout.start(runFrom)
			shift := len(b) - s
			b = append(b, base.json[s:baseLayout.ends[k-1]]...)
			for j := runFrom; j < k; j++ {
				ends = append(ends, baseLayout.ends[j]+int32(shift))
			}
			runFrom = -1
		}
		ierr := v.eachPeriod(d, from, to, func(i int, r *geo.Region, st *geo.State, pi int) {
			if err != nil {
				return
			}
			period = append(period, int32(pi))
			if baseLayout != nil && baseLayout.period[k] == int32(pi) {
				if runFrom < 0 {
					runFrom = k
				}
				k++
				return
			}
			flush()
			if k > k0 || !first {
				b = append(b, ',')
			}
			if heads != nil {
				b = append(b, heads.head(i)...)
			} else {
				b = appendFeatureHead(b, r, lang)
			}
			var ok bool
			if b, ok = appendState(b, st, lang); !ok {
				_, jerr := json.Marshal(snapshotProps{Region: r.ID, Name: r.Name(lang), Kind: r.Kind, Role: r.Role, ISO: r.ISO, StateJSON: stateJSON(*st, lang)})
				err = fmt.Errorf("region %q: %w", r.ID, jerr)
				return
			}
			b = append(b, `,"geometry":`...)
			b = append(b, v.geomAt[i]...)
			b = append(b, '}')
			ends = append(ends, int32(len(b)))
			k++
		})
		if err == nil {
			err = ierr
		}
		flush()
		return b, ends, period, err
	}
	size := func(from, to int) int {
		if base != nil {
			// About the neighbour's share of bytes.
			return len(base.json)*(to-from)/max(n, 1) + 64<<10
		}
		// The geometry plus about 500 bytes of properties a region.
		s := 0
		for i := from; i < to; i++ {
			s += len(v.geomAt[i]) + 500
		}
		return s
	}
	b := make([]byte, 1, 2+len(snapshotTail)+size(0, n))
	b[0] = '['
	if n < parallelRegions {
		b, ends, period, err := encode(b, 0, n, 0, true)
		if err != nil {
			return nil, nil, err
		}
		return append(b, ']'), &epochLayout{ends: ends, period: period}, nil
	}
	// Two halves at once; the second numbers its features after the
	// first's, which is known once the first half's regions are counted.
	half := n / 2
	k0 := 0
	for _, r := range regions[:half] {
		if r.Role != geo.RoleNeighbour {
			k0++
		}
	}
	var (
		second         []byte
		ends2, period2 []int32
		err2           error
		done           = make(chan struct{})
	)
	go func() {
		defer close(done)
		second, ends2, period2, err2 = encode(make([]byte, 0, size(half, n)), half, n, k0, false)
	}()
	b, ends, period, err := encode(b, 0, half, 0, true)
	<-done
	if err != nil {
		return nil, nil, err
	}
	if err2 != nil {
		return nil, nil, err2
	}
	shift := int32(len(b))
	for _, e := range ends2 {
		ends = append(ends, e+shift)
	}
	return append(append(b, second...), ']'), &epochLayout{ends: ends, period: append(period, period2...)}, nil
}
