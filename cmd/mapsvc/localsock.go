package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/mapsvc/mapsvc/store"
)

// A running server holds its database file alone (bbolt's exclusive
// lock), so another process cannot open it, even read-only. The server
// therefore answers consistent copies on a Unix socket beside the file,
// DB.sock, mode 0600: only the file's owner (or root) can connect, the
// same people who could read the file. snapshot, check and backup with
// --read-only use it when the file is locked.

// socketPath is where the server for db listens; "" when the path is too
// long for a Unix socket address.
func socketPath(db string) string {
	abs, err := filepath.Abs(db)
	if err != nil || len(abs)+len(".sock") >= 104 {
		return ""
	}
	return abs + ".sock"
}

// serveLocalCopies listens on the socket beside db and answers GET /backup
// with a consistent copy. The caller closes the listener (which removes
// the socket file).
func serveLocalCopies(db *store.DB, log *slog.Logger) (io.Closer, error) {
	path := socketPath(db.Path())
	if path == "" {
		return nil, fmt.Errorf("%s: path too long for the local backup socket", db.Path())
	}
	// A socket left by a killed server: this process holds the database
	// lock, so no other server uses it.
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSocket != 0 {
		os.Remove(path)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /backup", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		n, err := db.Backup(w)
		if err != nil {
			log.Error("local copy failed", "err", err)
			return
		}
		log.Info("local copy sent", "socket", path, "bytes", n)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	return closerFunc(func() error { return srv.Close() }), nil
}

type closerFunc func() error

func (f closerFunc) Close() error { return f() }

// fetchFromServer asks the server holding db for a consistent copy and
// writes it to a temporary file, whose path it returns.
func fetchFromServer(db string) (string, error) {
	path := socketPath(db)
	if path == "" {
		return "", errors.New("path too long for a local socket")
	}
	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", path)
	}}}
	resp, err := client.Get("http://mapsvc/backup")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("server answered %s", resp.Status)
	}
	f, err := os.CreateTemp("", "mapsvc-copy-*.db")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
