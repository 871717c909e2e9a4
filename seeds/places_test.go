package seeds_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/seeds"
)

func placeEvents(t *testing.T) []geo.Event {
	t.Helper()
	l, err := seeds.EmbeddedPlaces()
	if err != nil {
		t.Fatal(err)
	}
	return l.Events
}

// hostTiers reads the reference host list; without it the test fails in
// CI and is skipped on a machine without ../shared.
func hostTiers(t *testing.T) (tiers map[string]string, deny map[string]bool) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedDir, "reference", "source-hosts.json"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("source-hosts.json missing in CI: %v", err)
		}
		t.Skipf("reference host list not present beside the repo: %v", err)
	}
	var raw struct {
		Deny  []string `json:"deny"`
		TierA []string `json:"tier_a"`
		TierB []string `json:"tier_b"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	tiers, deny = map[string]string{}, map[string]bool{}
	for _, h := range raw.TierA {
		tiers[h] = "A"
	}
	for _, h := range raw.TierB {
		tiers[h] = "B"
	}
	for _, h := range raw.Deny {
		deny[h] = true
	}
	return tiers, deny
}

// wireTiers: agencies whose copy counts at their own tier wherever it is
// carried (SOURCES.md: reprints of one wire story count once, under the wire).
var wireTiers = map[string]string{
	"Anadolu Agency": "A", "AFP": "A", "Reuters": "A", "Associated Press": "A", "TASS": "A", "RIA Novosti": "A",
	"Trend": "B", "Report": "B", "APA": "B", "AZERTAC": "B",
}

// lookup matches a host and its parent domains, ignoring www. and a
// trailing dot.
func lookup[V any](m map[string]V, host string) (V, bool) {
	host = strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(host), "www."), ".")
	for {
		if v, ok := m[host]; ok {
			return v, true
		}
		_, parent, found := strings.Cut(host, ".")
		if !found {
			var zero V
			return zero, false
		}
		host = parent
	}
}

// Every place-level control event meets the source policy: one tier-A
// source, or two tier-B sources from independent outlets (a wire's copies
// count once), none from a denied host.
func TestPlaceEventsMeetTheSourcePolicy(t *testing.T) {
	tiers, deny := hostTiers(t)
	for _, e := range placeEvents(t) {
		if !e.Controlling() {
			continue
		}
		a := 0
		b := map[string]bool{}
		for _, s := range e.Sources {
			origin, tier := "", ""
			switch {
			case s.IsSeed():
				origin, tier = s.Ref, "B"
			default:
				u, err := url.Parse(s.Ref)
				if err != nil {
					t.Errorf("%s: bad ref %q", e.ID, s.Ref)
					continue
				}
				if _, denied := lookup(deny, u.Hostname()); denied {
					t.Errorf("%s cites denied host %s", e.ID, u.Hostname())
					continue
				}
				origin = strings.TrimPrefix(strings.TrimSuffix(u.Hostname(), "."), "www.")
				tier, _ = lookup(tiers, u.Hostname())
				if s.Tier != "" {
					tier = s.Tier
				}
			}
			if s.Wire != "" {
				origin = "wire:" + s.Wire
				if wt, ok := wireTiers[s.Wire]; ok && (tier == "" || wt == "A") {
					tier = wt
				}
			}
			switch tier {
			case "A":
				a++
			case "B":
				b[origin] = true
			default:
				t.Errorf("%s: source %s has no tier: its host is unlisted and the source sets none", e.ID, s.Ref)
			}
		}
		if a == 0 && len(b) < 2 {
			t.Errorf("%s: %d tier-A and %d independent tier-B sources; the policy needs one A or two B", e.ID, a, len(b))
		}
	}
}

// A party's statement is marked as that party's claim.
func TestPartyClaimsNameAKnownParty(t *testing.T) {
	for _, e := range placeEvents(t) {
		for _, s := range e.Sources {
			switch s.Party {
			case "", "AZE", "ARM", "RUS":
			default:
				t.Errorf("%s: source %s names unknown party %q", e.ID, s.Ref, s.Party)
			}
		}
	}
}

func TestPlaceEventsOwnWordsAreNeutral(t *testing.T) {
	loaded := regexp.MustCompile(`(?i)\b(liberat\w*|occup\w*|terroris\w*|separatis\w*|aggress\w*)`)
	for _, e := range placeEvents(t) {
		for field, text := range map[string]string{"summary": e.Summary, "notes": e.Notes} {
			if m := loaded.FindString(text); m != "" && !quoted(text, m) {
				t.Errorf("%s %s uses %q outside a quotation", e.ID, field, m)
			}
		}
	}
}

func TestPlaceEventsNameTheirPlaces(t *testing.T) {
	for _, e := range placeEvents(t) {
		if len(e.PlaceIDs()) == 0 || e.Region == "" {
			t.Errorf("%s names no place or no district", e.ID)
		}
	}
}
