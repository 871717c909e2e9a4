// Package store keeps regions and events in a bbolt file.
//
// Buckets: meta (schema and data version), regions (id → GeoJSON feature),
// events (id → event JSON), event_order (big-endian sequence → id: ledger
// order, which decides same-day events), event_seq (id → its sequence),
// revisions (big-endian sequence → revision JSON, append
// only), revisions_by_event (id + 0 + sequence → nil), import_previous
// (revision sequence → gzipped ledger an import replaced) and, for a
// large ledger, period_index (region id → its periods as a geo period
// record; see periodindex.go).
package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout this package writes and reads.
const SchemaVersion = 1

var (
	bucketMeta    = []byte("meta")
	bucketRegions = []byte("regions")
	bucketEvents  = []byte("events")
	bucketOrder   = []byte("event_order")
	// bucketByDate is a date index no query read; files written before
	// it was dropped still hold it, and an import removes it.
	bucketByDate  = []byte("events_by_date")
	bucketSeq     = []byte("event_seq")
	bucketRevs    = []byte("revisions")
	bucketRevByEv = []byte("revisions_by_event")
	bucketPrev    = []byte("import_previous")

	keySchema  = []byte("schema_version")
	keyVersion = []byte("data_version")
	// keyRegionsChecked records that the regions bucket, as written by
	// an import, holds boundaries that passed geo.ValidateGeometry:
	// geo.GeometryRules and a digest of the bucket's values (see
	// regionsDigest). Load compares it with what it read.
	keyRegionsChecked = []byte("regions_checked")
)

// regionsDigest is the record keyRegionsChecked holds for region values
// in key order. A file whose regions were written otherwise (by an older
// mapsvc, which leaves the record as it was, or changed by anything
// else) does not match it, and its regions are checked in full.
func regionsDigest(values func(yield func([]byte) bool)) []byte {
	h := sha256.New()
	for v := range values {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(v)))
		h.Write(n[:])
		h.Write(v)
	}
	return []byte(geo.GeometryRules + ":" + hex.EncodeToString(h.Sum(nil)))
}

// Load reads the whole dataset (events in ledger order) in one read transaction. Values are decoded
// inside the transaction, so nothing refers to bbolt's memory afterwards.
func (db *DB) Load() (service.Dataset, error) {
	var ds service.Dataset
	err := db.read(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		v := meta.Get(keyVersion)
		if v == nil {
			return ErrEmpty
		}
		ds.Version = string(v)
		regions, events, order := tx.Bucket(bucketRegions), tx.Bucket(bucketEvents), tx.Bucket(bucketOrder)
		// The regions and the events decode side by side: they are
		// independent, and at start-up the server waits for both. The
		// values are gathered here (bbolt's cursors are not safe for
		// concurrent use) and decoded while the transaction is open.
		var regionKeys, regionVals [][]byte
		regions.ForEach(func(k, v []byte) error {
			regionKeys, regionVals = append(regionKeys, k), append(regionVals, v)
			return nil
		})
		// Sized once: growing a slice of a million 328-byte events by
		// appends copies it again and again and leaves up to a quarter
		// unused.
		ds.Events = make([]geo.Event, 0, order.Stats().KeyN)
		regionsDone := make(chan error, 1)
		go func() {
			ds.Regions = make([]geo.Region, 0, len(regionVals))
			for i, v := range regionVals {
				r, err := geo.RegionFromStored(v)
				if err != nil {
					regionsDone <- fmt.Errorf("region %s: %w", regionKeys[i], err)
					return
				}
				ds.Regions = append(ds.Regions, r)
			}
			regionsDone <- nil
		}()
		eventsErr := order.ForEach(func(_, id []byte) error {
			e, err := geo.DecodeStoredEvent(events.Get(id))
			if err != nil {
				return fmt.Errorf("event %s: %w", id, err)
			}
			ds.Events = append(ds.Events, e)
			return nil
		})
		if err := <-regionsDone; err != nil {
			return err
		}
		if eventsErr != nil {
			return eventsErr
		}
		ds.GeometryChecked = bytes.Equal(meta.Get(keyRegionsChecked), regionsDigest(func(yield func([]byte) bool) {
			for _, v := range regionVals {
				if !yield(v) {
					return
				}
			}
		}))
		return nil
	})
	if err == nil && fileSize(db.path) >= releaseSize {
		db.releaseMapped()
	}
	return ds, err
}

// releaseSize is the file size from which Load hands the pages it read
// back (see releaseMapped): below it they cost little.
const releaseSize = 64 << 20

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// Version returns the stored data version, or "" when empty.
func (db *DB) Version() (string, error) {
	var v string
	err := db.read(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketMeta).Get(keyVersion))
		return nil
	})
	return v, err
}

// Import replaces the whole dataset in one transaction: all or nothing.
// The caller validates first (geo.NewHistory): the import records that
// the regions' boundaries passed, and Load trusts that record while the
// regions stay as written. Importing data identical to
// what is stored writes nothing and reports changed == false.
func (db *DB) Import(regions []geo.Region, events []geo.Event) (version string, changed bool, err error) {
	return db.ImportBy(regions, events, "import", time.Now().UTC())
}

// ImportBy is Import with the actor and time its revision records.
func (db *DB) ImportBy(regions []geo.Region, events []geo.Event, actor string, now time.Time) (version string, changed bool, err error) {
	return db.ImportIndexed(regions, events, actor, now, nil)
}

// ImportIndexed is ImportBy that also writes ix, the period index of the
// same data (BuildPeriodIndex), in the same transaction; with ix nil any
// index is removed.
func (db *DB) ImportIndexed(regions []geo.Region, events []geo.Event, actor string, now time.Time, ix *PeriodIndex) (version string, changed bool, err error) {
	encRegions, encEvents, version, err := encode(regions, events)
	if err != nil {
		return "", false, err
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		prevVersion := meta.Get(keyVersion)
		if bytes.Equal(prevVersion, []byte(version)) {
			return nil
		}
		changed = true
		previous, err := previousLedger(tx)
		if err != nil {
			return err
		}
		rev := service.Revision{Time: now, Actor: actor, Action: service.ActionImport,
			PreviousVersion: string(prevVersion), Version: version}
		seq, err := appendRevision(tx, &rev)
		if err != nil {
			return err
		}
		if previous != nil {
			if err := tx.Bucket(bucketPrev).Put(uint64Bytes(seq), previous); err != nil {
				return err
			}
		}
		for _, name := range [][]byte{bucketRegions, bucketEvents, bucketOrder, bucketByDate, bucketSeq} {
			if tx.Bucket(name) != nil {
				if err := tx.DeleteBucket(name); err != nil {
					return err
				}
			}
		}
		if err := putAll(tx, regions, events, encRegions, encEvents, meta, version); err != nil {
			return err
		}
		return putPeriodIndex(tx, ix, version)
	})
	if err != nil {
		return "", false, storageError(err)
	}
	return version, changed, nil
}

// putAll fills the freshly created buckets. bbolt keeps a transaction's
// new keys in one sorted in-memory node until commit, so each Put out of
// key order shifts every key after it: a million events in ledger order
// took quadratic time (100,000 took 20 s). Each bucket is therefore
// written in its own key order, where a Put appends; and as the buckets
// are written once and then mostly read, their pages are filled.
func putAll(tx *bolt.Tx, regions []geo.Region, events []geo.Event, encRegions, encEvents [][]byte, meta *bolt.Bucket, version string) error {
	var bs [4]*bolt.Bucket
	for i, name := range [][]byte{bucketRegions, bucketEvents, bucketOrder, bucketSeq} {
		b, err := tx.CreateBucket(name)
		if err != nil {
			return err
		}
		b.FillPercent = 0.95
		bs[i] = b
	}
	rb, eb, ob, seqs := bs[0], bs[1], bs[2], bs[3]
	byID := make([]int, len(regions))
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(a, b int) int { return strings.Compare(regions[a].ID, regions[b].ID) })
	for _, i := range byID {
		if err := rb.Put([]byte(regions[i].ID), encRegions[i]); err != nil {
			return err
		}
	}
	checked := regionsDigest(func(yield func([]byte) bool) {
		for _, i := range byID {
			if !yield(encRegions[i]) {
				return
			}
		}
	})
	if err := meta.Put(keyRegionsChecked, checked); err != nil {
		return err
	}
	// event_order: ledger order is already key order.
	for i := range events {
		if err := ob.Put(uint64Bytes(uint64(i)), []byte(events[i].ID)); err != nil {
			return err
		}
	}
	// events and event_seq: by id.
	byID = make([]int, len(events))
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(a, b int) int { return strings.Compare(events[a].ID, events[b].ID) })
	for _, i := range byID {
		id := []byte(events[i].ID)
		if err := eb.Put(id, encEvents[i]); err != nil {
			return err
		}
		if err := seqs.Put(id, uint64Bytes(uint64(i))); err != nil {
			return err
		}
	}
	return meta.Put(keyVersion, []byte(version))
}

func encode(regions []geo.Region, events []geo.Event) ([][]byte, [][]byte, string, error) {
	h := sha256.New()
	var rs, es [][]byte
	for i := range regions {
		b, err := json.Marshal(geo.RegionFeature(&regions[i]))
		if err != nil {
			return nil, nil, "", fmt.Errorf("region %q: %w", regions[i].ID, err)
		}
		rs = append(rs, b)
		h.Write(b)
		h.Write([]byte{0})
	}
	for i := range events {
		b, err := json.Marshal(events[i])
		if err != nil {
			return nil, nil, "", fmt.Errorf("event %q: %w", events[i].ID, err)
		}
		es = append(es, b)
		h.Write(b)
		h.Write([]byte{1})
	}
	return rs, es, hex.EncodeToString(h.Sum(nil))[:16], nil
}

func uint64Bytes(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

// DataVersion is the data version a database holding exactly these
// regions and events has after an import.
func DataVersion(regions []geo.Region, events []geo.Event) (string, error) {
	_, _, v, err := encode(regions, events)
	return v, err
}
