package service

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/mapsvc/mapsvc/geo"
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
}

// Gzip returns the body gzip-compressed, compressing it once.
func (e *Encoded) Gzip() []byte {
	e.gzOnce.Do(func() {
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

	mu    sync.Mutex
	cache map[string]*Encoded
	epoch map[epochKey][]byte // epoch+lang → encoded features array
}

type epochKey struct {
	epoch int
	lang  geo.Lang
}

// maxCached bounds each cache; past it the cache starts afresh. Snapshot
// requests cluster on few dates, so a simple reset is enough.
const maxCached = 512

// NewView validates the dataset and prepares the per-region encodings.
func NewView(ds Dataset) (*View, error) {
	geo.SortRegions(ds.Regions)
	h, err := geo.NewHistory(ds.Regions, ds.Events)
	if err != nil {
		return nil, err
	}
	v := &View{History: h, Version: ds.Version, geometry: map[string][]byte{},
		cache: map[string]*Encoded{}, epoch: map[epochKey][]byte{}}
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
	v.mu.Lock()
	if len(v.cache) >= maxCached {
		v.cache = map[string]*Encoded{}
	}
	v.cache[key] = e
	v.mu.Unlock()
	return e, nil
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
