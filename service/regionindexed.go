package service

import (
	"fmt"

	"github.com/mapsvc/mapsvc/geo"
)

// indexedRegionHistory reads one region's periods and events from the
// store, as History.Periods and FindEvents give them, without the ledger:
// the period record holds the periods and the ids of the region's events,
// which are then read by id. ok is false when v is not on a store's period
// index (the history in memory answers).
func (v *View) indexedRegionHistory(r *geo.Region) (ps []geo.Period, evs []*geo.Event, ok bool, err error) {
	st, can := v.eventStore()
	if !can {
		return nil, nil, false, nil
	}
	var ids []string
	err = v.periods.st.ReadPeriodsAt(v.Version, func(get func(string) []byte) error {
		rec := get(r.ID)
		if rec == nil {
			return nil
		}
		pr, err := geo.ParsePeriodRecord(rec)
		if err != nil {
			return fmt.Errorf("region %q: %w", r.ID, err)
		}
		for i := range pr.Len() {
			p, err := pr.Period(i, r.ID)
			if err != nil {
				return fmt.Errorf("region %q: %w", r.ID, err)
			}
			ps = append(ps, p)
		}
		ids, err = pr.EventIDs()
		return err
	})
	if err != nil {
		return nil, nil, true, err
	}
	evs = make([]*geo.Event, 0, len(ids))
	err = st.ReadEventsAt(v.Version, func(get func(string) (geo.Event, bool, error)) error {
		for _, id := range ids {
			e, found, err := get(id)
			if err != nil {
				return err
			}
			if !found {
				return fmt.Errorf("region %q: event %q of its period record is not stored", r.ID, id)
			}
			evs = append(evs, &e)
		}
		return nil
	})
	return ps, evs, true, err
}

// indexedEvent reads one event by id from the store, without the ledger;
// ok is false when v is not on a store's period index.
func (v *View) indexedEvent(id string) (e *geo.Event, ok bool, err error) {
	st, can := v.eventStore()
	if !can {
		return nil, false, nil
	}
	err = st.ReadEventsAt(v.Version, func(get func(string) (geo.Event, bool, error)) error {
		got, found, err := get(id)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%w: event %q", geo.ErrNotFound, id)
		}
		e = &got
		return nil
	})
	return e, true, err
}
