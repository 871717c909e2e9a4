#!/usr/bin/env bash
# Load: wrk readers on random-date snapshots plus one writer posting events,
# together for a bounded time. Reports 5xx (must be zero), read p50/p99,
# write outcomes and resident memory at start and end.
#   bench/load.sh [SECONDS] [CONNECTIONS]     (defaults 20 s, 16 connections)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
conns=${2:-16}
command -v wrk >/dev/null || ./scripts/need.sh wrk

work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/mapsvc" ./cmd/mapsvc
port=$(( 20000 + RANDOM % 20000 ))
token=load-test-token-0123456789
MAPSVC_EDITOR_TOKEN=$token "$work/mapsvc" serve --init --addr 127.0.0.1:$port --db "$work/load.db" 2>"$work/server.log" &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status; }
rss_start=$(rss)

# One writer: a context event every 50 ms until the readers finish.
(
  i=0; ok=0; bad=0; throttled=0; fivexx=0
  end=$(( $(date +%s) + secs ))
  while [ "$(date +%s)" -lt "$end" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/v1/events" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"id\":\"load-$i\",\"date\":\"2031-01-01\",\"kind\":\"political\",\"confidence\":\"low\",\"summary\":\"load test\",\"sources\":[{\"ref\":\"https://example.org\",\"outlet\":\"x\"}]}")
    case $code in 201) ok=$((ok+1));; 429) throttled=$((throttled+1));; 5*) fivexx=$((fivexx+1));; *) bad=$((bad+1));; esac
    i=$((i+1)); sleep 0.05
  done
  echo "WRITE attempts=$i created=$ok throttled429=$throttled other4xx=$bad 5xx=$fivexx"
) >"$work/writer.out" &
writer=$!

wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/load.lua "http://127.0.0.1:$port" >"$work/wrk.out"
wait $writer
rss_end=$(rss)
grep '^READ' "$work/wrk.out"
cat "$work/writer.out"
echo "RSS_KB start=$rss_start end=$rss_end"
reads5xx=$(sed -n 's/.*5xx=\([0-9]*\).*/\1/p' "$work/wrk.out" | head -1)
writes5xx=$(sed -n 's/.*5xx=\([0-9]*\).*/\1/p' "$work/writer.out" | head -1)
if [ "${reads5xx:-1}" != 0 ] || [ "${writes5xx:-1}" != 0 ]; then
  echo "FAIL: server errors under load"; tail -20 "$work/server.log"; exit 1
fi
echo "load: zero 5xx"
