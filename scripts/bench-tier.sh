#!/usr/bin/env bash
# What the model tier's hop costs: the same question mix answered in-process (relata.role=all) and through the tier
# (relata.role=api calling relata.role=model over the Open Inference Protocol), at concurrency 1, 8 and 32, with wrk.
#
#   scripts/bench-tier.sh [DATASET_DIR]        (default ../shared/data/kg/wn18rr)
#
# Needs: target/relata.jar and target/test-classes (./mvnw -B package -DskipTests), wrk, and a PostgreSQL server for the
# shared store: BENCH_JDBC_URL (default jdbc:postgresql://127.0.0.1:5432/relata_dev), BENCH_JDBC_USER/PASSWORD
# (default relata_dev/relata_dev); a database relata_bench_tier is created on it and dropped afterwards.
# Imports DATASET_DIR/train.txt, writes a synthetic model over the store's entities and relations (rank BENCH_RANK,
# default 100; random embeddings score at the same cost as trained ones) and runs wrk for BENCH_SECONDS (default 60)
# per concurrency and mode, the model on BENCH_DEVICE (cpu, default, or gpu). Ports BENCH_PORT..BENCH_PORT+2 (default 18610). Prints one JSON line per run and a
# markdown table last. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:-../shared/data/kg/wn18rr}
seconds=${BENCH_SECONDS:-60}
rank=${BENCH_RANK:-100}
port=${BENCH_PORT:-18610}
concurrencies=${BENCH_CONCURRENCY:-1 8 32}
server_url=${BENCH_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/relata_dev}
db_user=${BENCH_JDBC_USER:-relata_dev}
db_password=${BENCH_JDBC_PASSWORD:-relata_dev}
database=relata_bench_tier
jdbc=$(echo "$server_url" | sed -E "s#(jdbc:postgresql://[^/?]*)(/[^?]*)?#\1/$database#")
pg_host=$(echo "$server_url" | sed -E 's#jdbc:postgresql://([^:/]*).*#\1#')
pg_port=$(echo "$server_url" | sed -E 's#jdbc:postgresql://[^:/]*:?([0-9]*).*#\1#'); pg_port=${pg_port:-5432}
work=$(mktemp -d)
export OPT_OUT_TRACKING=true DJL_CACHE_DIR=${DJL_CACHE_DIR:-$HOME/.djl.ai}
psql_admin() { PGPASSWORD=$db_password psql -q -h "$pg_host" -p "$pg_port" -U "$db_user" -d "$(basename "${server_url%%\?*}")" "$@"; }

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
[ -f target/relata.jar ] && [ -d target/test-classes ] || ./mvnw -B -q package -DskipTests
[ -f target/bench-classpath.txt ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

pids=()
start() { # start NAME ROLE PORT [args]: relata in the background, log in $work/NAME.log
  local name=$1 role=$2 p=$3; shift 3
  RELATA_HOME=$work/$name java -Xmx3g -jar target/relata.jar --server.port="$p" --relata.role="$role" \
      --relata.demo.enabled=false --relata.model.train-on-first-start=false --relata.model.device="${BENCH_DEVICE:-cpu}" \
      --spring.datasource.url="$jdbc" --spring.datasource.username="$db_user" --spring.datasource.password="$db_password" \
      "$@" > "$work/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
  for _ in $(seq 1 300); do
    curl -fs "localhost:$p/actuator/health/readiness" >/dev/null && return 0
    sleep 1
  done
  echo "$name did not start; see $work/$name.log" >&2; exit 1
}
stop() { local pid; pid=$(eval echo "\$pid_$1"); kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
cleanup() {
  status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql_admin -c "drop database if exists $database with (force)" || true
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
psql_admin -c "drop database if exists $database with (force)" -c "create database $database"

# one home for the registry: the model tier owns it, the in-process run reads the same version
mkdir -p "$work/model"
start model model "$port"
echo "importing $dataset/train.txt" >&2
curl -fs "localhost:$port/v1/facts/import" -H 'Content-Type: text/tab-separated-values' --data-binary @"$dataset/train.txt" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print("lines", d["lines"], "added", d["added"], file=sys.stderr)'
java -Xmx3g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" -Dlogback.configurationFile=io/relata/cli/logback-evaluate.xml io.relata.model.SyntheticModel \
    "$work/model/models" "$rank" "$jdbc" "$db_user" "$db_password" > "$work/synthetic.json"
version=$(tail -1 "$work/synthetic.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
curl -fs -X POST "localhost:$port/v1/models/$version/activate" >/dev/null
stop model

# the question mix: structured questions for training facts, half forward (h, r, ?) and half inverse (?, r, t)
python3 - "$dataset/train.txt" > "$work/questions.ndjson" <<'PY'
import json, random, sys
facts = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
random.seed(7)
for h, r, t in random.sample(facts, 2000):
    print(json.dumps({"entity": h, "relation": r, "direction": "forward", "limit": 10}))
    print(json.dumps({"entity": t, "relation": r, "direction": "inverse", "limit": 10}))
PY

run() { # run MODE PORT
  local mode=$1 p=$2 c threads before after
  curl -fs "localhost:$p/v1/queries" -H 'Content-Type: application/json' -d "$(head -1 "$work/questions.ndjson")" >/dev/null
  wrk -t2 -c16 -d10s -s scripts/bench-tier.lua "http://127.0.0.1:$p" -- "$work/questions.ndjson" >/dev/null  # warm-up
  for c in $concurrencies; do
    threads=$(( c < 2 ? 1 : 2 ))
    before=$(cut -d' ' -f1 /proc/loadavg)
    result=$(wrk -t"$threads" -c"$c" -d"${seconds}s" --timeout 10s -s scripts/bench-tier.lua "http://127.0.0.1:$p" \
        -- "$work/questions.ndjson" | tail -1)
    after=$(cut -d' ' -f1 /proc/loadavg)
    echo "{\"mode\":\"$mode\",\"concurrency\":$c,\"loadBefore\":$before,\"loadAfter\":$after,\"run\":$result}" | tee -a "$work/results.ndjson"
  done
}

start all all $((port + 2)) --relata.home="$work/model"
run in-process $((port + 2))
stop all
start model model "$port" --relata.home="$work/model"
start api api $((port + 1)) --relata.home="$work/api" --relata.model-tier.url="http://127.0.0.1:$port"
run through-tier $((port + 1))

python3 - "$work/results.ndjson" "$version" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
by = {(r["mode"], r["concurrency"]): r for r in rows}
print(f"\nmodel {sys.argv[2]}; load average before/after each run in the last column")
print("| concurrency | mode | p50 ms | p99 ms | p99.9 ms | throughput /s | errors | load |")
print("|---:|---|---:|---:|---:|---:|---:|---|")
for c in sorted({r["concurrency"] for r in rows}):
    for mode in ("in-process", "through-tier"):
        r = by.get((mode, c))
        if r:
            x = r["run"]
            print(f"| {c} | {mode} | {x['p50Ms']:.2f} | {x['p99Ms']:.2f} | {x['p999Ms']:.2f} | {x['throughputPerSecond']:.0f} | {x['errors']} | {r['loadBefore']}–{r['loadAfter']} |")
    a, b = by.get(("in-process", c)), by.get(("through-tier", c))
    if a and b:
        print(f"|  | hop | +{b['run']['p50Ms'] - a['run']['p50Ms']:.2f} | +{b['run']['p99Ms'] - a['run']['p99Ms']:.2f} | | {100 * b['run']['throughputPerSecond'] / a['run']['throughputPerSecond']:.0f}% | | |")
PY
