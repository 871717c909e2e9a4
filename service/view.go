package service

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/gzipjoin"
	"github.com/paulmach/orb/geojson"
)

// Encoded is one response body, ready to send. Gzip is compressed once, on
// first demand, and kept.
type Encoded struct {
	Body        []byte
	ContentType string
	ETag        string // strong, quoted; identity representation

	gzOnce sync.Once
	gz     []byte
	// makeGzip, when set, builds the gzip form (from pieces compressed
	// elsewhere) instead of compressing Body.
	makeGzip func() []byte
}

// Gzip returns the body gzip-compressed, making it once.
func (e *Encoded) Gzip() []byte {
	e.gzOnce.Do(func() {
		if e.makeGzip != nil {
			e.gz = e.makeGzip()
			return
		}
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(e.Body)
		zw.Close()
		e.gz = b.Bytes()
	})
	return e.gz
}

// GzipETag is the ETag of the gzip representation: a different byte
// sequence needs a different strong validator.
func (e *Encoded) GzipETag() string { return e.ETag[:len(e.ETag)-1] + `-gz"` }

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

	mu         sync.Mutex
	cache      map[string]*Encoded
	cacheBytes int
	epoch      map[epochKey]*epochBody // epoch+lang → encoded features
}

// epochBody is a snapshot's features array for one epoch and language, as
// JSON and as a compressed piece to splice into any day's gzip stream. The
// piece is compressed in the background: identity readers need not wait.
type epochBody struct {
	json   []byte
	gzDone chan struct{}
	gz     gzipjoin.Piece
}

func newEpochBody(json []byte) *epochBody {
	f := &epochBody{json: json, gzDone: make(chan struct{})}
	go func() {
		f.gz = gzipjoin.Compress(json, 9)
		close(f.gzDone)
	}()
	return f
}

// piece waits for the compressed features.
func (f *epochBody) piece() gzipjoin.Piece {
	<-f.gzDone
	return f.gz
}

type epochKey struct {
	epoch int
	lang  geo.Lang
}

// Cache bounds: past them a cache starts afresh. Requests cluster on few
// dates, so a simple reset is enough.
const (
	maxCached      = 4096
	maxCachedBytes = 96 << 20
)

// NewView validates the dataset and prepares the per-region encodings.
func NewView(ds Dataset) (*View, error) { return newView(ds, nil) }

// newView reuses the encoded geometry of prev, whose regions are the same:
// an event edit does not move any boundary.
func newView(ds Dataset, prev *View) (*View, error) {
	geo.SortRegions(ds.Regions)
	h, err := geo.NewHistory(ds.Regions, ds.Events)
	if err != nil {
		return nil, err
	}
	v := &View{History: h, Version: ds.Version, geometry: map[string][]byte{},
		cache: map[string]*Encoded{}, epoch: map[epochKey]*epochBody{}}
	if prev != nil {
		v.geometry = prev.geometry
		return v, nil
	}
	for _, r := range h.Regions() {
		b, err := json.Marshal(geojson.NewGeometry(r.Geometry))
		if err != nil {
			return nil, fmt.Errorf("region %q geometry: %w", r.ID, err)
		}
		v.geometry[r.ID] = b
	}
	return v, nil
}

// cached returns the entry for key, building it once.
func (v *View) cached(key, contentType string, build func() ([]byte, error)) (*Encoded, error) {
	v.mu.Lock()
	e, ok := v.cache[key]
	v.mu.Unlock()
	if ok {
		return e, nil
	}
	body, err := build()
	if err != nil {
		return nil, err
	}
	e = &Encoded{Body: body, ContentType: contentType, ETag: fmt.Sprintf(`"%s-%s"`, v.Version, etagSafe(key))}
	v.keep(key, e)
	return e, nil
}

func (v *View) keep(key string, e *Encoded) {
	size := 5 * len(e.Body) / 4 // the gzip form, once made, is a fraction more
	v.mu.Lock()
	if len(v.cache) >= maxCached || v.cacheBytes+size > maxCachedBytes {
		v.cache, v.cacheBytes = map[string]*Encoded{}, 0
	}
	v.cache[key] = e
	v.cacheBytes += size
	v.mu.Unlock()
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
