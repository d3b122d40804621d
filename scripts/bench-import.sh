#!/usr/bin/env bash
# Import benchmark: how fast POST /v1/facts/import stores a large file, on embedded H2 and on PostgreSQL.
#
# Generates a deterministic file (a TSV of synthetic facts, Wikidata-style N-Triples gzipped, or a GEDCOM tree), builds the jar, and for each store starts the service on an
# empty store, posts the file twice (the second pass is all duplicates: the idempotent path) and measures wall time
# and the service's peak resident memory. Prints a Markdown report on stdout; progress goes to stderr.
#
#   scripts/bench-import.sh > report.md
#
# Environment:
#   FORMAT (tsv)                         tsv: relata's own format; nt.gz: Wikidata-style N-Triples, gzip-compressed,
#                                        posted with Content-Encoding: gzip and ?profile=wikidata
#                                        (scripts/gen-knowledge.py nt LINES); ged: a GEDCOM family tree of LINES people
#                                        (scripts/gen-knowledge.py ged LINES), posted with ?source=bench
#   LINES (1000000), ENTITIES (200000)   size of the synthetic file (ENTITIES: TSV only)
#   STORES ("h2 postgres")               which stores to measure
#   PGHOST (127.0.0.1), PGPORT (5432), PGUSER, PGPASSWORD
#                                        PostgreSQL server; PGUSER needs CREATEDB: each run uses a fresh database,
#                                        dropped afterwards. Without PGPASSWORD the PostgreSQL run is skipped.
#   BENCH_DIR (a new temporary folder)   where the file, the stores and the service logs go; kept afterwards
#   JAVA_OPTS (-Xmx1g)                   options for the service JVM
#   SERVICE_ARGS ("")                    more service arguments, e.g. --relata.ingest.batch-size=5000
#   MAVEN_ARGS_EXTRA (-o)                extra Maven options for the build (empty to allow downloads)
# Not a test: nothing here asserts a speed. Run it on a quiet machine.
set -euo pipefail

cd "$(dirname "$0")/.."
FORMAT=${FORMAT:-tsv}
LINES=${LINES:-1000000}
ENTITIES=${ENTITIES:-200000}
STORES=${STORES:-h2 postgres}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d -t relata-bench.XXXXXX)}
mkdir -p "$BENCH_DIR"
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
SERVICE_ARGS=${SERVICE_ARGS:-}
MAVEN_ARGS_EXTRA=${MAVEN_ARGS_EXTRA--o}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
export OPT_OUT_TRACKING=true

log() { echo "[bench] $*" >&2; }

# shellcheck source=scripts/bench-service.sh
source scripts/bench-service.sh

# Subject s has five facts (mother, father, spouse, sibling, gender); objects are spread over all entities by fixed
# multipliers, so every batch touches entities from all over the file. No randomness: the same file every time.
generate() {
  local file=$1
  awk -v lines="$LINES" -v entities="$ENTITIES" 'BEGIN {
    split("mother father spouse sibling gender", relation, " ")
    for (i = 0; i < lines; i++) {
      s = int(i / 5); k = i % 5
      subject = sprintf("Person %07d", s % entities)
      if (k == 4) {
        object = (s % 2 == 0) ? "female" : "male"
      } else {
        object = sprintf("Person %07d", (s * 7919 + k * 104729 + 17) % entities)
      }
      # a subject index past the entity count starts a new round with other objects: keep facts distinct
      if (s >= entities) relation_name = relation[k + 1] "-" int(s / entities); else relation_name = relation[k + 1]
      printf "%s\t%s\t%s\n", subject, relation_name, object
    }
  }' > "$file"
}

# The file for FORMAT, and how it is posted: its media type, other curl headers and the query string.
case $FORMAT in
  tsv) content_type=text/tab-separated-values; encoding=(); query= ;;
  nt.gz) content_type=application/n-triples; encoding=(-H 'Content-Encoding: gzip'); query='?profile=wikidata' ;;
  ged) content_type=application/x-gedcom; encoding=(); query='?source=bench' ;;
  *) log "unknown FORMAT $FORMAT (tsv, nt.gz, ged)"; exit 1 ;;
esac

generate_file() {
  case $FORMAT in
    tsv) generate "$1" ;;
    nt.gz) python3 scripts/gen-knowledge.py nt "$LINES" | gzip -6 > "$1" ;;
    ged) python3 scripts/gen-knowledge.py ged "$LINES" > "$1" ;;
  esac
}

json_number() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<<"$2"; }

# The size of the store on disk, in MiB.
store_mib() {
  if [ -n "${database:-}" ]; then
    psql -X -tA -d postgres -c "select pg_database_size('$database') / 1048576"
  else
    du -sm "$BENCH_DIR/$1-home/store" | cut -f1
  fi
}

# Posts the file and prints a table row: pass, lines, added, duplicates, rejected, seconds, lines/s, CPU, RSS, size.
post_file() {
  local store=$1 pass=$2 file=$3 ready=$4 start end seconds body cpu_before cpu
  cpu_before=$(cpu_seconds)
  start=$(date +%s.%N)
  body=$(curl -sS --fail-with-body --data-binary @"$file" -H "Content-Type: $content_type" "${encoding[@]}" \
    "http://localhost:$port/v1/facts/import$query")
  end=$(date +%s.%N)
  cpu=$(awk -v a="$cpu_before" -v b="$(cpu_seconds)" 'BEGIN {printf "%.1f", b - a}')
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
  local lines added duplicates rejected
  lines=$(json_number lines "$body"); added=$(json_number added "$body")
  duplicates=$(json_number duplicates "$body"); rejected=$(json_number rejectedTotal "$body")
  log "$store $pass: $body (${seconds}s)"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$store" "$pass" "$lines" "$added" "$duplicates" \
    "${rejected:-0}" "$seconds" "$(awk -v n="$lines" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}')" "$cpu" \
    "$ready → $(( $(kib VmHWM) / 1024 )) MiB" "$(store_mib "$store") MiB"
}

run_store() {
  local store=$1 file=$2; shift 2
  # shellcheck disable=SC2086
  start_service "$store" $SERVICE_ARGS "$@"
  local baseline=$(( $(kib VmRSS) / 1024 ))
  log "$store: ready on port $port, RSS ${baseline} MiB"
  post_file "$store" "1st (new)" "$file" "$baseline"
  post_file "$store" "2nd (duplicates)" "$file" "$baseline"
  stop_service
}

file=$BENCH_DIR/facts-$LINES.$FORMAT
if [ ! -s "$file" ]; then
  log "generating $file"
  generate_file "$file"
fi
log "building the jar"
# shellcheck disable=SC2086
./mvnw -B -q $MAVEN_ARGS_EXTRA package -DskipTests >&2

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=$BENCH_DIR/rows.md
: >"$rows"
database=
for store in $STORES; do
  case $store in
    h2)
      database=
      run_store h2 "$file" >>"$rows"
      ;;
    postgres)
      if [ -z "${PGPASSWORD:-}" ]; then
        log "PGPASSWORD not set: skipping PostgreSQL"
        continue
      fi
      database=relata_bench_$(date +%s)
      psql -X -q -d postgres -c "create database $database" >&2
      run_store postgres "$file" \
        "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$database" \
        "--spring.datasource.username=$PGUSER" "--spring.datasource.password=$PGPASSWORD" >>"$rows"
      psql -X -q -d postgres -c "drop database $database" >&2
      database=
      ;;
    *) log "unknown store $store"; exit 1 ;;
  esac
done

cat <<REPORT
## Run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)

- Load average (1, 5, 15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work shares these CPUs when the load exceeds the CPU count)
- Machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory
- Java: $(java -version 2>&1 | head -1); service JVM options: \`$JAVA_OPTS\`
- PostgreSQL: $( (psql -X -tA -d postgres -c 'show server_version' 2>/dev/null || echo 'not measured') | head -1)
- File: $FORMAT, $LINES lines (triples, people), $(du -m "$file" | cut -f1) MB, md5 $(md5sum "$file" | cut -c1-12)
- Service: \`java $JAVA_OPTS -jar target/relata.jar --relata.demo.enabled=false${SERVICE_ARGS:+ $SERVICE_ARGS}\` on an empty store
- Command: \`curl --data-binary @$(basename "$file") -H 'Content-Type: $content_type' ${encoding[*]:+-H \'${encoding[1]}\' }'http://localhost:PORT/v1/facts/import$query'\`, twice

| store | pass | lines | added | duplicates | rejected | seconds | lines/s | service CPU s | RSS when ready → peak (VmHWM) | store on disk |
|---|---|---|---|---|---|---|---|---|---|---|
$(cat "$rows")
REPORT
