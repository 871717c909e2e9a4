// Package openapi holds the OpenAPI 3.1 document of /api/v1, written by
// hand and checked by its test against the OpenAPI schema and the routes
// the router registers.
package openapi

import _ "embed"

// Document is the OpenAPI 3.1 document, JSON.
//
//go:embed openapi.json
var Document []byte
