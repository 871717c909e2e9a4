package handlers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/extract"
	"golang.org/x/time/rate"
)

// extractBodyLimit is the largest extraction body: an article of
// extract.MaxInput bytes plus room for the JSON around it.
const extractBodyLimit = extract.MaxInput + 1<<10

// Defaults for the extraction gate (Options.ExtractSlots and
// ExtractBytesPerSecond override them).
const (
	defaultExtractSlots = 2
	// a client may send 2 MiB at once and 128 KiB a second after that:
	// dozens of real articles a minute, but not a stream of megabytes
	defaultExtractBytesPerSecond = 128 << 10
	defaultExtractByteBurst      = 2 << 20
	// maxExtractClients bounds the per-client budgets kept in memory
	maxExtractClients = 10_000
)

var errBusy = errors.New("the extractor is busy")

// extractGate bounds what the extraction route can cost, beyond the
// request rate: the body is read (at most extractBodyLimit bytes) and
// charged to the client's byte budget (429 when spent), then the request
// needs one of a few extraction slots (503 with Retry-After when all are
// taken: waiting would only pile requests up in memory). The slot is held
// only while extracting, so slow senders do not hold it.
type extractGate struct {
	slots   chan struct{}
	perSec  rate.Limit
	burst   int
	mu      sync.Mutex
	clients map[string]*clientBudget
}

type clientBudget struct {
	lim  *rate.Limiter
	seen time.Time
}

func newExtractGate(slots int, bytesPerSecond float64) *extractGate {
	if slots <= 0 {
		slots = defaultExtractSlots
	}
	if bytesPerSecond <= 0 {
		bytesPerSecond = defaultExtractBytesPerSecond
	}
	return &extractGate{slots: make(chan struct{}, slots), perSec: rate.Limit(bytesPerSecond),
		burst: max(defaultExtractByteBurst, extractBodyLimit), clients: map[string]*clientBudget{}}
}

// charge takes n bytes from client's budget and reports whether it had
// them.
func (g *extractGate) charge(client string, n int, now time.Time) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	b, ok := g.clients[client]
	if !ok {
		if len(g.clients) >= maxExtractClients {
			// forget clients whose budget has refilled: they lose nothing
			for k, v := range g.clients {
				if now.Sub(v.seen) > time.Duration(float64(g.burst)/float64(g.perSec))*time.Second {
					delete(g.clients, k)
				}
			}
			if len(g.clients) >= maxExtractClients {
				return false
			}
		}
		b = &clientBudget{lim: rate.NewLimiter(g.perSec, g.burst)}
		g.clients[client] = b
	}
	b.seen = now
	return b.lim.AllowN(now, n)
}

// middleware applies the gate to an extraction handler.
func (g *extractGate) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.ContentLength > extractBodyLimit {
			return fmt.Errorf("%w: an article may be at most %d bytes", errTooLarge, extract.MaxInput)
		}
		body, err := io.ReadAll(http.MaxBytesReader(c.Response(), req.Body, extractBodyLimit))
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return fmt.Errorf("%w: an article may be at most %d bytes", errTooLarge, extract.MaxInput)
		}
		if err != nil {
			return fmt.Errorf("%w: reading body: %v", errBadParam, err)
		}
		if !g.charge(c.RealIP(), len(body), time.Now()) {
			c.Response().Header().Set("Retry-After", "10")
			return echo.NewHTTPError(http.StatusTooManyRequests, "this address has sent too many bytes to the extractor; slow down")
		}
		select {
		case g.slots <- struct{}{}:
			defer func() { <-g.slots }()
		default:
			c.Response().Header().Set("Retry-After", "1")
			return errBusy
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		return next(c)
	}
}
