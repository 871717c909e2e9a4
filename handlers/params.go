package handlers

import "github.com/mapsvc/mapsvc/internal/httpkit"

// The shared parameter checks live in httpkit; these names keep the
// handlers short.
var (
	errUnknownParam = httpkit.ErrUnknownParam
	errBadParam     = httpkit.ErrBadParam
)

func parseQuery(raw string, allowed ...string) (httpkit.Query, error) {
	return httpkit.ParseQuery(raw, allowed...)
}
