package geo

import (
	"math/rand"
	"testing"

	"github.com/paulmach/orb"
)

// bruteSelfIntersection is the all-pairs reference the sweep replaced.
func bruteSelfIntersection(r orb.Ring) (int, int, bool) {
	n := len(r) - 1
	for i := 0; i < n; i++ {
		for j := i + 2; j < n; j++ {
			if i == 0 && j == n-1 {
				continue
			}
			if segmentsTouch(r[i], r[i+1], r[j], r[j+1]) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// The sweep finds exactly the pair the all-pairs loop finds, on random
// rings (most of which cross themselves) and on rings with shared x
// values (a coarse grid), where ties in the sweep order matter.
func TestSelfIntersectionMatchesAllPairs(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for k := 0; k < 3000; k++ {
		n := 3 + rng.Intn(12)
		grid := k%2 == 0
		r := make(orb.Ring, n+1)
		for i := 0; i < n; i++ {
			x, y := rng.Float64()*10, rng.Float64()*10
			if grid {
				x, y = float64(rng.Intn(5)), float64(rng.Intn(5))
			}
			r[i] = orb.Point{x, y}
		}
		r[n] = r[0]
		gi, gj, gok := selfIntersection(r)
		wi, wj, wok := bruteSelfIntersection(r)
		if gi != wi || gj != wj || gok != wok {
			t.Fatalf("ring %v: got %d,%d,%v; want %d,%d,%v", r, gi, gj, gok, wi, wj, wok)
		}
	}
}
