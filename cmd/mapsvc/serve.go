package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/logbuf"
)

// runServe starts the HTTP server and stops it gracefully on SIGINT or
// SIGTERM: in-flight requests finish, then the database closes.
func runServe(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := newFlags("serve", stdout)
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address HOST:PORT (env MAPSVC_ADDR)")
	fs.StringVar(&c.Assets, "assets", c.Assets, "folder of npm-installed front-end packages (env MAPSVC_ASSETS)")
	fs.IntVar(&c.MaxDBBytes, "max-db-bytes", c.MaxDBBytes, "cap on the database file; writes past it answer 507 (env MAPSVC_DB_MAX_BYTES)")
	fs.StringVar(&c.BasemapURL, "basemap-url", c.BasemapURL, "optional basemap: raster tiles with {z}/{x}/{y} or a MapLibre style URL (env MAPSVC_BASEMAP_URL)")
	fs.StringVar(&c.BasemapAttribution, "basemap-attribution", c.BasemapAttribution, "the basemap's attribution (env MAPSVC_BASEMAP_ATTRIBUTION)")
	fs.StringVar(&c.PublicURL, "public-url", c.PublicURL, "public base URL for absolute links, e.g. https://maps.example.org (env MAPSVC_PUBLIC_URL)")
	fs.DurationVar(&c.HeaderTimeout, "header-timeout", c.HeaderTimeout, "time a client has to send its request headers")
	fs.Int64Var(&c.CacheBytes, "cache-bytes", c.CacheBytes, "bound on all caches of encoded answers together, in bytes (env MAPSVC_CACHE_BYTES)")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "json or text (env MAPSVC_LOG_FORMAT)")
	fs.DurationVar(&c.AccessLogFlush, "access-log-flush", c.AccessLogFlush, "hold access-log lines up to this long and write them together (all are written at shutdown); 0 writes each at once")
	c.dbFlags(fs)
	c.initFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if c.TokensFile != "" {
		more, err := loadTokens(c.TokensFile)
		if err != nil {
			return err
		}
		c.Editors = append(c.Editors, more...)
	}
	if err := c.Validate(); err != nil {
		return usageError(err.Error())
	}
	log := newLogger(c, os.Stderr)
	resumeGC := pauseGCForSmallStart(c.DB)
	// The access log is written in batches: a write system call per
	// request was a large part of a cached answer's cost. Other lines
	// (warnings, errors, writes) go out at once, so they may come before
	// the access lines of the same moment.
	accessBuf := logbuf.New(os.Stderr, c.AccessLogFlush, 64<<10)
	defer accessBuf.Close()
	db, svc, err := openService(c, c.mayCreate(), log)
	if err != nil {
		resumeGC()
		return err
	}
	defer db.Close()
	svc.SetCacheBytes(c.CacheBytes)
	gcHeadroom()
	if local, err := serveLocalCopies(db, log); err != nil {
		log.Warn("no local backup socket; snapshot, check and backup --read-only cannot read beside this server", "err", err)
	} else {
		defer local.Close()
	}
	router := handlers.New(svc, handlers.Options{Logger: log, AccessLog: true, AccessLogger: newLogger(c, accessBuf), Version: programVersion(), Editors: c.Editors, Backup: db.Backup, PublicURL: c.PublicURL, Mounts: mounts(svc, c)})
	srv := &http.Server{
		Handler:           router,
		ReadHeaderTimeout: c.HeaderTimeout,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	// The collector resumes a moment after the server is up, so the first
	// answers do not wait for a collection of the start's garbage.
	time.AfterFunc(time.Second, resumeGC)
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("mapsvc serving", "version", programVersion(), "url", "http://"+ln.Addr().String()+"/", "db", c.DB, "data_version", svc.View().Version, "editing", len(c.Editors) > 0)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// startGCPauseBytes is the database size below which the collector is
// paused while the server loads. A small store decodes into a few MB of
// heap, and collecting it on the way costs more than it saves: the
// collector's cycles and the fresh pages its sweep touches were about a
// seventh of the page faults of a start, and on a virtual machine each
// fault costs tens of microseconds. A big store keeps collecting, or its
// decoding garbage would pile up.
const startGCPauseBytes = 64 << 20

// pauseGCForSmallStart pauses the collector when the store at path is
// small (or not there yet: a fresh default store is seeded from the
// embedded data) and the operator left GOGC alone; the function it
// returns resumes it and is safe to call more than once.
func pauseGCForSmallStart(path string) (resume func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() >= startGCPauseBytes {
		return func() {}
	}
	prev := debug.SetGCPercent(-1)
	var once sync.Once
	return func() { once.Do(func() { debug.SetGCPercent(prev) }) }
}

// ballast is heap the collector counts but never scans or touches (see
// gcHeadroom).
var ballast []byte

// gcHeadroomBytes is the ballast's size.
const gcHeadroomBytes = 32 << 20

// gcHeadroom gives the collector 32 MB of headroom however small the live
// data: with the default data the live heap is about 5 MB, so at GOGC=100
// the server collected every 5 MB allocated, ten times a second under
// load, marking all of it each time (a program with less than 2 MB live,
// such as the static yardstick, gets Go's 4 MB minimum heap instead and
// marks next to nothing). The ballast is one pointer-free allocation the
// collector marks in constant time and, fresh from the OS, never written:
// it raises the heap goal without becoming resident. GOGC or GOMEMLIMIT
// set by the operator rule instead.
func gcHeadroom() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" && ballast == nil {
		ballast = make([]byte, gcHeadroomBytes)
	}
}
