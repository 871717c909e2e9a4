package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/extract"
	"github.com/mapsvc/mapsvc/internal/jsonguard"
)

// extractRequest is the JSON form of POST /api/v1/extract.
type extractRequest struct {
	Text      string `json:"text"`
	Published string `json:"published"`
	Source    string `json:"source"`
}

// extractEvents proposes events from an article: text/plain with
// ?published=&source=, or JSON {"text","published","source"}. It changes
// nothing; an editor posts the accepted ledger_events to /api/v1/events.
func (a *API) extractEvents(c echo.Context) error {
	q, err := parseQuery(c.QueryString(), "published", "source")
	if err != nil {
		return err
	}
	req := c.Request()
	// the gate has read the body within its limit
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return fmt.Errorf("%w: reading body: %v", errBadParam, err)
	}
	in := extractRequest{Published: q.Get("published"), Source: q.Get("source")}
	switch ct := req.Header.Get("Content-Type"); {
	case strings.HasPrefix(ct, "application/json"):
		if q.Has("published") || q.Has("source") {
			return fmt.Errorf("%w: with a JSON body, give published and source in the body", errBadParam)
		}
		if err := jsonguard.Check(body, 4); err != nil {
			return fmt.Errorf("%w: %v", errBadParam, err)
		}
		dec := json.NewDecoder(strings.NewReader(string(body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return fmt.Errorf("%w: %v", errBadParam, err)
		}
	case strings.HasPrefix(ct, "text/plain"), ct == "":
		in.Text = string(body)
	default:
		return fmt.Errorf("%w: send text/plain or application/json, not %q", errMediaType, ct)
	}
	opt := extract.Options{Published: in.Published, Source: in.Source, Timeout: a.opt.ExtractTimeout}
	if v := a.svc.View(); v != nil {
		opt.History = v.History // previous holders come from the ledger as it stands
	}
	res, err := extract.ExtractContext(req.Context(), in.Text, opt)
	switch {
	case errors.Is(err, extract.ErrTimeout):
		c.Response().Header().Set("Retry-After", "1")
		return fmt.Errorf("%w: %v", errBusy, err)
	case errors.Is(err, extract.ErrTooLarge):
		return fmt.Errorf("%w: %v", errTooLarge, err)
	case errors.Is(err, extract.ErrBadPublished):
		return fmt.Errorf("%w: %v", errBadParam, err)
	case err != nil:
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, map[string]any{"result": res, "ledger_events": res.LedgerEvents()})
}
