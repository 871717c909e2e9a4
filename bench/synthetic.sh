#!/usr/bin/env bash
# Synthetic-world measurements of issue 15 §1 on their own (bench/run.sh
# runs them too, section 4): exec to first 200, resident memory after load
# and after N random-date snapshots, their p50, /api/v1/periods
# and /api/v1/events streamed whole with the peak RSS
# while each is served, and OGC API pages read from the store.
#
#   bench/synthetic.sh                     # builds the world (gen + import) in a temp dir
#   SYN_DB=/tmp/syn.db bench/synthetic.sh  # reuses a database made by `mapsvc init`
#
# Env: SYN_REGIONS, SYN_EVENTS (10000, 1000000), SYN_SNAPSHOTS (1000),
# MAPSVC (a built binary; default: go build ./cmd/mapsvc), SYN_KEEP=1
# keeps the temp dir. Prints one RESULT line of key=value pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
regions=${SYN_REGIONS:-10000}
events=${SYN_EVENTS:-1000000}
n=${SYN_SNAPSHOTS:-1000}
work=$(mktemp -d /tmp/mapsvc-syn.XXXXXX)
srv_pid=
cleanup() {
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null && wait "$srv_pid" 2>/dev/null
  [ "${SYN_KEEP:-}" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
log() { echo "== $*" >&2; }
rss_kb() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# cpu_s PID: user+system CPU seconds the process has used (a figure that a
# loaded machine inflates less than wall time).
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

bin=${MAPSVC:-}
if [ -z "$bin" ]; then
  log "building"
  go build -o "$work/mapsvc" ./cmd/mapsvc
  bin=$work/mapsvc
fi
db=${SYN_DB:-}
imp="elapsed_s=- maxrss_kb=0 user_s=- sys_s=-"
if [ -z "$db" ]; then
  log "generating $regions regions, $events events"
  go run ./bench/gen -regions "$regions" -events "$events" -check=false -out "$work" >&2
  db=$work/syn.db
  /usr/bin/time -f 'elapsed_s=%e maxrss_kb=%M user_s=%U sys_s=%S' -o "$work/import.time" \
    "$bin" init --regions "$work/regions.geojson" --ledger "$work/ledger.json" --db "$db" >&2
  imp=$(cat "$work/import.time")
  log "import: $imp"
fi

port=$((20000 + RANDOM % 30000))
srv=http://127.0.0.1:$port
t0=$(now)
"$bin" serve --addr "127.0.0.1:$port" --db "$db" 2>>"$work/server.log" &
srv_pid=$!
ready=
for _ in $(seq 6000); do
  if curl -fso /dev/null "$srv/api/v1/snapshot?date=2020-11-25"; then ready=$(since "$t0"); break; fi
  sleep 0.01
done
[ -n "$ready" ] || { echo "server never answered; log:" >&2; cat "$work/server.log" >&2; exit 1; }
ready_cpu=$(cpu_s "$srv_pid")
rss_load=$(rss_kb "$srv_pid" VmRSS)
log "ready (first 200 of a snapshot) after ${ready}s (${ready_cpu}s of CPU), RSS $((rss_load / 1024)) MiB"

# N random dates in 1991..2024, one curl on one connection.
awk -v n="$n" -v u="$srv/api/v1/snapshot?date=" 'BEGIN {
  srand(15); base = 7670; span = 12419
  for (i = 0; i < n; i++) {
    d = base + int(rand() * span)
    cmd = "date -u -d @" d * 86400 " +%F"; cmd | getline s; close(cmd)
    printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", u, s
  }
}' >"$work/dates.cfg"
curl -fs -K "$work/dates.cfg" -w '%{time_total}\n' >"$work/times.txt"
rss_snap=$(rss_kb "$srv_pid" VmRSS)
read -r p50 p90 max < <(sort -g "$work/times.txt" | awk '{ v[NR] = $1 * 1000 } END { printf "%.1f %.1f %.1f\n", v[int((NR + 1) / 2)], v[int(NR * 0.9)], v[NR] }')
log "$n random-date snapshots: p50 ${p50} ms, p90 ${p90} ms, max ${max} ms; RSS $((rss_snap / 1024)) MiB"

# stream URL: fetches URL whole, sampling the server's RSS while it is
# served; sets stream_s, stream_bytes and stream_peak (kB, at least the
# RSS before it).
stream() {
  stream_peak=$(rss_kb "$srv_pid" VmRSS)
  local t; t=$(now)
  curl -fso /dev/null -w '%{size_download}' "$1" >"$work/stream.size" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    r=$(rss_kb "$srv_pid" VmRSS); [ "$r" -gt "$stream_peak" ] && stream_peak=$r
    sleep 0.1
  done
  wait "$pid"
  stream_s=$(since "$t")
  stream_bytes=$(cat "$work/stream.size")
}

# The whole periods feed, with the peak RSS sampled while it streams.
stream "$srv/api/v1/periods"
per_s=$stream_s per_bytes=$stream_bytes peak=$(( stream_peak > rss_snap ? stream_peak : rss_snap ))
rss_per=$(rss_kb "$srv_pid" VmRSS)
log "/api/v1/periods: ${per_s}s, $per_bytes bytes; RSS peak $((peak / 1024)) MiB, after $((rss_per / 1024)) MiB"

# Answers that read one region or one page of the index.
page_s=$(curl -fso /dev/null -w '%{time_total}' "$srv/api/v1/periods?limit=1000&offset=$((events / 2))")
region_s=$(curl -fso /dev/null -w '%{time_total}' "$srv/api/v1/regions/$(curl -fs "$srv/api/v1/regions" | jq -r '.features[42].id')")
log "one page of periods (limit=1000, offset $((events / 2))): ${page_s}s; one region's history: ${region_s}s"

# OGC API pages from the store (the first of each collection; the first
# events page builds the view's event order), and /api/v1/events whole,
# streamed, with the peak RSS sampled while it is served.
ogc_cp_s=$(curl -fso /dev/null -w '%{time_total}' "$srv/ogc/collections/control-periods/items?offset=$((events / 2))")
ogc_ev_s=$(curl -fso /dev/null -w '%{time_total}' "$srv/ogc/collections/events/items?datetime=2000-01-01/2000-01-31")
stream "$srv/api/v1/events"
ev_s=$stream_s ev_bytes=$stream_bytes epeak=$stream_peak
log "OGC control-periods page at offset $((events / 2)): ${ogc_cp_s}s; OGC events page for a month: ${ogc_ev_s}s; /api/v1/events: ${ev_s}s, $ev_bytes bytes, RSS peak $((epeak / 1024)) MiB"

echo "RESULT $(sed "s/elapsed_s=/import_s=/; s/maxrss_kb=/import_maxrss_kb=/; s/user_s=/import_user_s=/; s/sys_s=/import_sys_s=/" <<<"$imp") ready_s=$ready ready_cpu_s=$ready_cpu rss_load_mib=$((rss_load / 1024)) snapshots=$n p50_ms=$p50 p90_ms=$p90 max_ms=$max rss_snapshots_mib=$((rss_snap / 1024)) periods_s=$per_s periods_bytes=$per_bytes periods_peak_rss_mib=$((peak / 1024)) periods_after_rss_mib=$((rss_per / 1024)) page_s=$page_s region_s=$region_s ogc_cp_page_s=$ogc_cp_s ogc_ev_page_s=$ogc_ev_s events_s=$ev_s events_bytes=$ev_bytes events_peak_rss_mib=$((epeak / 1024)) loadavg=$(cut -d' ' -f1 /proc/loadavg)"
