#!/usr/bin/env bash
# Query latency, forward vs inverse, through the whole HTTP stack of a running relata.
#
#   scripts/bench-queries.sh [DATASET_DIR] [EPOCHS]
#
# Starts the built jar on a fresh home (embedded H2, no demo), imports DATASET_DIR/train.txt, trains a model on it
# through POST /v1/training-jobs (EPOCHS epochs: latency does not depend on how well it is trained), then asks model-only
# structured queries for training facts in both directions at concurrency 1 and 8 (scripts/bench_queries.py).
# Prints one JSON object with the results as its last line. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:-../shared/data/kg/wn18rr}
epochs=${2:-1}
port=${BENCH_PORT:-18181}
home=$(mktemp -d)
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$HOME/.djl.ai} OPT_OUT_TRACKING=true

[ -f target/relata.jar ] || ./mvnw -B -q package -DskipTests
java -jar target/relata.jar --server.port="$port" --relata.home="$home" --relata.demo.enabled=false \
    --relata.model.train-on-first-start=false > "$home/service.log" 2>&1 &
service=$!
trap 'status=$?; kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$home"; exit $status' EXIT
for _ in $(seq 1 120); do
  curl -fs "localhost:$port/actuator/health/readiness" >/dev/null && break
  sleep 1
done

echo "importing $dataset/train.txt" >&2
curl -fs "localhost:$port/v1/facts/import" -H 'Content-Type: text/tab-separated-values' \
    --data-binary @"$dataset/train.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("lines", d["lines"], "added", d["added"], file=sys.stderr)'

echo "training $epochs epoch(s)" >&2
job=$(curl -fs "localhost:$port/v1/training-jobs" -H 'Content-Type: application/json' \
    -d "{\"epochs\":$epochs,\"rank\":100,\"batchSize\":1000,\"validationShare\":0.01,\"activate\":\"always\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
while true; do
  status=$(curl -fs "localhost:$port/v1/training-jobs/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  case "$status" in
    succeeded) break ;;
    failed|cancelled) echo "training $status" >&2; exit 1 ;;
  esac
  sleep 5
done
curl -fs "localhost:$port/v1/models" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("active model", d["active"], "on", d["device"], file=sys.stderr)'

python3 scripts/bench_queries.py --port "$port" --facts "$dataset/train.txt" --queries "${BENCH_QUERIES:-2000}"
