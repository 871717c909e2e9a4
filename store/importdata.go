package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	bolt "go.etcd.io/bbolt"
)

// Encoded is a dataset encoded for the store, ready to import: it keeps
// the stored bytes and ids but not the decoded regions and events, which
// the caller may drop before the write (a million events are some
// 700 MB).
type Encoded struct {
	regionIDs  []string // sorted
	regionVals [][]byte
	eventIDs   []string // ledger order
	eventVals  [][]byte
	eventsByID []int32 // ledger positions in id order
	events     int
	version    string
}

// spend lets the events' bytes go, once a staged import has written them.
// The Encoded is then good only for its version and regions.
func (enc *Encoded) spend() {
	enc.eventVals, enc.eventIDs, enc.eventsByID = nil, nil, nil
}

// Version is the data version the encoded data has once imported.
func (enc *Encoded) Version() string { return enc.version }

// Events is the number of events.
func (enc *Encoded) Events() int { return enc.events }

// Encode encodes regions and events as the store writes them, the events
// on all cores.
func Encode(regions []geo.Region, events []geo.Event) (*Encoded, error) {
	enc := &Encoded{
		events:     len(events),
		regionVals: make([][]byte, len(regions)),
		eventIDs:   make([]string, len(events)),
		eventVals:  make([][]byte, len(events)),
	}
	h := sha256.New()
	for i := range regions {
		b, err := json.Marshal(geo.RegionFeature(&regions[i]))
		if err != nil {
			return nil, fmt.Errorf("region %q: %w", regions[i].ID, err)
		}
		enc.regionVals[i] = b
		h.Write(b)
		h.Write([]byte{0})
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	chunk := (len(events) + workers - 1) / workers
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := min(w*chunk, len(events)), min((w+1)*chunk, len(events))
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ee eventEncoder
			for i := lo; i < hi; i++ {
				b, err := ee.encode(&events[i])
				if err != nil {
					errs[w] = fmt.Errorf("event %q: %w", events[i].ID, err)
					return
				}
				enc.eventIDs[i], enc.eventVals[i] = events[i].ID, b
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, b := range enc.eventVals {
		h.Write(b)
		h.Write([]byte{1})
	}
	enc.version = hex.EncodeToString(h.Sum(nil))[:16]
	// Each bucket is written in its own key order (see fill).
	byID := make([]int, len(regions))
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(a, b int) int { return strings.Compare(regions[a].ID, regions[b].ID) })
	vals := make([][]byte, len(regions))
	enc.regionIDs = make([]string, len(regions))
	for k, i := range byID {
		enc.regionIDs[k], vals[k] = regions[i].ID, enc.regionVals[i]
	}
	enc.regionVals = vals
	enc.eventsByID = make([]int32, len(events))
	for i := range enc.eventsByID {
		enc.eventsByID[i] = int32(i)
	}
	slices.SortFunc(enc.eventsByID, func(a, b int32) int { return strings.Compare(enc.eventIDs[a], enc.eventIDs[b]) })
	return enc, nil
}

// importBatchBytes is about how many bytes of keys and values one
// transaction of a staged import writes (see ImportEncoded). A variable
// so that tests can stage small data.
var importBatchBytes = 64 << 20

// importBatchDone, when set (by tests), runs after each committed batch
// of a staged import; an error fails the import there.
var importBatchDone func(batch int) error

// bucketStaging holds the buckets of a staged import until its last
// transaction moves them to the root. One left by an import that failed
// or was cut off is removed by the next import.
var bucketStaging = []byte("import_staging")

// ImportEncoded is ImportIndexed of data Encode prepared. A staged
// import spends enc: it lets the events' bytes go once they are written.
//
// Data of more than importBatchBytes is written in several transactions,
// into buckets under import_staging, and the last one moves them in place
// of the current ones, with the revision, the data version and the
// index's meta keys: readers and a crash before that last commit see the
// previous data, which stays whole until then, and a failure removes the
// staged buckets. One transaction held every page of the new file in the
// heap until its commit (690 MB for the 1M-event world) besides the
// transaction's nodes. Each transaction is synced as usual: skipping the
// syncs (NoSync) and syncing once at the end would let a power cut leave
// a meta page that points at pages never written, in a file that holds
// the previous data too, and it would save no bytes written.
func (db *DB) ImportEncoded(enc *Encoded, actor string, now time.Time, ix *PeriodIndex) (version string, changed bool, err error) {
	version = enc.version
	w := &importWriter{enc: enc, ix: ix}
	if w.size() <= importBatchBytes {
		err = db.bolt.Update(func(tx *bolt.Tx) error {
			if bytes.Equal(tx.Bucket(bucketMeta).Get(keyVersion), []byte(version)) {
				return nil
			}
			changed = true
			if err := replaceData(tx, enc, actor, now, nil); err != nil {
				return err
			}
			if err := w.create(tx.CreateBucket); err != nil {
				return err
			}
			if err := w.fill(tx.Bucket, -1); err != nil {
				return err
			}
			return finishImport(tx, enc, ix)
		})
		if err != nil {
			return "", false, storageError(err)
		}
		return version, changed, nil
	}
	changed, err = db.importStaged(w, actor, now)
	if err != nil {
		return "", false, storageError(err)
	}
	return version, changed, nil
}

// keptLedger is the gzipped ledger of data version version, as
// import_previous keeps it.
type keptLedger struct {
	version string
	gz      []byte
}

func (db *DB) importStaged(w *importWriter, actor string, now time.Time) (changed bool, err error) {
	version := []byte(w.enc.version)
	var kept *keptLedger
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if bytes.Equal(tx.Bucket(bucketMeta).Get(keyVersion), version) {
			return nil
		}
		changed = true
		// The ledger this import replaces is read now, while the heap
		// holds least; the last transaction reads it again only if the
		// data moved on meanwhile.
		gz, err := previousLedger(tx, db.releaseMapped)
		if err != nil {
			return err
		}
		kept = &keptLedger{version: string(tx.Bucket(bucketMeta).Get(keyVersion)), gz: gz}
		if tx.Bucket(bucketStaging) != nil {
			if err := tx.DeleteBucket(bucketStaging); err != nil {
				return err
			}
		}
		stage, err := tx.CreateBucket(bucketStaging)
		if err != nil {
			return err
		}
		return w.create(stage.CreateBucket)
	})
	if err != nil || !changed {
		return false, err
	}
	// Reading the old ledger mapped every page of it: those pages need
	// not count as this process's memory while it writes (see
	// releaseMapped), nor after the last transaction freed them all.
	db.releaseMapped()
	defer db.releaseMapped()
	defer func() {
		if err != nil {
			// Best effort: a staging bucket left behind is removed by
			// the next import.
			db.bolt.Update(func(tx *bolt.Tx) error {
				if tx.Bucket(bucketStaging) == nil {
					return nil
				}
				return tx.DeleteBucket(bucketStaging)
			})
		}
	}()
	for batch := 0; !w.done(); batch++ {
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			stage := tx.Bucket(bucketStaging)
			if stage == nil {
				return fmt.Errorf("the import's staging bucket is gone")
			}
			return w.fill(stage.Bucket, importBatchBytes)
		})
		if err == nil && importBatchDone != nil {
			err = importBatchDone(batch)
		}
		if err != nil {
			return false, err
		}
	}
	// Every event is in the file now: their bytes (370 MB with a
	// million) go, and the heap's free memory back to the system, before
	// the last transaction maps every page of the old data to free them.
	w.enc.spend()
	debug.FreeOSMemory()
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		stage := tx.Bucket(bucketStaging)
		if stage == nil {
			return fmt.Errorf("the import's staging bucket is gone")
		}
		if bytes.Equal(tx.Bucket(bucketMeta).Get(keyVersion), version) {
			// Written meanwhile by another import: nothing to change.
			changed = false
			return tx.DeleteBucket(bucketStaging)
		}
		if err := replaceData(tx, w.enc, actor, now, kept); err != nil {
			return err
		}
		for _, name := range w.buckets() {
			if err := tx.MoveBucket(name, stage, nil); err != nil {
				return err
			}
		}
		if err := tx.DeleteBucket(bucketStaging); err != nil {
			return err
		}
		return finishImport(tx, w.enc, w.ix)
	})
	return changed, err
}

// replaceData records the import of enc in tx as a revision, keeps the
// ledger it replaces (import_previous, under the revision's number) and
// deletes the current data buckets, and events_by_date of older files.
// kept, when not nil, is the previous ledger as read earlier by
// readPrevious: used if the data has not moved on since.
func replaceData(tx *bolt.Tx, enc *Encoded, actor string, now time.Time, kept *keptLedger) error {
	prevVersion := string(tx.Bucket(bucketMeta).Get(keyVersion))
	var previous []byte
	if kept != nil && kept.version == prevVersion {
		previous = kept.gz
	} else {
		var err error
		if previous, err = previousLedger(tx, nil); err != nil {
			return err
		}
	}
	rev := service.Revision{Time: now, Actor: actor, Action: service.ActionImport,
		PreviousVersion: prevVersion, Version: enc.version}
	seq, err := appendRevision(tx, &rev)
	if err != nil {
		return err
	}
	if previous != nil {
		if err := tx.Bucket(bucketPrev).Put(uint64Bytes(seq), previous); err != nil {
			return err
		}
	}
	for _, name := range [][]byte{bucketRegions, bucketEvents, bucketOrder, bucketByDate, bucketSeq, bucketPeriodIndex} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
	}
	return nil
}

// finishImport completes the import of enc and ix in tx, whose data
// buckets hold them: the regions' check record, the index's meta keys and
// the data version.
func finishImport(tx *bolt.Tx, enc *Encoded, ix *PeriodIndex) error {
	meta := tx.Bucket(bucketMeta)
	checked := regionsDigest(func(yield func([]byte) bool) {
		for _, v := range enc.regionVals {
			if !yield(v) {
				return
			}
		}
	})
	if err := meta.Put(keyRegionsChecked, checked); err != nil {
		return err
	}
	if err := putIndexMeta(meta, ix, enc.version); err != nil {
		return err
	}
	return meta.Put(keyVersion, []byte(enc.version))
}

// importWriter writes an Encoded dataset and its period index into fresh
// buckets, each in its key order, where a Put appends (bbolt keeps a
// transaction's new keys in one sorted in-memory node until commit, so
// Puts out of key order shift every key after them: a million events in
// ledger order took quadratic time), in as many calls as it takes.
type importWriter struct {
	enc  *Encoded
	ix   *PeriodIndex
	step int // which bucket fill is at (stepRegions ...)
	i    int // and where in it
}

const (
	stepRegions = iota
	stepOrder
	stepEvents // events and event_seq
	stepIndex
	stepDone
)

func (w *importWriter) buckets() [][]byte {
	names := [][]byte{bucketRegions, bucketEvents, bucketOrder, bucketSeq}
	if w.ix != nil {
		names = append(names, bucketPeriodIndex)
	}
	return names
}

func (w *importWriter) create(create func(name []byte) (*bolt.Bucket, error)) error {
	for _, name := range w.buckets() {
		if _, err := create(name); err != nil {
			return err
		}
	}
	return nil
}

func (w *importWriter) done() bool { return w.step == stepDone }

// size is about how many bytes of keys and values the writer puts.
func (w *importWriter) size() int {
	n := 0
	for i, v := range w.enc.regionVals {
		n += len(w.enc.regionIDs[i]) + len(v)
	}
	for i, v := range w.enc.eventVals {
		n += 2*len(w.enc.eventIDs[i]) + len(v) + 16
	}
	if w.ix != nil {
		for i, r := range w.ix.records {
			n += len(w.ix.regions[i]) + len(r)
		}
	}
	return n
}

// fill puts into the buckets bucket returns until it has put limit bytes
// (limit < 0: all), and returns with its place kept for the next call.
// The buckets' pages are filled, as they are written once and then mostly
// read.
func (w *importWriter) fill(bucket func(name []byte) *bolt.Bucket, limit int) error {
	get := func(name []byte) *bolt.Bucket {
		b := bucket(name)
		b.FillPercent = 0.95
		return b
	}
	n := 0
	full := func(add int) bool {
		n += add
		return limit >= 0 && n >= limit
	}
	enc := w.enc
	for w.step != stepDone {
		switch w.step {
		case stepRegions:
			b := get(bucketRegions)
			for ; w.i < len(enc.regionIDs); w.i++ {
				if err := b.Put([]byte(enc.regionIDs[w.i]), enc.regionVals[w.i]); err != nil {
					return err
				}
				if full(len(enc.regionIDs[w.i]) + len(enc.regionVals[w.i])) {
					w.i++
					return nil
				}
			}
		case stepOrder:
			b := get(bucketOrder)
			for ; w.i < len(enc.eventIDs); w.i++ {
				if err := b.Put(uint64Bytes(uint64(w.i)), []byte(enc.eventIDs[w.i])); err != nil {
					return err
				}
				if full(8 + len(enc.eventIDs[w.i])) {
					w.i++
					return nil
				}
			}
		case stepEvents:
			eb, sb := get(bucketEvents), get(bucketSeq)
			for ; w.i < len(enc.eventsByID); w.i++ {
				k := enc.eventsByID[w.i]
				id := []byte(enc.eventIDs[k])
				if err := eb.Put(id, enc.eventVals[k]); err != nil {
					return err
				}
				if err := sb.Put(id, uint64Bytes(uint64(k))); err != nil {
					return err
				}
				if full(2*len(id) + len(enc.eventVals[k]) + 8) {
					w.i++
					return nil
				}
			}
		case stepIndex:
			if w.ix != nil {
				b := get(bucketPeriodIndex)
				for ; w.i < len(w.ix.regions); w.i++ {
					if err := b.Put([]byte(w.ix.regions[w.i]), w.ix.records[w.i]); err != nil {
						return err
					}
					if full(len(w.ix.regions[w.i]) + len(w.ix.records[w.i])) {
						w.i++
						return nil
					}
				}
			}
		}
		w.step, w.i = w.step+1, 0
	}
	return nil
}
