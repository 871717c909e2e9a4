package service

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/bytecache"
	"github.com/mapsvc/mapsvc/internal/gzipjoin"
	"github.com/paulmach/orb/geojson"
)

// Encoded is one response body, ready to send. Gzip is compressed once, on
// first demand, and kept.
type Encoded struct {
	// Body is the whole identity body. It is nil for an answer made of
	// parts (View.SnapshotDay): Parts and Bytes serve both kinds.
	Body        []byte
	ContentType string
	ETag        string // strong, quoted; identity representation

	gzOnce sync.Once
	gz     [][]byte
	// makeGzip, when set, builds the gzip form (from pieces compressed
	// elsewhere) instead of compressing Body; makeGzipParts does the same
	// without joining the pieces.
	makeGzip      func() []byte
	makeGzipParts func() [][]byte

	// parts, when Body is nil, are the identity body in order. All parts
	// are shared with other answers and must not be written to.
	parts [][]byte

	gzETag atomic.Pointer[string] // GzipETag, once made
	memo   atomic.Pointer[any]    // see Memo
}

// Memo returns what the sender keeps with this answer (the HTTP layer's
// header values, made once rather than per request), calling make the
// first time. Concurrent first calls may each make one; all get the kept
// one.
func (e *Encoded) Memo(make func() any) any {
	if m := e.memo.Load(); m != nil {
		return *m
	}
	m := make()
	if !e.memo.CompareAndSwap(nil, &m) {
		return *e.memo.Load()
	}
	return m
}

// Parts returns the body, identity or gzip, as slices to write in order
// (one slice for most answers). Writing them one after the other sends
// a big shared piece without first copying it into a per-request buffer.
func (e *Encoded) Parts(gzip bool) [][]byte {
	if gzip {
		e.gzOnce.Do(e.makeGz)
		return e.gz
	}
	if e.parts != nil {
		return e.parts
	}
	return [][]byte{e.Body}
}

func (e *Encoded) makeGz() {
	switch {
	case e.makeGzipParts != nil:
		e.gz = e.makeGzipParts()
	case e.makeGzip != nil:
		e.gz = [][]byte{e.makeGzip()}
	default:
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(e.Bytes())
		zw.Close()
		e.gz = [][]byte{b.Bytes()}
	}
}

// Bytes returns the whole identity body, joining the parts if need be.
func (e *Encoded) Bytes() []byte {
	if e.parts == nil {
		return e.Body
	}
	return join(e.parts)
}

// Gzip returns the body gzip-compressed, making it once.
func (e *Encoded) Gzip() []byte {
	p := e.Parts(true)
	if len(p) == 1 {
		return p[0]
	}
	return join(p)
}

func join(parts [][]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// GzipETag is the ETag of the gzip representation: a different byte
// sequence needs a different strong validator.
// It is made once: the transport asks for it on every request.
func (e *Encoded) GzipETag() string {
	if t := e.gzETag.Load(); t != nil {
		return *t
	}
	t := e.ETag[:len(e.ETag)-1] + `-gz"`
	e.gzETag.Store(&t)
	return t
}

// Content types.
const (
	TypeGeoJSON = "application/geo+json"
	TypeJSON    = "application/json"
)

// View is an immutable snapshot of the data with caches of encoded answers.
// A data change builds a new View; the old caches go with the old View.
type View struct {
	History *geo.History
	Version string

	geometry map[string][]byte // region id → encoded geometry, serialised once
	// geomAt[i] is the encoded geometry of History.Regions()[i], and
	// heads[lang] each region's feature head (appendFeatureHead), built
	// on a language's first snapshot: a new epoch of 10,000 regions reads
	// them in order instead of chasing a map and five strings a region.
	geomAt [][]byte
	heads  [len(langIndex)]atomic.Pointer[featureHeads]

	// cache keeps this view's encoded answers under its id, in the
	// service's one byte-bounded cache (groups "view": whole answers,
	// "epoch": an epoch's features, "day": a day's snapshot in parts).
	cache *bytecache.Cache
	id    uint64
	// built counts epochs encoded, shared by a service's views.
	built *atomic.Uint64

	periodsIndexState // the periods feed's order, for streaming and paging
	eventIndexState   // the events' order on a store's period index

	// periods, when set, answers snapshots from the store's period
	// index instead of History (whose events are then read only when
	// another question needs them).
	periods *periodSource
}

// viewKey is a cache key of one view: an id, not the *View, so kept
// entries do not keep an old view's history alive.
type viewKey[K comparable] struct {
	id uint64
	k  K
}

// nextViewID numbers views for their cache keys.
var nextViewID atomic.Uint64

// DefaultCacheBytes bounds the cache of a view made without a service
// (NewView) and of a service until SetCacheBytes.
const DefaultCacheBytes = 256 << 20

func (v *View) get(group string, k any) (any, bool) { return v.cache.Get(group, k) }

// epochBody is a snapshot's features array for one epoch and language, as
// JSON and as a compressed piece to splice into any day's gzip stream.
type epochBody struct {
	json     []byte // the array; capped, so appending to it copies
	withTail []byte // the array followed by snapshotTail, in one slice
	gzOnce   sync.Once
	gz       gzipjoin.Piece
	// layout, when set, lets a neighbouring epoch copy this one's
	// features (epochFeatures).
	layout        *epochLayout
	fromNeighbour bool // built from a kept neighbour's bytes
}

// Compression of a new epoch's features: a default snapshot (about
// 150 KB) is compressed in the background, so gzip readers seldom wait
// and identity readers never do. Past eagerLimit (a world of boundaries:
// 10,000 regions make about 10 MB) compressing every epoch that an
// identity reader touched would cost 100s of ms of CPU each, so a big
// epoch is compressed on its first gzip request. The level is 6 for
// both: with klauspost/compress (see gzipjoin) it makes the default
// snapshot 5% larger than the standard library's level 6 in a third of
// the time, and the first gzip reader of each new epoch waits for it
// (the first answer after a start among them: a fresh writer, its tables
// new pages, took 4.9 ms at level 6 against 9.4 ms at 7 and 10 ms for the
// standard library); level 9 took 17 ms to save 1%.
const (
	eagerLimit = 512 << 10
	epochLevel = 6
)

func newEpochBody(array []byte) *epochBody {
	n := len(array)
	withTail := append(array, snapshotTail...)
	f := &epochBody{json: withTail[:n:n], withTail: withTail}
	if n <= eagerLimit {
		go f.piece()
	}
	return f
}

// piece returns the compressed features, compressing them once.
func (f *epochBody) piece() gzipjoin.Piece {
	// A big epoch is compressed in parts side by side: its first gzip
	// reader waits for the slowest part, not the whole. A default one
	// (150 KB) is not: there a second writer's fresh tables cost as much
	// as they save (45-47 ms to a first answer either way).
	f.gzOnce.Do(func() {
		if len(f.json) > eagerLimit {
			f.gz = gzipjoin.CompressParallel(f.json, epochLevel, 8)
		} else {
			f.gz = gzipjoin.Compress(f.json, epochLevel)
		}
	})
	return f.gz
}

// size is what the epoch cache counts: the JSON and its compressed form
// (about a fifth of it).
func (f *epochBody) size() int {
	n := len(f.withTail) + len(f.withTail)/4
	if f.layout != nil {
		n += f.layout.size()
	}
	return n
}

type dayKey struct {
	day  geo.Day
	lang geo.Lang
}

type epochKey struct {
	epoch int
	lang  geo.Lang
}

// NewView validates the dataset and prepares the per-region encodings.
func NewView(ds Dataset) (*View, error) { return newView(ds, nil) }

// newView reuses the encoded geometry of prev, whose regions are the same:
// an event edit does not move any boundary, so neither are they checked
// again.
func newView(ds Dataset, prev *View) (*View, error) {
	geo.SortRegions(ds.Regions)
	// A new view's geometry text is written beside the history's
	// checks: both only read the sorted regions, and a start waits for
	// both.
	var geometry chan geometryText
	if prev == nil {
		geometry = make(chan geometryText, 1)
		go func() { geometry <- encodeGeometry(ds.Regions) }()
	}
	h, err := geo.NewHistoryWith(ds.Regions, ds.Events, geo.HistoryOptions{GeometryChecked: ds.GeometryChecked || prev != nil, EventsChecked: ds.EventsChecked})
	var g geometryText
	if geometry != nil {
		g = <-geometry
	}
	if err != nil {
		return nil, err
	}
	if g.err != nil {
		return nil, g.err
	}
	return viewOf(h, ds.Version, g.byID, prev)
}

// viewOf makes the view of a history (see newView) with its regions'
// geometry text, which prev's replaces when given.
func viewOf(h *geo.History, version string, geometry map[string][]byte, prev *View) (*View, error) {
	v := &View{History: h, Version: version, geometry: geometry, id: nextViewID.Add(1)}
	if prev != nil {
		v.geometry, v.cache, v.built = prev.geometry, prev.cache, prev.built
	}
	if v.cache == nil {
		v.cache = bytecache.New(DefaultCacheBytes)
	}
	if v.built == nil {
		v.built = new(atomic.Uint64)
	}
	v.geomAt = make([][]byte, len(h.Regions()))
	for i, r := range h.Regions() {
		v.geomAt[i] = v.geometry[r.ID]
	}
	return v, nil
}

// geometryText is every region's geometry as GeoJSON, by region id.
type geometryText struct {
	byID map[string][]byte
	err  error
}

func encodeGeometry(regions []geo.Region) geometryText {
	byID := make(map[string][]byte, len(regions))
	var buf []byte // every region's geometry, one after the other
	for i := range regions {
		r := &regions[i]
		start := len(buf)
		var ok bool
		if buf, ok = appendMultiPolygon(buf, r.Geometry); ok {
			byID[r.ID] = buf[start:len(buf):len(buf)]
			continue
		}
		buf = buf[:start]
		b, err := json.Marshal(geojson.NewGeometry(geo.AsMulti(r.Geometry)))
		if err != nil {
			return geometryText{err: fmt.Errorf("region %q geometry: %w", r.ID, err)}
		}
		byID[r.ID] = b
	}
	return geometryText{byID: byID}
}

// featureHeads are every region's feature head in one language: region
// i's is buf[end[i-1]:end[i]].
type featureHeads struct {
	buf []byte
	end []int
}

func (f *featureHeads) head(i int) []byte {
	start := 0
	if i > 0 {
		start = f.end[i-1]
	}
	return f.buf[start:f.end[i]]
}

var langIndex = func() (m [5]geo.Lang) {
	copy(m[:], geo.Langs)
	return m
}()

// headsFor returns the feature heads of lang, building them once.
func (v *View) headsFor(lang geo.Lang) *featureHeads {
	li := -1
	for i, l := range langIndex {
		if l == lang {
			li = i
		}
	}
	if li < 0 {
		return nil
	}
	if f := v.heads[li].Load(); f != nil {
		return f
	}
	regions := v.History.Regions()
	f := &featureHeads{end: make([]int, len(regions))}
	for i, r := range regions {
		f.buf = appendFeatureHead(f.buf, r, lang)
		f.end[i] = len(f.buf)
	}
	v.heads[li].CompareAndSwap(nil, f)
	return v.heads[li].Load()
}

// cached returns the entry for key, building it once.
func (v *View) cached(key, contentType string, build func() ([]byte, error)) (*Encoded, error) {
	if e, ok := v.get("view", viewKey[string]{v.id, key}); ok {
		return e.(*Encoded), nil
	}
	body, err := build()
	if err != nil {
		return nil, err
	}
	e := &Encoded{Body: body, ContentType: contentType, ETag: fmt.Sprintf(`"%s-%s"`, v.Version, etagSafe(key))}
	v.keep(key, e)
	return e, nil
}

func (v *View) keep(key string, e *Encoded) {
	size := 5*len(e.Body)/4 + 256 // the gzip form, once made, is a fraction more
	v.cache.Put("view", viewKey[string]{v.id, key}, e, int64(size))
}

// etagSafe keeps only characters allowed in an entity tag.
func etagSafe(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '"' || c < 0x21 || c > 0x7e {
			b[i] = '_'
		}
	}
	return string(b)
}

// jsonBody marshals v as compact JSON with a trailing newline.
func jsonBody(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
