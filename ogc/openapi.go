package ogc

// openAPIDoc builds the OpenAPI 3.0 document from the route table, with
// base the server's absolute URL (scheme://host).
func openAPIDoc(routes []*route, base string) map[string]any {
	paths := map[string]any{}
	for _, rt := range routes {
		var params []any
		hasPath := false
		for _, p := range rt.params {
			m := map[string]any{"name": p.Name, "in": p.In, "description": p.Description, "required": p.Required, "schema": p.Schema}
			if p.FormNoExplode {
				m["style"], m["explode"] = "form", false
			}
			if p.In == "path" {
				hasPath = true
			}
			params = append(params, m)
		}
		content := map[string]any{rt.json: map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/" + rt.schema}}}
		if rt.html {
			content[typeHTML] = map[string]any{"schema": map[string]any{"type": "string"}}
		}
		responses := map[string]any{
			"200": map[string]any{"description": rt.summary, "content": content},
			"304": map[string]any{"description": "Not modified: the If-None-Match ETag is current."},
			"400": map[string]any{"$ref": "#/components/responses/BadRequest"},
		}
		if hasPath {
			responses["404"] = map[string]any{"$ref": "#/components/responses/NotFound"}
		}
		op := map[string]any{"operationId": rt.opID, "summary": rt.summary, "description": rt.desc, "responses": responses}
		if len(params) > 0 {
			op["parameters"] = params
		}
		paths[rt.path] = map[string]any{"get": op}
	}
	problem := map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/problem"}}}
	obj := func(required []any, props map[string]any) map[string]any {
		m := map[string]any{"type": "object", "properties": props}
		if len(required) > 0 {
			m["required"] = required
		}
		return m
	}
	ref := func(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }
	arrayOf := func(item any) map[string]any { return map[string]any{"type": "array", "items": item} }
	str := map[string]any{"type": "string"}
	schemas := map[string]any{
		"link":        obj([]any{"href", "rel"}, map[string]any{"href": str, "rel": str, "type": str, "title": str}),
		"landingPage": obj([]any{"links"}, map[string]any{"title": str, "description": str, "links": arrayOf(ref("link"))}),
		"confClasses": obj([]any{"conformsTo"}, map[string]any{"conformsTo": arrayOf(str)}),
		"collection": obj([]any{"id", "links"}, map[string]any{"id": str, "title": str, "description": str,
			"links": arrayOf(ref("link")), "itemType": str, "crs": arrayOf(str), "extent": obj(nil, map[string]any{
				"spatial":  obj(nil, map[string]any{"bbox": arrayOf(arrayOf(map[string]any{"type": "number"})), "crs": str}),
				"temporal": obj(nil, map[string]any{"interval": arrayOf(arrayOf(map[string]any{"type": "string", "nullable": true})), "trs": str}),
			})}),
		"collections": obj([]any{"links", "collections"}, map[string]any{"links": arrayOf(ref("link")), "collections": arrayOf(ref("collection"))}),
		"featureGeoJSON": obj([]any{"type", "geometry", "properties"}, map[string]any{
			"type":       map[string]any{"type": "string", "enum": []any{"Feature"}},
			"id":         str,
			"geometry":   map[string]any{"type": "object", "nullable": true},
			"properties": map[string]any{"type": "object", "nullable": true},
			"links":      arrayOf(ref("link")),
		}),
		"featureCollectionGeoJSON": obj([]any{"type", "features"}, map[string]any{
			"type":           map[string]any{"type": "string", "enum": []any{"FeatureCollection"}},
			"features":       arrayOf(ref("featureGeoJSON")),
			"links":          arrayOf(ref("link")),
			"timeStamp":      map[string]any{"type": "string", "format": "date-time"},
			"numberMatched":  map[string]any{"type": "integer", "minimum": 0},
			"numberReturned": map[string]any{"type": "integer", "minimum": 0},
		}),
		"openapi": map[string]any{"type": "object"},
		"problem": obj([]any{"type", "title", "status"}, map[string]any{"type": str, "title": str,
			"status": map[string]any{"type": "integer"}, "detail": str, "instance": str}),
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":       "mapsvc OGC API - Features",
			"version":     "1.0.0",
			"description": "Who controlled which district of the Nagorno-Karabakh conflict area on a given date, and on what evidence, as OGC API - Features - Part 1: Core. Unknown query parameters are refused with 400 and a problem body (RFC 9457).",
			"license":     map[string]any{"name": "Control data: mapsvc ledger, sources per event. Boundaries: Natural Earth, public domain."},
		},
		"servers": []any{map[string]any{"url": base + Prefix}},
		"paths":   paths,
		"components": map[string]any{
			"schemas": schemas,
			"responses": map[string]any{
				"BadRequest": map[string]any{"description": "A parameter is unknown, repeated or invalid.", "content": problem},
				"NotFound":   map[string]any{"description": "No such collection or feature.", "content": problem},
			},
		},
	}
}
