package bytecache

import (
	"fmt"
	"sync"
	"testing"
)

func TestEvictsLeastRecentlyUsedPastTheBudget(t *testing.T) {
	c := New(100)
	c.Put("a", 1, "one", 40)
	c.Put("a", 2, "two", 40)
	if _, ok := c.Get("a", 1); !ok { // 1 is now the most recent
		t.Fatal("entry 1 missing")
	}
	c.Put("b", 3, "three", 40) // 120 > 100: 2 goes
	if _, ok := c.Get("a", 2); ok {
		t.Error("entry 2 kept; want it evicted as least recently used")
	}
	for _, k := range []int{1, 3} {
		g := "a"
		if k == 3 {
			g = "b"
		}
		if _, ok := c.Get(g, k); !ok {
			t.Errorf("entry %d evicted; want kept", k)
		}
	}
	if got := c.Used(); got != 80 {
		t.Errorf("used %d bytes, want 80", got)
	}
}

func TestGroupsKeepKeysApartAndCountSeparately(t *testing.T) {
	c := New(1000)
	c.Put("ogc", "k", "from ogc", 10)
	c.Put("tiles", "k", "from tiles", 20)
	if v, _ := c.Get("ogc", "k"); v != "from ogc" {
		t.Errorf("ogc/k = %v", v)
	}
	c.Get("tiles", "missing")
	stats := map[string]GroupStats{}
	for _, s := range c.Stats() {
		stats[s.Group] = s
	}
	if s := stats["ogc"]; s.Bytes != 10 || s.Entries != 1 || s.Hits != 1 {
		t.Errorf("ogc stats %+v, want 10 bytes, 1 entry, 1 hit", s)
	}
	if s := stats["tiles"]; s.Bytes != 20 || s.Misses != 1 {
		t.Errorf("tiles stats %+v, want 20 bytes, 1 miss", s)
	}
}

func TestOversizedValueIsNotKeptAndReplacingCountsOnce(t *testing.T) {
	c := New(50)
	c.Put("a", 1, "small", 10)
	c.Put("a", 2, "huge", 51)
	if _, ok := c.Get("a", 2); ok {
		t.Error("a value larger than the budget was kept")
	}
	c.Put("a", 1, "again", 30)
	if got := c.Used(); got != 30 {
		t.Errorf("used %d after replacing, want 30", got)
	}
}

// Many writers never push the cache past its budget.
func TestConcurrentPutsStayWithinBudget(t *testing.T) {
	c := New(10_000)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				c.Put(fmt.Sprint("g", w%3), i, i, int64(1+i%97))
				c.Get(fmt.Sprint("g", w%3), i-1)
			}
		}(w)
	}
	wg.Wait()
	if got := c.Used(); got > 10_000 {
		t.Errorf("used %d bytes, budget 10000", got)
	}
	var sum int64
	for _, s := range c.Stats() {
		sum += s.Bytes
	}
	if sum != c.Used() {
		t.Errorf("groups sum to %d bytes, cache holds %d", sum, c.Used())
	}
}

func BenchmarkGetHit(b *testing.B) {
	c := New(1 << 20)
	c.Put("g", "key", "v", 10)
	b.ReportAllocs()
	for b.Loop() {
		c.Get("g", "key")
	}
}
