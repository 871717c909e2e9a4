package handlers

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/extract"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
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

// metrics are the Prometheus figures of one router, in its own registry.
type metrics struct {
	mu          sync.RWMutex
	series      map[childKey]*children
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	writes      *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
}

func newMetrics(svc *service.Service) *metrics {
	m := &metrics{
		series: map[childKey]*children{},
		reg:    prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mapsvc_http_requests_total",
			Help: "HTTP requests by route pattern, method and status."}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "mapsvc_http_request_duration_seconds",
			Help:    "Time to answer, by route pattern and status.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}}, []string{"route", "status"}),
		writes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mapsvc_writes_total",
			Help: "Ledger writes made, by action."}, []string{"action"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mapsvc_rate_limited_total",
			Help: "Requests refused with 429 by a rate limit, by route pattern."}, []string{"route"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.writes, m.rateLimited,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "mapsvc_epochs_built_total",
			Help: "Epoch feature sets encoded since start."}, func() float64 { return float64(svc.EpochsBuilt()) }),
		cacheCollector{svc})
	return m
}

// cacheCollector reads the service cache's figures at scrape time.
type cacheCollector struct{ svc *service.Service }

var (
	descCacheBytes   = prometheus.NewDesc("mapsvc_cache_bytes", "Bytes kept in the answer cache, by group.", []string{"group"}, nil)
	descCacheEntries = prometheus.NewDesc("mapsvc_cache_entries", "Entries kept in the answer cache, by group.", []string{"group"}, nil)
	descCacheHits    = prometheus.NewDesc("mapsvc_cache_hits_total", "Answer cache lookups that found an entry, by group.", []string{"group"}, nil)
	descCacheMisses  = prometheus.NewDesc("mapsvc_cache_misses_total", "Answer cache lookups that found none, by group.", []string{"group"}, nil)
	descCacheEvicted = prometheus.NewDesc("mapsvc_cache_evictions_total", "Entries evicted to stay within the budget, by group.", []string{"group"}, nil)
	descCacheBudget  = prometheus.NewDesc("mapsvc_cache_budget_bytes", "The answer cache's bound (--cache-bytes).", nil, nil)
)

func (cacheCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descCacheBytes, descCacheEntries, descCacheHits, descCacheMisses, descCacheEvicted, descCacheBudget} {
		ch <- d
	}
}

func (cc cacheCollector) Collect(ch chan<- prometheus.Metric) {
	groups, _, budget := cc.svc.CacheStats()
	ch <- prometheus.MustNewConstMetric(descCacheBudget, prometheus.GaugeValue, float64(budget))
	for _, g := range groups {
		ch <- prometheus.MustNewConstMetric(descCacheBytes, prometheus.GaugeValue, float64(g.Bytes), g.Group)
		ch <- prometheus.MustNewConstMetric(descCacheEntries, prometheus.GaugeValue, float64(g.Entries), g.Group)
		ch <- prometheus.MustNewConstMetric(descCacheHits, prometheus.CounterValue, float64(g.Hits), g.Group)
		ch <- prometheus.MustNewConstMetric(descCacheMisses, prometheus.CounterValue, float64(g.Misses), g.Group)
		ch <- prometheus.MustNewConstMetric(descCacheEvicted, prometheus.CounterValue, float64(g.Evictions), g.Group)
	}
}

func (m *metrics) handler() echo.HandlerFunc {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(c.Response(), c.Request())
		return nil
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
	ch.latency.Observe(took.Seconds())
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
	requests    prometheus.Counter
	latency     prometheus.Observer
	rateLimited prometheus.Counter // nil unless the status is 429
}

func (m *metrics) children(route, method string, status int) *children {
	k := childKey{route, method, status}
	m.mu.RLock()
	ch, ok := m.series[k]
	m.mu.RUnlock()
	if ok {
		return ch
	}
	st := strconv.Itoa(status)
	ch = &children{requests: m.requests.WithLabelValues(route, method, st), latency: m.latency.WithLabelValues(route, st)}
	if status == http.StatusTooManyRequests {
		ch.rateLimited = m.rateLimited.WithLabelValues(route)
	}
	m.mu.Lock()
	m.series[k] = ch
	m.mu.Unlock()
	return ch
}
