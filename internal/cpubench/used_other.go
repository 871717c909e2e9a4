//go:build !unix

package cpubench

import "time"

// Used is not measured here: cpu-ms/op reads 0.
func Used() time.Duration { return 0 }
