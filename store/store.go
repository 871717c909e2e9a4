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
	"fmt"
	"os"
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

// Import replaces the whole dataset: all or nothing (a large one is
// written in several transactions but takes the place of the current data
// in the last; see ImportEncoded). The caller validates first (geo.NewHistory): the import records that
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
// same data (BuildPeriodIndex), with the data; with ix nil any index is
// removed.
func (db *DB) ImportIndexed(regions []geo.Region, events []geo.Event, actor string, now time.Time, ix *PeriodIndex) (version string, changed bool, err error) {
	enc, err := Encode(regions, events)
	if err != nil {
		return "", false, err
	}
	return db.ImportEncoded(enc, actor, now, ix)
}

func uint64Bytes(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

// DataVersion is the data version a database holding exactly these
// regions and events has after an import.
func DataVersion(regions []geo.Region, events []geo.Event) (string, error) {
	enc, err := Encode(regions, events)
	if err != nil {
		return "", err
	}
	return enc.version, nil
}
