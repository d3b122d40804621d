-- wrk script for scripts/bench-tier.sh: POSTs the question bodies of a file (one JSON object a line) to /v1/queries,
-- each thread starting at its own place in the file, and prints one JSON line with latency percentiles when done.
local bodies = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    bodies[#bodies + 1] = line
  end
  next_index = math.random(#bodies)
end

function request()
  next_index = next_index % #bodies + 1
  return wrk.format("POST", "/v1/queries", {["Content-Type"] = "application/json"}, bodies[next_index])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format(
      '{"requests":%d,"errors":%d,"seconds":%.1f,"throughputPerSecond":%.1f,"p50Ms":%.2f,"p99Ms":%.2f,"p999Ms":%.2f,"maxMs":%.2f}\n',
      summary.requests, errors, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
