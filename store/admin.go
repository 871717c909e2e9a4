package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/mapsvc/mapsvc/geo"
	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the database to w. The copy is taken
// in one read transaction into a temporary file first, so no transaction
// stays open while the bytes travel to a slow network peer.
func (db *DB) Backup(w io.Writer) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(db.path), ".backup-*.db")
	if err != nil {
		tmp, err = os.CreateTemp("", "mapsvc-backup-*.db")
		if err != nil {
			return 0, err
		}
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := db.bolt.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	}); err != nil {
		return 0, storageError(err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return io.Copy(w, tmp)
}

// BackupFile writes a consistent copy to path, atomically.
func (db *DB) BackupFile(path string) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".mapsvc-backup-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := db.Backup(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// Check verifies the file: bbolt's page-level consistency check, the
// schema, that every stored region and event decodes, and that together
// they pass the same validation as an import.
func (db *DB) Check() error {
	// Every page reachable through the buckets is read first under
	// db.read, where a fault on a damaged page becomes ErrCorrupt: bbolt's
	// own check runs in a goroutine of its own, where it would crash.
	if err := db.read(func(tx *bolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walk(b) })
	}); err != nil {
		return err
	}
	var errs []error
	err := db.read(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			errs = append(errs, fmt.Errorf("page check: %w", err))
			if len(errs) > 20 {
				break
			}
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	ds, err := db.Load()
	if errors.Is(err, ErrEmpty) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading data: %w", err)
	}
	if _, err := geo.NewHistory(ds.Regions, ds.Events); err != nil {
		return fmt.Errorf("stored data does not validate: %w", err)
	}
	return db.read(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRevs).ForEach(func(k, v []byte) error {
			if !json.Valid(v) {
				return fmt.Errorf("revision %x is not valid JSON", k)
			}
			return nil
		})
	})
}

// walk reads every key and value of b and of its nested buckets (the
// checksum touches every byte, overflow pages included).
func walk(b *bolt.Bucket) error {
	return b.ForEach(func(k, v []byte) error {
		crc32.ChecksumIEEE(k)
		crc32.ChecksumIEEE(v)
		if v == nil {
			if nb := b.Bucket(k); nb != nil {
				return walk(nb)
			}
		}
		return nil
	})
}
