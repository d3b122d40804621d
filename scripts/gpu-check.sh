#!/usr/bin/env bash
# The GPU numbers relata cannot measure without a GPU, in one run on a machine with an NVIDIA GPU:
#   1. builds the CUDA variant (./mvnw -Pcuda package: libtorch with CUDA 12.4);
#   2. trains and evaluates on fb15k-237 at rank 1000 on the GPU (evaluate --device gpu) for GPU_CHECK_EPOCHS epochs
#      (default 5), stopped after GPU_CHECK_SECONDS (default 3600) whatever it has reached;
#   3. runs the model tier benchmark (scripts/bench-tier.sh, wn18rr, the model on the GPU);
# and writes one JSON object with the device, the evaluate line, the benchmark runs and the time each step took to
# GPU_CHECK_OUT (default target/gpu-check.json).
#
#   scripts/gpu-check.sh
#
# Data: GPU_CHECK_DATA (default bench/kg when it exists, else ../shared/data/kg) holding fb15k-237/ and wn18rr/; copy
# them into the ignored bench/kg folder of the checkout on a machine that has no ../shared.
# Exit codes: 0 done (the JSON is written), 3 no NVIDIA GPU here (nothing is built or run), 1 a step failed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${GPU_CHECK_OUT:-target/gpu-check.json}
epochs=${GPU_CHECK_EPOCHS:-5}
limit=${GPU_CHECK_SECONDS:-3600}
data=${GPU_CHECK_DATA:-$( [ -d bench/kg ] && echo bench/kg || echo ../shared/data/kg )}

if ! command -v nvidia-smi >/dev/null 2>&1 || ! gpu=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null) \
    || [ -z "$gpu" ]; then
  echo "gpu-check: no NVIDIA GPU on this machine (nvidia-smi is missing or sees no device); nothing was run" >&2
  exit 3
fi
echo "gpu-check: $gpu" >&2
for set in fb15k-237 wn18rr; do
  [ -f "$data/$set/train.txt" ] || { echo "gpu-check: $data/$set/train.txt is missing (set GPU_CHECK_DATA)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

started=$SECONDS
./mvnw -B -q -Pcuda package -DskipTests
build_seconds=$((SECONDS - started))

started=$SECONDS
set +e
timeout "$limit" java -Xmx8g -jar target/relata.jar evaluate --dataset "$data/fb15k-237" --rank 1000 \
    --epochs "$epochs" --batch-size 1000 --device gpu > "$work/evaluate.out" 2> "$work/evaluate.err"
evaluate_status=$?
set -e
evaluate_seconds=$((SECONDS - started))
evaluate=$(tail -1 "$work/evaluate.out")
case "$evaluate" in \{*) ;; *) evaluate=null ;; esac

started=$SECONDS
BENCH_DEVICE=gpu scripts/bench-tier.sh "$data/wn18rr" > "$work/bench.out" 2> "$work/bench.err" || {
  echo "gpu-check: the tier benchmark failed; see below" >&2; tail -20 "$work/bench.err" >&2; exit 1; }
bench_seconds=$((SECONDS - started))

python3 - "$gpu" "$evaluate" "$evaluate_status" "$evaluate_seconds" "$build_seconds" "$bench_seconds" "$work/bench.out" "$epochs" \
    > "$out" <<'PY'
import json, sys
gpu, evaluate, status, evaluate_seconds, build_seconds, bench_seconds, bench, epochs = sys.argv[1:]
runs = [json.loads(line) for line in open(bench) if line.startswith('{"mode"')]
print(json.dumps({
    "gpu": gpu,
    "build": {"seconds": int(build_seconds)},
    "evaluate": {"dataset": "fb15k-237", "rank": 1000, "epochs": int(epochs), "exitCode": int(status),
                 "timedOut": int(status) == 124, "seconds": int(evaluate_seconds),
                 "result": None if evaluate == "null" else json.loads(evaluate)},
    "tierBenchmark": {"dataset": "wn18rr", "seconds": int(bench_seconds), "runs": runs},
}, indent=2))
PY
echo "gpu-check: wrote $out" >&2
