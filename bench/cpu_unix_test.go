//go:build unix

package bench

import (
	"syscall"
	"time"
)

// cpuTime is the user and system CPU time the process has used: on a
// shared machine wall-clock ns/op swings with the neighbours' load, CPU
// time far less.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
