package store

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"syscall"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// ApplyEdit writes one event edit and its revision in one transaction. It
// refuses the edit when the stored version is not the one the edit was
// validated against, so two writers cannot interleave unchecked.
func (db *DB) ApplyEdit(ed service.Edit) (service.Revision, error) {
	var rev service.Revision
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		cur := string(meta.Get(keyVersion))
		if cur != ed.ExpectVersion {
			return fmt.Errorf("%w: stored version %s, edit made against %s", service.ErrStale, cur, ed.ExpectVersion)
		}
		events, order, seqs := tx.Bucket(bucketEvents), tx.Bucket(bucketOrder), tx.Bucket(bucketSeq)
		id := []byte(ed.ID)
		rev = service.Revision{Time: ed.Time, Actor: ed.Actor, Action: ed.Action, EventID: ed.ID, PreviousVersion: cur}
		if old := events.Get(id); old != nil {
			var before geo.Event
			if err := json.Unmarshal(old, &before); err != nil {
				return fmt.Errorf("stored event %s: %w", ed.ID, err)
			}
			rev.Before = &before
		}
		switch ed.Action {
		case service.ActionCreate:
			if rev.Before != nil {
				return fmt.Errorf("%w: %q", service.ErrExists, ed.ID)
			}
			seq := uint64(0)
			if k, _ := order.Cursor().Last(); k != nil {
				seq = binary.BigEndian.Uint64(k) + 1
			}
			if err := order.Put(uint64Bytes(seq), id); err != nil {
				return err
			}
			if err := seqs.Put(id, uint64Bytes(seq)); err != nil {
				return err
			}
		case service.ActionUpdate, service.ActionDelete:
			if rev.Before == nil {
				return fmt.Errorf("%w: event %q", geo.ErrNotFound, ed.ID)
			}
		}
		rev.Position = position(order, seqs.Get(id))
		if ed.Action == service.ActionDelete {
			if s := seqs.Get(id); s != nil {
				if err := order.Delete(s); err != nil {
					return err
				}
			}
			if err := seqs.Delete(id); err != nil {
				return err
			}
			if err := events.Delete(id); err != nil {
				return err
			}
		} else {
			b, err := json.Marshal(ed.Event)
			if err != nil {
				return err
			}
			if err := events.Put(id, b); err != nil {
				return err
			}
			after := *ed.Event
			rev.After = &after
		}
		if _, err := appendRevision(tx, &rev); err != nil {
			return err
		}
		return meta.Put(keyVersion, []byte(rev.Version))
	})
	if err != nil {
		return service.Revision{}, storageError(err)
	}
	return rev, nil
}

// position is the event's index in ledger order.
func position(order *bolt.Bucket, seq []byte) int {
	if seq == nil {
		return order.Stats().KeyN
	}
	n := 0
	c := order.Cursor()
	for k, _ := c.First(); k != nil && bytes.Compare(k, seq) < 0; k, _ = c.Next() {
		n++
	}
	return n
}

// appendRevision gives rev the next sequence number and a version derived
// from the previous version and the revision itself, then stores it.
func appendRevision(tx *bolt.Tx, rev *service.Revision) (uint64, error) {
	revs := tx.Bucket(bucketRevs)
	seq, err := revs.NextSequence()
	if err != nil {
		return 0, err
	}
	rev.Seq = seq
	if rev.Version == "" {
		body, _ := json.Marshal(rev)
		sum := sha256.Sum256(append([]byte(rev.PreviousVersion), body...))
		rev.Version = hex.EncodeToString(sum[:])[:16]
	}
	b, err := json.Marshal(rev)
	if err != nil {
		return 0, err
	}
	if err := revs.Put(uint64Bytes(seq), b); err != nil {
		return 0, err
	}
	if rev.EventID != "" {
		if err := tx.Bucket(bucketRevByEv).Put(append(append([]byte(rev.EventID), 0), uint64Bytes(seq)...), nil); err != nil {
			return 0, err
		}
	}
	return seq, nil
}

// previousLedger returns the stored events, gzipped, or nil when empty.
//
// release, when not nil, is called after each 64 MB read, for the caller
// to let the pages read go (releaseMapped).
func previousLedger(tx *bolt.Tx, release func()) ([]byte, error) {
	order, events := tx.Bucket(bucketOrder), tx.Bucket(bucketEvents)
	if order == nil || events == nil {
		return nil, nil
	}
	if k, _ := order.Cursor().First(); k == nil {
		return nil, nil
	}
	// The stored events go into the array as they are (compact JSON, as
	// json.Marshal wrote them; what json.Encoder would write of them as
	// raw messages), with no copy of the whole ledger: a million events
	// are 370 MB.
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	sep := []byte("[")
	read := 0
	err := order.ForEach(func(_, id []byte) error {
		if _, err := zw.Write(sep); err != nil {
			return err
		}
		sep = []byte(",")
		v := events.Get(id)
		if read += len(v); read >= 64<<20 && release != nil {
			release()
			read = 0
		}
		_, err := zw.Write(v)
		return err
	})
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write([]byte("]\n")); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// EventRevisions lists one event's revisions, oldest first.
func (db *DB) EventRevisions(id string) ([]service.Revision, error) {
	var out []service.Revision
	err := db.bolt.View(func(tx *bolt.Tx) error {
		prefix := append([]byte(id), 0)
		revs := tx.Bucket(bucketRevs)
		c := tx.Bucket(bucketRevByEv).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var r service.Revision
			if err := json.Unmarshal(revs.Get(k[len(prefix):]), &r); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// RevisionMarks lists every revision's time and versions in sequence
// order, for the service's time index.
func (db *DB) RevisionMarks() ([]service.RevisionMark, error) {
	var out []service.RevisionMark
	err := db.read(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRevs)
		out = make([]service.RevisionMark, 0, b.Stats().KeyN)
		return b.ForEach(func(k, v []byte) error {
			var m struct {
				Time            time.Time `json:"time"`
				PreviousVersion string    `json:"previous_version"`
				Version         string    `json:"version"`
			}
			if err := json.Unmarshal(v, &m); err != nil {
				return fmt.Errorf("revision %x: %w", k, err)
			}
			out = append(out, service.RevisionMark{Time: m.Time, PreviousVersion: m.PreviousVersion, Version: m.Version})
			return nil
		})
	})
	return out, err
}

// RevisionsAfter lists revisions later than t, newest first; imports come
// with the ledger they replaced.
func (db *DB) RevisionsAfter(t time.Time) ([]service.Revision, error) {
	var out []service.Revision
	err := db.bolt.View(func(tx *bolt.Tx) error {
		prev := tx.Bucket(bucketPrev)
		c := tx.Bucket(bucketRevs).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var r service.Revision
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			if !r.Time.After(t) {
				break
			}
			if r.Action == service.ActionImport {
				if gz := prev.Get(k); gz != nil {
					evs, err := decodePrevious(gz)
					if err != nil {
						return fmt.Errorf("revision %d: %w", r.Seq, err)
					}
					r.PreviousEvents, r.HadPrevious = evs, true
				}
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// EditsSinceImport lists the revisions after the latest import, oldest
// first, with that import's time (zero when there is none): the span
// the service's in-memory edit log covers. Events after an edit are not
// kept (undoing needs only what came before), nor the ledger an import
// replaced.
func (db *DB) EditsSinceImport() (since time.Time, edits []service.Revision, err error) {
	err = db.bolt.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketRevs).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var r service.Revision
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("revision %x: %w", k, err)
			}
			if r.Action == service.ActionImport {
				since = r.Time
				break
			}
			r.After = nil
			edits = append(edits, r)
		}
		return nil
	})
	slices.Reverse(edits)
	return since, edits, err
}

func decodePrevious(gz []byte) ([]geo.Event, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	var evs []geo.Event
	return evs, json.Unmarshal(b, &evs)
}

// storageError marks a full disk or a reached size cap as
// service.ErrNoStorage, so the transport can answer 507.
func storageError(err error) error {
	if errors.Is(err, bolterrors.ErrMaxSizeReached) || errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) {
		return fmt.Errorf("%w: %v", service.ErrNoStorage, err)
	}
	return err
}
