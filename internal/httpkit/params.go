package httpkit

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/geo"
)

// Errors the router's problem table maps to 400s.
var (
	ErrUnknownParam = errors.New("unknown query parameter")
	ErrBadParam     = errors.New("bad query parameter")
	errBadPublicURL = errors.New("public-url: want an absolute http(s) URL such as https://maps.example.org, without query or fragment")
)

// Query is a request's parameters, checked against the names an endpoint
// takes: an unknown or repeated name is a 400, so typos do not pass
// silently.
type Query struct {
	v url.Values
	// A query of plain names and values (no escapes) is kept here
	// instead, in order, without a map (see ParseQuery); v is then nil.
	n  int
	kv [maxPlain][2]string
}

// maxPlain is how many parameters a query may have to be kept without a
// map.
const maxPlain = 8

// ParseQuery checks raw against the allowed names.
func ParseQuery(raw string, allowed ...string) (Query, error) {
	if q, ok := parsePlain(raw, allowed); ok {
		return q, nil
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return Query{}, fmt.Errorf("%w: %v", ErrBadParam, err)
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
			return Query{}, fmt.Errorf("%w: %q given %d times", ErrBadParam, k, len(vals))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return Query{}, fmt.Errorf("%w: %s (this endpoint takes: %s)", ErrUnknownParam, strings.Join(unknown, ", "), strings.Join(allowed, ", "))
	}
	return Query{v: v}, nil
}

// parsePlain reads the common query, allocating nothing: every name
// allowed and given once, nothing escaped ('%', '+') and no ';'. Anything
// else (ok false) goes through url.ParseQuery, which decides the error.
func parsePlain(raw string, allowed []string) (q Query, ok bool) {
	if strings.ContainsAny(raw, "%+;") {
		return Query{}, false
	}
	for raw != "" {
		var part string
		part, raw, _ = strings.Cut(raw, "&")
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if k == "" || q.n == maxPlain || !slices.Contains(allowed, k) || q.has(k) {
			return Query{}, false
		}
		q.kv[q.n] = [2]string{k, v}
		q.n++
	}
	return q, true
}

// has reports whether a plain query holds name.
func (q *Query) has(name string) bool {
	for i := range q.n {
		if q.kv[i][0] == name {
			return true
		}
	}
	return false
}

// Get returns a parameter's value ("" when absent).
func (q Query) Get(name string) string {
	if q.v != nil {
		return q.v.Get(name)
	}
	for i := range q.n {
		if q.kv[i][0] == name {
			return q.kv[i][1]
		}
	}
	return ""
}

// Has reports whether the parameter was given.
func (q Query) Has(name string) bool {
	if q.v != nil {
		return q.v.Has(name)
	}
	return q.has(name)
}

// Values returns a copy of the parameters.
func (q Query) Values() url.Values {
	out := url.Values{}
	for i := range q.n {
		out[q.kv[i][0]] = []string{q.kv[i][1]}
	}
	for k, v := range q.v {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// Day parses a YYYY-MM-DD parameter; absent gives def.
func (q Query) Day(name string, def geo.Day) (geo.Day, error) {
	if !q.Has(name) {
		return def, nil
	}
	d, err := geo.ParseDay(q.Get(name))
	if err != nil {
		return 0, fmt.Errorf("parameter %s: %w", name, err)
	}
	return d, nil
}

// OptDay parses an optional YYYY-MM-DD parameter.
func (q Query) OptDay(name string) (*geo.Day, error) {
	if !q.Has(name) {
		return nil, nil
	}
	d, err := q.Day(name, 0)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// Lang parses lang=en|ar|az|ru|hy; absent gives English.
func (q Query) Lang() (geo.Lang, error) {
	if !q.Has("lang") {
		return geo.LangEN, nil
	}
	return ParseLang(q.Get("lang"))
}

// ParseLang is the one lang check, with the one error text.
func ParseLang(s string) (geo.Lang, error) {
	l, err := geo.ParseLang(s)
	if err != nil {
		codes := make([]string, len(geo.Langs))
		for i, l := range geo.Langs {
			codes[i] = string(l)
		}
		return "", fmt.Errorf("%w: lang %q is not one of %s", ErrBadParam, s, strings.Join(codes, ", "))
	}
	return l, nil
}

// AsOf parses as_of, an RFC 3339 time; ok is false when absent. A time
// written to the second covers that whole second: the store records
// imports to the nanosecond, and "as of 08:35:39Z" asked right after an
// import in that second must see it.
func (q Query) AsOf() (t time.Time, ok bool, err error) {
	if !q.Has("as_of") {
		return time.Time{}, false, nil
	}
	s := q.Get("as_of")
	t, err = time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("%w: as_of %q is not an RFC 3339 time such as 2020-11-25T12:00:00Z", ErrBadParam, s)
	}
	if !strings.Contains(s, ".") {
		t = t.Add(time.Second - time.Nanosecond)
	}
	return t, true, nil
}
