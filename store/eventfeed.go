package store

import (
	"bytes"
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
				region, first, last, ok := eventKeys(v)
				if !ok {
					var e struct {
						Region string       `json:"region"`
						Date   geo.DateSpec `json:"date"`
					}
					if err := json.Unmarshal(v, &e); err != nil {
						return fmt.Errorf("event %s: %w", k, err)
					}
					region, first, last = e.Region, e.Date.First, e.Date.Last
				}
				if err := fn(k, first, last, region); err != nil {
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

// eventKeys reads an event's region and date window from the layout the
// store writes (appendEvent, or json.Marshal in the same field order): the
// id first, then the region if any, and date_first and date_last last.
// Decoding the whole event to find them took most of a pass over a
// million. ok is false when the value is not so laid out (escaped text,
// another writer), and json.Unmarshal then reads it.
func eventKeys(v []byte) (region string, first, last geo.Day, ok bool) {
	const head, tail = `{"id":"`, `","date_first":"2006-01-02","date_last":"2006-01-02"}`
	if !bytes.HasPrefix(v, []byte(head)) || len(v) < len(head)+len(tail) {
		return "", 0, 0, false
	}
	rest := v[len(head):]
	end := bytes.IndexByte(rest, '"')
	if end < 0 || bytes.IndexByte(rest[:end], '\\') >= 0 {
		return "", 0, 0, false
	}
	rest = rest[end+1:]
	if r, found := bytes.CutPrefix(rest, []byte(`,"region":"`)); found {
		end := bytes.IndexByte(r, '"')
		if end < 0 || bytes.IndexByte(r[:end], '\\') >= 0 {
			return "", 0, 0, false
		}
		region = string(r[:end])
	}
	t := v[len(v)-len(tail):]
	if string(t[:len(`","date_first":"`)]) != `","date_first":"` || string(t[26:41]) != `","date_last":"` || string(t[51:]) != `"}` {
		return "", 0, 0, false
	}
	var err1, err2 error
	first, err1 = geo.ParseDay(string(t[16:26]))
	last, err2 = geo.ParseDay(string(t[41:51]))
	if err1 != nil || err2 != nil {
		return "", 0, 0, false
	}
	return region, first, last, true
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
