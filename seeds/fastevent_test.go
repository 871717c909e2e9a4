package seeds

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
)

// rawEvents are the embedded ledgers' events as written.
func rawEvents(t testing.TB) []json.RawMessage {
	var out []json.RawMessage
	for _, b := range [][]byte{LedgerJSON, PlacesJSON} {
		var raw struct{ Events []json.RawMessage }
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatal(err)
		}
		out = append(out, raw.Events...)
	}
	return out
}

// sameAsDecodeEvent holds decodeEvent to geo.DecodeEvent: the same event,
// or the same error.
func sameAsDecodeEvent(t *testing.T, b []byte) (fast bool) {
	t.Helper()
	want, werr := geo.DecodeEvent(b)
	got, err := decodeEvent(b)
	if (err == nil) != (werr == nil) || (err != nil && err.Error() != werr.Error()) {
		t.Fatalf("%s: error %v, geo.DecodeEvent %v", b, err, werr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %#v\nwant %#v", b, got, want)
	}
	_, fast = fastEvent(b)
	return fast
}

func TestDecodeEventIsGeoDecodeEvent(t *testing.T) {
	events := rawEvents(t)
	fast := 0
	for _, b := range events {
		if sameAsDecodeEvent(t, b) {
			fast++
		}
	}
	// Most of the ledger takes the quick way (some events have escapes
	// or a share).
	if fast < len(events)/2 {
		t.Errorf("%d of %d events decoded the quick way", fast, len(events))
	}
	base := `{"id":"x-1","region":"kalbajar","date":"1993-04-03","kind":"military_capture","from":"ARM","to":"AZE","extent":"whole","confidence":"high","summary":"s","sources":[{"ref":"https://example.org","outlet":"x"}]`
	for _, tail := range []string{
		`}`, ` } `, `,"date_first":"1993-04-03","date_precision":"day"}`,
		`,"date_first":1}`, `,"share":0.5}`, `,"share":0}`, `,"share":-0}`, `,"share":1e-3}`, `,"share":1E+2}`, `,"share":01}`, `,"share":.5}`, `,"share":1.}`, `,"share":-}`, `,"share":1e}`, `,"share":1e999}`, `,"share":"0.5"}`, `,"share":null}`, `,"share":0.1234567890123456789}`, `,"places":[]}`, `,"places":["a","b"],"place":"p"}`,
		`,"reference":null}`, `,"reference":["r"]}`, `,"ID":"y"}`, `,"id":"y"}`, `,"colour":1}`,
		`,"summary":"a\"b"}`, `,"summary":"é ü"}`, "," + `"summary":"` + "\xff" + `"}`, `,"summary":"tab	"}`,
		`,"sources":[]}`, `,"sources":[{"ref":"r","ref":"s"}]}`, `,"sources":[{"REF":"r"}]}`, `,"sources":[{"ref":"r","tier":"A","party":"AZE","wire":"w","note":"n","via":"v","quote":"q","lang":"en","published":"2020","title":"t"}]}`,
		`,"date":"1993-13-01"}`, `,"date":"1993-04"}`, `,"date":"1993-04-01/1993-04-09"}`, `,"date":null}`,
		`,"majority":"AZE","extent_note":"e","scheduled":"1993-05-01","notes":"n"}`,
		`}}`, `} x`, `,}`, `,"summary" "s"}`, `,"summary":}`, ``, `,"sources":[{"ref":"r"},]}`,
	} {
		sameAsDecodeEvent(t, []byte(base+tail))
	}
	for _, b := range []string{`1`, `"x"`, `[]`, `{}`, `null`, ` {"id":"x"} `} {
		sameAsDecodeEvent(t, []byte(b))
	}
}

func FuzzDecodeEvent(f *testing.F) {
	for _, b := range rawEvents(f)[:40] {
		f.Add([]byte(b))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if strings.Count(string(b), "{") > 50 {
			return
		}
		sameAsDecodeEvent(t, b)
	})
}
