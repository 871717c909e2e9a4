-- wrk script: snapshots for uniformly random days 1991-01-01..2024-12-31
-- (the span PostGIS is asked about in bench/run.sh), lang=en. Arguments
-- after "--": "gzip" to ask for gzip. Prints one parseable line at the end.
local gzip = false

function init(args)
  gzip = args[1] == "gzip"
  math.randomseed(os.time() * 1000 + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 1000)
end

local first = 7670  -- 1991-01-01 as days since 1970-01-01
local last = 20088  -- 2024-12-31

local function civil(z)  -- days since 1970-01-01 to y, m, d
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

function request()
  local y, m, d = civil(math.random(first, last))
  local path = string.format("/api/v1/snapshot?date=%04d-%02d-%02d", y, m, d)
  if gzip then
    return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_us=%d p99_us=%d requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
