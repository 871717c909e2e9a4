package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
)

// SetImportBatch makes staged imports write about bytes a transaction and
// run done after each committed batch, for the test.
func SetImportBatch(t *testing.T, bytes int, done func(batch int) error) {
	oldBytes, oldDone := importBatchBytes, importBatchDone
	importBatchBytes, importBatchDone = bytes, done
	t.Cleanup(func() { importBatchBytes, importBatchDone = oldBytes, oldDone })
}

// StagingBucket is the name of the staged import's bucket.
var StagingBucket = bucketStaging

// EncodedEvent is the stored form of the ith event.
func EncodedEvent(enc *Encoded, i int) []byte { return enc.eventVals[i] }

// DataVersionMarshal is the data version as the store computed it before
// Encode: json.Marshal of each region feature and event.
func DataVersionMarshal(regions []geo.Region, events []geo.Event) (string, error) {
	h := sha256.New()
	for i := range regions {
		b, err := json.Marshal(geo.RegionFeature(&regions[i]))
		if err != nil {
			return "", err
		}
		h.Write(b)
		h.Write([]byte{0})
	}
	for i := range events {
		b, err := json.Marshal(events[i])
		if err != nil {
			return "", err
		}
		h.Write(b)
		h.Write([]byte{1})
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// AppendEvent is appendEvent: the event written directly, and whether
// it could be.
func AppendEvent(e *geo.Event) ([]byte, bool) { return appendEvent(nil, e) }

// EventKeys is eventKeys.
func EventKeys(v []byte) (region string, first, last geo.Day, ok bool) { return eventKeys(v) }
