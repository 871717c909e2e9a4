package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/testenv"
)

// The server's static map draws the approximate areas the areas route
// serves: Agdam on 2019-06-01 in pieces of both holders, not striped.
func TestSnapshotDrawsApproximateAreas(t *testing.T) {
	srv, _ := fullServer(t, "")
	res, body := testenv.Get(t, srv, "/api/v1/snapshot.svg?date=2019-06-01")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	svg := string(body)
	for _, want := range []string{`class="area" data-region="agdam" data-controller="ARM"`, `class="area" data-region="agdam" data-controller="AZE"`, `class="approximate-line" data-region="agdam"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("snapshot lacks %s", want)
		}
	}
	if strings.Contains(svg, `data-region="agdam" data-pattern="stripe-`) {
		t.Error("Agdam is still striped")
	}
}
