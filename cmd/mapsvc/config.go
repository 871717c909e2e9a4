package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// Config is everything mapsvc reads from flags and the environment.
type Config struct {
	Addr        string        // MAPSVC_ADDR
	DB          string        // MAPSVC_DB
	LockTimeout time.Duration // wait for another process's lock on DB
	Assets      string        // MAPSVC_ASSETS: npm-installed front-end files
	MaxDBBytes  int           // MAPSVC_DB_MAX_BYTES: cap on the file; 0 = none
	// HeaderTimeout bounds slow clients sending headers.
	HeaderTimeout time.Duration
	// Editors come from MAPSVC_EDITOR_TOKEN (named "editor") and from
	// MAPSVC_EDITOR_TOKENS_FILE (lines "name token"); none: editing off.
	Editors    []handlers.Editor
	TokensFile string
	// An optional basemap under the map page's own outlines: a raster
	// tile template with {z}/{x}/{y} or a MapLibre style URL, and its
	// attribution (MAPSVC_BASEMAP_URL, MAPSVC_BASEMAP_ATTRIBUTION).
	BasemapURL         string
	BasemapAttribution string
	// Init lets serve and export-static create and seed a missing --db
	// (the default mapsvc.db is created without it).
	Init bool
	// LogFormat is json or text (MAPSVC_LOG_FORMAT).
	LogFormat string
	// AccessLogFlush is how long serve holds access-log lines before
	// writing them out together (always at shutdown); zero writes each
	// line at once.
	AccessLogFlush time.Duration
	// CacheBytes bounds every cache of encoded answers together
	// (MAPSVC_CACHE_BYTES).
	CacheBytes int64
	// PublicURL (MAPSVC_PUBLIC_URL) starts every absolute URL the server
	// writes (TileJSON tiles, OGC links, oEmbed); empty: derived per
	// request from its Host and never cached by shared caches.
	PublicURL string
}

// initFlag registers --init.
func (c *Config) initFlag(fs *flag.FlagSet) {
	fs.BoolVar(&c.Init, "init", false, "create and seed --db from the embedded data if it does not exist")
}

// mayCreate: a missing database is created only on request, or at the
// default path, so a mistyped --db never becomes a new, seeded file.
func (c Config) mayCreate() bool { return c.Init || c.DB == defaultDB }

// defaultConfig reads the environment over the built-in defaults.
func defaultConfig() Config {
	c := Config{Addr: "127.0.0.1:8080", DB: defaultDB, LogFormat: "text", AccessLogFlush: 200 * time.Millisecond, CacheBytes: service.DefaultCacheBytes, LockTimeout: 2 * time.Second, Assets: "node_modules", HeaderTimeout: 5 * time.Second}
	if v := os.Getenv("MAPSVC_ADDR"); v != "" {
		c.Addr = v
	}
	if v := os.Getenv("MAPSVC_DB"); v != "" {
		c.DB = v
	}
	if v := os.Getenv("MAPSVC_ASSETS"); v != "" {
		c.Assets = v
	}
	if v, err := strconv.Atoi(os.Getenv("MAPSVC_DB_MAX_BYTES")); err == nil {
		c.MaxDBBytes = v
	}
	if v := os.Getenv("MAPSVC_EDITOR_TOKEN"); v != "" {
		c.Editors = append(c.Editors, handlers.Editor{Name: "editor", Token: v})
	}
	c.TokensFile = os.Getenv("MAPSVC_EDITOR_TOKENS_FILE")
	if v, err := strconv.ParseInt(os.Getenv("MAPSVC_CACHE_BYTES"), 10, 64); err == nil {
		c.CacheBytes = v
	}
	c.PublicURL = os.Getenv("MAPSVC_PUBLIC_URL")
	if v := os.Getenv("MAPSVC_LOG_FORMAT"); v != "" {
		c.LogFormat = v
	}
	c.BasemapURL = os.Getenv("MAPSVC_BASEMAP_URL")
	c.BasemapAttribution = os.Getenv("MAPSVC_BASEMAP_ATTRIBUTION")
	return c
}

// loadTokens reads "name token" lines; blank lines and # comments are
// skipped. Errors name the file and line.
func loadTokens(path string) ([]handlers.Editor, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []handlers.Editor
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 || len(f[1]) < 16 {
			return nil, fmt.Errorf("%s:%d: want \"name token\" with a token of 16 or more characters", path, i+1)
		}
		out = append(out, handlers.Editor{Name: f[0], Token: f[1]})
	}
	return out, nil
}

// dbFlags registers the flags every command that opens the store shares.
func (c *Config) dbFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "bbolt database file (env MAPSVC_DB); never created except by init, serve --init, or serve on the default mapsvc.db")
	fs.DurationVar(&c.LockTimeout, "lock-timeout", c.LockTimeout, "how long to wait for another process's lock on the database")
}

// Validate checks the config before anything is opened.
func (c Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("addr %q: want HOST:PORT", c.Addr))
	}
	if c.DB == "" {
		errs = append(errs, errors.New("db: a file path is needed"))
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		errs = append(errs, fmt.Errorf("log-format %q: want json or text", c.LogFormat))
	}
	if c.CacheBytes < 1<<20 {
		errs = append(errs, fmt.Errorf("cache-bytes %d: want at least 1 MiB (1048576)", c.CacheBytes))
	}
	if c.PublicURL != "" {
		if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
			errs = append(errs, fmt.Errorf("public-url %q: want scheme://host[:port] with no path", c.PublicURL))
		}
	}
	if c.LockTimeout <= 0 {
		errs = append(errs, errors.New("lock-timeout must be positive"))
	}
	if c.HeaderTimeout <= 0 {
		errs = append(errs, errors.New("header-timeout must be positive"))
	}
	if c.BasemapURL != "" {
		if err := geo.ValidateLink(c.BasemapURL); err != nil {
			errs = append(errs, fmt.Errorf("basemap-url: %v", err))
		}
		if c.BasemapAttribution == "" {
			errs = append(errs, errors.New("basemap-url needs basemap-attribution: credit the map's source"))
		}
	}
	if err := httpkit.ValidatePublicURL(c.PublicURL); err != nil {
		errs = append(errs, err)
	}
	for _, e := range c.Editors {
		if len(e.Token) < 16 {
			errs = append(errs, fmt.Errorf("editor token %q is shorter than 16 characters", e.Name))
		}
	}
	return errors.Join(errs...)
}

// newLogger writes structured logs to w in c.LogFormat.
func newLogger(c Config, w io.Writer) *slog.Logger {
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
