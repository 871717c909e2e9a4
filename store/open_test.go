package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/store"
	bolt "go.etcd.io/bbolt"
)

// seededFile writes a database with the real data and closes it.
func seededFile(t *testing.T) string {
	t.Helper()
	db, path := openTemp(t, store.Options{})
	rs, evs := realData(t)
	if _, _, err := db.Import(rs, evs); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

func TestOpenRefusesWhatIsNotAMapsvcDatabase(t *testing.T) {
	dir := t.TempDir()
	good := seededFile(t)
	goodBytes, _ := os.ReadFile(good)

	foreign := filepath.Join(dir, "foreign.db")
	other, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	other.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("settings"))
		return b.Put([]byte("theme"), []byte("dark"))
	})
	other.Close()
	// Another program's bbolt file that happens to use a "meta" bucket.
	lookalike := filepath.Join(dir, "lookalike.db")
	other, _ = bolt.Open(lookalike, 0o600, nil)
	other.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("meta"))
		return b.Put([]byte("schema_version"), []byte{0, 0, 0, 0, 0, 0, 0, 1})
	})
	other.Close()

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	garbage := bytes.Repeat([]byte("not a database "), 4096)
	cases := []struct {
		name string
		path string
		want error
	}{
		{"a missing file", filepath.Join(dir, "nope.db"), store.ErrNotExist},
		{"an empty file", write("empty.db", nil), store.ErrForeign},
		{"a directory", dir, store.ErrForeign},
		{"another program's bbolt file", foreign, store.ErrForeign},
		{"a bbolt file with a meta bucket but no marker", lookalike, store.ErrForeign},
		{"garbage", write("garbage.db", garbage), store.ErrCorrupt},
		{"a few bytes", write("short.db", []byte("bolt")), store.ErrCorrupt},
		{"a truncated database", write("truncated.db", goodBytes[:20000]), store.ErrCorrupt},
	}
	for _, ro := range []bool{false, true} {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before, _ := os.ReadFile(tc.path)
				db, err := store.Open(tc.path, store.Options{ReadOnly: ro, Timeout: 200 * time.Millisecond})
				if err == nil {
					db.Close()
				}
				if !errors.Is(err, tc.want) {
					t.Fatalf("read-only=%v: got %v, want %v", ro, err, tc.want)
				}
				if after, _ := os.ReadFile(tc.path); !bytes.Equal(before, after) {
					t.Errorf("the refused file was changed")
				}
			})
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "nope.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open created the missing file: %v", err)
	}
}

// A database whose data pages are overwritten (meta pages intact) gives
// ErrCorrupt from Load or Check, never a panic.
func TestDamagedPagesGiveAnErrorNotAPanic(t *testing.T) {
	path := seededFile(t)
	b, _ := os.ReadFile(path)
	for i := 4 * 4096; i < len(b); i++ {
		b[i] = byte(i * 7)
	}
	os.WriteFile(path, b, 0o600)
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		if !errors.Is(err, store.ErrCorrupt) && !errors.Is(err, store.ErrForeign) {
			t.Fatalf("open: got %v, want ErrCorrupt", err)
		}
		return
	}
	defer db.Close()
	_, loadErr := db.Load()
	checkErr := db.Check()
	if loadErr == nil || checkErr == nil {
		t.Fatalf("damaged file: Load err %v, Check err %v; want both to fail", loadErr, checkErr)
	}
}

func TestReadOnlyOpenSharesAndNeverWrites(t *testing.T) {
	path := seededFile(t)
	before, _ := os.ReadFile(path)
	a, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := store.Open(path, store.Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("second read-only open: %v", err)
	}
	if err := b.Check(); err != nil {
		t.Errorf("check read-only: %v", err)
	}
	if _, _, err := b.Import(nil, nil); err == nil {
		t.Error("import through a read-only handle succeeded")
	}
	b.Close()
	if _, err := store.Open(path, store.Options{Timeout: 200 * time.Millisecond}); !errors.Is(err, store.ErrLocked) {
		t.Errorf("writer beside a reader: got %v, want ErrLocked", err)
	}
	a.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("read-only opens changed the file")
	}
}

func TestCreateRefusesAnExistingPath(t *testing.T) {
	path := seededFile(t)
	if _, err := store.Create(path, store.Options{}); err == nil {
		t.Fatal("Create over an existing database succeeded")
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.Version(); v == "" {
		t.Error("the existing database lost its data")
	}
}

// Files written before the marker existed (schema 1, revisions bucket)
// still open, and gain the marker on a writable open.
func TestLegacyFileGainsTheMarker(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	old, _ := bolt.Open(path, 0o600, nil)
	old.Update(func(tx *bolt.Tx) error {
		m, _ := tx.CreateBucket([]byte("meta"))
		tx.CreateBucket([]byte("revisions"))
		return m.Put([]byte("schema_version"), []byte{0, 0, 0, 0, 0, 0, 0, 1})
	})
	old.Close()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("legacy file: %v", err)
	}
	db.Close()
	var marker string
	b, _ := bolt.Open(path, 0o600, nil)
	b.View(func(tx *bolt.Tx) error {
		marker = string(tx.Bucket([]byte("meta")).Get([]byte("format")))
		return nil
	})
	b.Close()
	if marker != "mapsvc" {
		t.Errorf("marker after writable open: got %q, want mapsvc", marker)
	}
}
