#!/usr/bin/env bash
# Name lookup benchmark: how fast GET /v1/entities/resolve answers known, misspelt and unknown names at ~1M entities,
# on embedded H2 and on PostgreSQL.
#
# Generates ~1M synthetic person names ("Luhy Morrir": 1,013 first names x 988 last names built from syllables, so
# words repeat as real names do), imports them as facts (name gender female|male), then drives wrk at a fixed
# concurrency against GET /v1/entities/resolve?q=... with four kinds of names:
#   known      a stored name as stored                        → 200 exact
#   typo       a stored name with one edit in a word          → 200 fuzzy
#   unknown    two words the store has never seen              → 404
#   half-known a stored first name with an unseen last name   → 404 (the first name is shared by ~990 entities)
# First one mixed run (all four kinds in turn) of DURATION seconds, then a shorter run per kind. Prints a Markdown
# report on stdout; progress goes to stderr.
#
#   scripts/bench-names.sh > report.md
#
# Environment:
#   NAMES (1000000)                      entities to load
#   STORES ("h2 postgres")               which stores to measure
#   DURATION (60), KIND_DURATION (20)    seconds of the mixed run and of each per-kind run
#   CONNECTIONS (8), THREADS (2)         wrk concurrency and threads
#   PGHOST (127.0.0.1), PGPORT (5432), PGUSER, PGPASSWORD
#                                        PostgreSQL server; PGUSER needs CREATEDB: each run uses a fresh database,
#                                        dropped afterwards. Without PGPASSWORD the PostgreSQL run is skipped.
#   BENCH_DIR (a new temporary folder)   where the files, the stores and the service logs go; kept afterwards
#   JAVA_OPTS (-Xmx1g)                   options for the service JVM
#   MAVEN_ARGS_EXTRA (-o)                extra Maven options for the build (empty to allow downloads)
# Needs wrk (apt-get install wrk). Not a test: nothing here asserts a speed. Run it on a quiet machine.
set -euo pipefail

cd "$(dirname "$0")/.."
NAMES=${NAMES:-1000000}
STORES=${STORES:-h2 postgres}
DURATION=${DURATION:-60}
KIND_DURATION=${KIND_DURATION:-20}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d -t relata-names.XXXXXX)}
mkdir -p "$BENCH_DIR"
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
MAVEN_ARGS_EXTRA=${MAVEN_ARGS_EXTRA--o}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
export OPT_OUT_TRACKING=true

log() { echo "[bench-names] $*" >&2; }
command -v wrk >/dev/null || { log "wrk is missing (apt-get install wrk)"; exit 1; }

# shellcheck source=scripts/bench-service.sh
source scripts/bench-service.sh

# The name generator: word(seed, syllables) is deterministic; first names use seeds 1..1013, last names 5000 onwards.
# names.tsv: one fact per name. queries-KIND.txt: one request path per line.
generate() {
  awk -v n="$NAMES" -v dir="$BENCH_DIR" '
    function word(seed, parts,   w, i, x) {
      w = ""
      for (i = 0; i < parts; i++) {
        x = (seed * 2654435761 + i * 40503) % 4294967296
        w = w substr("bcdfghjklmnprstvwz", int(x / 7) % 18 + 1, 1) substr("aeiouy", int(x / 131) % 6 + 1, 1)
        if (int(x / 977) % 3 == 0) w = w substr("nrslmt", int(x / 3001) % 6 + 1, 1)
        seed = int(x / 13) + 7
      }
      return toupper(substr(w, 1, 1)) substr(w, 2)
    }
    function first(f) { return word(f + 1, 2 + f % 2) }
    function last(l) { return word(l + 5000, 2 + l % 3) }
    function path(name) { gsub(/ /, "%20", name); return "/v1/entities/resolve?q=" name }
    # one edit in the last name: a swap of two neighbours, a deletion or a doubled letter, in turn
    function typo(name, k,   sp, w, p) {
      sp = index(name, " "); w = substr(name, sp + 1); p = 2 + k % (length(w) - 2)
      if (k % 3 == 0) w = substr(w, 1, p - 1) substr(w, p + 1, 1) substr(w, p, 1) substr(w, p + 2)
      else if (k % 3 == 1) w = substr(w, 1, p - 1) substr(w, p + 1)
      else w = substr(w, 1, p) substr(w, p) 
      return substr(name, 1, sp) w
    }
    BEGIN {
      firsts = 1013; lasts = int((n + firsts - 1) / firsts)
      for (i = 0; i < n; i++) {
        name = first(i % firsts) " " last(int(i / firsts))
        printf "%s\tgender\t%s\n", name, (i % 2 ? "male" : "female") > (dir "/names.tsv")
      }
      for (k = 0; k < 5000; k++) {
        i = (k * 7919 + 13) % n
        name = first(i % firsts) " " last(int(i / firsts))
        print path(name) > (dir "/queries-known.txt")
        print path(typo(name, k)) > (dir "/queries-typo.txt")
        print path(word(900000 + k, 3) " " word(700000 + k, 4)) > (dir "/queries-unknown.txt")
        print path(first(k % firsts) " " last(lasts + 10 + k)) > (dir "/queries-half-known.txt")
      }
    }'
  paste -d '\n' "$BENCH_DIR"/queries-known.txt "$BENCH_DIR"/queries-typo.txt "$BENCH_DIR"/queries-unknown.txt \
    "$BENCH_DIR"/queries-half-known.txt > "$BENCH_DIR"/queries-mixed.txt
}

# wrk script: each thread walks the path file from its own offset; the report line gives p50/p99/p99.9 in ms and
# the count of each status.
cat > "$BENCH_DIR/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = 0
local threads = {}
ok, notFound, other = 0, 0, 0
function setup(thread)
  thread:set("offset", #threads * 1237)
  threads[#threads + 1] = thread
end
function init(args) counter = offset or 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 404 then notFound = notFound + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local counts = {0, 0, 0}
  for _, thread in ipairs(threads) do
    counts[1] = counts[1] + thread:get("ok")
    counts[2] = counts[2] + thread:get("notFound")
    counts[3] = counts[3] + thread:get("other")
  end
  io.write(string.format("RESULT %d %.1f %.1f %.1f %.1f %.1f 200:%d,404:%d,other:%d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, counts[1], counts[2], counts[3]))
end
LUA

# Runs wrk over one path file; prints a table row.
drive() {
  local store=$1 kind=$2 seconds=$3 load_before out cpu_before
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  cpu_before=$(cpu_seconds)
  out=$(PATHS="$BENCH_DIR/queries-$kind.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s \
    -s "$BENCH_DIR/paths.lua" "http://localhost:$port" 2>&1)
  log "$store $kind: $(grep RESULT <<<"$out")"
  read -r _ requests rate p50 p99 p999 max statuses < <(grep RESULT <<<"$out")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s → %s |\n' "$store" "$kind" "$seconds" "$requests" \
    "$rate" "$p50" "$p99" "$p999" "$max" "$(awk -v a="$cpu_before" -v b="$(cpu_seconds)" -v n="$requests" \
    'BEGIN {printf "%.2f", (b - a) * 1000 / n}')" "$statuses" "$load_before" "$(cut -d' ' -f1 /proc/loadavg)"
}

run_store() {
  local store=$1; shift
  start_service "$store" --relata.model.train-on-first-start=false "$@"
  log "$store: importing $NAMES names"
  local start end body
  start=$(date +%s.%N)
  body=$(curl -sS --fail-with-body --data-binary @"$BENCH_DIR/names.tsv" -H 'Content-Type: text/tab-separated-values' \
    "http://localhost:$port/v1/facts/import")
  end=$(date +%s.%N)
  log "$store: import $body in $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", b - a}') s"
  echo "$store: $(grep -o '"lines":[0-9]*,"added":[0-9]*' <<<"$body") in $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", b - a}') s" \
    >>"$BENCH_DIR/imports.txt"
  # warm-up: JIT and caches, not measured
  PATHS="$BENCH_DIR/queries-mixed.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$BENCH_DIR/paths.lua" \
    "http://localhost:$port" >/dev/null 2>&1
  drive "$store" mixed "$DURATION"
  for kind in known typo unknown half-known; do
    drive "$store" "$kind" "$KIND_DURATION"
  done
  stop_service
}

log "generating $NAMES names and the query files in $BENCH_DIR"
generate
log "building the jar"
# shellcheck disable=SC2086
./mvnw -B -q $MAVEN_ARGS_EXTRA package -DskipTests >&2

rows=$BENCH_DIR/rows.md
: >"$rows"
: >"$BENCH_DIR/imports.txt"
for store in $STORES; do
  case $store in
    h2) run_store h2 >>"$rows" ;;
    postgres)
      if [ -z "${PGPASSWORD:-}" ]; then
        log "PGPASSWORD not set: skipping PostgreSQL"
        continue
      fi
      database=relata_names_$(date +%s)
      psql -X -q -d postgres -c "create database $database" >&2
      run_store postgres "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$database" \
        "--spring.datasource.username=$PGUSER" "--spring.datasource.password=$PGPASSWORD" >>"$rows"
      psql -X -q -d postgres -c "drop database $database" >&2
      ;;
    *) log "unknown store $store"; exit 1 ;;
  esac
done

cat <<REPORT
## Run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)

- Machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory; load average now $(cut -d' ' -f1-3 /proc/loadavg)
- Java: $(java -version 2>&1 | head -1); service JVM options: \`$JAVA_OPTS\`; PostgreSQL: $( (psql -X -tA -d postgres -c 'show server_version' 2>/dev/null || echo 'not measured') | head -1)
- Store: $NAMES names imported through POST /v1/facts/import ($(tr '\n' ';' <"$BENCH_DIR/imports.txt"))
- Load: \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s\` (per kind ${KIND_DURATION}s) over GET /v1/entities/resolve?q=NAME, after a 10 s warm-up; latencies in ms

| store | names | seconds | requests | req/s | p50 | p99 | p99.9 | max | service CPU ms per request | statuses | load average (1 min) before → after |
|---|---|---|---|---|---|---|---|---|---|---|---|
$(cat "$rows")
REPORT
