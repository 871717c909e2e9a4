// Package openapi holds the OpenAPI 3.1 document of /api/v1, written by
// hand and checked by its test against the OpenAPI schema and the routes
// the router registers.
package openapi

import (
	_ "embed"
	"encoding/json"
	"regexp"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"
)

// Document is the OpenAPI 3.1 document, JSON.
//
//go:embed openapi.json
var Document []byte

// Prefix is the path the document's server URL stands for.
const Prefix = "/api/v1"

var echoParam = regexp.MustCompile(`:([A-Za-z]+)`)

// Compare lists, as "METHOD /path" with the path under Prefix in the
// document's style (/places/{id}), the routes under Prefix that routes
// serve and the document does not list (missing), and the operations it
// lists that routes do not serve (extra). Both are sorted.
func Compare(routes []*echo.Route) (missing, extra []string, err error) {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(Document, &doc); err != nil {
		return nil, nil, err
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			switch method {
			case "parameters", "summary", "description", "servers":
				continue
			}
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	served := map[string]bool{}
	for _, r := range routes {
		if !strings.HasPrefix(r.Path, Prefix+"/") || r.Method == echo.RouteNotFound {
			continue
		}
		served[r.Method+" "+echoParam.ReplaceAllString(strings.TrimPrefix(r.Path, Prefix), "{$1}")] = true
	}
	for k := range served {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	for k := range documented {
		if !served[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra, nil
}
