package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/store"
)

// buildBinary compiles mapsvc once per test run (the binary is shared by
// every test; TestMain removes it).
func buildBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "mapsvc-bin-")
		if binErr != nil {
			return
		}
		var out []byte
		out, binErr = exec.Command("go", "build", "-o", filepath.Join(binDir, "mapsvc"), ".").CombinedOutput()
		if binErr != nil {
			binErr = fmt.Errorf("go build: %v\n%s", binErr, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "mapsvc")
}

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitHealthy(t *testing.T, base string, cmd *exec.Cmd) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		if cmd.ProcessState != nil {
			t.Fatal("server exited early")
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("server did not become healthy")
}

// The binary alone creates and seeds its database, serves, and stops
// cleanly on SIGTERM; a second process on the same file fails clearly.
func TestServeSeedsItselfAndStopsCleanly(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "mapsvc.db")
	addr := freeAddr(t)
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "serve", "--init", "--addr", addr, "--db", db)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	base := "http://" + addr
	waitHealthy(t, base, cmd)

	resp, err := http.Get(base + "/api/v1/snapshot?date=2020-11-25")
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			ID         string         `json:"id"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	json.NewDecoder(resp.Body).Decode(&fc)
	resp.Body.Close()
	if len(fc.Features) < 70 {
		t.Fatalf("got %d features, want all Azerbaijani units", len(fc.Features))
	}

	second := exec.Command(bin, "snapshot", "--db", db, "--lock-timeout", "300ms", "--date", "2020-11-25")
	start := time.Now()
	out, err := second.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "in use by another process") {
		t.Errorf("second process: err=%v output=%q, want a clear lock error", err, out)
	}
	// It gives up instead of waiting for the lock forever; the bound is
	// loose because a loaded machine can take seconds to start a process.
	if time.Since(start) > time.Minute {
		t.Errorf("second process took %s to give up", time.Since(start))
	}

	stopWithSIGTERM(t, cmd, stderr.String)
	reopened, err := store.Open(db, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("reopen after shutdown: %v", err)
	}
	reopened.Close()
}

func TestSnapshotCommandPrintsGeoJSON(t *testing.T) {
	bin := buildBinary(t)
	db := initDB(t, bin)
	out, err := exec.Command(bin, "snapshot", "--db", db, "--date", "2020-12-01", "--lang", "ar").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(out) || !bytes.Contains(out, []byte(`"date":"2020-12-01"`)) || !bytes.Contains(out, []byte("لاتشين")) {
		t.Errorf("output is not the Arabic snapshot of 2020-12-01: %.200s", out)
	}
}

func TestImportCommandRejectsBadLedgerAndChangesNothing(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	if out, err := exec.Command(bin, "init", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("init: %v %s", err, out)
	}
	before, _ := store.Open(db, store.Options{})
	v1, _ := before.Version()
	before.Close()

	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"version":1,"events":[
	 {"id":"kalbajar-base","region":"kalbajar","date":"1991-01-01","kind":"baseline","to":"AZE","extent":"whole","confidence":"high","summary":"s","sources":[{"ref":"https://example.org","outlet":"x"}]},
	 {"id":"kalbajar-wrong","region":"kalbajar","date":"1993-04","kind":"military_capture","from":"ARM","to":"AZE","extent":"whole","confidence":"high","summary":"s","sources":[{"ref":"https://example.org","outlet":"x"}]}]}`), 0o644)
	out, err := exec.Command(bin, "import", "--db", db, "--ledger", bad).CombinedOutput()
	if err == nil {
		t.Fatal("bad ledger imported")
	}
	for _, want := range []string{"bad.json", "kalbajar-wrong", "kalbajar-base"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("error %q does not name %s", out, want)
		}
	}
	after, _ := store.Open(db, store.Options{})
	v2, _ := after.Version()
	after.Close()
	if v1 != v2 {
		t.Errorf("version moved from %s to %s after a rejected import", v1, v2)
	}
	out, err = exec.Command(bin, "import", "--db", db).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "nothing written") {
		t.Errorf("re-import: %v %s, want 'nothing written'", err, out)
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		c    Config
		ok   bool
	}{
		{"defaults", defaultConfig(), true},
		{"address without port", Config{Addr: "localhost", DB: "x", LockTimeout: time.Second, HeaderTimeout: time.Second}, false},
		{"no db", Config{Addr: "127.0.0.1:1", LockTimeout: time.Second, HeaderTimeout: time.Second}, false},
		{"zero lock timeout", Config{Addr: "127.0.0.1:1", DB: "x", HeaderTimeout: time.Second}, false},
		{"short editor token", Config{Addr: "127.0.0.1:1", DB: "x", LockTimeout: time.Second, HeaderTimeout: time.Second, Editors: []handlers.Editor{{Name: "a", Token: "short"}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.c.Validate(); (err == nil) != tt.ok {
				t.Errorf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestExtractThenAccept(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte("أعلنت وزارة الدفاع الأرمينية أن قواتها سيطرت على منطقة كلبجر يوم 5 يناير 2031 بعد معارك عنيفة."), 0o644)
	out, err := exec.Command(bin, "extract", "--published", "2031-01-06", "--source", "https://example.org/article", "--outlet", "Example News", article).Output()
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	proposals := filepath.Join(dir, "proposals.json")
	os.WriteFile(proposals, out, 0o644)
	if !bytes.Contains(out, []byte(`"region": "kalbajar"`)) || !bytes.Contains(out, []byte(`"2031-01-05"`)) {
		t.Fatalf("no Kalbajar proposal for 2031-01-05:\n%s", out)
	}
	ledgerCopy := filepath.Join(dir, "ledger.json")
	orig, _ := os.ReadFile("../../seeds/ledger.json")
	os.WriteFile(ledgerCopy, orig, 0o644)
	if out, err := exec.Command(bin, "events", "accept", "--proposals", proposals, "--all", "--ledger", ledgerCopy).CombinedOutput(); err != nil {
		t.Fatalf("accept: %v %s", err, out)
	}
	db := filepath.Join(dir, "m.db")
	if out, err := exec.Command(bin, "init", "--db", db, "--ledger", ledgerCopy).CombinedOutput(); err != nil {
		t.Fatalf("import of the grown ledger: %v %s", err, out)
	}
	// Accepting the same proposals again duplicates their ids: rejected,
	// and the file stays as it was.
	before, _ := os.ReadFile(ledgerCopy)
	if out, err := exec.Command(bin, "events", "accept", "--proposals", proposals, "--all", "--ledger", ledgerCopy).CombinedOutput(); err == nil || !strings.Contains(string(out), "twice") {
		t.Errorf("second accept: err=%v %s, want a duplicate-id rejection", err, out)
	}
	after, _ := os.ReadFile(ledgerCopy)
	if !bytes.Equal(before, after) {
		t.Error("a rejected accept changed the ledger file")
	}
}

// initDB makes a seeded database with mapsvc init.
func initDB(t *testing.T, bin string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "m.db")
	if out, err := exec.Command(bin, "init", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("init: %v %s", err, out)
	}
	return db
}

// serve holds access-log lines back (--access-log-flush) but writes every
// one of them out when it stops: with an hour's interval, all that reach
// stderr after SIGTERM were written by the shutdown.
func TestAccessLogWrittenAtShutdown(t *testing.T) {
	bin := buildBinary(t)
	addr := freeAddr(t)
	var stderr lockedBuffer
	cmd := exec.Command(bin, "serve", "--init", "--addr", addr, "--db", filepath.Join(t.TempDir(), "m.db"), "--access-log-flush", "1h")
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	base := "http://" + addr
	waitHealthy(t, base, cmd)
	const n = 40
	for i := range n {
		resp, err := http.Get(fmt.Sprintf("%s/api/v1/snapshot?date=2020-11-%02d", base, i%28+1))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	if got := strings.Count(stderr.String(), "route=/api/v1/snapshot"); got != 0 {
		t.Fatalf("%d access lines written before shutdown with a 1h flush interval; want them held", got)
	}
	stopWithSIGTERM(t, cmd, stderr.String)
	lines := 0
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, "msg=request") && strings.Contains(l, "route=/api/v1/snapshot") && strings.Contains(l, "status=200") {
			lines++
		}
	}
	if lines != n {
		t.Fatalf("%d snapshot access lines after shutdown, want %d:\n%s", lines, n, stderr.String())
	}
}

// lockedBuffer is a bytes.Buffer safe to read while a process writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// stopWithSIGTERM sends the server SIGTERM and fails unless it exits
// cleanly within 20 s; stderr gives its log for the failure message.
func stopWithSIGTERM(t *testing.T, cmd *exec.Cmd, stderr func() string) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, stderr())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("server did not stop after SIGTERM")
	}
}
