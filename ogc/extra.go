package ogc

import (
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
)

// Extra is a collection that another package builds over the same view:
// the places and the approximate control areas. Its items take the same
// bbox, datetime, limit, offset, lang and f parameters as the core
// collections.
type Extra struct {
	ID, Title, Description string
	// Timed collections filter by datetime on each feature's days.
	Timed bool
	// Build returns the features for a view and language, in order.
	Build func(v *service.View, lang geo.Lang) ([]Feature, error)
}

// Feature is one item of an Extra collection.
type Feature struct {
	ID         string
	Properties json.RawMessage
	// Geometry is used for bbox filtering and extents; GeometryJSON is
	// sent (nil Geometry: a null geometry).
	Geometry     orb.Geometry
	GeometryJSON json.RawMessage
	// First and Last are the days the feature covers, inclusive; Open: no
	// last day. Only read for Timed collections.
	First, Last geo.Day
	Open        bool
}

func addExtras(ix index, extras []Extra, v *service.View, lang geo.Lang) error {
	for _, x := range extras {
		fs, err := x.Build(v, lang)
		if err != nil {
			return fmt.Errorf("collection %s: %w", x.ID, err)
		}
		c := &collection{collectionDef: collectionDef{ID: x.ID, Title: x.Title, Description: x.Description, Timed: x.Timed}, byID: map[string]int{}}
		for _, f := range fs {
			if _, dup := c.byID[f.ID]; dup {
				return fmt.Errorf("collection %s: feature id %q twice", x.ID, f.ID)
			}
			ft := feature{id: f.ID, props: f.Properties, geom: f.Geometry, geomJSON: f.GeometryJSON,
				timed: x.Timed, first: f.First, last: f.Last, open: f.Open}
			if ft.geomJSON == nil {
				ft.geomJSON = json.RawMessage("null")
			}
			if f.Geometry != nil {
				ft.bound = f.Geometry.Bound()
			}
			c.byID[f.ID] = len(c.features)
			c.features = append(c.features, ft)
		}
		c.extent()
		ix[x.ID] = c
	}
	return nil
}
