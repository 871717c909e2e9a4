package seeds_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/seeds"
)

// wholeParse is the reading of a ledger that ParseReader replaced: the
// whole document through json.Unmarshal, then each event. It is the
// oracle the streaming reader is held to.
func wholeParse(b []byte) ([]geo.Event, error) {
	var raw struct {
		Version int               `json:"version"`
		Events  []json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	if raw.Version != 1 {
		return nil, fmt.Errorf("version %d", raw.Version)
	}
	var evs []geo.Event
	for _, m := range raw.Events {
		e, err := geo.DecodeEvent(m)
		if err == nil {
			err = e.Validate()
		}
		if err != nil {
			return nil, err
		}
		evs = append(evs, e)
	}
	return evs, nil
}

func sameAsWhole(t *testing.T, doc string) {
	t.Helper()
	want, werr := wholeParse([]byte(doc))
	l, err := seeds.ParseReader("t.json", strings.NewReader(doc))
	if (err != nil) != (werr != nil) {
		t.Fatalf("%.200q: streaming error %v, whole-document error %v", doc, err, werr)
	}
	if err != nil {
		if !strings.Contains(err.Error(), "t.json") {
			t.Errorf("%.200q: error %v does not name the file", doc, err)
		}
		return
	}
	if !reflect.DeepEqual(l.Events, want) {
		t.Fatalf("%.200q: events differ from the whole-document reading", doc)
	}
}

const oneEvent = `{"id":"x-1","region":"kalbajar","date":"1993-04-03","kind":"military_capture","from":"ARM","to":"AZE","extent":"whole","confidence":"high","summary":"A \"quoted\" {brace} [bracket] and \\ backslash\\\\","sources":[{"ref":"https://example.org/a?b=[1]","outlet":"O"}]}`

func TestParseReaderAcceptsAndRefusesAsTheWholeDocument(t *testing.T) {
	ev2 := strings.Replace(oneEvent, `"x-1"`, `"x-2"`, 1)
	docs := []string{
		`{"version":1,"events":[` + oneEvent + `]}`,
		"\n {\n \"events\" : [ \n" + oneEvent + " ,\n\t" + ev2 + "\n ] , \"title\":\"t\", \"version\" : 1 }\n\n",
		`{"version":1,"other":{"events":[1,2]},"events":[` + oneEvent + `],"x":[{"a":"]"}]}`,
		`{"version":1,"events":[]}`,
		`{"version":1,"events":null}`,
		`{"version":1}`,
		`{"\u0065vents":[` + oneEvent + `],"version":1}`,
		`{"version":2,"events":[` + oneEvent + `]}`,
		`{"version":"1","events":[]}`,
		`[{"version":1}]`,
		`{"version":1,"events":[` + oneEvent + `]} x`,
		`{"version":1,"events":[` + oneEvent + `,]}`,
		`{"version":1,"events":[` + oneEvent + ` ` + ev2 + `]}`,
		`{"version":1,"events":[1]}`,
		`{"version":1,"events":["x"]}`,
		`{"version":1,"events":[` + oneEvent + `]`,
		`{"version":1,"events":[{"id":"x-1","regoin":"kalbajar"}]}`,
		`{"version":1,"events":[{"id":"x-1"}}]}`,
		`{"version":1,"events":[{"id":"x-1" "a":1}]}`,
		`{"version":1,"events":{}}`,
		`{"version":1 "events":[]}`,
		`{"version":1,}`,
		``,
		`   `,
		`{}`,
	}
	for _, d := range docs {
		sameAsWhole(t, d)
	}
	// Every cut of a good document is refused, as a whole one would be.
	full := docs[1]
	for i := range len(full) - 2 {
		sameAsWhole(t, full[:i])
	}
}

// A ledger of many batches comes back in its order, and a bad event deep
// in it is named by its number.
func TestParseReaderManyBatches(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"version":1,"events":[`)
	const n = 12000 // some 3 MB: several batches
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(strings.Replace(oneEvent, `"x-1"`, fmt.Sprintf(`"x-%d"`, i), 1))
	}
	b.WriteString("]}")
	doc := b.String()
	sameAsWhole(t, doc)
	l, err := seeds.ParseReader("t.json", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Events) != n || l.Events[n-1].ID != fmt.Sprintf("x-%d", n-1) || l.Events[5000].ID != "x-5000" {
		t.Fatalf("got %d events, last %q", len(l.Events), l.Events[len(l.Events)-1].ID)
	}
	for _, k := range []int{0, 4321, n - 1} {
		bad := strings.Replace(doc, fmt.Sprintf(`"x-%d","region":"kalbajar"`, k), fmt.Sprintf(`"x-%d","region":"kalbajar","bogus":1`, k), 1)
		bad = strings.Replace(bad, fmt.Sprintf(`"x-%d","region":"kalbajar"`, k+7), fmt.Sprintf(`"x-%d","region":"kalbajar","bogus":1`, k+7), 1)
		_, err := seeds.ParseReader("big.json", strings.NewReader(bad))
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("big.json: event #%d:", k+1)) || !strings.Contains(err.Error(), "bogus") {
			t.Errorf("bad event %d: got %v", k+1, err)
		}
	}
	// A cut in the middle of a late event names that event.
	_, err = seeds.ParseReader("cut.json", strings.NewReader(doc[:len(doc)-100]))
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("cut.json: event #%d", n)) {
		t.Errorf("cut: got %v", err)
	}
}

func TestParseReaderRefusesEventsTwice(t *testing.T) {
	doc := `{"version":1,"events":[` + oneEvent + `],"events":[]}`
	if _, err := seeds.ParseReader("twice.json", strings.NewReader(doc)); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("got %v, want an error on the repeated events array", err)
	}
}

// The embedded ledger reads the same either way.
func TestParseReaderEmbedded(t *testing.T) {
	sameAsWhole(t, string(seeds.LedgerJSON))
	sameAsWhole(t, string(seeds.PlacesJSON))
}
