package extract

// splitVillages separates the villages of data/places (Place.Village)
// from the places a control word can bind.
func splitVillages(hits []placeHit) (places, villages []placeHit) {
	places = hits[:0:0]
	for _, h := range hits {
		if h.place.Village && !h.place.Settlement {
			villages = append(villages, h)
		} else {
			places = append(places, h)
		}
	}
	return places, villages
}

// attachPlaces lists, on every partial proposal, the data/places ids of
// its district's villages named in its evidence sentences, in the order
// they are named, so that an editor can file place-level events.
func attachPlaces(res *Result, anns []*annotated) {
	for i := range res.Proposals {
		p := &res.Proposals[i]
		if p.Extent != "partial" {
			continue
		}
		seen := map[string]bool{}
		for _, ev := range p.Evidence {
			for _, a := range anns {
				if a.s.start >= ev.End || a.s.end <= ev.Start {
					continue
				}
				for _, hs := range [][]placeHit{a.places, a.villages} {
					for _, h := range hs {
						if !h.place.Village || h.place.Region != p.Region || seen[h.place.ID] {
							continue
						}
						seen[h.place.ID] = true
						p.Places = append(p.Places, h.place.ID)
					}
				}
			}
		}
	}
}
