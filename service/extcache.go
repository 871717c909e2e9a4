package service

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"
)

// Cache keeps encoded answers that packages outside service build (the OGC
// API, downloads, vector tiles) for one data version at a time: the first
// request that brings a View of another version empties it. Past max
// entries it starts afresh, like View's own caches; it never holds answers
// of two versions.
type Cache struct {
	mu      sync.Mutex
	max     int
	version string
	since   time.Time
	entries map[string]*Encoded
}

// NewCache returns an empty cache bounded to max entries (at least 1).
func NewCache(max int) *Cache {
	if max < 1 {
		max = 1
	}
	return &Cache{max: max, entries: map[string]*Encoded{}}
}

// sync switches the cache to v's version; the caller holds mu.
func (c *Cache) sync(v *View) {
	if c.version != v.Version || c.since.IsZero() {
		c.version, c.since = v.Version, time.Now().UTC().Truncate(time.Second)
		c.entries = map[string]*Encoded{}
	}
}

// Since returns when this cache first served v's data version: a stable
// time for "generated at" fields, so that bodies and their ETags stay the
// same for as long as the data does.
func (c *Cache) Since(v *View) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sync(v)
	return c.since
}

// Get returns the answer for key under v's data version, building it on
// first demand. The ETag is the data version with a hash of the body, so
// equal tags always mean equal bytes, whatever went into the key.
func (c *Cache) Get(v *View, key, contentType string, build func() ([]byte, error)) (*Encoded, error) {
	c.mu.Lock()
	c.sync(v)
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return e, nil
	}
	body, err := build()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	e = &Encoded{Body: body, ContentType: contentType, ETag: `"` + etagSafe(v.Version) + "-" + hex.EncodeToString(sum[:12]) + `"`}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != v.Version {
		return e, nil // the data moved on while building: answer, but do not keep
	}
	if len(c.entries) >= c.max {
		c.entries = map[string]*Encoded{}
	}
	c.entries[key] = e
	return e, nil
}
