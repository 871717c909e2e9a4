package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	bolt "go.etcd.io/bbolt"
)

// The period index: bucket period_index holds each region's control
// periods as a geo period record (region id → record), and meta holds the
// days on which any snapshot changes (change_days) and the data version
// the index was built for (period_index_version, with the record layout).
// A snapshot reads only the records of the day (service's indexed view),
// so a large ledger is served without its events or periods in memory.
// An index whose version is not the data's is ignored, and rebuilt by the
// next server start that loads the ledger in full: a crash between a
// write and its index update loses nothing, it only costs that load.
var (
	bucketPeriodIndex = []byte("period_index")
	keyIndexVersion   = []byte("period_index_version")
	keyChangeDays     = []byte("change_days")
	keyIndexEvents    = []byte("period_index_events") // the ledger's length
)

// PeriodIndex is the index of one History, encoded, ready to write.
type PeriodIndex struct {
	regions []string // sorted ids
	records [][]byte
	changes []byte
	events  int
}

// BuildPeriodIndex encodes h's period index.
func BuildPeriodIndex(h *geo.History) *PeriodIndex {
	ix := &PeriodIndex{changes: geo.AppendDays(nil, h.ChangeDays()), events: len(h.Events())}
	for _, r := range h.Regions() {
		ix.regions = append(ix.regions, r.ID)
	}
	slices.Sort(ix.regions)
	for _, id := range ix.regions {
		ix.records = append(ix.records, geo.AppendPeriodRecord(nil, h.Periods(id), regionEventIDs(h, id)))
	}
	return ix
}

// regionEventIDs lists the ids of a region's events in ledger order, for
// its period record.
func regionEventIDs(h *geo.History, region string) []string {
	evs := h.FindEvents(geo.EventFilter{Region: region})
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	return ids
}

func indexVersion(dataVersion string) []byte {
	return fmt.Appendf(nil, "%d:%s", geo.PeriodRecordVersion, dataVersion)
}

// putPeriodIndex replaces the index in tx with ix, built for version.
func putPeriodIndex(tx *bolt.Tx, ix *PeriodIndex, version string) error {
	if tx.Bucket(bucketPeriodIndex) != nil {
		if err := tx.DeleteBucket(bucketPeriodIndex); err != nil {
			return err
		}
	}
	if ix != nil {
		b, err := tx.CreateBucket(bucketPeriodIndex)
		if err != nil {
			return err
		}
		b.FillPercent = 0.95
		for i, id := range ix.regions {
			if err := b.Put([]byte(id), ix.records[i]); err != nil {
				return err
			}
		}
	}
	return putIndexMeta(tx.Bucket(bucketMeta), ix, version)
}

// putIndexMeta writes the meta keys of ix, whose bucket is written, built
// for version; with ix nil it deletes them.
func putIndexMeta(meta *bolt.Bucket, ix *PeriodIndex, version string) error {
	if ix == nil {
		for _, k := range [][]byte{keyChangeDays, keyIndexEvents} {
			if err := meta.Delete(k); err != nil {
				return err
			}
		}
		return meta.Delete(keyIndexVersion)
	}
	if err := meta.Put(keyChangeDays, ix.changes); err != nil {
		return err
	}
	if err := meta.Put(keyIndexEvents, uint64Bytes(uint64(ix.events))); err != nil {
		return err
	}
	return meta.Put(keyIndexVersion, indexVersion(version))
}

// WritePeriodIndex writes h's period index for data version version, if
// that is still the stored data's version (otherwise the data moved on
// and nothing is written).
func (db *DB) WritePeriodIndex(h *geo.History, version string) error {
	ix := BuildPeriodIndex(h)
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		if string(tx.Bucket(bucketMeta).Get(keyVersion)) != version {
			return nil
		}
		return putPeriodIndex(tx, ix, version)
	})
	return storageError(err)
}

// UpdatePeriodIndex brings an index that was current at prevVersion to
// version, after an edit that changed only the periods of regions: their
// records and the change days are written again. An index that was not at
// prevVersion (none, or already stale) is left as it is.
func (db *DB) UpdatePeriodIndex(h *geo.History, prevVersion, version string, regions []string) error {
	current := false
	if err := db.read(func(tx *bolt.Tx) error {
		current = bytes.Equal(tx.Bucket(bucketMeta).Get(keyIndexVersion), indexVersion(prevVersion))
		return nil
	}); err != nil || !current {
		return err
	}
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		b := tx.Bucket(bucketPeriodIndex)
		if b == nil || !bytes.Equal(meta.Get(keyIndexVersion), indexVersion(prevVersion)) || string(meta.Get(keyVersion)) != version {
			return nil
		}
		for _, id := range regions {
			if _, err := h.Region(id); err != nil {
				continue
			}
			if err := b.Put([]byte(id), geo.AppendPeriodRecord(nil, h.Periods(id), regionEventIDs(h, id))); err != nil {
				return err
			}
		}
		if err := meta.Put(keyChangeDays, geo.AppendDays(nil, h.ChangeDays())); err != nil {
			return err
		}
		if err := meta.Put(keyIndexEvents, uint64Bytes(uint64(len(h.Events())))); err != nil {
			return err
		}
		return meta.Put(keyIndexVersion, indexVersion(version))
	})
	return storageError(err)
}

// LoadIndexed reads the regions and change days when the period index is
// current (ok), without the events: what a server needs to answer its
// first snapshot of a large ledger.
func (db *DB) LoadIndexed() (ix service.IndexedDataset, ok bool, err error) {
	err = db.read(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		v := meta.Get(keyVersion)
		if v == nil {
			return ErrEmpty
		}
		if tx.Bucket(bucketPeriodIndex) == nil || !bytes.Equal(meta.Get(keyIndexVersion), indexVersion(string(v))) {
			return nil
		}
		ix.Version = string(v)
		days, err := geo.ParseDays(meta.Get(keyChangeDays))
		if err != nil {
			return err
		}
		ix.ChangeDays = days
		if n := meta.Get(keyIndexEvents); len(n) == 8 {
			ix.Events = int(binary.BigEndian.Uint64(n))
		} else {
			return nil // an index without its count: built again
		}
		regions := tx.Bucket(bucketRegions)
		if err := regions.ForEach(func(k, v []byte) error {
			r, err := geo.RegionFromStored(v)
			if err != nil {
				return fmt.Errorf("region %s: %w", k, err)
			}
			ix.Regions = append(ix.Regions, r)
			return nil
		}); err != nil {
			return err
		}
		ix.GeometryChecked = bytes.Equal(meta.Get(keyRegionsChecked), regionsDigest(func(yield func([]byte) bool) {
			c := regions.Cursor()
			for _, v := c.First(); v != nil && yield(v); _, v = c.Next() {
			}
		}))
		ok = true
		return nil
	})
	return ix, ok, err
}

// ReadPeriods runs fn in one read transaction with get, which returns a
// region's period record (nil when it has none). The record is bbolt's
// memory: valid only until fn returns, and never to be written to.
func (db *DB) ReadPeriods(fn func(get func(region string) []byte) error) error {
	return db.read(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPeriodIndex)
		if b == nil {
			return fmt.Errorf("%s: the period index is gone", db.path)
		}
		return fn(newRecordGetter(b.Cursor()).get)
	})
}

// recordGetter finds records with one cursor. A snapshot asks for the
// regions mostly in key order, so it first steps to the next key, which
// stays in the leaf page it is on, and searches the tree from the root
// only when that is not the region asked for: on 10,000 regions the
// descents were a sixth of a new epoch's time.
type recordGetter struct {
	c   *bolt.Cursor
	at  []byte // the cursor's key; nil before the first search
	key []byte
}

func newRecordGetter(c *bolt.Cursor) *recordGetter { return &recordGetter{c: c} }

func (g *recordGetter) get(region string) []byte {
	if g.at != nil {
		if string(g.at) == region {
			_, v := g.c.Seek(g.at) // the same region again
			return v
		}
		if string(g.at) < region {
			k, v := g.c.Next()
			if k != nil && string(k) == region {
				g.at = k
				return v
			}
		}
	}
	g.key = append(g.key[:0], region...)
	k, v := g.c.Seek(g.key)
	g.at = k
	if k == nil || string(k) != region {
		return nil
	}
	return v
}
