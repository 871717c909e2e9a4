package store

import (
	"encoding/json"
	"errors"
	"fmt"
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
