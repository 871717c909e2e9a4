// Command starttime measures exec-to-first-200: it starts a server
// command, polls one URL on a tight loop and prints the milliseconds from
// exec to the first 200 answer, then stops the server. With -n it repeats
// and prints every run and the median.
//
//	starttime -n 5 -url http://127.0.0.1:PORT/healthz [-fresh FILE] -- CMD ARGS...
//
// -fresh names a file to delete before each run (a fresh database).
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 5, "runs")
	url := flag.String("url", "", "URL that must answer 200")
	fresh := flag.String("fresh", "", "file to remove before each run")
	limit := flag.Duration("timeout", 30*time.Second, "give up on a run after this long")
	flag.Parse()
	if *url == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: starttime -url URL [-n 5] [-fresh FILE] -- CMD ARGS...")
		os.Exit(2)
	}
	var ms []float64
	for i := 0; i < *n; i++ {
		if *fresh != "" {
			os.Remove(*fresh)
		}
		d, err := once(*url, *limit, flag.Args())
		if err != nil {
			fmt.Fprintln(os.Stderr, "starttime:", err)
			os.Exit(1)
		}
		ms = append(ms, float64(d.Microseconds())/1000)
	}
	sorted := slices.Clone(ms)
	slices.Sort(sorted)
	fmt.Printf("runs_ms=%v median_ms=%.1f\n", ms, sorted[len(sorted)/2])
}

// once starts the command and polls every 200 µs until a 200 arrives.
func once(url string, limit time.Duration, argv []string) (time.Duration, error) {
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stderr = io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	for time.Since(start) < limit {
		resp, err := client.Get(url)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return time.Since(start), nil
			}
		}
		time.Sleep(200 * time.Microsecond)
	}
	return 0, fmt.Errorf("no 200 from %s within %s", url, limit)
}
