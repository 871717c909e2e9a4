package ogc

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
)

// On a view on a store's period index (a large ledger, not in memory),
// the control-periods and events collections are not built feature by
// feature: a million of each took 4.3 GiB and minutes. Their items are
// filtered and counted from the store's compact forms instead (period
// records, the service's EventIndex), and only the requested page's
// features are made, in the same order and with the same bytes as the
// collections in memory give.

// source answers a collection's items from the store.
type source interface {
	// page returns how many features pass the filters and the features
	// offset .. offset+limit-1 of them.
	page(bbox *orb.Bound, dt *Interval, offset, limit int) (matched int, pg []*feature, err error)
	// feature returns the feature of id; nil when there is none.
	feature(id string) (*feature, error)
	// extent sets c's spatial and temporal extent.
	extent(c *collection) error
}

// storedPeriods is the control-periods collection from the period index:
// region order, each region's periods oldest first, as History.Periods.
type storedPeriods struct {
	v        *service.View
	lang     geo.Lang
	geomJSON map[string]json.RawMessage
	bounds   []orb.Bound // of History.Regions()
}

func newStoredPeriods(v *service.View, lang geo.Lang, geomJSON map[string]json.RawMessage) *storedPeriods {
	p := &storedPeriods{v: v, lang: lang, geomJSON: geomJSON}
	for _, r := range v.History.Regions() {
		p.bounds = append(p.bounds, r.Geometry.Bound())
	}
	return p
}

func (p *storedPeriods) page(bbox *orb.Bound, dt *Interval, offset, limit int) (matched int, pg []*feature, err error) {
	var buf geo.PeriodBuffer
	_, err = p.v.EachPeriodRecord(0, len(p.bounds), func(i int, r *geo.Region, rec geo.PeriodRecord) error {
		// Every period of a region has the region's geometry.
		if bbox != nil && !intersects(r.Geometry, p.bounds[i], *bbox) {
			return nil
		}
		for j := range rec.Len() {
			start, end, open := rec.Span(j)
			if dt != nil && !dt.Meets(start, end-1, open) {
				continue
			}
			if matched >= offset && len(pg) < limit {
				per, err := rec.PeriodInto(j, r.ID, &buf)
				if err != nil {
					return fmt.Errorf("region %q: %w", r.ID, err)
				}
				f, err := periodFeature(per, r, p.lang, p.geomJSON[r.ID])
				if err != nil {
					return err
				}
				pg = append(pg, &f)
			}
			matched++
		}
		return nil
	})
	return matched, pg, err
}

// feature finds a period by its id, region + "-" + start day.
func (p *storedPeriods) feature(id string) (*feature, error) {
	const dayLen = len("2006-01-02")
	if len(id) < dayLen+2 || id[len(id)-dayLen-1] != '-' {
		return nil, nil
	}
	r, err := p.v.History.Region(id[:len(id)-dayLen-1])
	if err != nil {
		return nil, nil
	}
	day := id[len(id)-dayLen:]
	ri := 0
	for ri < len(p.bounds) && p.v.History.Regions()[ri] != r {
		ri++
	}
	var out *feature
	_, err = p.v.EachPeriodRecord(ri, ri+1, func(_ int, r *geo.Region, rec geo.PeriodRecord) error {
		for j := range rec.Len() {
			if start, _, _ := rec.Span(j); start.String() != day {
				continue
			}
			per, err := rec.Period(j, r.ID)
			if err != nil {
				return fmt.Errorf("region %q: %w", r.ID, err)
			}
			f, err := periodFeature(&per, r, p.lang, p.geomJSON[r.ID])
			out = &f
			return err
		}
		return nil
	})
	return out, err
}

// extent is the union of the bounds of the regions with periods and the
// days from the first start to the last end (open while any period is).
func (p *storedPeriods) extent(c *collection) error {
	open := false
	_, err := p.v.EachPeriodRecord(0, len(p.bounds), func(i int, _ *geo.Region, rec geo.PeriodRecord) error {
		if rec.Len() == 0 {
			return nil
		}
		c.addBound(p.bounds[i])
		first, _, _ := rec.Span(0)
		_, end, isOpen := rec.Span(rec.Len() - 1)
		c.addDays(first, end-1, isOpen)
		open = open || isOpen
		return nil
	})
	if open {
		c.tLast = nil
	}
	return err
}

// storedEvents is the events collection from the store, in the service's
// EventIndex order: History.Events' (first day, last day, id).
type storedEvents struct {
	v      *service.View
	centre orb.Point
}

// at is the point of event i of x (eventLocation).
func (s *storedEvents) at(x *service.EventIndex, i int) orb.Point {
	if r := x.Region(i); r != nil {
		return r.Label
	}
	return s.centre
}

func (s *storedEvents) index() (*service.EventIndex, error) {
	x, ok, err := s.v.EventIndex()
	if err == nil && !ok {
		err = errors.New("ogc: the view's store does not read events one at a time")
	}
	return x, err
}

func (s *storedEvents) page(bbox *orb.Bound, dt *Interval, offset, limit int) (matched int, pg []*feature, err error) {
	x, err := s.index()
	if err != nil {
		return 0, nil, err
	}
	var at []int
	for i := range x.Len() {
		if bbox != nil {
			if p := s.at(x, i); !intersects(p, p.Bound(), *bbox) {
				continue
			}
		}
		if dt != nil {
			if first, last := x.Dates(i); !dt.Meets(first, last, false) {
				continue
			}
		}
		if matched >= offset && len(at) < limit {
			at = append(at, i)
		}
		matched++
	}
	err = x.Read(at, func(_ int, e *geo.Event) error {
		f, err := eventFeature(s.v.History, e, s.centre)
		pg = append(pg, &f)
		return err
	})
	return matched, pg, err
}

func (s *storedEvents) feature(id string) (*feature, error) {
	e, _, err := s.v.StoredEvent(id)
	if errors.Is(err, geo.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := eventFeature(s.v.History, e, s.centre)
	return &f, err
}

func (s *storedEvents) extent(c *collection) error {
	x, err := s.index()
	if err != nil {
		return err
	}
	for i := range x.Len() {
		p := s.at(x, i)
		c.addBound(p.Bound())
		first, last := x.Dates(i)
		c.addDays(first, last, false)
	}
	return nil
}
