// Package handlers is mapsvc's HTTP layer: it parses and checks
// parameters, asks the service, and sends the encoded answer with caching
// headers. Errors become problem JSON in one place (problem.go).
package handlers

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers/openapi"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// Options configure the router.
type Options struct {
	Logger *slog.Logger
	// Today returns the current day; tests pin it.
	Today func() geo.Day
	// Editors may write; with none, the write API answers 403.
	Editors []Editor
	// WriteRate and WriteBurst throttle writes per client address
	// (defaults 5/s, burst 20).
	WriteRate  float64
	WriteBurst int
	// ExtractSlots is how many extractions run at once (default 2); more
	// answer 503. ExtractBytesPerSecond is each client's budget of
	// article bytes (default 128 KiB/s, burst 2 MiB); past it, 429.
	ExtractSlots          int
	ExtractBytesPerSecond float64
	// ExtractTimeout is one extraction's time budget; zero is
	// extract.MaxDuration. Tests on a loaded machine raise it.
	ExtractTimeout time.Duration
	// Backup writes a consistent copy of the database (admin route).
	Backup func(io.Writer) (int64, error)
	// PublicURL, when set, starts every absolute URL in answers (TileJSON,
	// OGC links, oEmbed); without it they are derived from the request and
	// sent private (see httpkit.BaseURL).
	PublicURL string
	// AccessLog logs one line per request to Logger (serve turns it on),
	// or to AccessLogger when set (serve's buffers its lines).
	AccessLog    bool
	AccessLogger *slog.Logger
	// Version names the running build for GET /version.
	Version string
	// Mounts add routes owned by other packages (map page, OGC API,
	// tiles); each gets the router after the core API is registered.
	Mounts []func(*echo.Echo)
}

// API holds what the handlers share.
type API struct {
	svc     *service.Service
	opt     Options
	ready   func() bool
	metrics *metrics
}

// Router is mapsvc's HTTP handler: echo's route table, with the steps
// every request takes run as plain calls around the matched handler (see
// ServeHTTP) rather than as echo middleware, which echo wraps in new
// closures on every request. The embedded Echo registers routes and
// lists them; serve requests through the Router.
type Router struct {
	*echo.Echo
	log, access *slog.Logger
	metrics     *metrics
	routes      map[string]bool
	base        string
}

// New builds the router over svc.
func New(svc *service.Service, opt Options) *Router {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.Today == nil {
		opt.Today = geo.Today
	}
	a := &API{svc: svc, opt: opt, metrics: newMetrics(svc)}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(opt.Logger)
	// The client address is the TCP peer: X-Forwarded-For is not trusted,
	// so it cannot be forged to dodge rate limits.
	e.IPExtractor = echo.ExtractIPDirect()
	accessLog := opt.AccessLogger
	if accessLog == nil {
		accessLog = opt.Logger
	}
	if !opt.AccessLog {
		accessLog = slog.New(slog.DiscardHandler)
	}
	rt := &Router{Echo: e, log: opt.Logger, access: accessLog, metrics: a.metrics, routes: map[string]bool{},
		base: strings.TrimRight(opt.PublicURL, "/")}
	e.GET("/healthz", a.healthz)
	e.GET("/metrics", a.metrics.handler())
	e.GET("/version", a.version)
	v1 := e.Group("/api/v1")
	v1.GET("/snapshot", a.snapshot)
	v1.GET("/periods", a.periods)
	v1.GET("/regions", a.byLang(func(v *service.View, _ echo.Context, l geo.Lang) (*service.Encoded, error) { return v.Regions(l) }))
	v1.GET("/regions/:id", a.byLang(func(v *service.View, c echo.Context, l geo.Lang) (*service.Encoded, error) {
		return v.Region(c.Param("id"), l)
	}))
	v1.GET("/events", a.events)
	v1.GET("/events/:id", a.event)
	v1.GET("/timeline", a.timeline)
	v1.GET("/changes", a.changes)
	v1.GET("/events/:id/revisions", a.eventRevisions)
	v1.GET("/epochs", a.epochs)
	v1.GET("/openapi.json", func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "public, max-age=300")
		return c.Blob(http.StatusOK, "application/json", openapi.Document)
	})
	v1.GET("/epochs/:version/:file", a.epochSnapshot)
	if opt.WriteRate <= 0 {
		opt.WriteRate, opt.WriteBurst = 5, 20
	}
	limit := writeLimiter(opt.WriteRate, opt.WriteBurst)
	v1.POST("/events", a.createEvent, limit, a.requireEditor)
	v1.PUT("/events/:id", a.updateEvent, limit, a.requireEditor)
	v1.DELETE("/events/:id", a.deleteEvent, limit, a.requireEditor)
	v1.GET("/admin/backup", a.backup, limit, a.requireEditor)
	// Extraction changes nothing but costs CPU: throttled like writes.
	// and bounded in bytes per client and in extractions at once.
	gate := newExtractGate(opt.ExtractSlots, opt.ExtractBytesPerSecond)
	v1.POST("/extract", a.extractEvents, writeLimiter(opt.WriteRate, opt.WriteBurst), gate.middleware)
	for _, m := range opt.Mounts {
		m(e)
	}
	for _, r := range e.Routes() {
		rt.routes[r.Path] = true
	}
	return rt
}

func (a *API) healthz(c echo.Context) error {
	v := a.svc.View()
	if v == nil {
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "starting"})
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, map[string]any{"status": "ok", "data_version": v.Version,
		"regions": len(v.History.Regions()), "events": v.History.EventCount()})
}

// version answers the build and the data version now served.
func (a *API) version(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	body := map[string]string{"version": a.opt.Version}
	if v := a.svc.View(); v != nil {
		body["data_version"] = v.Version
	}
	return c.JSON(http.StatusOK, body)
}

func (a *API) snapshot(c echo.Context) error {
	q, err := parseQuery(c.QueryString(), "date", "lang", "as_of")
	if err != nil {
		return err
	}
	d, err := q.Day("date", a.opt.Today())
	if err != nil {
		return err
	}
	lang, err := q.Lang()
	if err != nil {
		return err
	}
	view := a.svc.View()
	t, ok, err := q.AsOf()
	if err != nil {
		return err
	}
	if ok {
		if view, err = a.svc.AsOf(t); err != nil {
			return err
		}
	}
	// SnapshotDay, not Snapshot: the body goes out as the day's head and
	// the epoch's shared features, with no per-day copy of the features.
	e, err := view.SnapshotDay(d, lang)
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

func (a *API) events(c echo.Context) error {
	q, err := parseQuery(c.QueryString(), "region", "from", "to")
	if err != nil {
		return err
	}
	var f geo.EventFilter
	f.Region = q.Get("region")
	if f.From, err = q.OptDay("from"); err != nil {
		return err
	}
	if f.To, err = q.OptDay("to"); err != nil {
		return err
	}
	if f.From != nil && f.To != nil && *f.To < *f.From {
		return service.BadRequest("to (%s) is before from (%s)", *f.To, *f.From)
	}
	v := a.svc.View()
	if v.StreamEvents(f) {
		// A large ledger's events are written from the store a chunk at
		// a time: the whole answer is hundreds of MB with a million.
		etag := v.EventsETag(f)
		return httpkit.Stream(c, httpkit.Streamed{ContentType: service.TypeJSON, ETag: etag,
			GzipETag: etag[:len(etag)-1] + `-gz"`, Cache: httpkit.CacheShort,
			Body: func(w io.Writer) error { return v.WriteEvents(w, f) }})
	}
	e, err := v.Events(f)
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

func (a *API) event(c echo.Context) error {
	if _, err := parseQuery(c.QueryString()); err != nil {
		return err
	}
	e, err := a.svc.View().Event(c.Param("id"))
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

func (a *API) changes(c echo.Context) error {
	q, err := parseQuery(c.QueryString(), "from", "to", "lang")
	if err != nil {
		return err
	}
	if !q.Has("from") || !q.Has("to") {
		return service.BadRequest("changes needs both from and to (YYYY-MM-DD)")
	}
	from, err := q.Day("from", 0)
	if err != nil {
		return err
	}
	to, err := q.Day("to", 0)
	if err != nil {
		return err
	}
	lang, err := q.Lang()
	if err != nil {
		return err
	}
	e, err := a.svc.View().Changes(from, to, lang)
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

// langOnly reads the query of a request that takes only lang.
func langOnly(c echo.Context) (geo.Lang, error) {
	q, err := parseQuery(c.QueryString(), "lang")
	if err != nil {
		return "", err
	}
	return q.Lang()
}

// byLang serves an answer that takes only the lang parameter.
func (a *API) byLang(answer func(*service.View, echo.Context, geo.Lang) (*service.Encoded, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		lang, err := langOnly(c)
		if err != nil {
			return err
		}
		e, err := answer(a.svc.View(), c, lang)
		if err != nil {
			return err
		}
		return httpkit.Send(c, e, httpkit.CacheShort)
	}
}
