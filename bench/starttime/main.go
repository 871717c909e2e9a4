// Command starttime measures exec-to-first-200: it starts a server
// command, polls one URL on a tight loop and prints the milliseconds from
// exec to the first 200 answer, then stops the server. With -n it repeats
// and prints every run and the median.
//
//	starttime -n 5 -url http://127.0.0.1:PORT/healthz [-fresh FILE] -- CMD ARGS...
//
// -fresh names a file to delete before each run (a fresh database).
//
// On Linux it also prints the CPU time the server had used by its first
// 200 (all its threads, from /proc): on a machine shared with other work
// the wall time varies with the load, the CPU time much less.
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
	var ms, cpu []float64
	for i := 0; i < *n; i++ {
		if *fresh != "" {
			os.Remove(*fresh)
		}
		d, c, err := once(*url, *limit, flag.Args())
		if err != nil {
			fmt.Fprintln(os.Stderr, "starttime:", err)
			os.Exit(1)
		}
		ms = append(ms, float64(d.Microseconds())/1000)
		if c >= 0 {
			cpu = append(cpu, float64(c.Microseconds())/1000)
		}
	}
	fmt.Printf("runs_ms=%v median_ms=%.1f", ms, median(ms))
	if len(cpu) == len(ms) {
		fmt.Printf(" cpu_median_ms=%.1f", median(cpu))
	}
	fmt.Println()
}

func median(xs []float64) float64 {
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	return sorted[len(sorted)/2]
}

// cpuTime sums the time on CPU of every thread of process pid from
// /proc/PID/task/*/schedstat (first field, in nanoseconds); -1 where
// there is no /proc.
func cpuTime(pid int) time.Duration {
	dirs, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return -1
	}
	var sum int64
	for _, d := range dirs {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/schedstat", pid, d.Name()))
		if err != nil {
			continue // the thread has gone
		}
		var ns int64
		if _, err := fmt.Sscan(string(b), &ns); err == nil {
			sum += ns
		}
	}
	return time.Duration(sum)
}

// once starts the command and polls every 200 µs until a 200 arrives. It
// returns the wall time to that answer and the CPU time the command had
// used by then.
func once(url string, limit time.Duration, argv []string) (time.Duration, time.Duration, error) {
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stderr = io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
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
				d := time.Since(start)
				return d, cpuTime(cmd.Process.Pid), nil
			}
		}
		time.Sleep(200 * time.Microsecond)
	}
	return 0, 0, fmt.Errorf("no 200 from %s within %s", url, limit)
}
