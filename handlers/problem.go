package handlers

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// Problem is an RFC 9457 problem details body.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	// ConflictsWith names the events a rejected write contradicts.
	ConflictsWith []string `json:"conflicts_with,omitempty"`
}

// problemOf is the one table from errors to statuses. Internal errors are
// logged and never shown to the client.
func problemOf(err error) Problem {
	var he *echo.HTTPError
	var ce *geo.ConflictError
	switch {
	case errors.As(err, &ce):
		return Problem{Type: "/problems/conflict", Title: "Contradicts the chronology", Status: http.StatusConflict, Detail: err.Error(), ConflictsWith: []string{ce.With}}
	case errors.Is(err, service.ErrExists), errors.Is(err, service.ErrStale):
		return Problem{Type: "/problems/conflict", Title: "Conflict", Status: http.StatusConflict, Detail: err.Error()}
	case errors.Is(err, service.ErrNoStorage):
		return Problem{Type: "/problems/insufficient-storage", Title: "Insufficient storage", Status: http.StatusInsufficientStorage,
			Detail: "The database cannot grow (disk full or size cap); nothing was written. Reads keep working."}
	case errors.Is(err, errEditingOff), errors.Is(err, service.ErrReadOnly):
		return Problem{Type: "/problems/editing-off", Title: "Editing is off", Status: http.StatusForbidden, Detail: err.Error()}
	case errors.Is(err, errUnauthorized):
		return Problem{Type: "/problems/unauthorized", Title: "Unauthorized", Status: http.StatusUnauthorized, Detail: err.Error()}
	case errors.Is(err, errTooLarge):
		return Problem{Type: "/problems/too-large", Title: "Request body too large", Status: http.StatusRequestEntityTooLarge, Detail: err.Error()}
	case errors.Is(err, errBusy):
		return Problem{Type: "/problems/busy", Title: "Busy", Status: http.StatusServiceUnavailable, Detail: err.Error() + "; try again shortly"}
	case errors.Is(err, errMediaType):
		return Problem{Type: "/problems/unsupported-media-type", Title: "Unsupported media type", Status: http.StatusUnsupportedMediaType, Detail: err.Error()}
	case errors.Is(err, service.ErrNoPast):
		return Problem{Type: "/problems/not-found", Title: "No data at that moment", Status: http.StatusNotFound, Detail: err.Error()}
	case errors.Is(err, geo.ErrInvalidDate):
		return Problem{Type: "/problems/invalid-date", Title: "Invalid date", Status: http.StatusBadRequest, Detail: err.Error()}
	case errors.Is(err, httpkit.ErrUnknownParam):
		return Problem{Type: "/problems/unknown-parameter", Title: "Unknown query parameter", Status: http.StatusBadRequest, Detail: err.Error()}
	case errors.Is(err, geo.ErrInvalid), errors.Is(err, service.ErrBadRequest), errors.Is(err, httpkit.ErrBadParam):
		return Problem{Type: "/problems/invalid-request", Title: "Invalid request", Status: http.StatusBadRequest, Detail: err.Error()}
	case errors.Is(err, geo.ErrNotFound):
		return Problem{Type: "/problems/not-found", Title: "Not found", Status: http.StatusNotFound, Detail: err.Error()}
	case errors.As(err, &he):
		msg := http.StatusText(he.Code)
		if s, ok := he.Message.(string); ok && he.Code < 500 {
			msg = s
		}
		return Problem{Type: "about:blank", Title: http.StatusText(he.Code), Status: he.Code, Detail: msg}
	}
	return Problem{Type: "about:blank", Title: "Internal Server Error", Status: http.StatusInternalServerError,
		Detail: "The server could not answer this request; it has been logged."}
}

// errorHandler writes every error as application/problem+json.
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		p := problemOf(err)
		p.Instance = c.Request().URL.Path
		if p.Status >= 500 && !errors.Is(err, errBusy) {
			log.Error("request failed", "path", c.Request().URL.Path, "err", err)
		}
		b, _ := json.Marshal(p)
		h := c.Response().Header()
		h.Set(echo.HeaderContentType, "application/problem+json")
		h.Set("Cache-Control", "no-store")
		h.Del("ETag")
		c.Response().WriteHeader(p.Status)
		if c.Request().Method != http.MethodHead {
			c.Response().Write(b)
		}
	}
}
