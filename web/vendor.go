package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/internal/httpkit"
)

// MapLibre GL JS is installed by npm (package.json at the repository root)
// and served from disk, never embedded: a fresh clone builds and serves
// the API without npm, and the page then says how to install it.

var (
	// vendorFiles are the files of maplibre-gl/dist the page may load.
	vendorFiles = map[string]string{
		"maplibre-gl.mjs":            "text/javascript; charset=utf-8",
		"maplibre-gl-worker.mjs":     "text/javascript; charset=utf-8",
		"maplibre-gl.css":            "text/css; charset=utf-8",
		"maplibre-gl.mjs.map":        "application/json",
		"maplibre-gl-worker.mjs.map": "application/json",
	}
)

// maplibreVersion returns the installed MapLibre version when its module,
// worker and stylesheet are all present under assets.
func maplibreVersion(assets string) (string, bool) {
	dir := filepath.Join(assets, "maplibre-gl")
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", false
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(b, &pkg) != nil || !plainVersion(pkg.Version) {
		return "", false
	}
	for _, f := range []string{"maplibre-gl.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css"} {
		if st, err := os.Stat(filepath.Join(dir, "dist", f)); err != nil || st.IsDir() {
			return "", false
		}
	}
	return pkg.Version, true
}

// fileCache keeps the vendor files and their gzip copies, keyed by path,
// size and modification time, so each is read and compressed once.
var fileCache sync.Map // string → []byte

func (s *site) vendor(c echo.Context) error {
	version, name := c.Param("version"), c.Param("file")
	ctype, ok := vendorFiles[name]
	installed, present := maplibreVersion(s.opt.Assets)
	if !ok || !present || version != installed {
		return echo.NewHTTPError(http.StatusNotFound, "MapLibre GL JS "+version+" is not installed here; run `npm ci` (or `make run`) in the repository")
	}
	p := filepath.Join(s.opt.Assets, "maplibre-gl", "dist", name)
	st, err := os.Stat(p)
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "not installed")
	}
	c.Response().Header().Set("Cross-Origin-Resource-Policy", "same-origin")
	etag := `"maplibre-gl-` + version + "-" + strconv.FormatInt(st.Size(), 36) + `"`
	key := p + "|" + strconv.FormatInt(st.Size(), 10) + "|" + st.ModTime().String()
	plain, ok := fileCache.Load(key)
	if !ok {
		b, err := os.ReadFile(p)
		if err != nil {
			return echo.NewHTTPError(http.StatusNotFound, "not installed")
		}
		plain, _ = fileCache.LoadOrStore(key, b)
	}
	return httpkit.Write(c, httpkit.Answer{ContentType: ctype, ETag: etag, GzipETag: etag[:len(etag)-1] + `-gz"`,
		Brotli: func() []byte { return brotliCopy(p, st) }, BrotliETag: etag[:len(etag)-1] + `-br"`,
		Gzip: !strings.HasSuffix(name, ".map"), Cache: "public, max-age=" + strconv.Itoa(int(vendorMaxAge/time.Second)) + ", immutable",
		Parts: func(gz bool) [][]byte {
			if !gz {
				return [][]byte{plain.([]byte)}
			}
			z, ok := fileCache.Load(key + "|gz")
			if !ok {
				var buf bytes.Buffer
				zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
				zw.Write(plain.([]byte))
				zw.Close()
				z, _ = fileCache.LoadOrStore(key+"|gz", buf.Bytes())
			}
			return [][]byte{z.([]byte)}
		}})
}

// brotliCopy returns the brotli copy that scripts/precompress.mjs wrote
// beside file (npm runs it after installing), or nil when there is none
// or it is older than the file. It is read once and kept.
func brotliCopy(file string, src os.FileInfo) []byte {
	st, err := os.Stat(file + ".br")
	if err != nil || st.IsDir() || st.ModTime().Before(src.ModTime()) {
		return nil
	}
	key := file + "|br|" + strconv.FormatInt(st.Size(), 10) + "|" + st.ModTime().String()
	if b, ok := fileCache.Load(key); ok {
		return b.([]byte)
	}
	b, err := os.ReadFile(file + ".br")
	if err != nil || int64(len(b)) != st.Size() {
		return nil
	}
	v, _ := fileCache.LoadOrStore(key, b)
	return v.([]byte)
}

// plainVersion reports whether v is a version fit for a URL path: a
// letter or digit, then up to 40 letters, digits and ".+-". (Not a
// regular expression: compiling `{0,40}` cost start-up time.)
func plainVersion(v string) bool {
	if len(v) == 0 || len(v) > 41 || !alnum(v[0]) {
		return false
	}
	for i := 1; i < len(v); i++ {
		if c := v[i]; !alnum(c) && c != '.' && c != '+' && c != '-' {
			return false
		}
	}
	return true
}

func alnum(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
