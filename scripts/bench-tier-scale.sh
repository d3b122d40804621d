#!/usr/bin/env bash
# One model-tier process serving a synthetic model of SCALE_ENTITIES entities (default 1,000,000) at rank SCALE_RANK
# (default 100) on this machine's CPU: the time to load and activate it, the process's resident memory (RSS) before and
# after, and one-row OIP infer calls at concurrency SCALE_CONCURRENCY (default 8) for SCALE_SECONDS (default 60) with
# wrk. Prints one JSON line. Needs target/relata.jar and target/test-classes (./mvnw -B package -DskipTests) and wrk.
# The process uses its embedded H2 store (inference needs none); port SCALE_PORT (default 18640).
set -euo pipefail
cd "$(dirname "$0")/.."
entities=${SCALE_ENTITIES:-1000000}
rank=${SCALE_RANK:-100}
concurrency=${SCALE_CONCURRENCY:-8}
seconds=${SCALE_SECONDS:-60}
port=${SCALE_PORT:-18640}
relations=r0,r1,r2,r3,r4,r5,r6,r7,r8,r9,r10
work=$(mktemp -d)
export OPT_OUT_TRACKING=true DJL_CACHE_DIR=${DJL_CACHE_DIR:-$HOME/.djl.ai}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
[ -f target/bench-classpath.txt ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

echo "writing a synthetic model: $entities entities, rank $rank" >&2
java -Xmx6g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" -Dlogback.configurationFile=io/relata/cli/logback-evaluate.xml io.relata.model.SyntheticModel \
    "$work/home/models" "$rank" "range:$entities" "$relations" > "$work/synthetic.json"
version=$(tail -1 "$work/synthetic.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
# start without an active version, so that loading it is timed on its own
rm "$work/home/models/ACTIVE"

RELATA_HOME=$work/home java -Xmx4g -jar target/relata.jar --server.port="$port" --relata.role=model \
    --relata.demo.enabled=false --relata.model.train-on-first-start=false --relata.model.device=cpu \
    > "$work/model.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do
  curl -fs "localhost:$port/v2/health/live" >/dev/null && break
  sleep 1
done
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }
rss_empty=$(rss)
started=$(date +%s.%N)
curl -fs -X POST "localhost:$port/v1/models/$version/activate" >/dev/null
load_seconds=$(echo "$(date +%s.%N) - $started" | bc)
rss_loaded=$(rss)
wrk -t2 -c"$concurrency" -d10s -s scripts/bench-tier-infer.lua "http://127.0.0.1:$port" -- "$entities" "$relations" >/dev/null
before=$(cut -d' ' -f1 /proc/loadavg)
result=$(wrk -t2 -c"$concurrency" -d"${seconds}s" --timeout 30s -s scripts/bench-tier-infer.lua "http://127.0.0.1:$port" \
    -- "$entities" "$relations" | tail -1)
after=$(cut -d' ' -f1 /proc/loadavg)
rss_after=$(rss)
echo "{\"entities\":$entities,\"rank\":$rank,\"version\":\"$version\",\"loadSeconds\":$load_seconds,\"rssMbNoModel\":$rss_empty,\"rssMbLoaded\":$rss_loaded,\"rssMbAfterLoad\":$rss_after,\"concurrency\":$concurrency,\"loadAverageBefore\":$before,\"loadAverageAfter\":$after,\"run\":$result}"
