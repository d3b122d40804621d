#!/usr/bin/env bash
# Latency under sustained load, with model answers, quiet and while a training job or a bulk import runs in the same
# process: wrk for DURATION seconds at each concurrency, p50 / p99 / p99.9, throughput and the load average.
#
#   scripts/bench-tail.sh demo|wn18rr [CONDITIONS] [CONCURRENCIES]
#
#   demo    the demo families, the first-start model (a few hundred facts)
#   wn18rr  $KG_DATA/wn18rr/train.txt imported and a model trained on it for one epoch (40,943 entities, rank 100:
#           latency does not depend on how well it is trained)
#   CONDITIONS   space-separated, default "quiet training import"
#   CONCURRENCIES default "8 32"
#
# Environment: DURATION (default 60), BENCH_PORT (default 18191), JAVA_OPTS (passed to the service), KG_DATA.
# Writes one JSON line per run to stdout and a Markdown table to stderr at the end. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:-demo}
conditions=${2:-quiet training import}
concurrencies=${3:-8 32}
duration=${DURATION:-60}
port=${BENCH_PORT:-18191}
data=${KG_DATA:-$(pwd)/../shared/data/kg}
[ -d "$data/wn18rr" ] || data=/work/shared/data/kg
home=$(mktemp -d /tmp/relata-tail.XXXXXX)
export OPT_OUT_TRACKING=true
results=$home/results.jsonl

[ -f target/relata.jar ] || ./mvnw -B -q package -DskipTests
jar=$home/relata.jar
cp target/relata.jar "$jar"

log() { echo "[bench-tail] $*" >&2; }

if [ "$set_name" = demo ]; then
  service_args=(--relata.demo.enabled=true --relata.model.train-on-first-start=true)
else
  service_args=(--relata.demo.enabled=false --relata.model.train-on-first-start=false)
fi
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --relata.home="$home/data" "${service_args[@]}" > "$home/service.log" 2>&1 &
service=$!
background=()
cleanup() {
  status=$?
  for pid in "${background[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  rm -rf "$home"
  exit $status
}
trap cleanup EXIT

for _ in $(seq 1 180); do
  curl -fs "localhost:$port/actuator/health/readiness" >/dev/null && break
  sleep 1
done

await_job() {
  local job=$1 status
  while true; do
    status=$(curl -fs "localhost:$port/v1/training-jobs/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    case "$status" in
      succeeded) return 0 ;;
      failed|cancelled) log "training $status"; return 1 ;;
    esac
    sleep 3
  done
}

if [ "$set_name" = demo ]; then
  job=$(curl -fs "localhost:$port/v1/training-jobs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobs"][0]["id"])')
  log "waiting for the first-start model (job $job)"
  await_job "$job"
  facts=src/main/resources/demo/families.tsv
else
  facts=$data/wn18rr/train.txt
  log "importing $facts"
  curl -fs "localhost:$port/v1/facts/import" -H 'Content-Type: text/tab-separated-values' --data-binary @"$facts" >/dev/null
  job=$(curl -fs "localhost:$port/v1/training-jobs" -H 'Content-Type: application/json' \
      -d '{"epochs":1,"rank":100,"batchSize":1000,"validationShare":0.01,"activate":"always"}' \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  log "training one epoch (job $job)"
  await_job "$job"
fi

# model answers only: structured queries for stated facts, forward and inverse in turn, evidence inferred
python3 - "$facts" > "$home/requests.lua" <<'PY'
import json, random, sys
random.seed(7)
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.count("\t") == 2]
rows = [r for r in rows if r[1] not in ("gender", "born")]
random.shuffle(rows)
bodies = []
for i, (s, r, o) in enumerate(rows[:2000]):
    inverse = i % 2 == 1
    bodies.append(json.dumps({"entity": o if inverse else s, "relation": r,
                              "direction": "inverse" if inverse else "forward", "evidence": ["inferred"]}))
print("local bodies = {" + ",".join(json.dumps(b) for b in bodies) + "}")
print("""
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/v1/queries", {["Content-Type"] = "application/json"}, bodies[(i % #bodies) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %.3f %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, errors))
end
""")
PY

start_condition() {
  case "$1" in
    quiet) ;;
    training)
      # a long job on the same facts: it trains for the whole run and is cancelled afterwards
      curl -fs "localhost:$port/v1/training-jobs" -H 'Content-Type: application/json' \
          -d '{"epochs":10000,"patience":10000,"validateEvery":10000,"rank":100,"activate":"never"}' \
          | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' > "$home/training.id"
      sleep 5 ;;
    import)
      # a steady stream of new facts through POST /v1/facts/import for the whole run
      python3 -c '
import sys
for i in range(2_000_000):
    sys.stdout.write(f"bench person {i}\tmother\tbench mother {i // 3}\n")' > "$home/import.tsv"
      ( while true; do
          curl -fs "localhost:$port/v1/facts/import" -H 'Content-Type: text/tab-separated-values' \
              --data-binary @"$home/import.tsv" >/dev/null || sleep 1
        done ) &
      background+=("$!")
      sleep 5 ;;
  esac
}

stop_condition() {
  case "$1" in
    training)
      curl -fs -X DELETE "localhost:$port/v1/training-jobs/$(cat "$home/training.id")" >/dev/null || true
      sleep 3 ;;
    import)
      for pid in "${background[@]}"; do kill "$pid" 2>/dev/null || true; done
      background=()
      pkill -f "import.tsv" 2>/dev/null || true
      sleep 3 ;;
  esac
}

for condition in $conditions; do
  start_condition "$condition"
  for c in $concurrencies; do
    log "$set_name, $condition, concurrency $c, ${duration}s"
    # warm-up, then the measured run
    wrk -t2 -c"$c" -d10s -s "$home/requests.lua" "http://localhost:$port" >/dev/null
    out=$(wrk -t2 -c"$c" -d"${duration}s" -s "$home/requests.lua" "http://localhost:$port")
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$service/status")
    read -r _ requests micros p50 p99 p999 max errors < <(grep '^RESULT' <<<"$out")
    python3 -c '
import json, sys
a = sys.argv
print(json.dumps({"set": a[1], "condition": a[2], "concurrency": int(a[3]), "seconds": round(int(a[5]) / 1e6, 1),
    "requests": int(a[4]), "throughput": round(int(a[4]) / (int(a[5]) / 1e6), 1), "p50ms": float(a[6]),
    "p99ms": float(a[7]), "p999ms": float(a[8]), "maxms": float(a[9]), "errors": int(a[10]),
    "loadAverage": a[11], "rssKb": int(a[12]), "javaOpts": a[13]}))' \
      "$set_name" "$condition" "$c" "$requests" "$micros" "$p50" "$p99" "$p999" "$max" "$errors" "$load" "$rss" "${JAVA_OPTS:-}" \
      | tee -a "$results"
  done
  stop_condition "$condition"
done

python3 - "$results" >&2 <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| set | condition | concurrency | p50 ms | p99 ms | p99.9 ms | max ms | req/s | errors | load average | RSS MB |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|")
for r in rows:
    print(f"| {r['set']} | {r['condition']} | {r['concurrency']} | {r['p50ms']:.1f} | {r['p99ms']:.1f} | {r['p999ms']:.1f} | "
          f"{r['maxms']:.0f} | {r['throughput']:.0f} | {r['errors']} | {r['loadAverage']} | {r['rssKb'] // 1024} |")
PY
