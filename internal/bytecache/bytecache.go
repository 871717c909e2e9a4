// Package bytecache is mapsvc's one cache mechanism: least recently used
// entries go first once the entries' bytes pass a budget. Every cache of
// encoded answers (views, snapshots, epochs, OGC, tiles, renders,
// downloads) shares one Cache, so one flag bounds them all; a group name
// per user keeps their keys apart and their figures separate.
package bytecache

import (
	"sort"
	"sync"
)

// Cache is safe for concurrent use. The zero value is not usable: New.
type Cache struct {
	mu     sync.Mutex
	budget int64
	used   int64
	items  map[key]*entry
	head   entry // sentinel: head.next is the most recent, head.prev the least
	groups map[string]*GroupStats
}

type key struct {
	group string
	k     any
}

type entry struct {
	key        key
	value      any
	size       int64
	prev, next *entry
}

// GroupStats are one group's figures.
type GroupStats struct {
	Group     string
	Bytes     int64
	Entries   int
	Hits      uint64
	Misses    uint64
	Evictions uint64
}

// New returns a cache that keeps at most budget bytes (at least 1).
func New(budget int64) *Cache {
	c := &Cache{budget: max(budget, 1), items: map[key]*entry{}, groups: map[string]*GroupStats{}}
	c.head.next, c.head.prev = &c.head, &c.head
	return c
}

// Budget is the cache's bound in bytes.
func (c *Cache) Budget() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.budget
}

// SetBudget changes the bound, evicting at once what no longer fits.
func (c *Cache) SetBudget(budget int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.budget = max(budget, 1)
	for c.used > c.budget {
		last := c.head.prev
		c.group(last.key.group).Evictions++
		c.remove(last)
	}
}

func (c *Cache) group(g string) *GroupStats {
	s := c.groups[g]
	if s == nil {
		s = &GroupStats{Group: g}
		c.groups[g] = s
	}
	return s
}

// Get returns the value kept under group and k, and marks it recently used.
func (c *Cache) Get(group string, k any) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key{group, k}]
	if !ok {
		c.group(group).Misses++
		return nil, false
	}
	c.group(group).Hits++
	c.unlink(e)
	c.pushFront(e)
	return e.value, true
}

// Peek returns the value kept under group and k without counting a hit
// or a miss or marking it used: for a caller looking for something to
// build from (a neighbouring epoch), not for the answer itself.
func (c *Cache) Peek(group string, k any) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key{group, k}]
	if !ok {
		return nil, false
	}
	return e.value, true
}

// Put keeps value under group and k, counted as size bytes, and evicts the
// least recently used entries past the budget. A value larger than the
// whole budget is not kept.
func (c *Cache) Put(group string, k any, value any, size int64) {
	size = max(size, 1)
	c.mu.Lock()
	defer c.mu.Unlock()
	kk := key{group, k}
	if old, ok := c.items[kk]; ok {
		c.remove(old)
	}
	if size > c.budget {
		return
	}
	e := &entry{key: kk, value: value, size: size}
	c.items[kk] = e
	c.pushFront(e)
	c.used += size
	g := c.group(group)
	g.Bytes += size
	g.Entries++
	for c.used > c.budget {
		last := c.head.prev
		c.group(last.key.group).Evictions++
		c.remove(last)
	}
}

// Used is the bytes kept now.
func (c *Cache) Used() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// Stats returns every group's figures, by group name.
func (c *Cache) Stats() []GroupStats {
	c.mu.Lock()
	out := make([]GroupStats, 0, len(c.groups))
	for _, g := range c.groups {
		out = append(out, *g)
	}
	c.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Group < out[j].Group })
	return out
}

func (c *Cache) remove(e *entry) {
	c.unlink(e)
	delete(c.items, e.key)
	c.used -= e.size
	g := c.group(e.key.group)
	g.Bytes -= e.size
	g.Entries--
}

func (c *Cache) unlink(e *entry) {
	e.prev.next, e.next.prev = e.next, e.prev
	e.prev, e.next = nil, nil
}

func (c *Cache) pushFront(e *entry) {
	e.prev, e.next = &c.head, c.head.next
	c.head.next.prev = e
	c.head.next = e
}
