package extract

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileBodies are 1 MiB inputs built to make the extractor work hard:
// a token per byte, one sentence per two bytes, one long line of words
// that all look like places and control words, and line breaks only.
func hostileBodies() map[string]string {
	return map[string]string{
		"commas":        strings.Repeat(",", MaxInput),
		"dots":          strings.Repeat(". ", MaxInput/2),
		"newlines":      strings.Repeat("\n", MaxInput),
		"control words": strings.Repeat("سقطت شوشا ", MaxInput/20),
		"latin words":   strings.Repeat("a ", MaxInput/2),
	}
}

// TestHostileInputIsBounded: any 1 MiB body costs at most a few tens of
// megabytes of allocation and well under the time budget.
func TestHostileInputIsBounded(t *testing.T) {
	const maxBytes = 40 << 20
	for name, body := range hostileBodies() {
		t.Run(name, func(t *testing.T) {
			var m0, m1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m0)
			start := time.Now()
			res, err := Extract(body, Options{Published: "2020-11-08", Timeout: time.Minute})
			took := time.Since(start)
			runtime.ReadMemStats(&m1)
			if err != nil {
				t.Fatalf("got error %v, want a result", err)
			}
			alloc := m1.TotalAlloc - m0.TotalAlloc
			t.Logf("%s: %d MB allocated, %d allocations, %v, truncated: %q", name, alloc>>20, m1.Mallocs-m0.Mallocs, took, res.Truncated)
			if alloc > maxBytes {
				t.Errorf("allocated %d MB, want at most %d MB", alloc>>20, maxBytes>>20)
			}
		})
	}
}

// TestAllocationsPerPunctuationToken: punctuation costs no allocation of
// its own (the 6 GB report was ~112 bytes per comma).
func TestAllocationsPerPunctuationToken(t *testing.T) {
	body := strings.Repeat(",", 20_000)
	allocs := testing.AllocsPerRun(3, func() {
		if _, err := Extract(body, Options{Published: "2020-11-08"}); err != nil {
			t.Fatal(err)
		}
	})
	// 20,000 tokens in 80 run-on sentences (the cap): a few allocations per sentence
	if allocs > 2_000 {
		t.Errorf("got %.0f allocations for 20,000 commas, want at most 2,000", allocs)
	}
}

func TestLongInputIsTruncatedAndSaysSo(t *testing.T) {
	body := "دخلت القوات الأذربيجانية شوشا اليوم.\n" + strings.Repeat("كلمة ", maxTokens)
	res, err := Extract(body, Options{Published: "2020-11-08", Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if res.Truncated == "" {
		t.Errorf("got no truncation note for %d words, want one", maxTokens)
	}
	if len(res.Proposals) != 1 {
		t.Errorf("got %d proposals, want the one in the first line", len(res.Proposals))
	}
}

func TestCancelledContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ExtractContext(ctx, strings.Repeat("سقطت شوشا. ", 1000), Options{})
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("got %v, want ErrTimeout", err)
	}
}
