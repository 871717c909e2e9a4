package store

import (
	"bytes"
	"fmt"

	"github.com/mapsvc/mapsvc/service"
	bolt "go.etcd.io/bbolt"
)

// ReadPeriodsAt is ReadPeriods for a reader that must see one data
// version's index throughout, across many short transactions (a whole
// periods feed streamed from the index): when the index is no longer at
// version it returns service.ErrIndexMoved and does not call fn.
func (db *DB) ReadPeriodsAt(version string, fn func(get func(region string) []byte) error) error {
	return db.read(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPeriodIndex)
		if b == nil || !bytes.Equal(tx.Bucket(bucketMeta).Get(keyIndexVersion), indexVersion(version)) {
			return fmt.Errorf("%s: %w (serving version %s)", db.path, service.ErrIndexMoved, version)
		}
		return fn(newRecordGetter(b.Cursor()).get)
	})
}

// ReleaseMapped hands back the pages of a big database file that reads so
// far have mapped in (releaseMapped): a reader that goes through the whole
// period index calls it every few tens of megabytes, so that the file's
// pages do not pile up in the resident set.
func (db *DB) ReleaseMapped() {
	if fileSize(db.path) >= releaseSize {
		db.releaseMapped()
	}
}
