package areas

import (
	"fmt"

	sf "github.com/peterstace/simplefeatures/geom"

	"github.com/mapsvc/mapsvc/geo"
)

// PeacekeepingMethod names how the zone is drawn.
const PeacekeepingMethod = "armenian-held-area-v1"

// Zone is the Russian peacekeeping mission's approximate area of
// responsibility on one day: a presence, not a controller.
type Zone struct {
	// GeoJSON is the zone's geometry (Polygon or MultiPolygon).
	GeoJSON string
	// Since is the day the zone took this shape; EventIDs are the
	// deployment (and, once announced, withdrawal) events and the place
	// and district events behind the geometry.
	EventIDs []string
	// Frozen is true after the last Armenian-held ground passed to
	// Azerbaijan (20 Sep 2023): the zone stays as it was on the last day
	// Armenian forces held ground until the mission's withdrawal ends.
	Frozen bool
	// Day is the day whose holdings the zone is drawn from.
	Day geo.Day
}

// Peacekeeping returns the mission's zone on day d, or ok false when the
// mission is not deployed (before the deployment event, after the last
// withdrawal event's window).
//
// Method: the 10 Nov 2020 statement placed the peacekeepers along the
// line of contact and the Lachin corridor, around the ground Armenian
// forces still held. The zone is drawn as that ground: the union of the
// whole districts Armenian forces held and their approximate areas in
// split districts (Compute). From the day they held none, the zone keeps
// the shape of their last day until the withdrawal.
func Peacekeeping(ph *geo.PlaceHistory, d geo.Day) (Zone, bool, error) {
	h := ph.Districts()
	var deploy, withdraw *geo.Event
	for _, e := range h.Events() {
		switch e.Kind {
		case geo.KindPeacekeeperDeployment:
			if deploy == nil {
				deploy = e
			}
		case geo.KindPeacekeeperWithdrawal:
			withdraw = e // the last one, events are by date
		}
	}
	if deploy == nil || d < deploy.Date.First || (withdraw != nil && d >= withdraw.Date.Last) {
		return Zone{}, false, nil
	}
	ids := []string{deploy.ID}
	if withdraw != nil {
		for _, e := range h.Events() {
			if e.Kind == geo.KindPeacekeeperWithdrawal && e.Date.First <= d {
				ids = append(ids, e.ID)
			}
		}
	}
	day, frozen := d, false
	if !armHolds(h, d) {
		// The last day on which Armenian forces held ground.
		days := h.ChangeDays()
		for i := len(days) - 1; i >= 0; i-- {
			if days[i] <= d && days[i] > deploy.Date.First && armHolds(h, days[i]-1) {
				day, frozen = days[i]-1, true
				break
			}
		}
		if !frozen {
			return Zone{}, false, nil
		}
	}
	var parts []sf.Geometry
	var evs []string
	for _, r := range h.Regions() {
		if r.Role != geo.RoleConflict {
			continue
		}
		st := h.StateAt(r, day)
		if st.Extent == geo.ExtentWhole && st.Controller == geo.ARM {
			g, err := fromOrb(r.Geometry)
			if err != nil {
				return Zone{}, false, err
			}
			parts = append(parts, g)
			evs = append(evs, st.EventIDs...)
		}
	}
	ds, err := Compute(ph, day)
	if err != nil {
		return Zone{}, false, err
	}
	for _, dist := range ds {
		for _, a := range dist.Areas {
			if a.Controller != geo.ARM {
				continue
			}
			g, err := sf.UnmarshalGeoJSON([]byte(a.GeoJSON))
			if err != nil {
				return Zone{}, false, err
			}
			parts = append(parts, g)
			evs = append(evs, a.EventIDs...)
		}
	}
	if len(parts) == 0 {
		return Zone{}, false, nil
	}
	u, err := sf.UnionMany(parts)
	if err != nil {
		return Zone{}, false, fmt.Errorf("areas: peacekeeping zone on %s: %w", day, err)
	}
	js, err := polygonal(u).MarshalJSON()
	if err != nil {
		return Zone{}, false, err
	}
	return Zone{GeoJSON: string(js), EventIDs: merge(ids, evs), Frozen: frozen, Day: day}, true, nil
}

func armHolds(h *geo.History, d geo.Day) bool {
	for _, r := range h.Regions() {
		if r.Role != geo.RoleConflict {
			continue
		}
		for _, hd := range h.StateAt(r, d).Holders {
			if hd.Controller == geo.ARM {
				return true
			}
		}
	}
	return false
}
