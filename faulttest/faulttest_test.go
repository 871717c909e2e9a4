// Package faulttest runs the real mapsvc binary through faults: SIGKILL
// during writes and imports, a full disk, SIGTERM with requests in flight,
// and slow clients. Rounds are few by default; -rounds raises them.
package faulttest

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/mapsvc/mapsvc/geo"
	"io"
	"math/rand/v2"
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
)

var rounds = flag.Int("rounds", 6, "SIGKILL rounds for the crash tests (long mode: 100)")

const token = "fault-test-token-0123456789"

var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "mapsvc-fault")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "mapsvc")
	if out, err := exec.Command("go", "build", "-o", binary, "../cmd/mapsvc").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type server struct {
	cmd    *exec.Cmd
	base   string
	stderr *bytes.Buffer
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

func start(t *testing.T, db string, extra ...string) *server {
	t.Helper()
	addr := freeAddr(t)
	s := &server{base: "http://" + addr, stderr: &bytes.Buffer{}}
	s.cmd = exec.Command(binary, append([]string{"serve", "--init", "--addr", addr, "--db", db}, extra...)...)
	s.cmd.Env = append(os.Environ(), "MAPSVC_EDITOR_TOKEN="+token)
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.cmd.Process.Kill(); s.cmd.Wait() })
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(s.base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return s
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("server did not start: %s", s.stderr)
	return nil
}

func contextEvent(id string) []byte {
	b, _ := json.Marshal(map[string]any{
		"id": id, "date": "2031-01-01", "kind": "political", "confidence": "low", "summary": "Fault test entry.",
		"sources": []map[string]any{{"ref": "https://example.org/fault", "outlet": "Test"}},
	})
	return b
}

func post(client *http.Client, base string, body io.Reader, header ...string) (int, string, error) {
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/events", body)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), nil
}

func check(t *testing.T, db string) {
	t.Helper()
	out, err := exec.Command(binary, "check", "--db", db).CombinedOutput()
	if err != nil {
		t.Fatalf("mapsvc check after a crash: %v\n%s", err, out)
	}
}

func eventExists(t *testing.T, base, id string) bool {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/events/" + id)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode == 200
}

// Every write answered 2xx survives SIGKILL at a random moment, and the
// file passes the check after each kill.
func TestAcknowledgedWritesSurviveSIGKILL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "crash.db")
	var acked []string
	client := &http.Client{Timeout: 5 * time.Second}
	for round := 0; round < *rounds; round++ {
		s := start(t, db)
		for _, id := range acked {
			if !eventExists(t, s.base, id) {
				t.Fatalf("round %d: acknowledged event %s is gone", round, id)
			}
		}
		var mu sync.Mutex
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				id := fmt.Sprintf("crash-r%d-w%d", round, i)
				code, _, err := post(client, s.base, bytes.NewReader(contextEvent(id)))
				if err != nil {
					return // the server died mid-request: not acknowledged
				}
				if code == http.StatusCreated {
					mu.Lock()
					acked = append(acked, id)
					mu.Unlock()
				}
			}
		}()
		time.Sleep(time.Duration(50+rand.IntN(300)) * time.Millisecond)
		s.cmd.Process.Signal(syscall.SIGKILL)
		s.cmd.Wait()
		close(stop)
		<-done
		check(t, db)
	}
	s := start(t, db)
	for _, id := range acked {
		if !eventExists(t, s.base, id) {
			t.Fatalf("acknowledged event %s is gone after the last kill", id)
		}
	}
	if len(acked) == 0 {
		t.Fatal("no write was acknowledged in any round")
	}
	t.Logf("%d rounds, %d acknowledged writes, all present", *rounds, len(acked))
}

// bigLedger writes a valid ledger of the embedded events plus n context
// events, so an import takes long enough to be killed halfway.
func bigLedger(t *testing.T, n int) string {
	t.Helper()
	b, err := os.ReadFile("../seeds/ledger.json")
	if err != nil {
		t.Fatal(err)
	}
	var l map[string]any
	json.Unmarshal(b, &l)
	events := l["events"].([]any)
	for i := 0; i < n; i++ {
		var e map[string]any
		json.Unmarshal(contextEvent(fmt.Sprintf("bulk-%06d", i)), &e)
		e["notes"] = strings.Repeat("padding ", 64)
		events = append(events, e)
	}
	l["events"] = events
	path := filepath.Join(t.TempDir(), "big.json")
	out, _ := json.Marshal(l)
	os.WriteFile(path, out, 0o644)
	return path
}

func version(t *testing.T, db string) string {
	t.Helper()
	out, err := exec.Command(binary, "check", "--db", db).CombinedOutput()
	if err != nil {
		t.Fatalf("check: %v %s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// dataVersion is the data version a check line reports ("…: ok (data
// version 4c3e…)").
func dataVersion(t *testing.T, check string) string {
	t.Helper()
	i := strings.Index(check, "data version ")
	if i < 0 {
		t.Fatalf("no data version in %q", check)
	}
	return strings.TrimRight(check[i+len("data version "):], ")")
}

// An import killed halfway leaves the previous state whole, or the new
// one whole when the kill came after its commit; never a mix.
func TestImportKilledHalfwayLeavesThePreviousState(t *testing.T) {
	db := filepath.Join(t.TempDir(), "import.db")
	if out, err := exec.Command(binary, "init", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("first import: %v %s", err, out)
	}
	before := dataVersion(t, version(t, db))
	big := bigLedger(t, 20000)
	// The same import, not killed: how long it takes here, so kills land
	// across it, most of them in its second half where the write
	// transaction runs; and the data version it leaves.
	scratch := filepath.Join(t.TempDir(), "scratch.db")
	if out, err := exec.Command(binary, "init", "--db", scratch).CombinedOutput(); err != nil {
		t.Fatalf("scratch init: %v %s", err, out)
	}
	began := time.Now()
	if out, err := exec.Command(binary, "import", "--db", scratch, "--ledger", big).CombinedOutput(); err != nil {
		t.Fatalf("timing import: %v %s", err, out)
	}
	full := time.Since(began)
	whole := dataVersion(t, version(t, scratch))
	if whole == before {
		t.Fatal("the big ledger leaves the data version unchanged; the test could not tell a change")
	}
	killedEarly, killedAfterCommit := 0, 0
	for round := 0; round < *rounds; round++ {
		cmd := exec.Command(binary, "import", "--db", db, "--ledger", big)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(full/3 + time.Duration(rand.Int64N(int64(full)*2/3)))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		after := dataVersion(t, version(t, db))
		switch {
		case err != nil && after == before:
			killedEarly++
			continue
		case err != nil && after == whole:
			// killed after its commit, on the way out: the new data is
			// whole (a loaded machine makes this common)
			killedAfterCommit++
		case err != nil:
			t.Fatalf("round %d: a killed import left data version %s, neither the previous %s nor the whole import's %s", round, after, before, whole)
		case after != whole:
			t.Fatalf("round %d: a finished import left data version %s, not %s", round, after, whole)
		}
		// The new data is whole; put the old data back for the next round.
		if out, err := exec.Command(binary, "import", "--db", db).CombinedOutput(); err != nil {
			t.Fatalf("restore: %v %s", err, out)
		}
		if v := dataVersion(t, version(t, db)); v != before {
			t.Fatalf("round %d: restoring left data version %s, not %s", round, v, before)
		}
	}
	if killedEarly == 0 {
		t.Fatal("no import was killed before its commit; the test proved nothing")
	}
	t.Logf("%d of %d imports killed halfway, %d after their commit; each left one state whole", killedEarly, *rounds, killedAfterCommit)
}

// SIGTERM: a request in flight finishes, new connections are refused, and
// the database closes cleanly.
func TestSIGTERMFinishesInFlightRequests(t *testing.T) {
	db := filepath.Join(t.TempDir(), "term.db")
	s := start(t, db)
	pr, pw := io.Pipe()
	result := make(chan int, 1)
	go func() {
		code, body, err := post(&http.Client{Timeout: 20 * time.Second}, s.base, pr)
		if err != nil {
			t.Errorf("in-flight request failed: %v", err)
		}
		if code != http.StatusCreated {
			t.Errorf("in-flight request: got %d %s", code, body)
		}
		result <- code
	}()
	body := contextEvent("term-inflight")
	pw.Write(body[:10]) // the request is now in flight
	time.Sleep(200 * time.Millisecond)
	s.cmd.Process.Signal(syscall.SIGTERM)
	time.Sleep(300 * time.Millisecond)
	if conn, err := net.DialTimeout("tcp", strings.TrimPrefix(s.base, "http://"), time.Second); err == nil {
		conn.Close()
		t.Error("a new connection was accepted after SIGTERM")
	}
	pw.Write(body[10:])
	pw.Close()
	<-result
	if err := s.cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v\n%s", err, s.stderr)
	}
	check(t, db)
	s2 := start(t, db)
	if !eventExists(t, s2.base, "term-inflight") {
		t.Error("the in-flight write is not in the database")
	}
}

// A client that never finishes its headers is cut off by the header timeout.
func TestSlowClientIsCutOff(t *testing.T) {
	s := start(t, filepath.Join(t.TempDir(), "slow.db"), "--header-timeout", "300ms")
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n"))
	// The server closes the connection after its 300 ms header timeout;
	// our own read deadline, far longer so that a loaded machine cannot
	// reach it first, only ends the wait if the server never does.
	conn.SetReadDeadline(time.Now().Add(60 * time.Second))
	_, err = io.ReadAll(conn)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Errorf("connection held for 60 s; want it closed after the header timeout")
	}
	if resp, err := http.Get(s.base + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Error("server unhealthy after a slow client")
	}
}

// A full disk: writes fail with 507, reads go on, and writes work again
// once space is back. Uses a small tmpfs; where mounting is not permitted,
// bbolt's size cap stands in for the disk and a restart with a larger cap
// for the space coming back.
func TestDiskFull(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "small")
	os.MkdirAll(dir, 0o755)
	mounted := exec.Command("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", dir).Run() == nil
	if mounted {
		t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	} else {
		t.Log("tmpfs mount not permitted here; using the database size cap")
	}
	db := filepath.Join(dir, "full.db")
	var s *server
	if mounted {
		s = start(t, db)
	} else {
		s = start(t, db, "--max-db-bytes", "2097152")
	}
	filler := filepath.Join(dir, "filler")
	if mounted {
		f, _ := os.Create(filler)
		buf := make([]byte, 64<<10)
		for {
			if _, err := f.Write(buf); err != nil {
				break
			}
		}
		f.Close()
	}
	client := &http.Client{Timeout: 10 * time.Second}
	big := func(id string) io.Reader {
		var e map[string]any
		json.Unmarshal(contextEvent(id), &e)
		// Free text is capped (geo.Max*Runes): bulk comes from many
		// sources, each with a note at its limit.
		e["notes"] = strings.Repeat("€", geo.MaxNotesRunes)
		src := e["sources"].([]any)[0].(map[string]any)
		var sources []any
		for k := 0; k < 40; k++ {
			c := map[string]any{}
			for key, v := range src {
				c[key] = v
			}
			c["ref"] = fmt.Sprintf("https://example.org/filler/%s/%d", id, k)
			c["note"] = strings.Repeat("€", geo.MaxSourceNoteRunes)
			sources = append(sources, c)
		}
		e["sources"] = sources
		b, _ := json.Marshal(e)
		return bytes.NewReader(b)
	}
	got507 := false
	for i := 0; i < 30 && !got507; i++ {
		code, body, err := post(client, s.base, big(fmt.Sprintf("full-%d", i)))
		if err != nil {
			t.Fatal(err)
		}
		switch code {
		case http.StatusInsufficientStorage:
			got507 = true
			if !strings.Contains(body, "problem") && !strings.Contains(body, "storage") {
				t.Errorf("507 body: %s", body)
			}
		case http.StatusCreated:
		default:
			t.Fatalf("write %d: got %d %s", i, code, body)
		}
	}
	if !got507 {
		t.Fatal("no 507 from a full disk")
	}
	if resp, err := http.Get(s.base + "/api/v1/snapshot?date=2020-11-25"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("read on a full disk failed: %v", err)
	}
	if mounted {
		os.Remove(filler)
	} else {
		s.cmd.Process.Signal(syscall.SIGTERM)
		s.cmd.Wait()
		s = start(t, db, "--max-db-bytes", "67108864")
	}
	code, body, err := post(client, s.base, bytes.NewReader(contextEvent("after-space-back")))
	if err != nil || code != http.StatusCreated {
		t.Fatalf("write after space came back: %d %s %v", code, body, err)
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	s.cmd.Wait()
	check(t, db)
}
