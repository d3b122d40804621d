#!/usr/bin/env bash
# Fresh installs one after another: does the first start's background training end with a model?
#
#   N=12 scripts/first-start-check.sh [extra service arguments]
#
# Each round starts target/relata.jar on an empty relata.home (demo families, default settings) on PORT (18130),
# waits up to 120 s for the first-start training job to succeed or fail, prints "ROUND outcome" and whether the run
# had to start again from another seed, then kills the service and removes the home. Not a test: it measures a rate.
set -uo pipefail
cd "$(dirname "$0")/.."
N=${N:-12}
PORT=${PORT:-18130}
JAR=${JAR:-target/relata.jar}
for i in $(seq 1 "$N"); do
  home=$(mktemp -d -t relata-first-start.XXXXXX)
  log=$home.log
  java -jar "$JAR" --server.port="$PORT" --relata.home="$home" "$@" > "$log" 2>&1 &
  pid=$!
  outcome=timeout
  for _ in $(seq 1 120); do
    sleep 1
    if grep -q "Training job .* succeeded" "$log"; then outcome=succeeded; break; fi
    if grep -q "Training job .* failed:" "$log"; then outcome="failed: $(grep -o 'failed: .*' "$log" | head -1)"; break; fi
  done
  restarts=$(grep -c "starting again from seed" "$log")
  echo "$i $outcome (fresh starts from another seed: $restarts)"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rm -rf "$home" "$log"
done
