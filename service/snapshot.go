package service

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/gzipjoin"
)

// HoldingJSON is one holder as the API shows it.
type HoldingJSON struct {
	Controller     geo.Controller `json:"controller"`
	ControllerName string         `json:"controller_name"`
	Share          *float64       `json:"share"`
}

// StateJSON is a region's state as the API shows it.
type StateJSON struct {
	Controller     *geo.Controller  `json:"controller"`
	ControllerName *string          `json:"controller_name"`
	Status         geo.Status       `json:"status"`
	Extent         *geo.Extent      `json:"extent"`
	Holders        []HoldingJSON    `json:"holders"`
	Candidates     []geo.Controller `json:"candidates,omitempty"`
	Since          *string          `json:"since"`
	SincePrecision *geo.Precision   `json:"since_precision"`
	SinceEvent     *string          `json:"since_event"`
	EventIDs       []string         `json:"event_ids"`
}

func stateJSON(s geo.State, lang geo.Lang) StateJSON {
	out := StateJSON{Status: s.Status, Holders: []HoldingJSON{}, EventIDs: s.EventIDs, Candidates: s.Candidates}
	if out.EventIDs == nil {
		out.EventIDs = []string{}
	}
	if s.Controller != "" {
		c, n, ext := s.Controller, s.Controller.Name(lang), s.Extent
		out.Controller, out.ControllerName, out.Extent = &c, &n, &ext
	}
	for _, h := range s.Holders {
		out.Holders = append(out.Holders, HoldingJSON{Controller: h.Controller, ControllerName: h.Controller.Name(lang), Share: h.Share})
	}
	if s.SinceEvent != "" {
		since, p, ev := s.Since.Text, s.Since.Precision, s.SinceEvent
		out.Since, out.SincePrecision, out.SinceEvent = &since, &p, &ev
	}
	return out
}

// snapshotProps are a snapshot feature's properties.
type snapshotProps struct {
	Region string   `json:"region"`
	Name   string   `json:"name"`
	Kind   string   `json:"kind"`
	Role   geo.Role `json:"role"`
	ISO    string   `json:"iso_3166_2,omitempty"`
	StateJSON
}

// Snapshot answers "who held what at the end of day d" as a GeoJSON
// FeatureCollection. Features are encoded and compressed once per epoch and
// language; a day only adds its small header, spliced into the gzip
// stream without compressing the features again.
func (v *View) Snapshot(d geo.Day, lang geo.Lang) (*Encoded, error) {
	key := "snapshot-" + d.String() + "-" + string(lang)
	v.mu.Lock()
	e, ok := v.cache[key]
	v.mu.Unlock()
	if ok {
		return e, nil
	}
	epoch := v.History.Epoch(d)
	features, err := v.epochFeatures(epoch, d, lang)
	if err != nil {
		return nil, err
	}
	head := v.snapshotHead(d, lang, epoch)
	body := make([]byte, 0, len(head)+len(features.json)+len(snapshotTail))
	body = append(append(append(body, head...), features.json...), snapshotTail...)
	e = &Encoded{Body: body, ContentType: TypeGeoJSON, ETag: fmt.Sprintf(`"%s-%s"`, v.Version, key),
		makeGzip: func() []byte { return gzipjoin.Join(gzipjoin.Stored(head), features.piece(), snapshotTailPiece) }}
	v.keep(key, e)
	return e, nil
}

var (
	snapshotTail      = []byte("}\n")
	snapshotTailPiece = gzipjoin.Compress(snapshotTail, 6)
)

// snapshotHead is everything before the features array.
func (v *View) snapshotHead(d geo.Day, lang geo.Lang, epoch int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","date":"`)
	b.WriteString(d.String())
	b.WriteString(`","lang":"`)
	b.WriteString(string(lang))
	b.WriteString(`","epoch":`)
	b.WriteString(strconv.Itoa(epoch))
	b.WriteString(`,"data_version":"`)
	b.WriteString(v.Version)
	b.WriteString(`","last_change":`)
	last, hasLast, next, hasNext := v.History.EpochSpan(epoch)
	writeDay(&b, last, hasLast)
	b.WriteString(`,"next_change":`)
	writeDay(&b, next, hasNext)
	b.WriteString(`,"attribution":"Control: mapsvc ledger (sources per event). Boundaries: Natural Earth (public domain).","features":`)
	return b.Bytes()
}

func writeDay(b *bytes.Buffer, d geo.Day, ok bool) {
	if !ok {
		b.WriteString("null")
		return
	}
	b.WriteByte('"')
	b.WriteString(d.String())
	b.WriteByte('"')
}

// epochFeatures returns the encoded features of an epoch: properties
// marshalled per region, geometry spliced in from the pre-encoded bytes.
func (v *View) epochFeatures(epoch int, d geo.Day, lang geo.Lang) (*epochBody, error) {
	k := epochKey{epoch, lang}
	v.mu.Lock()
	f, ok := v.epoch[k]
	v.mu.Unlock()
	if ok {
		return f, nil
	}
	snap := v.History.Snapshot(d)
	var b bytes.Buffer
	b.WriteByte('[')
	for i, rs := range snap.Regions {
		r := rs.Region
		props, err := json.Marshal(snapshotProps{Region: r.ID, Name: r.Name(lang), Kind: r.Kind, Role: r.Role, ISO: r.ISO, StateJSON: stateJSON(rs.State, lang)})
		if err != nil {
			return nil, fmt.Errorf("region %q: %w", r.ID, err)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"type":"Feature","id":`)
		id, _ := json.Marshal(r.ID)
		b.Write(id)
		b.WriteString(`,"properties":`)
		b.Write(props)
		b.WriteString(`,"geometry":`)
		b.Write(v.geometry[r.ID])
		b.WriteByte('}')
	}
	b.WriteByte(']')
	f = newEpochBody(b.Bytes())
	v.mu.Lock()
	if len(v.epoch) >= maxCached {
		v.epoch = map[epochKey]*epochBody{}
	}
	v.epoch[k] = f
	v.mu.Unlock()
	return f, nil
}
