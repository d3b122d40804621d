-- The report of the model tier's wrk scripts (scripts/bench-tier.lua, scripts/bench-tier-infer.lua): one JSON line with
-- the requests, errors, throughput and latency percentiles, printed when wrk is done.
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format(
      '{"requests":%d,"errors":%d,"seconds":%.1f,"throughputPerSecond":%.1f,"p50Ms":%.2f,"p99Ms":%.2f,"p999Ms":%.2f,"maxMs":%.2f}\n',
      summary.requests, errors, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
