package handlers

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
)

var (
	errUnknownParam = errors.New("unknown query parameter")
	errBadParam     = errors.New("bad query parameter")
)

// query checks a request's parameters against the names an endpoint takes:
// an unknown or repeated name is a 400, so typos do not pass silently.
type query struct{ v url.Values }

func parseQuery(raw string, allowed ...string) (query, error) {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return query{}, fmt.Errorf("%w: %v", errBadParam, err)
	}
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	var unknown []string
	for k, vals := range v {
		if !ok[k] {
			unknown = append(unknown, k)
		} else if len(vals) > 1 {
			return query{}, fmt.Errorf("%w: %q given %d times", errBadParam, k, len(vals))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return query{}, fmt.Errorf("%w: %s (this endpoint takes: %s)", errUnknownParam, strings.Join(unknown, ", "), strings.Join(allowed, ", "))
	}
	return query{v}, nil
}

func (q query) get(name string) string { return q.v.Get(name) }

func (q query) has(name string) bool { return q.v.Has(name) }

// day parses a YYYY-MM-DD parameter; absent gives def.
func (q query) day(name string, def geo.Day) (geo.Day, error) {
	if !q.has(name) {
		return def, nil
	}
	d, err := geo.ParseDay(q.get(name))
	if err != nil {
		return 0, fmt.Errorf("parameter %s: %w", name, err)
	}
	return d, nil
}

// optDay parses an optional YYYY-MM-DD parameter.
func (q query) optDay(name string) (*geo.Day, error) {
	if !q.has(name) {
		return nil, nil
	}
	d, err := q.day(name, 0)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// lang parses lang=en|ar|az|ru|hy; absent gives English.
func (q query) lang() (geo.Lang, error) {
	if !q.has("lang") {
		return geo.LangEN, nil
	}
	l, err := geo.ParseLang(q.get("lang"))
	if err != nil {
		return "", fmt.Errorf("%w: lang %q is not one of en, ar, az, ru, hy", errBadParam, q.get("lang"))
	}
	return l, nil
}
