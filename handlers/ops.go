package handlers

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/extract"
	"github.com/mapsvc/mapsvc/internal/bytecache"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// DefaultBodyLimit is the largest body a route without its own limit
// accepts (the read routes take none).
const DefaultBodyLimit = 64 << 10

// bodyLimit is the largest announced body the route takes.
func bodyLimit(method, route string) int64 {
	switch {
	case route == "/api/v1/extract" && method == http.MethodPost:
		return extract.MaxInput + 1<<10
	case strings.HasPrefix(route, "/api/v1/events") && (method == http.MethodPost || method == http.MethodPut):
		return MaxBodyBytes
	}
	return DefaultBodyLimit
}

// limitBody answers 413 at once, without reading a byte of the body, when
// the announced Content-Length passes the route's limit. Bodies without a
// length (chunked) are still capped while read (MaxBytesReader).
func limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := checkBodyLimit(c); err != nil {
			return err
		}
		return next(c)
	}
}

// checkBodyLimit is what limitBody does for one request.
func checkBodyLimit(c echo.Context) error {
	req := c.Request()
	if limit := bodyLimit(req.Method, c.Path()); req.ContentLength > limit {
		// The body stays unread: close the connection after answering.
		c.Response().Header().Set("Connection", "close")
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge,
			"the body announces "+strconv.FormatInt(req.ContentLength, 10)+" bytes; this route takes at most "+strconv.FormatInt(limit, 10))
	}
	return nil
}

// metrics are the Prometheus figures of one router, in its own set.
// They are kept with VictoriaMetrics/metrics, which writes the same text
// exposition format as Prometheus' own client without its protobuf and
// procfs packages: those cost about 160 page faults and several
// milliseconds of every start (issue 13's start-time budget is 50 ms).
type metrics struct {
	mu     sync.RWMutex
	series map[childKey]*children
	set    *vm.Set
	svc    *service.Service
}

// latencyBuckets are the upper bounds of mapsvc_http_request_duration_seconds.
var latencyBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}

func init() {
	// # TYPE lines tell a scraper which series are counters and histograms.
	vm.ExposeMetadata(true)
}

func newMetrics(svc *service.Service) *metrics {
	m := &metrics{series: map[childKey]*children{}, set: vm.NewSet(), svc: svc}
	return m
}

// writes counts one ledger write of the given action.
func (m *metrics) write(action string) {
	m.set.GetOrCreateCounter(`mapsvc_writes_total{action=` + quoteLabel(action) + `}`).Inc()
}

// writeTo writes every series: requests, writes, the epoch and cache
// figures read now, then the Go runtime's and the process's.
func (m *metrics) writeTo(w io.Writer) {
	m.set.WritePrometheus(w)
	vm.WriteCounterUint64(w, "mapsvc_epochs_built_total", uint64(m.svc.EpochsBuilt()))
	groups, _, budget := m.svc.CacheStats()
	vm.WriteGaugeUint64(w, "mapsvc_cache_budget_bytes", uint64(max(budget, 0)))
	for _, f := range []struct {
		name, kind string
		value      func(bytecache.GroupStats) uint64
	}{
		{"mapsvc_cache_bytes", "gauge", func(g bytecache.GroupStats) uint64 { return uint64(g.Bytes) }},
		{"mapsvc_cache_entries", "gauge", func(g bytecache.GroupStats) uint64 { return uint64(g.Entries) }},
		{"mapsvc_cache_hits_total", "counter", func(g bytecache.GroupStats) uint64 { return g.Hits }},
		{"mapsvc_cache_misses_total", "counter", func(g bytecache.GroupStats) uint64 { return g.Misses }},
		{"mapsvc_cache_evictions_total", "counter", func(g bytecache.GroupStats) uint64 { return g.Evictions }},
	} {
		vm.WriteMetadataIfNeeded(w, f.name, f.kind)
		for _, g := range groups {
			fmt.Fprintf(w, "%s{group=%s} %d\n", f.name, quoteLabel(g.Group), f.value(g))
		}
	}
	vm.WriteProcessMetrics(w)
}

// quoteLabel quotes a label value as the exposition format escapes it.
func quoteLabel(v string) string {
	return `"` + labelEscaper.Replace(v) + `"`
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func (m *metrics) handler() echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		var b bytes.Buffer
		m.writeTo(&b)
		return c.Blob(http.StatusOK, "text/plain; version=0.0.4; charset=utf-8", b.Bytes())
	}
}

// ServeHTTP answers one request, in order: HEAD routed as GET (RFC 9110:
// every GET resource answers HEAD) and a trailing slash removed from /ogc/
// paths (clients write /ogc/collections/), then echo's route table finds
// the handler; then HEAD is restored, and the access log and metrics
// (outermost: the error handler writes any error first) wrap panic
// recovery, CORS (maps on other sites call this API, so every answer is
// open to any origin, with or without Origin, never with credentials),
// the public URL and the body limit. What echo.ServeHTTP does, without
// its per-request middleware closures (BenchmarkHotPathLayers measures
// each layer).
func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := rt.AcquireContext()
	c.Reset(r, w)
	beforeRouting(c)
	rt.Echo.Router().Find(r.Method, echo.GetPath(r), c)
	httpkit.GetToHead(c)
	start := time.Now()
	if err := guarded(c, c.Handler(), rt.log, rt.base); err != nil {
		c.Error(err)
	}
	rt.metrics.observe(rt.access, c, time.Since(start), rt.routes)
	rt.ReleaseContext(c)
}

// beforeRouting is what happens before the route is found: HEAD routed as
// GET (httpkit.HeadToGet), and a trailing slash removed from /ogc/ paths,
// as echo's RemoveTrailingSlash forwards.
func beforeRouting(c echo.Context) {
	httpkit.HeadToGet(c)
	req := c.Request()
	if p := req.URL.Path; strings.HasPrefix(p, "/ogc/") && strings.HasSuffix(p, "/") {
		p = p[:len(p)-1]
		uri := p
		if qs := c.QueryString(); qs != "" {
			uri += "?" + qs
		}
		req.RequestURI = uri
		req.URL.Path = p
	}
}

// guarded runs the inner layers of ServeHTTP and the handler, turning
// a panic into an error logged with its stack, as echo's Recover did.
func guarded(c echo.Context, next echo.HandlerFunc, log *slog.Logger, base string) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if r == http.ErrAbortHandler {
			panic(r)
		}
		perr, ok := r.(error)
		if !ok {
			perr = fmt.Errorf("%v", r)
		}
		stack := make([]byte, 4<<10)
		stack = stack[:runtime.Stack(stack, false)]
		log.Error("panic", "path", c.Request().URL.Path, "err", perr, "stack", string(stack))
		err = perr
	}()
	if done, err := httpkit.ApplyCORS(c); done {
		return err
	}
	httpkit.SetPublicURL(c, base)
	if err := checkBodyLimit(c); err != nil {
		return err
	}
	return next(c)
}

// observe logs one access line and counts the request. Routes are the
// registered patterns (/api/v1/events/:id), so paths nobody registered
// share one label and cannot grow the metrics.
func (m *metrics) observe(log *slog.Logger, c echo.Context, took time.Duration, known map[string]bool) {
	req, res := c.Request(), c.Response()
	route := c.Path()
	if !known[route] {
		route = "unmatched"
	}
	ch := m.children(route, req.Method, res.Status)
	ch.requests.Inc()
	ch.latency.Update(took.Seconds())
	if ch.rateLimited != nil {
		ch.rateLimited.Inc()
	}
	log.LogAttrs(req.Context(), slog.LevelInfo, "request",
		slog.String("method", req.Method), slog.String("route", route), slog.String("path", req.URL.Path),
		slog.Int("status", res.Status), slog.Int64("bytes", res.Size),
		slog.Float64("duration_ms", float64(took.Microseconds())/1000), slog.String("client", c.RealIP()))
}

// childKey names the metric series of one route, method and status.
type childKey struct {
	route, method string
	status        int
}

// children are the series a request of one route, method and status
// counts in, looked up once: WithLabelValues hashes its labels on every
// call.
type children struct {
	requests    *vm.Counter
	latency     *vm.PrometheusHistogram
	rateLimited *vm.Counter // nil unless the status is 429
}

func (m *metrics) children(route, method string, status int) *children {
	k := childKey{route, method, status}
	m.mu.RLock()
	ch, ok := m.series[k]
	m.mu.RUnlock()
	if ok {
		return ch
	}
	st, r := strconv.Itoa(status), quoteLabel(route)
	m.mu.Lock()
	defer m.mu.Unlock()
	if ch, ok := m.series[k]; ok {
		return ch
	}
	ch = &children{
		requests: m.set.GetOrCreateCounter(`mapsvc_http_requests_total{method=` + quoteLabel(method) + `,route=` + r + `,status="` + st + `"}`),
		latency:  m.set.GetOrCreatePrometheusHistogramExt(`mapsvc_http_request_duration_seconds{route=`+r+`,status="`+st+`"}`, latencyBuckets),
	}
	if status == http.StatusTooManyRequests {
		ch.rateLimited = m.set.GetOrCreateCounter(`mapsvc_rate_limited_total{route=` + r + `}`)
	}
	m.series[k] = ch
	return ch
}
