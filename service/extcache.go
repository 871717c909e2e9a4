package service

import (
	"crypto/sha256"
	"encoding/hex"
	"github.com/mapsvc/mapsvc/internal/bytecache"
	"sync"
	"time"
)

// Cache keeps encoded answers that packages outside service build (the OGC
// API, downloads, vector tiles, renders) in the service's byte-bounded
// cache, under a group name and the data version: an answer of one
// version is never served for another, and old versions' answers go as
// the least recently used.
type Cache struct {
	group string
	store *bytecache.Cache

	mu      sync.Mutex
	version string
	since   time.Time
}

type extKey struct{ version, key string }

// NewCache returns a cache of group's answers kept in store.
func NewCache(group string, store *bytecache.Cache) *Cache {
	return &Cache{group: group, store: store}
}

// NewCache returns a cache of group's answers in the service's cache.
func (s *Service) NewCache(group string) *Cache { return NewCache(group, s.cache) }

// Since returns when this cache first served v's data version: a stable
// time for "generated at" fields, so that bodies and their ETags stay the
// same for as long as the data does.
func (c *Cache) Since(v *View) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != v.Version || c.since.IsZero() {
		c.version, c.since = v.Version, time.Now().UTC().Truncate(time.Second)
	}
	return c.since
}

// Lookup returns the kept answer for key under v's data version, if any.
func (c *Cache) Lookup(v *View, key string) (*Encoded, bool) {
	e, ok := c.store.Get(c.group, extKey{v.Version, key})
	if !ok {
		return nil, false
	}
	return e.(*Encoded), true
}

// Get returns the answer for key under v's data version, building it on
// first demand. The ETag is the data version with a hash of the body, so
// equal tags always mean equal bytes, whatever went into the key.
func (c *Cache) Get(v *View, key, contentType string, build func() ([]byte, error)) (*Encoded, error) {
	if e, ok := c.Lookup(v, key); ok {
		return e, nil
	}
	body, err := build()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	e := &Encoded{Body: body, ContentType: contentType, ETag: `"` + etagSafe(v.Version) + "-" + hex.EncodeToString(sum[:12]) + `"`}
	// Counted with its gzip form (made on demand, a fraction of the body)
	// and the key.
	c.store.Put(c.group, extKey{v.Version, key}, e, int64(5*len(body)/4+len(key)+256))
	return e, nil
}
