// Package httpkit is the one way mapsvc sends an answer and reads the
// query parameters its routes share. Every route, whatever package owns it,
// goes through Send or SendBytes, so ETag and 304, HEAD, Range,
// Cache-Control, CORS, Vary and gzip negotiation behave the same
// everywhere; http.ServeContent does the RFC 9110 parts (Range, If-Range,
// HEAD), and this package decides the representation and its validators.
package httpkit

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/service"
)

// Cache-Control values. Data answers may change with an edit: shared
// caches keep them briefly and the ETag makes revalidation cheap. URLs that
// name a data version or a content hash never change. Pages revalidate on
// every use.
const (
	CacheShort      = "public, max-age=60, stale-while-revalidate=300"
	CacheImmutable  = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
	// CachePrivate is for answers whose links were derived from the
	// request's Host header (no public URL configured): a shared cache
	// must not hand them to a client that reached another host.
	CachePrivate = "private, no-cache"
)

// Answer is one representation set to send: the identity body (as parts
// written in order) and, when Gzip is set, a gzip form with its own tag.
type Answer struct {
	ContentType string
	ETag        string // strong, quoted; identity body
	GzipETag    string // strong, quoted; gzip body (when Gzip)
	Gzip        bool
	Parts       func(gzip bool) [][]byte
	Cache       string
	// Brotli, when set, returns a brotli form made ahead (nil when there
	// is none), preferred to gzip by clients that accept it; BrotliETag
	// is its strong, quoted tag.
	Brotli     func() []byte
	BrotliETag string
	// memo, when set (Send), holds the header values made once.
	memo *sendMemo
}

// Send writes a stored answer of the service (JSON, GeoJSON, tiles):
// gzip when the client accepts it. The header values that depend on the
// answer are made once and kept with it (see sendMemo), so a cached answer
// is sent without allocating.
func Send(c echo.Context, e *service.Encoded, cache string) error {
	m := e.Memo(func() any { return newSendMemo(e) }).(*sendMemo)
	return Write(c, Answer{ContentType: e.ContentType, ETag: e.ETag, GzipETag: m.gzipETag[0], Gzip: true, Parts: m.parts, Cache: cache, memo: m})
}

// sendMemo is what Send keeps with an answer: its parts function and the
// ETag and Content-Length header values of each representation.
type sendMemo struct {
	parts          func(gzip bool) [][]byte
	etag, gzipETag []string
	length         []string
	gzipLength     atomic.Pointer[[]string] // made on the first gzip request
}

func newSendMemo(e *service.Encoded) *sendMemo {
	return &sendMemo{parts: e.Parts, etag: values(e.ETag), gzipETag: values(e.GzipETag()),
		length: values(strconv.Itoa(partsLen(e.Parts(false))))}
}

// headers returns the ETag and Content-Length values of one
// representation.
func (m *sendMemo) headers(gz bool) (etag, length []string) {
	if !gz {
		return m.etag, m.length
	}
	if l := m.gzipLength.Load(); l != nil {
		return m.gzipETag, *l
	}
	l := values(strconv.Itoa(partsLen(m.parts(true))))
	m.gzipLength.Store(&l)
	return m.gzipETag, l
}

func partsLen(parts [][]byte) int {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	return n
}

// SendUncompressed is Send for bodies that are compressed already (PNG).
func SendUncompressed(c echo.Context, e *service.Encoded, cache string) error {
	return Write(c, Answer{ContentType: e.ContentType, ETag: e.ETag, Parts: e.Parts, Cache: cache})
}

// SendBytes writes body with a content-hash ETag (an HTML page, an oEmbed
// answer, a static file), never gzipped.
func SendBytes(c echo.Context, contentType string, body []byte, cache string) error {
	return SendBytesTagged(c, contentType, body, cache, ContentTag(body))
}

// SendBytesTagged is SendBytes with a tag the caller already has.
func SendBytesTagged(c echo.Context, contentType string, body []byte, cache, etag string) error {
	return Write(c, Answer{ContentType: contentType, ETag: etag, Parts: func(bool) [][]byte { return [][]byte{body} }, Cache: cache})
}

// ContentTag is a strong ETag from a body's SHA-256.
func ContentTag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// Write sends a, answering 304 to a matching If-None-Match (either
// representation's tag, weak comparison as RFC 9110 asks), HEAD without a
// body, and a single or multiple byte Range with 206. A request with Range
// gets the identity body, so offsets mean the same for every client
// (GDAL's /vsicurl/ reads files piece by piece).
func Write(c echo.Context, a Answer) error {
	req, h := c.Request(), c.Response().Header()
	OpenCORS(h)
	gz := false
	var br []byte
	if a.Gzip || a.Brotli != nil {
		addVaryAcceptEncoding(h)
	}
	if a.Gzip {
		gz = AcceptsGzip(req.Header.Get("Accept-Encoding")) && req.Header.Get("Range") == ""
	}
	if a.Brotli != nil && Accepts(req.Header.Get("Accept-Encoding"), "br") && req.Header.Get("Range") == "" {
		br = a.Brotli()
	}
	etag := a.ETag
	if gz {
		etag = a.GzipETag
	}
	if br != nil {
		gz, etag = false, a.BrotliETag
	}
	var memoLength []string
	if a.memo != nil && br == nil {
		var tag []string
		tag, memoLength = a.memo.headers(gz)
		h["Etag"] = tag
	} else {
		h["Etag"] = []string{etag}
	}
	h["Cache-Control"] = shared(a.Cache)
	h["X-Content-Type-Options"] = nosniff
	h[echo.HeaderContentType] = shared(a.ContentType)
	if inm := req.Header.Get("If-None-Match"); inm != "" && (tagListHas(inm, a.ETag) || (a.Gzip && tagListHas(inm, a.GzipETag)) || (br != nil && tagListHas(inm, a.BrotliETag))) {
		return c.NoContent(http.StatusNotModified)
	}
	var parts [][]byte
	if br != nil {
		parts = [][]byte{br}
		h["Content-Encoding"] = brValue
	} else {
		parts = a.Parts(gz)
		if gz {
			h["Content-Encoding"] = gzipValue
		}
	}
	if plainGet(req) {
		// What ServeContent would do for a GET without Range or the
		// preconditions it checks (If-None-Match is answered above; with
		// no modification time it ignores If-Modified-Since): the headers,
		// then each part in one write, as a static file server sends
		// bytes from memory, not copied through a 32 KB buffer.
		h["Accept-Ranges"] = bytesValue
		if memoLength != nil {
			h[echo.HeaderContentLength] = memoLength
		} else {
			h[echo.HeaderContentLength] = []string{strconv.Itoa(partsLen(parts))}
		}
		res := c.Response()
		res.WriteHeader(http.StatusOK)
		for _, p := range parts {
			if _, err := res.Write(p); err != nil {
				return nil // the client has gone; nothing more to say
			}
		}
		return nil
	}
	body := newPartsReader(parts)
	if gz || br != nil {
		// ServeContent leaves Content-Length out when Content-Encoding is
		// set; the compressed length is known, so declare it.
		h.Set(echo.HeaderContentLength, strconv.FormatInt(body.size, 10))
	}
	// Header written through echo's Response so c.Response().Committed
	// and Status stay right for the error handler and loggers.
	http.ServeContent(c.Response(), req, "", time.Time{}, body)
	return nil
}

// plainGet reports a GET that http.ServeContent would answer with the
// whole body and 200: no Range, no If-Match, no If-Unmodified-Since.
func plainGet(req *http.Request) bool {
	return req.Method == http.MethodGet && req.Header.Get("Range") == "" &&
		req.Header.Get("If-Match") == "" && req.Header.Get("If-Unmodified-Since") == ""
}

// addVaryAcceptEncoding is AddVary(h, "Accept-Encoding") without a new
// slice when the answer has no Vary yet, as most have not.
func addVaryAcceptEncoding(h http.Header) {
	if _, ok := h["Vary"]; !ok {
		h["Vary"] = acceptEncVa
		return
	}
	AddVary(h, "Accept-Encoding")
}

func tagListHas(header, etag string) bool {
	if etag == "" {
		return false
	}
	for header != "" {
		var t string
		t, header, _ = strings.Cut(header, ",")
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// AddVary adds a name to the Vary header once.
func AddVary(h http.Header, name string) {
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), name) {
				return
			}
		}
	}
	h.Add("Vary", name)
}

// AcceptsGzip reports whether an Accept-Encoding header admits gzip.
func AcceptsGzip(h string) bool { return Accepts(h, "gzip") }

// Accepts reports whether an Accept-Encoding header admits coding (by
// name, with a q above zero).
func Accepts(h, coding string) bool {
	for h != "" {
		var part string
		part, h, _ = strings.Cut(h, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		return q > 0
	}
	return false
}

// partsReader reads parts in order as one seekable body, so a body shared
// in pieces goes out without a per-request copy and ServeContent can serve
// ranges of it.
type partsReader struct {
	parts [][]byte
	size  int64
	off   int64
}

func newPartsReader(parts [][]byte) *partsReader {
	r := &partsReader{parts: parts}
	for _, p := range parts {
		r.size += int64(len(p))
	}
	return r
}

func (r *partsReader) Read(b []byte) (int, error) {
	if r.off >= r.size {
		return 0, io.EOF
	}
	n, base := 0, int64(0)
	for _, p := range r.parts {
		end := base + int64(len(p))
		if r.off < end && n < len(b) {
			k := copy(b[n:], p[r.off-base:])
			n += k
			r.off += int64(k)
		}
		base = end
	}
	return n, nil
}

func (r *partsReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += r.off
	case io.SeekEnd:
		offset += r.size
	}
	if offset < 0 {
		return 0, io.ErrUnexpectedEOF
	}
	r.off = offset
	return offset, nil
}
