package store

import (
	"encoding/json"
	"fmt"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	bolt "go.etcd.io/bbolt"
)

// eventChunk is how many events one read transaction of EventDatesAt
// goes through: a pass over a million events takes seconds, and a long
// read transaction would hold up a write that must grow the file.
const eventChunk = 20_000

// EventDatesAt calls fn with every event's id, date window and region
// ("" for none), in id order, a chunk of events per read transaction, each
// checked to be at data version version (service.ErrIndexMoved when it no
// longer is). Only those fields are decoded; fn must copy id to keep it.
// The pages each chunk mapped in are handed back after it (ReleaseMapped).
func (db *DB) EventDatesAt(version string, fn func(id []byte, first, last geo.Day, region string) error) error {
	var after []byte
	for {
		n := 0
		err := db.read(func(tx *bolt.Tx) error {
			if err := atVersion(tx, db.path, version); err != nil {
				return err
			}
			c := tx.Bucket(bucketEvents).Cursor()
			k, v := c.First()
			if after != nil {
				if k, v = c.Seek(after); k != nil && string(k) == string(after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && n < eventChunk; k, v = c.Next() {
				var e struct {
					Region string       `json:"region"`
					Date   geo.DateSpec `json:"date"`
				}
				if err := json.Unmarshal(v, &e); err != nil {
					return fmt.Errorf("event %s: %w", k, err)
				}
				if err := fn(k, e.Date.First, e.Date.Last, e.Region); err != nil {
					return err
				}
				after = append(after[:0], k...)
				n++
			}
			return nil
		})
		if err != nil || n < eventChunk {
			db.ReleaseMapped()
			return err
		}
		// The chunk's pages are read: hand them back, or a pass over
		// the whole bucket leaves the file resident.
		db.ReleaseMapped()
	}
}

// ReadEventsAt runs fn in one read transaction at data version version
// (service.ErrIndexMoved when the data moved on) with get, which decodes
// the event of an id (ok false when there is none).
func (db *DB) ReadEventsAt(version string, fn func(get func(id string) (e geo.Event, ok bool, err error)) error) error {
	return db.read(func(tx *bolt.Tx) error {
		if err := atVersion(tx, db.path, version); err != nil {
			return err
		}
		events := tx.Bucket(bucketEvents)
		var key []byte
		return fn(func(id string) (geo.Event, bool, error) {
			key = append(key[:0], id...)
			v := events.Get(key)
			if v == nil {
				return geo.Event{}, false, nil
			}
			e, err := geo.DecodeStoredEvent(v)
			if err != nil {
				return geo.Event{}, false, fmt.Errorf("event %s: %w", id, err)
			}
			return e, true, nil
		})
	})
}

func atVersion(tx *bolt.Tx, path, version string) error {
	if v := tx.Bucket(bucketMeta).Get(keyVersion); string(v) != version {
		return fmt.Errorf("%s: %w (serving version %s, stored %s)", path, service.ErrIndexMoved, version, v)
	}
	return nil
}
