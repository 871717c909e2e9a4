-- wrk script: snapshot reads for random dates (1991..2024) in both main
-- languages; counts 5xx per thread and reports them at the end.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  server_errors = 0
  math.randomseed(os.time() + id)
end

function request()
  local y = math.random(1991, 2024)
  local m = math.random(1, 12)
  local d = math.random(1, 28)
  local lang = (math.random(2) == 1) and "en" or "ar"
  local path = string.format("/api/v1/snapshot?date=%04d-%02d-%02d&lang=%s", y, m, d, lang)
  return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, t in ipairs(threads) do
    errors = errors + t:get("server_errors")
  end
  io.write(string.format("READ requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f 5xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
