-- wrk script for a fixed URL: adds nothing per request (no request or
-- response hooks, which would slow wrk down) and prints one parseable
-- line at the end for bench/run.sh.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_us=%d p99_us=%d requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
