// Package bench holds mapsvc's benchmark suite: bench/run.sh drives the
// load tests; these Go benchmarks measure the in-process costs it reports.
//
//	go test -run '^$' -bench . -benchmem ./bench/
//
// The synthetic benchmarks build a world of SYN_REGIONS regions with
// SYN_EVENTS events (default 10,000 and 1,000,000; SYN_EVENTS=0 skips
// them); that takes a few seconds and about 2 GB once per run.
package bench

import (
	"github.com/mapsvc/mapsvc/internal/cpubench"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/service"
)

func defaultData(b *testing.B) service.Dataset {
	rs, events := ledgertest.Data(b)
	return service.Dataset{Regions: rs, Events: events, Version: "bench"}
}

// epochDays returns one day in each epoch of h.
func epochDays(h *geo.History) []geo.Day {
	days := []geo.Day{geo.DayOf(1990, 1, 1)}
	return append(days, h.ChangeDays()...)
}

// newEpochs times SnapshotDay on (epoch, language) pairs never built
// before, starting a new view (untimed) when a view has built them all.
// The background compression of each epoch is waited for untimed, so it
// does not compete with the next build.
func newEpochs(b *testing.B, newView func() *service.View, langs []geo.Lang) {
	var v *service.View
	var todo []geo.Day
	li := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(todo) == 0 {
			if li == 0 || li == len(langs) {
				b.StopTimer()
				v, li = newView(), 0
				b.StartTimer()
			}
			todo = epochDays(v.History)
			li++
		}
		d := todo[0]
		todo = todo[1:]
		e, err := v.SnapshotDay(d, langs[li-1])
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		e.Parts(true)
		b.StartTimer()
	}
}

// A new epoch's snapshot: every region's properties encoded, geometry
// spliced in. Target: under 0.5 ms on the default data.
func BenchmarkSnapshotNewEpoch(b *testing.B) {
	ds := defaultData(b)
	newEpochs(b, func() *service.View {
		v, err := service.NewView(ds)
		if err != nil {
			b.Fatal(err)
		}
		return v
	}, geo.Langs)
}

// A day nobody asked for in an epoch already built: only its head.
func BenchmarkSnapshotNewDay(b *testing.B) {
	v, _ := service.NewView(defaultData(b))
	// The longest epoch: days from its first change to the next.
	days := v.History.ChangeDays()
	longest := 0
	for i := 1; i < len(days); i++ {
		if days[i]-days[i-1] > days[longest+1]-days[longest] {
			longest = i - 1
		}
	}
	start, span := days[longest], int(days[longest+1]-days[longest])
	e, _ := v.SnapshotDay(start, geo.LangEN)
	e.Parts(true)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e, err := v.SnapshotDay(start+geo.Day(i%span), geo.LangEN)
		if err != nil {
			b.Fatal(err)
		}
		e.Parts(true)
	}
}

// memStore serves a dataset from memory.
type memStore struct{ ds service.Dataset }

func (m memStore) Load() (service.Dataset, error) { return m.ds, nil }

// discard is a ResponseWriter that keeps nothing.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(int)             {}

// The whole handler for a cached snapshot, without the network: what a
// request costs mapsvc beyond what the static server also pays.
func BenchmarkSnapshotCachedHandler(b *testing.B) {
	svc, err := service.New(memStore{defaultData(b)})
	if err != nil {
		b.Fatal(err)
	}
	router := handlers.New(svc, handlers.Options{})
	for _, enc := range []string{"identity", "gzip"} {
		b.Run(enc, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/api/v1/snapshot?date=2020-11-25", nil)
			if enc == "gzip" {
				req.Header.Set("Accept-Encoding", "gzip")
			}
			w := &discard{h: http.Header{}}
			router.ServeHTTP(w, req)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				clear(w.h)
				router.ServeHTTP(w, req)
			}
		})
	}
}

var (
	synOnce sync.Once
	synData service.Dataset
)

func synthetic(b *testing.B) service.Dataset {
	n, events := envInt("SYN_REGIONS", 10000), envInt("SYN_EVENTS", 1000000)
	if events == 0 {
		b.Skip("SYN_EVENTS=0")
	}
	synOnce.Do(func() {
		rs := synth.Regions(n, 1)
		synData = service.Dataset{Regions: rs, Events: synth.Events(rs, max(events/n, 1), 1), Version: "synthetic"}
	})
	return synData
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

var (
	synViewOnce sync.Once
	synView     *service.View
)

// A new epoch of the synthetic world. Target: under 20 ms.
func BenchmarkSyntheticSnapshotNewEpoch(b *testing.B) {
	ds := synthetic(b)
	synViewOnce.Do(func() {
		var err error
		if synView, err = service.NewView(ds); err != nil {
			b.Fatal(err)
		}
	})
	days := epochDays(synView.History)
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, cpubench.Used())
	for i := 0; i < b.N; i++ {
		// Stride through the epochs so each iteration meets a new one.
		e, err := synView.SnapshotDay(days[(i*7919+1)%len(days)], geo.LangAR)
		if err != nil {
			b.Fatal(err)
		}
		// A small world's epochs are compressed in the background: let
		// that finish untimed, as in newEpochs. (A big one's wait for the
		// first gzip request.)
		if len(e.Parts(false)[1]) < 512<<10 {
			b.StopTimer()
			e.Parts(true)
			b.StartTimer()
		}
	}
}

// Who held each of the synthetic regions on one day: the index lookups
// alone, without encoding.
func BenchmarkSyntheticStateOfEveryRegion(b *testing.B) {
	ds := synthetic(b)
	synViewOnce.Do(func() {
		var err error
		if synView, err = service.NewView(ds); err != nil {
			b.Fatal(err)
		}
	})
	days := epochDays(synView.History)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		synView.History.Snapshot(days[(i*7919+1)%len(days)])
	}
}

// The next epoch of the synthetic world after a kept one, as a slider or
// an animation asks: built from its neighbour, only the regions that
// changed in between encoded.
func BenchmarkSyntheticSnapshotNextEpoch(b *testing.B) {
	ds := synthetic(b)
	v, err := service.NewView(ds) // its own view: the epochs before are kept
	if err != nil {
		b.Fatal(err)
	}
	days := epochDays(v.History)
	start := len(days) / 3
	if _, err := v.SnapshotDay(days[start], geo.LangAR); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, cpubench.Used())
	for i := 0; i < b.N; i++ {
		if _, err := v.SnapshotDay(days[(start+1+i)%len(days)], geo.LangAR); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU adds cpu-ns/op from the CPU time used since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpubench.Used()-start)/float64(b.N), "cpu-ns/op")
}
