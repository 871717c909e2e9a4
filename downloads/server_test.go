package downloads_test

import "github.com/mapsvc/mapsvc/internal/testenv"

// The shared setup (internal/testenv): a real temporary store with the
// embedded data, and the real router with the GIS mounts on a real port.
var (
	newServer   = testenv.NewGISServer
	serve       = testenv.GISServer
	get         = testenv.Get
	getJSON     = testenv.GetJSON
	wantProblem = testenv.WantProblem
)
