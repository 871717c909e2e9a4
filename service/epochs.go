package service

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/gzipjoin"
)

// EpochDay returns a day inside epoch e, or ok=false when e is out of range.
func (v *View) EpochDay(e int) (geo.Day, bool) {
	days := v.History.ChangeDays()
	switch {
	case e < 0 || e > len(days):
		return 0, false
	case e == 0 && len(days) == 0:
		return geo.DayOf(geo.MinYear, 1, 1), true
	case e == 0:
		return days[0] - 1, true
	}
	return days[e-1], true
}

// EpochSnapshot answers the snapshot shared by every day of epoch e. In
// place of a date it names the span: valid_from (inclusive) and
// valid_until (exclusive); null where the span is open.
func (v *View) EpochSnapshot(e int, lang geo.Lang) (*Encoded, error) {
	d, ok := v.EpochDay(e)
	if !ok {
		return nil, fmt.Errorf("%w: epoch %d (this data has 0..%d)", geo.ErrNotFound, e, len(v.History.ChangeDays()))
	}
	key := "epoch-" + strconv.Itoa(e) + "-" + string(lang)
	if cached, hit := v.get("view", viewKey[string]{v.id, key}); hit {
		return cached.(*Encoded), nil
	}
	features, err := v.epochFeatures(e, d, lang)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","epoch":`)
	b.WriteString(strconv.Itoa(e))
	b.WriteString(`,"lang":"` + string(lang) + `","data_version":"` + v.Version + `","valid_from":`)
	last, hasLast, next, hasNext := v.History.EpochSpan(e)
	writeDay(&b, last, hasLast)
	b.WriteString(`,"valid_until":`)
	writeDay(&b, next, hasNext)
	b.WriteString(`,"attribution":` + strconv.Quote(geo.Attribution) + `,"features":`)
	head := b.Bytes()
	body := make([]byte, 0, len(head)+len(features.json)+len(snapshotTail))
	body = append(append(append(body, head...), features.json...), snapshotTail...)
	enc := &Encoded{Body: body, ContentType: TypeGeoJSON, ETag: fmt.Sprintf(`"%s-%s"`, v.Version, key),
		makeGzip: func() []byte { return gzipjoin.Join(gzipjoin.Stored(head), features.piece(), snapshotTailPiece) }}
	v.keep(key, enc)
	return enc, nil
}

// Epochs answers how days map to epochs: epoch(D) is the number of change
// days on or before D, and each epoch's snapshot has a permanent URL,
// urlTemplate (the transport's, with {epoch} and {lang}).
func (v *View) Epochs(urlTemplate string) (*Encoded, error) {
	return v.cached("epochs", TypeJSON, func() ([]byte, error) {
		days := []string{}
		for _, d := range v.History.ChangeDays() {
			days = append(days, d.String())
		}
		return jsonBody(map[string]any{
			"data_version": v.Version,
			"change_days":  days,
			"epochs":       len(days) + 1,
			"rule":         "epoch(D) = the number of change_days on or before D",
			"url_template": urlTemplate,
		})
	})
}
