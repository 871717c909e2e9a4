package geo

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func regionFile(geometry string) string {
	return `{"type":"FeatureCollection","features":[{"type":"Feature","id":"kalbajar","properties":{"kind":"district","role":"conflict","names":{"en":"Kalbajar"},"label":[46.5,40.5],"source":"test","licence":"public domain"},"geometry":` + geometry + `}]}`
}

func TestDecodeRegionsRejectsHostileGeoJSON(t *testing.T) {
	square := `[[46,40],[47,40],[47,41],[46,41],[46,40]]`
	deep := strings.Repeat(`{"type":"GeometryCollection","geometries":[`, 64) + `{"type":"Point","coordinates":[46,40]}` + strings.Repeat(`]}`, 64)
	tests := []struct {
		name, geometry string
	}{
		{"position with one number", `{"type":"Polygon","coordinates":[[[46],[47,40],[47,41],[46,41],[46]]]}`},
		{"position with four numbers", `{"type":"Polygon","coordinates":[[[46,40,1,2],[47,40],[47,41],[46,41],[46,40,1,2]]]}`},
		{"null position", `{"type":"Polygon","coordinates":[[null,[47,40],[47,41],[46,41],[46,40]]]}`},
		{"ring with three points", `{"type":"Polygon","coordinates":[[[46,40],[47,40],[46,40]]]}`},
		{"unclosed ring", `{"type":"Polygon","coordinates":[[[46,40],[47,40],[47,41],[46,41]]]}`},
		{"bow-tie", `{"type":"Polygon","coordinates":[[[46,40],[47,41],[47,40],[46,41],[46,40]]]}`},
		{"longitude 500", `{"type":"Polygon","coordinates":[[[46,40],[500,40],[47,41],[46,41],[46,40]]]}`},
		{"number out of float range", `{"type":"Polygon","coordinates":[[[46,40],[1e400,40],[47,41],[46,41],[46,40]]]}`},
		{"NaN", `{"type":"Polygon","coordinates":[[[46,40],[NaN,40],[47,41],[46,41],[46,40]]]}`},
		{"clockwise exterior", `{"type":"Polygon","coordinates":[[[46,40],[46,41],[47,41],[47,40],[46,40]]]}`},
		{"deeply nested collections", deep},
		{"point instead of polygon", `{"type":"Point","coordinates":[46,40]}`},
		{"case-twisted duplicate key", `{"type":"Polygon","coordinates":[` + square + `],"Coordinates":[]}`},
		{"null geometry", `null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			rs, err := DecodeRegions([]byte(regionFile(tt.geometry)))
			if err == nil {
				for i := range rs {
					if err = rs[i].Validate(); err != nil {
						break
					}
				}
			}
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			// Refused early, not after quadratic work on the rings: a
			// bound of a minute catches that and no loaded machine reaches it.
			if d := time.Since(start); d > time.Minute {
				t.Errorf("took %s", d)
			}
		})
	}
	if _, err := DecodeRegions([]byte(regionFile(`{"type":"Polygon","coordinates":[` + square + `]}`))); err != nil {
		t.Errorf("a plain square was rejected: %v", err)
	}
}

func FuzzDecodeRegions(f *testing.F) {
	f.Add(regionFile(`{"type":"Polygon","coordinates":[[[46,40],[47,40],[47,41],[46,41],[46,40]]]}`))
	f.Add(regionFile(`{"type":"MultiPolygon","coordinates":[]}`))
	f.Add(`{"type":"FeatureCollection","features":[null]}`)
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := DecodeRegions([]byte(s))
		if err != nil {
			return
		}
		for i := range rs {
			_ = rs[i].Validate()
		}
	})
}

func FuzzDecodeEvent(f *testing.F) {
	f.Add(`{"id":"kalbajar-1","region":"kalbajar","date":"1993-04","kind":"military_capture","from":"AZE","to":"ARM","extent":"whole","confidence":"high","summary":"s","sources":[{"ref":"https://example.org","outlet":"x"}]}`)
	f.Add(`{"id":"x","date":"2020-01-01/2020-02-01","kind":"ceasefire"}`)
	f.Fuzz(func(t *testing.T, s string) {
		e, err := DecodeEvent([]byte(s))
		if err != nil {
			return
		}
		if e.Validate() == nil && e.Date.Last < e.Date.First {
			t.Fatal("valid event with a reversed window")
		}
	})
}
