#!/usr/bin/env bash
# The cached snapshot against the static server alone (bench/run.sh section
# 1, 16 connections), with a second figure that a loaded machine disturbs
# far less than req/s: the CPU time each server process spends per request
# (utime+stime from /proc/PID/stat before and after the wrk run, divided by
# the requests wrk counted). Rounds alternate static and mapsvc; medians.
#
#   bench/hotpath.sh                 # 5 rounds of 5 s, identity and gzip
#   ROUNDS=3 SECS=15 bench/hotpath.sh
#
# Env: MAPSVC (a built binary; default: go build ./cmd/mapsvc), CONNS (16),
# NICE (-15 when root: wrk and both servers at high priority). Prints a
# table and one RESULT line per encoding.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5} secs=${SECS:-5} conns=${CONNS:-16}
nice_=${NICE:-}
[ -z "$nice_" ] && { [ "$(id -u)" = 0 ] && nice_=-15 || nice_=0; }
work=$(mktemp -d /tmp/mapsvc-hot.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "== $*" >&2; }
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<" $2"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
port() { echo $((20000 + RANDOM % 30000)); }
wait_http() {
  for _ in $(seq 600); do curl -fso /dev/null "$1" && return 0; sleep 0.05; done
  echo "no answer from $1" >&2; return 1
}

bin=${MAPSVC:-}
if [ -z "$bin" ]; then
  log building
  go build -o "$work/mapsvc" ./cmd/mapsvc
  bin=$work/mapsvc
fi
go build -o "$work/staticserver" ./bench/staticserver

mport=$(port)
nice -n "$nice_" "$bin" serve --init --addr "127.0.0.1:$mport" --db "$work/default.db" 2>>"$work/server.log" &
mpid=$!; pids+=("$mpid")
snap="http://127.0.0.1:$mport/api/v1/snapshot?date=2020-11-25"
wait_http "$snap"
curl -fs "$snap" -o "$work/snap.json"
curl -fs -H 'Accept-Encoding: gzip' "$snap" -o "$work/snap.json.gz"
sport=$(port)
nice -n "$nice_" "$work/staticserver" -addr "127.0.0.1:$sport" -identity "$work/snap.json" -gzip "$work/snap.json.gz" &
spid=$!; pids+=("$spid")
static="http://127.0.0.1:$sport/api/v1/snapshot?date=2020-11-25"
wait_http "$static"

# run PID URL [wrk args]: "rps cpu_us_per_request"
run() {
  local pid=$1 url=$2 t0 t1 r; shift 2
  t0=$(ticks "$pid")
  r=$(nice -n "$nice_" wrk -t2 -c"$conns" -d"${secs}s" -s bench/report.lua "$@" "$url" | grep '^RESULT')
  t1=$(ticks "$pid")
  [ "$(field non2xx "$r")" = 0 ] && [ "$(field errors "$r")" = 0 ] || { echo "errors: $r" >&2; exit 1; }
  awk -v r="$(field rps "$r")" -v n="$(field requests "$r")" -v d=$((t1 - t0)) -v hz="$hz" \
    'BEGIN { printf "%.0f %.2f\n", r, d / hz / n * 1e6 }'
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %10s %10s %7s %12s %12s %7s\n' enc static_rps mapsvc_rps ratio static_cpu_us mapsvc_cpu_us cpu_x
for enc in identity gzip; do
  hdr=()
  [ "$enc" = gzip ] && hdr=(-H 'Accept-Encoding: gzip')
  sr=() mr=() sc=() mc=()
  for _ in $(seq "$rounds"); do
    read -r a b < <(run "$spid" "$static" "${hdr[@]}"); sr+=("$a") sc+=("$b")
    read -r a b < <(run "$mpid" "$snap" "${hdr[@]}"); mr+=("$a") mc+=("$b")
  done
  s=$(echo "${sr[*]}" | median) m=$(echo "${mr[*]}" | median)
  scu=$(echo "${sc[*]}" | median) mcu=$(echo "${mc[*]}" | median)
  printf '%-9s %10s %10s %7s %12s %12s %7s\n' "$enc" "$s" "$m" "$(ratio "$m" "$s")" "$scu" "$mcu" "$(ratio "$mcu" "$scu")"
  echo "RESULT enc=$enc conns=$conns rounds=$rounds secs=$secs static_rps=$s mapsvc_rps=$m ratio=$(ratio "$m" "$s") static_cpu_us=$scu mapsvc_cpu_us=$mcu cpu_ratio=$(ratio "$mcu" "$scu") rps_static_all=$(IFS=,; echo "${sr[*]}") rps_mapsvc_all=$(IFS=,; echo "${mr[*]}") load=$(cut -d' ' -f1 /proc/loadavg)"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
