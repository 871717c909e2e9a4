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

var (
	snapshotTail      = []byte("}\n")
	snapshotTailPiece = gzipjoin.Compress(snapshotTail, 6)
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
// pre-encoded bytes.
func (v *View) epochFeatures(epoch int, d geo.Day, lang geo.Lang) (*epochBody, error) {
	k := epochKey{epoch, lang}
	if f, ok := v.get("epoch", viewKey[epochKey]{v.id, k}); ok {
		return f.(*epochBody), nil
	}
	b, err := v.encodeFeatures(d, lang)
	if err != nil {
		return nil, err
	}
	f := v.shareBody(b)
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

// parallelRegions is the number of regions from which a new epoch is
// encoded in two halves at once: a world of 10,000 regions takes tens of
// milliseconds on one core, mostly waiting on memory.
const parallelRegions = 2000

// encodeFeatures encodes the features array of day d's snapshot.
func (v *View) encodeFeatures(d geo.Day, lang geo.Lang) ([]byte, error) {
	n := len(v.History.Regions())
	heads := v.headsFor(lang)
	index, states := make([]int, 0, n), make([]*geo.State, 0, n)
	v.History.EachState(d, func(i int, _ *geo.Region, st *geo.State) {
		index = append(index, i)
		states = append(states, st)
	})
	regions := v.History.Regions()
	// encode appends the features of the regions at index, each after a
	// comma but the very first of the array.
	encode := func(b []byte, index []int, states []*geo.State, first bool) ([]byte, error) {
		for k, i := range index {
			if k > 0 || !first {
				b = append(b, ',')
			}
			if heads != nil {
				b = append(b, heads.head(i)...)
			} else {
				b = appendFeatureHead(b, regions[i], lang)
			}
			var ok bool
			if b, ok = appendState(b, states[k], lang); !ok {
				r := regions[i]
				_, err := json.Marshal(snapshotProps{Region: r.ID, Name: r.Name(lang), Kind: r.Kind, Role: r.Role, ISO: r.ISO, StateJSON: stateJSON(*states[k], lang)})
				return nil, fmt.Errorf("region %q: %w", r.ID, err)
			}
			b = append(b, `,"geometry":`...)
			b = append(b, v.geomAt[i]...)
			b = append(b, '}')
		}
		return b, nil
	}
	size := func(index []int) int {
		// The geometry plus about 500 bytes of properties a region.
		n := 0
		for _, i := range index {
			n += len(v.geomAt[i]) + 500
		}
		return n
	}
	b := make([]byte, 1, 2+len(snapshotTail)+size(index))
	b[0] = '['
	if len(index) < parallelRegions {
		b, err := encode(b, index, states, true)
		if err != nil {
			return nil, err
		}
		return append(b, ']'), nil
	}
	half := len(index) / 2
	var second []byte
	var err2 error
	done := make(chan struct{})
	go func() {
		defer close(done)
		second, err2 = encode(make([]byte, 0, size(index[half:])), index[half:], states[half:], false)
	}()
	b, err := encode(b, index[:half], states[:half], true)
	<-done
	if err != nil {
		return nil, err
	}
	if err2 != nil {
		return nil, err2
	}
	return append(append(b, second...), ']'), nil
}
