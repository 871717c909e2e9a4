-- wrk script: periods vector tiles (/tiles/periods/{z}/{x}/{y}.mvt) drawn
-- at random from a list of "z x y" lines, the file named after "--" (the
-- list PostGIS is asked about in bench/run.sh). Prints one parseable line.
local tiles = {}

function init(args)
  for line in io.lines(args[1]) do
    local z, x, y = line:match("^(%d+) (%d+) (%d+)$")
    if z then tiles[#tiles + 1] = string.format("/tiles/periods/%s/%s/%s.mvt", z, x, y) end
  end
  math.randomseed(os.time() * 1000 + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 1000)
end

function request()
  return wrk.format("GET", tiles[math.random(#tiles)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_us=%d p99_us=%d requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
