package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// recordBucket makes a bucket of n keys with values long enough to fill
// leaf pages of their own, as period records do.
func recordBucket(t testing.TB, n int) (*bolt.DB, []string) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "r.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("r-%05d", i*2) // odd numbers are missing
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketPeriodIndex)
		if err != nil {
			return err
		}
		for i, k := range keys {
			if err := b.Put([]byte(k), bytes.Repeat([]byte{byte(i)}, 100+i%3000)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db, keys
}

// The cursor getter answers as Get does, whatever the order of the
// questions: in key order, repeated, backwards, shuffled, and for keys
// that are missing (before, between and after the stored ones).
func TestRecordGetterAnswersAsGet(t *testing.T) {
	db, keys := recordBucket(t, 700)
	var asked []string
	for i := -1; i <= 1400; i++ {
		asked = append(asked, fmt.Sprintf("r-%05d", i))
	}
	asked = append(asked, "", "a", "z", "r-")
	rng := rand.New(rand.NewPCG(1, 2))
	orders := map[string][]string{"in order": keys, "all, in order": asked}
	rev := slices.Clone(asked)
	slices.Reverse(rev)
	orders["backwards"] = rev
	shuf := slices.Clone(asked)
	rng.Shuffle(len(shuf), func(i, j int) { shuf[i], shuf[j] = shuf[j], shuf[i] })
	orders["shuffled"] = shuf
	var twice []string
	for _, k := range keys[:50] {
		twice = append(twice, k, k, "r-99999", k)
	}
	orders["repeated"] = twice
	for name, order := range orders {
		err := db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketPeriodIndex)
			g := newRecordGetter(b.Cursor())
			for _, k := range order {
				if got, want := g.get(k), b.Get([]byte(k)); !bytes.Equal(got, want) || (got == nil) != (want == nil) {
					return fmt.Errorf("%s: %q: got %d bytes, want %d", name, k, len(got), len(want))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkRecordGetter reads 10,000 records in key order, as a snapshot
// of the synthetic world does, with the cursor getter and with Get.
func BenchmarkRecordGetter(b *testing.B) {
	db, keys := recordBucket(b, 10_000)
	for _, how := range []string{"cursor", "get"} {
		b.Run(how, func(b *testing.B) {
			for b.Loop() {
				db.View(func(tx *bolt.Tx) error {
					bk := tx.Bucket(bucketPeriodIndex)
					g := newRecordGetter(bk.Cursor())
					n := 0
					for _, k := range keys {
						var v []byte
						if how == "cursor" {
							v = g.get(k)
						} else {
							v = bk.Get([]byte(k))
						}
						n += int(v[0])
					}
					return nil
				})
			}
		})
	}
}
