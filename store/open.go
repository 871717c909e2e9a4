package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Sentinel errors. Every error Open returns names the file.
var (
	// ErrLocked: another process holds the database file.
	ErrLocked = errors.New("database is in use by another process")
	// ErrSchema: the file was written by an incompatible version.
	ErrSchema = errors.New("database schema version mismatch")
	// ErrEmpty: the database holds no data yet.
	ErrEmpty = errors.New("database is empty")
	// ErrNotExist: no file at the path; Open never creates one.
	ErrNotExist = errors.New("no database file")
	// ErrForeign: the file is not a mapsvc database (an empty file, or a
	// bbolt file without mapsvc's schema marker). It is never written.
	ErrForeign = errors.New("not a mapsvc database")
	// ErrCorrupt: the file is damaged (not bbolt, truncated, or pages
	// that do not read back).
	ErrCorrupt = errors.New("database file is damaged")
)

// formatName is the schema marker: meta/format holds it in every file
// this package creates, so a bbolt file of another program is told apart.
var (
	keyFormat  = []byte("format")
	formatName = []byte("mapsvc")
)

// DB is an open mapsvc database.
type DB struct {
	bolt     *bolt.DB
	path     string
	readOnly bool
}

// Options tune Open and Create.
type Options struct {
	// Timeout bounds the wait for the file lock; a second process gets
	// ErrLocked instead of hanging.
	Timeout time.Duration
	// MaxSize caps the file (0: no cap); writes beyond it fail.
	MaxSize int
	// ReadOnly opens with a shared lock and never writes: several
	// readers may open the file at once (a writer holds it alone).
	ReadOnly bool
	// MmapSize reserves this much address space for the file up front
	// (0: bbolt's default, which starts small and doubles). A write that
	// grows the file past the mapping makes bbolt map it again, and each
	// time it first copies every key and value the transaction holds to
	// the heap: a million-event import did that some fifteen times in its
	// commit (9 s of CPU, and the copies). Only address space is reserved;
	// pages count as resident only once they are read or written.
	MmapSize int
}

// Open opens an existing mapsvc database. It never creates a file, and it
// refuses an empty file, a file of another program and a damaged one
// before anything is written.
func Open(path string, opt Options) (*DB, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w (create one with: mapsvc init --db %s)", path, ErrNotExist, path)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: %w: it is a directory", path, ErrForeign)
	}
	if err := inspect(path, fi.Size()); err != nil {
		return nil, err
	}
	db, err := openBolt(path, opt)
	if err != nil {
		return nil, err
	}
	if err := db.checkSchema(); err != nil {
		db.bolt.Close()
		return nil, err
	}
	return db, nil
}

// Create makes a new, empty mapsvc database at path with its schema
// marker. It fails when anything exists at path.
func Create(path string, opt Options) (*DB, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	f.Close()
	opt.ReadOnly = false
	db, err := openBolt(path, opt)
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketRevs, bucketRevByEv, bucketPrev} {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyFormat, formatName); err != nil {
			return err
		}
		return meta.Put(keySchema, uint64Bytes(SchemaVersion))
	})
	if err != nil {
		db.bolt.Close()
		os.Remove(path)
		return nil, fmt.Errorf("create %s: %w", path, storageError(err))
	}
	return db, nil
}

func openBolt(path string, opt Options) (*DB, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = 2 * time.Second
	}
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.Timeout, MaxSize: opt.MaxSize, ReadOnly: opt.ReadOnly, InitialMmapSize: opt.MmapSize})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("%s: %w (waited %s for the lock)", path, ErrLocked, opt.Timeout)
		}
		if errors.Is(err, bolterrors.ErrInvalid) || errors.Is(err, bolterrors.ErrChecksum) || errors.Is(err, bolterrors.ErrVersionMismatch) {
			return nil, fmt.Errorf("%s: %w: %v", path, ErrCorrupt, err)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &DB{bolt: b, path: path, readOnly: opt.ReadOnly}, nil
}

// Close closes the file.
func (db *DB) Close() error { return db.bolt.Close() }

// Path returns the file path.
func (db *DB) Path() string { return db.path }

// ReadOnly reports whether the database was opened for reading only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Bolt exposes the handle for backup and checks.
func (db *DB) Bolt() *bolt.DB { return db.bolt }

// checkSchema reads the marker first and writes nothing unless the file
// is ours: a file from before the marker (schema_version 1 and the
// revisions bucket, as earlier builds wrote) gains it on a writable open.
func (db *DB) checkSchema() error {
	legacy := false
	err := db.read(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return fmt.Errorf("%s: %w: a bbolt file without mapsvc's meta bucket", db.path, ErrForeign)
		}
		v := meta.Get(keySchema)
		if len(v) != 8 {
			return fmt.Errorf("%s: %w: no schema version", db.path, ErrForeign)
		}
		switch f := meta.Get(keyFormat); {
		case f == nil && tx.Bucket(bucketRevs) != nil:
			legacy = true
		case string(f) != string(formatName):
			return fmt.Errorf("%s: %w: format marker %.40q", db.path, ErrForeign, f)
		}
		if got := binary.BigEndian.Uint64(v); got != SchemaVersion {
			return fmt.Errorf("%s: %w: file has %d, this build reads %d", db.path, ErrSchema, got, SchemaVersion)
		}
		return nil
	})
	if err != nil || !legacy || db.readOnly {
		return err
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketRevByEv, bucketPrev} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keyFormat, formatName)
	})
}

// read runs fn in a read transaction and turns a panic or a memory fault
// while reading damaged pages into ErrCorrupt. The transaction is rolled
// back by a deferred call, so a panic does not leave bbolt's locks held.
func (db *DB) read(fn func(tx *bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	tx, err := db.bolt.Begin(false)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %w: %v", db.path, ErrCorrupt, r)
		}
	}()
	return fn(tx)
}

// bbolt's meta page: a 16-byte page header, then magic, version, page
// size, flags (4 bytes each), root bucket (16), freelist, high-water page
// id and transaction id (8 each), and an FNV-64a checksum of the 56 bytes
// before it.
const (
	boltMagic    = 0xED0CDAED
	pageHeader   = 16
	metaSize     = 64
	metaChecksum = 56
)

type boltMeta struct {
	pageSize uint32
	pgid     uint64
	txid     uint64
}

// inspect reads bbolt's two meta pages before bbolt maps the file: an
// empty file would be initialised by bbolt, and a truncated one makes it
// fault on the first read past the end.
func inspect(path string, size int64) error {
	if size == 0 {
		return fmt.Errorf("%s: %w: the file is empty", path, ErrForeign)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, pageHeader+metaSize)
	if _, err := io.ReadFull(f, head); err != nil {
		return fmt.Errorf("%s: %w: %d bytes is too short for a bbolt file", path, ErrCorrupt, size)
	}
	var best *boltMeta
	m0, ok0 := parseMeta(head[pageHeader:])
	if ok0 {
		best = &m0
	}
	pageSize := int64(os.Getpagesize())
	if ok0 {
		pageSize = int64(m0.pageSize)
	}
	if _, err := f.ReadAt(head, pageSize); err == nil {
		if m1, ok := parseMeta(head[pageHeader:]); ok && (best == nil || m1.txid > best.txid) {
			best = &m1
		}
	}
	if best == nil {
		return fmt.Errorf("%s: %w: not a bbolt file, or both of its meta pages are damaged", path, ErrCorrupt)
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return fmt.Errorf("%s: %w: truncated to %d bytes, its pages need %d", path, ErrCorrupt, size, need)
	}
	return nil
}

func parseMeta(b []byte) (boltMeta, bool) {
	le := binary.NativeEndian
	if le.Uint32(b[0:]) != boltMagic {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(b[:metaChecksum])
	if h.Sum64() != le.Uint64(b[metaChecksum:]) {
		return boltMeta{}, false
	}
	m := boltMeta{pageSize: le.Uint32(b[8:]), pgid: le.Uint64(b[40:]), txid: le.Uint64(b[48:])}
	if m.pageSize < 512 || m.pageSize&(m.pageSize-1) != 0 {
		return boltMeta{}, false
	}
	return m, true
}
