package handlers

import (
	"compress/gzip"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/jsonguard"
	"github.com/mapsvc/mapsvc/service"
	"golang.org/x/time/rate"
)

// MaxBodyBytes caps request bodies, also after gzip decompression.
const MaxBodyBytes = 1 << 20

// maxJSONDepth caps nesting before decoding: an event is four levels deep.
const maxJSONDepth = 16

var (
	errEditingOff   = errors.New("editing is off: no editor token is configured on this server")
	errUnauthorized = errors.New("a valid editor token is required (Authorization: Bearer TOKEN)")
	errTooLarge     = errors.New("request body too large")
	errMediaType    = errors.New("unsupported media type")
)

// Editor is one named editor token.
type Editor struct {
	Name, Token string
}

// editorName returns the name of the editor whose token is presented. All
// tokens are compared, in constant time each, so timing does not tell
// which one nearly matched.
func editorName(editors []Editor, header string) (string, bool) {
	tok, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || tok == "" {
		return "", false
	}
	name, found := "", 0
	for _, e := range editors {
		if subtle.ConstantTimeCompare([]byte(tok), []byte(e.Token)) == 1 {
			name, found = e.Name, 1
		}
	}
	return name, found == 1
}

// requireEditor is the gate for writes and admin routes.
func (a *API) requireEditor(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if len(a.opt.Editors) == 0 {
			return errEditingOff
		}
		name, ok := editorName(a.opt.Editors, c.Request().Header.Get("Authorization"))
		if !ok {
			c.Response().Header().Set("WWW-Authenticate", `Bearer realm="mapsvc"`)
			return errUnauthorized
		}
		c.Set("editor", name)
		return next(c)
	}
}

// writeLimiter throttles writes per client address. The address is the
// TCP peer (the router's IP extractor ignores X-Forwarded-For), so a forged
// header cannot buy a fresh allowance.
func writeLimiter(perSecond float64, burst int) echo.MiddlewareFunc {
	store := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(perSecond), Burst: burst, ExpiresIn: 3 * time.Minute})
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Store:               store,
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		ErrorHandler: func(c echo.Context, err error) error {
			return echo.NewHTTPError(http.StatusForbidden, "could not identify the client")
		},
		DenyHandler: func(c echo.Context, id string, err error) error {
			c.Response().Header().Set("Retry-After", "1")
			return echo.NewHTTPError(http.StatusTooManyRequests, "too many requests from this address; slow down")
		},
	})
}

// readBody reads a JSON body within MaxBodyBytes, gunzipping when sent
// gzipped (with the cap applied to the inflated size, against gzip bombs),
// and runs the jsonguard checks.
func readBody(c echo.Context) ([]byte, error) {
	req := c.Request()
	if ct := req.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return nil, fmt.Errorf("%w: send application/json, not %q", errMediaType, ct)
	}
	var r io.Reader = http.MaxBytesReader(c.Response(), req.Body, MaxBodyBytes)
	switch enc := strings.ToLower(req.Header.Get("Content-Encoding")); enc {
	case "", "identity":
	case "gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%w: body is not gzip: %v", errBadParam, err)
		}
		defer zr.Close()
		r = zr
	default:
		return nil, fmt.Errorf("%w: content encoding %q", errMediaType, enc)
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxBodyBytes+1))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || len(b) > MaxBodyBytes {
		return nil, fmt.Errorf("%w: the limit is %d bytes", errTooLarge, MaxBodyBytes)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: reading body: %v", errBadParam, err)
	}
	if err := jsonguard.Check(b, maxJSONDepth); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadParam, err)
	}
	return b, nil
}

func (a *API) decodeEvent(c echo.Context) (*geo.Event, error) {
	b, err := readBody(c)
	if err != nil {
		return nil, err
	}
	e, err := geo.DecodeEvent(b)
	if err != nil {
		return nil, err
	}
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return &e, nil
}

func (a *API) createEvent(c echo.Context) error {
	if _, err := parseQuery(c.QueryString()); err != nil {
		return err
	}
	e, err := a.decodeEvent(c)
	if err != nil {
		return err
	}
	stored, rev, err := a.svc.Write(service.Edit{Action: service.ActionCreate, ID: e.ID, Event: e, Actor: c.Get("editor").(string)})
	if err != nil {
		return err
	}
	c.Response().Header().Set("Location", "/api/v1/events/"+stored.ID)
	return a.writeResult(c, http.StatusCreated, stored, rev)
}

func (a *API) updateEvent(c echo.Context) error {
	if _, err := parseQuery(c.QueryString()); err != nil {
		return err
	}
	e, err := a.decodeEvent(c)
	if err != nil {
		return err
	}
	if e.ID != c.Param("id") {
		return service.BadRequest("the body's id %q differs from the URL's %q", e.ID, c.Param("id"))
	}
	stored, rev, err := a.svc.Write(service.Edit{Action: service.ActionUpdate, ID: e.ID, Event: e, Actor: c.Get("editor").(string)})
	if err != nil {
		return err
	}
	return a.writeResult(c, http.StatusOK, stored, rev)
}

func (a *API) deleteEvent(c echo.Context) error {
	if _, err := parseQuery(c.QueryString()); err != nil {
		return err
	}
	_, rev, err := a.svc.Write(service.Edit{Action: service.ActionDelete, ID: c.Param("id"), Actor: c.Get("editor").(string)})
	if err != nil {
		return err
	}
	return a.writeResult(c, http.StatusOK, nil, rev)
}

func (a *API) writeResult(c echo.Context, status int, e *geo.Event, rev service.Revision) error {
	a.metrics.write(string(rev.Action))
	a.opt.Logger.Info("write", "editor", rev.Actor, "action", string(rev.Action), "event_id", rev.EventID,
		"revision", rev.Seq, "data_version", rev.Version, "client", c.RealIP())
	c.Response().Header().Set("Cache-Control", "no-store")
	if e == nil {
		return c.JSON(status, map[string]any{"deleted": rev.EventID, "revision": rev.Seq, "data_version": rev.Version})
	}
	c.Response().Header().Set("ETag", fmt.Sprintf(`"%s-event-%s"`, rev.Version, e.ID))
	return c.JSON(status, e)
}

func (a *API) eventRevisions(c echo.Context) error {
	if _, err := parseQuery(c.QueryString()); err != nil {
		return err
	}
	revs, err := a.svc.EventRevisions(c.Param("id"))
	if err != nil {
		return err
	}
	if revs == nil {
		revs = []service.Revision{}
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	return c.JSON(http.StatusOK, map[string]any{"event_id": c.Param("id"), "revisions": revs})
}

func (a *API) backup(c echo.Context) error {
	if a.opt.Backup == nil {
		return echo.NewHTTPError(http.StatusNotImplemented, "this server has no backup source")
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "application/octet-stream")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="mapsvc-backup-%s.db"`, time.Now().UTC().Format("20060102T150405Z")))
	h.Set("Cache-Control", "no-store")
	c.Response().WriteHeader(http.StatusOK)
	_, err := a.opt.Backup(c.Response())
	return err
}
