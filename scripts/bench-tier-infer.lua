-- wrk script for scripts/bench-tier-scale.sh: POSTs one-row OIP infer requests (a random entity of 1..N, a random
-- relation of the list, either direction, k = 10) and prints one JSON line with latency percentiles when done.
local entities, relations

function init(args)
  entities = tonumber(args[1])
  relations = {}
  for name in string.gmatch(args[2], "[^,]+") do
    relations[#relations + 1] = name
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local body = string.format(
      '{"inputs":[{"name":"entity","shape":[1],"datatype":"INT64","data":[%d]},' ..
      '{"name":"relation","shape":[1],"datatype":"BYTES","data":["%s"]},' ..
      '{"name":"inverse","shape":[1],"datatype":"BOOL","data":[%s]},' ..
      '{"name":"k","shape":[1],"datatype":"INT32","data":[10]}]}',
      math.random(entities), relations[math.random(#relations)], math.random(2) == 1 and "true" or "false")
  return wrk.format("POST", "/v2/models/relata/infer", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format(
      '{"requests":%d,"errors":%d,"seconds":%.1f,"throughputPerSecond":%.1f,"p50Ms":%.2f,"p99Ms":%.2f,"p999Ms":%.2f,"maxMs":%.2f}\n',
      summary.requests, errors, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
