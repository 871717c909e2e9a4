package downloads

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// streamPeriods answers the periods download of a view whose periods feed
// is streamed (a large world: a million periods make 1.3 GB): the feed is
// read a feature at a time as the API writes it, and each feature is
// encoded as it comes, so memory does not grow with the history. A CSV
// first reads the feed once for its columns. The bytes are those the
// whole download has on a small world (tested).
func streamPeriods(c echo.Context, v *service.View, r *request, key string) error {
	// Every region's boundary is shaped before the answer starts, so a
	// precision too coarse for one is a 400, not a body cut short.
	ds := newDataset(v, r)
	for _, reg := range v.History.Regions() {
		if reg.Role != geo.RoleConflict {
			continue // no periods
		}
		g, err := r.opt.shapeValid(reg)
		if err != nil {
			c.Response().Header().Del("Content-Disposition") // a problem, not the file
			return err
		}
		ds.shaped[reg.ID] = g
	}
	etag := `"` + v.Version + "-download-" + key + `"` // key: a kind, format, language and numbers
	return httpkit.Stream(c, httpkit.Streamed{ContentType: formats[r.format], ETag: etag,
		GzipETag: etag[:len(etag)-1] + `-gz"`, Cache: httpkit.CacheShort,
		Body: func(w io.Writer) error { return writePeriods(w, ds, r) }})
}

// writePeriods writes the periods download ds for r to w from the
// streamed feed of ds's view.
func writePeriods(w io.Writer, ds *dataset, r *request) error {
	v := ds.view
	var cols []string
	if r.format == "csv" {
		var set columnSet
		err := eachPeriod(v, r, nil, func(rf rawFeature) error {
			fields, err := service.Fields(rf.Properties)
			if err != nil {
				return fmt.Errorf("export: feature %q: %w", rf.ID, err)
			}
			set.add(fields)
			return nil
		})
		if err != nil {
			return err
		}
		cols = set.names
	}
	var enc encoder
	err := eachPeriod(v, r, func(members []service.Field) (err error) {
		ds.members = members
		enc, err = newEncoder(w, r.format, ds, cols)
		return err
	}, func(rf rawFeature) error {
		f, err := ds.feature(rf)
		if err != nil {
			return err
		}
		return enc.feature(&f)
	})
	if err != nil {
		return err
	}
	if enc == nil {
		return fmt.Errorf("export: periods feed without features")
	}
	return enc.close()
}

// eachPeriod reads v's whole periods feed (service.View.WritePeriods),
// calls head (unless nil) with the top-level members written before the
// features (type left out, as the whole download leaves it out), then fn
// with each feature.
func eachPeriod(v *service.View, r *request, head func(members []service.Field) error, fn func(rf rawFeature) error) error {
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(v.WritePeriods(pw, r.lang, service.PeriodsRange{NoGeometry: true})) }()
	defer pr.Close() // stops the writer if we stop early
	dec := json.NewDecoder(bufio.NewReaderSize(pr, 64<<10))
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	var members []service.Field
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fmt.Errorf("export: periods feed: %w", err)
		}
		name, _ := t.(string)
		if name != "features" {
			var val json.RawMessage
			if err := dec.Decode(&val); err != nil {
				return fmt.Errorf("export: periods feed member %q: %w", name, err)
			}
			if name != "type" {
				members = append(members, service.Field{Name: name, Value: val})
			}
			continue
		}
		if head != nil {
			if err := head(members); err != nil {
				return err
			}
		}
		if err := expectDelim(dec, '['); err != nil {
			return err
		}
		for dec.More() {
			// The feed has no geometry: the region's own is shaped once.
			var rf struct {
				ID         string          `json:"id"`
				Properties json.RawMessage `json:"properties"`
			}
			if err := dec.Decode(&rf); err != nil {
				return fmt.Errorf("export: periods feed: %w", err)
			}
			if err := fn(rawFeature{ID: rf.ID, Properties: rf.Properties}); err != nil {
				return err
			}
		}
		if err := expectDelim(dec, ']'); err != nil {
			return err
		}
	}
	return expectDelim(dec, '}')
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return fmt.Errorf("export: periods feed: %w", err)
	}
	if t != d {
		return fmt.Errorf("export: periods feed: got %v, want %v", t, d)
	}
	return nil
}
