package httpkit

import (
	"compress/gzip"
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// Streamed is an answer too big to keep: written to the client as it is
// made, with the same validators, CORS, Vary and gzip negotiation as
// Write, but no Content-Length and no Range (a Range request gets the
// whole body with 200, as RFC 9110 allows).
type Streamed struct {
	ContentType string
	ETag        string // strong, quoted; identity body
	GzipETag    string // strong, quoted; gzip body
	Cache       string
	// Body writes the identity body; an error after the first byte can
	// only cut the connection.
	Body func(io.Writer) error
}

// StreamGzipLevel is the compression of streamed answers: hundreds of
// megabytes each time, so speed over ratio (a region's geometry repeats
// in each of its periods and compresses well at any level).
const StreamGzipLevel = gzip.BestSpeed

// Stream sends a, answering 304 to a matching If-None-Match and HEAD
// without making the body.
func Stream(c echo.Context, a Streamed) error {
	req, h := c.Request(), c.Response().Header()
	OpenCORS(h)
	AddVary(h, "Accept-Encoding")
	gz := AcceptsGzip(req.Header.Get("Accept-Encoding"))
	etag := a.ETag
	if gz {
		etag = a.GzipETag
	}
	h.Set("ETag", etag)
	h.Set("Cache-Control", a.Cache)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set(echo.HeaderContentType, a.ContentType)
	if inm := req.Header.Get("If-None-Match"); inm != "" && (tagListHas(inm, a.ETag) || tagListHas(inm, a.GzipETag)) {
		return c.NoContent(http.StatusNotModified)
	}
	if gz {
		h.Set("Content-Encoding", "gzip")
	}
	if req.Method == http.MethodHead || IsHead(c) {
		return c.NoContent(http.StatusOK)
	}
	res := c.Response()
	res.WriteHeader(http.StatusOK)
	var w io.Writer = &deadlineWriter{w: res, rc: http.NewResponseController(res)}
	var zw *gzip.Writer
	if gz {
		zw, _ = gzip.NewWriterLevel(w, StreamGzipLevel)
		w = zw
	}
	if err := a.Body(w); err != nil {
		// The status is sent: all that is left is to cut the body short,
		// so the client sees a truncated answer, not a complete one.
		panic(http.ErrAbortHandler)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			panic(http.ErrAbortHandler)
		}
	}
	return nil
}

// StreamWriteWindow is how long a streamed answer's client may take to
// read what was written last. The server's WriteTimeout bounds a whole
// response, which a body of a gigabyte may outlast on a slow link or a
// busy machine; a stream instead keeps moving its deadline this far
// ahead of each write, so it is cut only when the client stops reading.
const StreamWriteWindow = 30 * time.Second

type deadlineWriter struct {
	w    io.Writer
	rc   *http.ResponseController
	last time.Time
}

func (d *deadlineWriter) Write(p []byte) (int, error) {
	if now := time.Now(); now.Sub(d.last) > time.Second {
		d.last = now
		// Not every writer has a deadline (test recorders): then the
		// server's own timeout stands.
		_ = d.rc.SetWriteDeadline(now.Add(StreamWriteWindow))
	}
	return d.w.Write(p)
}
