package httpkit

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/labstack/echo/v4"
)

// A plain GET is written directly, not through http.ServeContent; it must
// give what ServeContent gives. A request with If-Match: * (which matches)
// still goes through ServeContent, to the same full answer.
func TestWriteDirectMatchesServeContent(t *testing.T) {
	parts := [][]byte{[]byte(`{"head":1,"features":`), bytes.Repeat([]byte(`[1,2,3],`), 5000), []byte("[]}\n")}
	a := Answer{ContentType: "application/geo+json", ETag: `"v1"`, GzipETag: `"v1-gz"`, Gzip: true, Cache: CacheShort,
		Parts: func(gzip bool) [][]byte {
			if gzip {
				return [][]byte{[]byte("not really gzip"), []byte(" but bytes")}
			}
			return parts
		}}
	e := echo.New()
	send := func(header ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/x", nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		if err := Write(e.NewContext(req, rec), a); err != nil {
			t.Fatal(err)
		}
		return rec
	}
	for _, enc := range []string{"", "gzip"} {
		direct := send("Accept-Encoding", enc)
		served := send("Accept-Encoding", enc, "If-Match", "*")
		if direct.Code != http.StatusOK || served.Code != http.StatusOK {
			t.Fatalf("%q: status %d and %d", enc, direct.Code, served.Code)
		}
		if !reflect.DeepEqual(direct.Header(), served.Header()) {
			t.Errorf("%q: headers differ:\n direct %v\n served %v", enc, direct.Header(), served.Header())
		}
		if !bytes.Equal(direct.Body.Bytes(), served.Body.Bytes()) {
			t.Errorf("%q: bodies differ", enc)
		}
	}
	// A Range request still gets 206 from ServeContent.
	if rec := send("Range", "bytes=0-9"); rec.Code != http.StatusPartialContent || rec.Body.String() != `{"head":1,` {
		t.Errorf("range: %d %q", rec.Code, rec.Body.String())
	}
}
