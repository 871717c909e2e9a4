package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/render"
	"github.com/mapsvc/mapsvc/service"
)

// Default embed size; the embed page fills whatever its iframe gives it.
const (
	embedWidth  = 640
	maxEmbedDim = 10000
	// maxEmbedWidth caps the width offered for a wide column: beyond it
	// the map only grows emptier.
	maxEmbedWidth = 1200
	// embedChrome is the height of the title, legend, slider and footer
	// around the map box at common widths.
	embedChrome = 170
)

// embedHeight is the iframe height for a width: the map box takes about
// 62% of the width (as the embed asks through its resize messages), plus
// the controls around it.
func embedHeight(width int) int {
	mapH := width * 62 / 100
	if mapH < 220 {
		mapH = 220
	}
	if mapH > 640 {
		mapH = 640
	}
	return mapH + embedChrome
}

// resizeScript is the few lines a host page runs so that an embed's
// iframe takes the height the embed asks for in its
// {type: "mapsvc:resize", height} messages; only messages from origin are
// read. Without it the iframe keeps its own size.
func resizeScript(origin string) string {
	o, _ := json.Marshal(origin)
	return `<script>addEventListener("message",function(e){if(e.origin!==` + string(o) + `||!e.data||e.data.type!=="mapsvc:resize")return;` +
		`document.querySelectorAll("iframe[data-mapsvc]").forEach(function(f){if(f.contentWindow===e.source){var h=Math.round(+e.data.height);` +
		`if(h>=200&&h<=4000){f.style.aspectRatio="auto";f.style.minHeight="0";f.style.height=h+"px"}}})});</script>`
}

// OEmbed is an oEmbed 1.0 "rich" answer.
type OEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Title        string `json:"title"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	CacheAge     int    `json:"cache_age"`
}

// oembed answers GET /oembed?url=…&maxwidth=…&maxheight=…&format=json for
// URLs of this site's map page or embed. Parameters beyond the four the
// spec names are ignored, as consumers add their own (WordPress sends
// dnt=1).
func (s *site) oembed(c echo.Context) error {
	q := c.QueryParams()
	for _, k := range []string{"url", "maxwidth", "maxheight", "format"} {
		if len(q[k]) > 1 {
			return service.BadRequest("%s given %d times", k, len(q[k]))
		}
	}
	if f := q.Get("format"); f != "" && f != "json" {
		// Answered here rather than through the error handler, which logs
		// every 5xx as a server fault; this one is the client's choice.
		return notImplemented(c, fmt.Sprintf("format %q is not supported; use format=json", f))
	}
	maxW, err := dimension(q, "maxwidth")
	if err != nil {
		return err
	}
	maxH, err := dimension(q, "maxheight")
	if err != nil {
		return err
	}
	raw := q.Get("url")
	if raw == "" {
		return service.BadRequest("url is required: the address of a map page of this site")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return service.BadRequest("url: %v", err)
	}
	// A page of this site: on the public URL's host when one is set,
	// else on the host this request reached.
	base, _ := httpkit.BaseURL(c)
	site, _ := url.Parse(base)
	if (u.Scheme != "http" && u.Scheme != "https") || site == nil || !strings.EqualFold(u.Host, site.Host) ||
		(u.Path != "" && u.Path != "/" && u.Path != "/embed") {
		return fmt.Errorf("%w: %q is not a map page of this site", geo.ErrNotFound, raw)
	}
	view, d, lang, err := s.embedView(u.Query())
	if err != nil {
		return err
	}
	// The width follows maxwidth (a CMS passes its column width); the
	// height follows from the layout, then from maxheight.
	w := embedWidth
	if maxW > 0 {
		w = min(maxW, maxEmbedWidth)
	}
	h := embedHeight(w)
	if maxH > 0 && h > maxH {
		h = maxH
	}
	title := render.Title(lang) + " — " + render.LongDate(d, lang)
	src := base + "/embed?" + view.Encode()
	out := OEmbed{
		Version: "1.0", Type: "rich", ProviderName: "mapsvc", ProviderURL: base + "/",
		Title: title, Width: w, Height: h, CacheAge: 3600,
		HTML: fmt.Sprintf(`<iframe src="%s" width="%d" height="%d" title="%s" data-mapsvc style="border:0;width:100%%;max-width:%dpx;height:%dpx" loading="lazy" allowfullscreen></iframe>`,
			html.EscapeString(src), w, h, html.EscapeString(title), w, h) + "\n" + resizeScript(base),
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // the html member is meant to be HTML
	if err := enc.Encode(out); err != nil {
		return err
	}
	cache := "public, max-age=300"
	if q.Has("url") && !u.Query().Has("date") {
		// Pinned to today: the answer changes at midnight.
		cache = httpkit.CacheShort
	}
	return httpkit.SendBytes(c, "application/json; charset=utf-8", b.Bytes(), httpkit.Links(c, cache))
}

func notImplemented(c echo.Context, detail string) error {
	b, _ := json.Marshal(map[string]any{"type": "about:blank", "title": "Not Implemented", "status": http.StatusNotImplemented,
		"detail": detail, "instance": c.Request().URL.Path})
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "application/problem+json")
	h.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusNotImplemented, "application/problem+json", b)
}

// embedView checks the date, lang and region of a page URL and returns
// them as the embed's query.
func (s *site) embedView(q url.Values) (url.Values, geo.Day, geo.Lang, error) {
	view := url.Values{}
	// A page without a date shows today: the embed keeps the day the
	// reader saw when it was embedded, not whatever day it is read on.
	d := s.opt.Today()
	if q.Has("date") {
		day, err := geo.ParseDay(q.Get("date"))
		if err != nil {
			return nil, 0, "", fmt.Errorf("url parameter date: %w", err)
		}
		d = day
	}
	view.Set("date", d.String())
	lang := geo.LangEN
	if q.Has("lang") {
		l, err := httpkit.ParseLang(q.Get("lang"))
		if err != nil {
			return nil, 0, "", fmt.Errorf("url: %w", err)
		}
		lang = l
		view.Set("lang", string(l))
	}
	if q.Has("theme") {
		th := q.Get("theme")
		if th != "light" && th != "dark" && th != "auto" {
			return nil, 0, "", service.BadRequest("url parameter theme %q is not one of light, dark, auto", th)
		}
		// The embed is light by default; only another choice is carried.
		if th != "light" {
			view.Set("theme", th)
		}
	}
	if q.Has("region") {
		id := q.Get("region")
		if _, err := s.svc.View().History.Region(id); err != nil {
			return nil, 0, "", service.BadRequest("url parameter region %q is not a known region", id)
		}
		view.Set("region", id)
	}
	return view, d, lang, nil
}

func dimension(q url.Values, name string) (int, error) {
	if !q.Has(name) {
		return 0, nil
	}
	n, err := strconv.Atoi(q.Get(name))
	if err != nil || n < 1 || n > maxEmbedDim {
		return 0, service.BadRequest("%s must be a whole number of pixels from 1 to %d", name, maxEmbedDim)
	}
	return n, nil
}
