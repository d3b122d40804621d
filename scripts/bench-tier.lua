-- wrk script for scripts/bench-tier.sh: POSTs the question bodies of a file (one JSON object a line) to /v1/queries,
-- each thread starting at its own place in the file; scripts/bench-tier-report.lua prints the result.
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

-- run from the repository root, as the scripts that call wrk are
dofile("scripts/bench-tier-report.lua")
