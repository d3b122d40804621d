-- wrk script for scripts/bench-tier-scale.sh: POSTs one-row OIP infer requests (a random entity of 1..N, a random
-- relation of the list, either direction, k = 10); scripts/bench-tier-report.lua prints the result.
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

-- run from the repository root, as the scripts that call wrk are
dofile("scripts/bench-tier-report.lua")
