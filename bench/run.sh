#!/usr/bin/env bash
# mapsvc's benchmark suite. Everything is measured side by side in one run
# and reported as ratios, because these shared 2-core machines are noisy:
#   1. a cached snapshot vs a minimal static Go server with the same bytes
#      (wrk, 1 and 16 connections, identity and gzip, req/s, p50, p99);
#   2. snapshots for random dates (fresh server: epoch caches cold) vs
#      PostGIS answering the same question (pgbench, random dates), and
#      periods vector tiles for random tiles vs PostGIS ST_AsMVT;
#   3. exec-to-first-200, median of 5 (11 in full mode), fresh and existing
#      database;
#   4. a synthetic world: 10,000 regions and 1,000,000 events (bench/gen;
#      bench/synthetic.sh runs this part alone, on a database kept between runs):
#      import time, snapshot time for random dates, periods, memory;
#   5. Go benchmarks (bench/bench_test.go) for the in-process costs;
#   6. files for a CDN: the PMTiles archive (export-pmtiles) and the static
#      export (export-static --pmtiles), size and build time, for the
#      default data and the synthetic world.
#
#   bench/run.sh          quick: 5 s per load run, one round (a few minutes)
#   bench/run.sh --full   15 s per load run, three alternating rounds
#                         (medians)
#
# Needs wrk and PostGIS; installs them with apt-get when missing. Only
# loopback is used. Env: SYN_REGIONS, SYN_EVENTS (default 10000, 1000000).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

mode=quick secs=5 rounds=1 starts=5
case "${1:-}" in
--full) mode=full secs=15 rounds=3 starts=11 ;;
"") ;;
*) echo "usage: bench/run.sh [--full]" >&2; exit 2 ;;
esac
syn_regions=${SYN_REGIONS:-10000}
syn_events=${SYN_EVENTS:-1000000}
pgbin=/usr/lib/postgresql/15/bin

need=()
command -v wrk >/dev/null || need+=(wrk)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
[ -x /usr/bin/time ] || need+=(time)
[ ${#need[@]} -eq 0 ] || ./scripts/need.sh "${need[@]}"

work=$(mktemp -d /tmp/mapsvc-bench.XXXXXX)
chmod 755 "$work"
pids=()
pgdata=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$pgdata" ]; then su postgres -c "$pgbin/pg_ctl -D $pgdata -m immediate stop" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

log() { echo "== $*" >&2; }
# field NAME LINE: the value of NAME=... in a RESULT line.
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<" $2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1000 }'; }
rss_kb() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }
wait_http() {
  for _ in $(seq 600); do curl -fso /dev/null "$1" && return 0; sleep 0.05; done
  echo "no answer from $1" >&2; return 1
}
port() { echo $((20000 + RANDOM % 30000)); }
# The servers and wrk run at high priority when root, so other work on the
# machine disturbs the figures less; ticks PID is the CPU time (user +
# system, in clock ticks) a process has used, for CPU time per request.
hi=()
[ "$(id -u)" = 0 ] && hi=(nice -n -15)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
cpu_us() { awk -v d="$1" -v n="$2" -v hz="$hz" 'BEGIN { printf "%.1f", d / hz / n * 1e6 }'; }

log "building ($mode mode)"
# The server is built as the Dockerfile builds it (static, stripped): the
# figures are those of what is deployed. A cgo build starts with some 80
# more page faults (the dynamic loader, pthread stacks).
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/mapsvc" ./cmd/mapsvc
go build -o "$work/mapsvc-pmtiles" ./cmd/mapsvc-pmtiles # beside mapsvc: export-pmtiles finds it there
for t in staticserver starttime gen pgload; do go build -o "$work/$t" "./bench/$t"; done

# serve DB: start mapsvc on a new port; sets srv_pid and srv.
serve() {
  local p; p=$(port)
  "${hi[@]}" "$work/mapsvc" serve --init --addr "127.0.0.1:$p" --db "$1" 2>>"$work/server.log" &
  srv_pid=$!; pids+=("$srv_pid")
  srv="http://127.0.0.1:$p"
  wait_http "$srv/healthz"
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# wrk_run CONNS SCRIPT URL [wrk args...] [-- script args]: one RESULT line.
wrk_run() {
  local c=$1 script=$2 t=2; shift 2
  [ "$c" -lt 2 ] && t=1
  "${hi[@]}" wrk -t"$t" -c"$c" -d"${secs}s" --latency -s "$script" "$@" | grep '^RESULT'
}

summary=()
row() { summary+=("$(printf '| %s | %s | %s | %s |' "$1" "$2" "$3" "$4")"); }

###########################################################################
log "1. cached snapshot vs static server"
serve "$work/default.db"
snap="$srv/api/v1/snapshot?date=2020-11-25"
curl -fs "$snap" -o "$work/snap.json"
curl -fs -H 'Accept-Encoding: gzip' "$snap" -o "$work/snap.json.gz"
cmp <(gzip -dc "$work/snap.json.gz") "$work/snap.json"
sport=$(port)
"${hi[@]}" "$work/staticserver" -addr "127.0.0.1:$sport" -identity "$work/snap.json" -gzip "$work/snap.json.gz" &
static_pid=$!; pids+=("$static_pid")
static="http://127.0.0.1:$sport/api/v1/snapshot?date=2020-11-25"
wait_http "$static"
echo "body: $(stat -c %s "$work/snap.json") bytes identity, $(stat -c %s "$work/snap.json.gz") gzip"
printf '%-9s %5s %10s %10s %9s %9s %9s %9s %9s %9s %9s %9s\n' enc conns static_rps mapsvc_rps ratio st_p50ms ms_p50ms p50_x st_p99ms ms_p99ms st_cpuus ms_cpuus
for enc in identity gzip; do
  hdr=()
  [ "$enc" = gzip ] && hdr=(-H 'Accept-Encoding: gzip')
  for c in 1 16; do
    s_rps=() m_rps=() s_p50=() m_p50=() s_p99=() m_p99=() s_cpu=() m_cpu=()
    for _ in $(seq "$rounds"); do
      t0=$(ticks "$static_pid")
      r=$(wrk_run "$c" bench/report.lua "${hdr[@]}" "$static")
      s_cpu+=("$(cpu_us $(($(ticks "$static_pid") - t0)) "$(field requests "$r")")")
      s_rps+=("$(field rps "$r")") s_p50+=("$(field p50_us "$r")") s_p99+=("$(field p99_us "$r")")
      t0=$(ticks "$srv_pid")
      r=$(wrk_run "$c" bench/report.lua "${hdr[@]}" "$snap")
      m_cpu+=("$(cpu_us $(($(ticks "$srv_pid") - t0)) "$(field requests "$r")")")
      [ "$(field non2xx "$r")" = 0 ] || { echo "mapsvc answered non-2xx: $r" >&2; exit 1; }
      m_rps+=("$(field rps "$r")") m_p50+=("$(field p50_us "$r")") m_p99+=("$(field p99_us "$r")")
    done
    sc=$(echo "${s_cpu[*]}" | median) mc=$(echo "${m_cpu[*]}" | median)
    sr=$(echo "${s_rps[*]}" | median) mr=$(echo "${m_rps[*]}" | median)
    sp=$(echo "${s_p50[*]}" | median) mp=$(echo "${m_p50[*]}" | median)
    sq=$(echo "${s_p99[*]}" | median) mq=$(echo "${m_p99[*]}" | median)
    printf '%-9s %5s %10.0f %10.0f %9s %9s %9s %9s %9s %9s %9s %9s\n' "$enc" "$c" "$sr" "$mr" "$(ratio "$mr" "$sr")" \
      "$(ms "$sp")" "$(ms "$mp")" "$(ratio "$mp" "$sp")" "$(ms "$sq")" "$(ms "$mq")" "$sc" "$mc"
    row "cached $enc, $c conn: req/s vs static" "$(printf '%.0f / %.0f' "$mr" "$sr")" "$(ratio "$mr" "$sr")x" "$([ "$c" = 16 ] && echo '>= 0.9x' || echo '-')"
    row "cached $enc, $c conn: server CPU per request vs static (load $(cut -d' ' -f1 /proc/loadavg))" "$mc / $sc µs" "$(ratio "$mc" "$sc")x" "-"
    row "cached $enc, $c conn: p50 vs static" "$(ms "$mp") / $(ms "$sp") ms" "$(ratio "$mp" "$sp")x" "$([ "$c" = 1 ] && echo '<= 1.5x' || echo '-')"
    row "cached $enc, $c conn: p99 vs static" "$(ms "$mq") / $(ms "$sq") ms" "$(ratio "$mq" "$sq")x" "-"
  done
done

###########################################################################
log "2. random dates vs PostGIS"
curl -fs "$srv/api/v1/regions" -o "$work/regions.json"
curl -fs "$srv/api/v1/periods" -o "$work/periods.json"
stop "$srv_pid"
pgdata="$work/pg"
mkdir -p "$pgdata" && chown postgres "$pgdata"
pgport=$(port)
su postgres -c "$pgbin/initdb -D $pgdata -A trust -U postgres" >/dev/null
su postgres -c "$pgbin/pg_ctl -D $pgdata -l $pgdata/log -w -o '-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB -c max_connections=50' start" >/dev/null
export PGOPTIONS='-c client_min_messages=warning'
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres "$@"; }
psql_ -c 'CREATE DATABASE bench' postgres
"$work/pgload" -regions "$work/regions.json" -periods "$work/periods.json" -snapshot "$work/snap.json" | psql_ bench
# The same question answered both ways must agree on every holder.
echo "\\set d 18591" | cat - bench/snapshot.sql | grep -v '^\\set d random' >"$work/one.sql"
psql_ -At bench -f "$work/one.sql" >"$work/pg-2020-11-25.json"
holders() { jq -c '[.features[] | [.id, .properties.controller, .properties.status]]' "$1"; }
if [ "$(holders "$work/pg-2020-11-25.json")" != "$(holders "$work/snap.json")" ]; then
  echo "PostGIS and mapsvc disagree on who held what on 2020-11-25" >&2; exit 1
fi
echo "PostGIS answer for 2020-11-25: $(stat -c %s "$work/pg-2020-11-25.json") bytes"
# pgbench_run CLIENTS [SCRIPT [pgbench args...]]: "tps p50_us p99_us" from
# per-transaction logs (SCRIPT defaults to bench/snapshot.sql).
pgbench_run() {
  local c=$1 j=2 script=${2:-bench/snapshot.sql}
  shift; [ $# -gt 0 ] && shift
  [ "$c" -lt 2 ] && j=1
  rm -f "$work"/pgbench_log*
  (cd "$work" && pgbench -n -f "$root/$script" "$@" -c "$c" -j "$j" -T "$secs" -l --log-prefix=pgbench_log \
     -h 127.0.0.1 -p "$pgport" -U postgres bench) >"$work/pgbench.out" 2>&1
  local tps; tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.out" | head -1)
  cat "$work"/pgbench_log* | awk '{ print $3 }' | sort -n | awk -v tps="$tps" '{ v[NR] = $1 } END { printf "%s %d %d\n", tps, v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1] }'
}
pgbench -n -f bench/snapshot.sql -c 2 -j 2 -T 1 -h 127.0.0.1 -p "$pgport" -U postgres bench >/dev/null 2>&1 || true # warm
printf '%-22s %10s %9s %9s\n' run req/s p50_ms p99_ms
for c in 1 16; do
  read -r pg_tps pg_p50 pg_p99 < <(pgbench_run "$c")
  printf '%-22s %10.0f %9s %9s\n' "postgis $c conn" "$pg_tps" "$(ms "$pg_p50")" "$(ms "$pg_p99")"
  for enc in identity gzip; do
    [ "$enc" = gzip ] && [ "$c" = 1 ] && continue
    serve "$work/default.db" # a fresh process: every epoch starts cold
    r=$(wrk_run "$c" bench/random.lua "$srv" -- "$enc")
    stop "$srv_pid"
    [ "$(field non2xx "$r")" = 0 ] || { echo "mapsvc answered non-2xx: $r" >&2; exit 1; }
    mr=$(field rps "$r")
    printf '%-22s %10.0f %9s %9s\n' "mapsvc $enc $c conn" "$mr" "$(ms "$(field p50_us "$r")")" "$(ms "$(field p99_us "$r")")"
    row "random dates $enc, $c conn: req/s vs PostGIS" "$(printf '%.0f / %.0f' "$mr" "$pg_tps")" "$(ratio "$mr" "$pg_tps")x" "$([ "$c" = 16 ] && echo '>= 10x' || echo '-')"
    [ "$enc" = identity ] && row "random dates $enc, $c conn: p50 vs PostGIS" "$(ms "$(field p50_us "$r")") / $(ms "$pg_p50") ms" "$(ratio "$(field p50_us "$r")" "$pg_p50")x" "-"
  done
done

log "2b. vector tiles vs PostGIS ST_AsMVT (periods layer, random tiles at zooms 5..12)"
# Two mixes of the tiles over the conflict area (the periods TileJSON's
# bounds) at zooms 5..12; wrk and pgbench each draw at random from the
# same list. A periods tile holds every period, so one tile serves every
# date, for both.
#  - uniform: every tile once. 92% of them are at zoom 11 or 12, where a
#    tile holds a clipped piece of one or two districts.
#  - viewer: what map views ask for. Each view is a 1280x800 map at a zoom
#    drawn from 5..12 (each equally often) around a point drawn from the
#    bounds; it asks for the 512-pixel tiles it shows that lie within the
#    bounds (MapLibre asks for no tile outside a TileJSON's bounds), so a
#    zoom-5 view asks for one tile and a zoom-12 view for about nine.
serve "$work/default.db"
read -r bw bs be bn < <(curl -fs "$srv/tiles/periods.json" | jq -r '.bounds | map(tostring) | join(" ")')
tile_awk='
  function fx(lon, z) { return (lon + 180) / 360 * 2 ^ z }
  function fy(lat, z,  r) { r = lat * 3.141592653589793 / 180; return (1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.141592653589793) / 2 * 2 ^ z }
  function tx(lon, z) { return int(fx(lon, z)) }
  function ty(lat, z) { return int(fy(lat, z)) }
  function max(a, b) { return a > b ? a : b }
  function min(a, b) { return a < b ? a : b }'
awk -v w="$bw" -v s="$bs" -v e="$be" -v n="$bn" "$tile_awk"'
  BEGIN { for (z = 5; z <= 12; z++) for (x = tx(w, z); x <= tx(e, z); x++) for (y = ty(n, z); y <= ty(s, z); y++) print z, x, y }' >"$work/tiles-uniform.txt"
awk -v w="$bw" -v s="$bs" -v e="$be" -v n="$bn" "$tile_awk"'
  BEGIN {
    srand(15)
    for (v = 0; v < 4000; v++) {
      z = 5 + int(rand() * 8)
      cx = fx(w + rand() * (e - w), z); cy = fy(s + rand() * (n - s), z)
      for (x = max(int(cx - 1.25), tx(w, z)); x <= min(int(cx + 1.25), tx(e, z)); x++)
        for (y = max(int(cy - 0.78125), ty(n, z)); y <= min(int(cy + 0.78125), ty(s, z)); y++) print z, x, y
    }
  }' >"$work/tiles-viewer.txt"
for mix in uniform viewer; do
  echo "$mix mix: $(wc -l <"$work/tiles-$mix.txt") tiles, by zoom: $(awk '{ c[$1]++ } END { for (z = 5; z <= 12; z++) printf "%s%d:%.0f%%", (z > 5 ? " " : ""), z, 100 * c[z] / NR }' "$work/tiles-$mix.txt")"
done
psql_ bench -c "ALTER TABLE regions ADD COLUMN geom3857 geometry" \
  -c "UPDATE regions SET geom3857 = ST_Transform(geom, 3857)" -c "CREATE INDEX ON regions USING gist (geom3857)" \
  -c "CREATE TABLE tilelist (i serial PRIMARY KEY, z int, x int, y int)" -c "ANALYZE regions"
read -r tz tx ty < <(grep -m1 '^6 ' "$work/tiles-uniform.txt")
pg_len=$(psql_ -At bench -c "SELECT length(ST_AsMVT(q, 'periods', 4096, 'geom')) FROM (SELECT p.region, p.start_day, p.props, ST_AsMVTGeom(r.geom3857, ST_TileEnvelope($tz, $tx, $ty), 4096, 64, true) AS geom FROM regions r JOIN periods p ON p.region = r.id WHERE r.geom3857 && ST_TileEnvelope($tz, $tx, $ty, margin => 64.0 / 4096)) q")
ms_len=$(curl -fso /dev/null -w '%{size_download}' "$srv/tiles/periods/$tz/$tx/$ty.mvt")
stop "$srv_pid"
echo "tile $tz/$tx/$ty: PostGIS $pg_len bytes, mapsvc $ms_len bytes"
[ "${pg_len:-0}" -gt 0 ] && [ "$ms_len" -gt 0 ] || { echo "an empty tile where the conflict area is" >&2; exit 1; }
printf '%-22s %10s %9s %9s\n' run req/s p50_ms p99_ms
for mix in uniform viewer; do
  psql_ bench -c "TRUNCATE tilelist RESTART IDENTITY"
  tr ' ' '\t' <"$work/tiles-$mix.txt" | psql_ bench -c "\\copy tilelist (z, x, y) FROM pstdin"
  ntiles=$(wc -l <"$work/tiles-$mix.txt")
  pgbench -n -f bench/tile.sql -D ntiles="$ntiles" -c 2 -j 2 -T 1 -h 127.0.0.1 -p "$pgport" -U postgres bench >/dev/null 2>&1 || true # warm
  for c in 1 16; do
    read -r pg_tps pg_p50 pg_p99 < <(pgbench_run "$c" bench/tile.sql -D ntiles="$ntiles")
    printf '%-22s %10.0f %9s %9s\n' "postgis $mix $c conn" "$pg_tps" "$(ms "$pg_p50")" "$(ms "$pg_p99")"
    serve "$work/default.db" # a fresh process: no tile cached
    r=$(wrk_run "$c" bench/tiles.lua "$srv" -- "$work/tiles-$mix.txt")
    stop "$srv_pid"
    [ "$(field non2xx "$r")" = 0 ] || { echo "mapsvc answered non-2xx: $r" >&2; exit 1; }
    mr=$(field rps "$r")
    printf '%-22s %10.0f %9s %9s\n' "mapsvc $mix $c conn" "$mr" "$(ms "$(field p50_us "$r")")" "$(ms "$(field p99_us "$r")")"
    target=-
    [ "$c" = 16 ] && [ "$mix" = viewer ] && target='>= 10x'
    row "vector tiles (periods, $mix mix of $ntiles, z5-12), $c conn: req/s vs PostGIS ST_AsMVT" "$(printf '%.0f / %.0f' "$mr" "$pg_tps")" "$(ratio "$mr" "$pg_tps")x" "$target"
    row "vector tiles ($mix), $c conn: p50 vs PostGIS ST_AsMVT" "$(ms "$(field p50_us "$r")") / $(ms "$pg_p50") ms" "$(ratio "$(field p50_us "$r")" "$pg_p50")x" "-"
  done
done
su postgres -c "$pgbin/pg_ctl -D $pgdata -m fast stop" >/dev/null
pgdata=

###########################################################################
log "3. exec to first 200 (GET /api/v1/snapshot?date=2020-11-25), median of $starts"
sp=$(port)
url="http://127.0.0.1:$sp/api/v1/snapshot?date=2020-11-25"
fresh=$("$work/starttime" -n "$starts" -url "$url" -fresh "$work/start.db" -- "$work/mapsvc" serve --init --addr "127.0.0.1:$sp" --db "$work/start.db")
existing=$("$work/starttime" -n "$starts" -url "$url" -- "$work/mapsvc" serve --addr "127.0.0.1:$sp" --db "$work/start.db")
echo "fresh database:    $fresh"
echo "existing database: $existing"
row "start to first 200, existing DB" "$(field median_ms "$existing") ms" "-" "< 50 ms"
row "start to first 200, fresh DB (seeds it)" "$(field median_ms "$fresh") ms" "-" "< 50 ms"

###########################################################################
log "4. synthetic: $syn_regions regions, $syn_events events"
mkdir -p "$work/syn"
"$work/gen" -regions "$syn_regions" -events "$syn_events" -check=false -out "$work/syn"
ls -la "$work/syn" | awk 'NR > 1 { print "  " $5, $9 }'
# CPU time (user + system) beside the wall time: a loaded machine inflates
# the wall time much more.
/usr/bin/time -f 'elapsed_s=%e maxrss_kb=%M user_s=%U sys_s=%S' -o "$work/import.time" \
  "$work/mapsvc" init --regions "$work/syn/regions.geojson" --ledger "$work/syn/ledger.json" --db "$work/syn.db"
imp="$(cat "$work/import.time") load=$(cut -d' ' -f1 /proc/loadavg)"
echo "import: $imp; database $(stat -c %s "$work/syn.db") bytes"
# Serving is measured by bench/synthetic.sh on the database just made:
# exec to the first 200 of a snapshot, RSS after load and after 1,000
# random dates (their p50), /periods whole with its peak RSS.
syn=$(SYN_DB="$work/syn.db" MAPSVC="$work/mapsvc" SYN_REGIONS="$syn_regions" SYN_EVENTS="$syn_events" \
  SYN_SNAPSHOTS=1000 "${hi[@]}" bench/synthetic.sh | grep '^RESULT')
echo "$syn"
sf() { field "$1" "$syn"; }
imp_cpu=$(awk -v u="$(field user_s "$imp")" -v s="$(field sys_s "$imp")" 'BEGIN { printf "%.1f", u + s }')
row "synthetic: import" "$(field elapsed_s "$imp") s, CPU ${imp_cpu} s, load $(field load "$imp") (peak RSS $(( $(field maxrss_kb "$imp") / 1024 )) MiB)" "-" "< 60 s, < 2560 MiB"
row "synthetic: exec to first 200 of a snapshot (CPU)" "$(sf ready_s) s ($(sf ready_cpu_s) s)" "-" "< 2 s"
row "synthetic: snapshot, 1,000 random dates, p50 / p90 / max" "$(sf p50_ms) / $(sf p90_ms) / $(sf max_ms) ms" "-" "p50 < 20 ms"
row "synthetic: resident memory (after load / after 1,000 random dates)" "$(sf rss_load_mib) / $(sf rss_snapshots_mib) MiB" "-" "< 1024 MiB"
row "synthetic: /periods whole (streamed): time, size, peak RSS" "$(sf periods_s) s, $(awk -v b="$(sf periods_bytes)" 'BEGIN { printf "%.0f MB", b / 1e6 }'), $(sf periods_peak_rss_mib) MiB" "-" "< 1024 MiB"
row "synthetic: one page of periods / one region's history" "$(sf page_s) / $(sf region_s) s" "-" "-"
row "synthetic: /events whole (streamed): time, size, peak RSS" "$(sf events_s) s, $(awk -v b="$(sf events_bytes)" 'BEGIN { printf "%.0f MB", b / 1e6 }'), $(sf events_peak_rss_mib) MiB" "-" "< 1024 MiB"
row "synthetic: OGC page of control periods (offset half) / of events (a month)" "$(sf ogc_cp_page_s) / $(sf ogc_ev_page_s) s" "-" "-"

###########################################################################
log "5. Go benchmarks (bench/bench_test.go)"
benchtime=200x
[ "$mode" = full ] && benchtime=1000x
SYN_REGIONS=$syn_regions SYN_EVENTS=$syn_events go test -run '^$' -bench . -benchmem -benchtime "$benchtime" ./bench/ | tee "$work/gobench.out" | grep -E '^Benchmark'
ns() { awk -v n="$1" '$1 ~ "^"n"(-[0-9]+)?$" { print $3 }' "$work/gobench.out"; }
row "new epoch's snapshot built (default data, Go benchmark)" "$(awk -v n="$(ns BenchmarkSnapshotNewEpoch)" 'BEGIN { printf "%.3f ms", n / 1e6 }')" "-" "< 0.5 ms"
row "new epoch's snapshot built (synthetic, Go benchmark)" "$(awk -v n="$(ns BenchmarkSyntheticSnapshotNewEpoch)" 'BEGIN { printf "%.1f ms", n / 1e6 }')" "-" "< 20 ms"

###########################################################################
log "6. files for a CDN: PMTiles archive and static export"
# timed NAME CMD...: runs CMD, leaves "elapsed_s=... maxrss_kb=..." in $work/NAME.time.
timed() { local n=$1; shift; /usr/bin/time -f 'elapsed_s=%e maxrss_kb=%M' -o "$work/$n.time" "$@" >"$work/$n.out"; cat "$work/$n.out"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
for world in default syn; do
  timed "pm-$world" "$work/mapsvc" export-pmtiles --db "$work/$world.db" "$work/$world.pmtiles"
  t=$(cat "$work/pm-$world.time")
  pm_size=$(stat -c %s "$work/$world.pmtiles")
  langs=en,ar,az,ru,hy
  [ "$world" = syn ] && langs=en # one language: the synthetic world's periods file alone is over 1 GB
  timed "site-$world" "$work/mapsvc" export-static --pmtiles --langs "$langs" --db "$work/$world.db" --assets "$root/node_modules" "$work/site-$world"
  st=$(cat "$work/site-$world.time")
  site_size=$(du -sb "$work/site-$world" | cut -f1)
  biggest=$(find "$work/site-$world" -type f -printf '%s %P\n' | sort -n | tail -3 | awk '{ printf "%s%s %.1f MB", (NR > 1 ? ", " : ""), $2, $1 / 1e6 }')
  echo "$world: archive $(mb "$pm_size") in $(field elapsed_s "$t") s (peak RSS $(( $(field maxrss_kb "$t") / 1024 )) MiB); static export ($langs) $(mb "$site_size") in $(field elapsed_s "$st") s; largest files: $biggest"
  row "PMTiles archive, $world data: size, build time" "$(mb "$pm_size"), $(field elapsed_s "$t") s" "-" "-"
  row "static export with PMTiles ($langs), $world data: size, time" "$(mb "$site_size"), $(field elapsed_s "$st") s" "-" "bounded"
done

###########################################################################
echo
echo "## Summary ($mode mode, $(date -u +%F))"
echo
# The machine, named: figures are only comparable on the same one.
echo "Machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure | mapsvc / reference | ratio | target |"
echo "|---|---|---|---|"
printf '%s\n' "${summary[@]}"
