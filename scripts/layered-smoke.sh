#!/usr/bin/env bash
# Starts relata exactly as the container image would, without Docker, and asks it one real question.
#
# Kept in step with Dockerfile (and Dockerfile.cuda) by reading them rather than repeating them:
#   - the extract command: the line after "# layered-smoke: extract";
#   - the libtorch step: the line after "# layered-smoke: libtorch" (scripts/bake-libtorch.sh on the extracted jars);
#   - the layer order: the "COPY --from=build /extracted/<layer>/ ./" lines;
#   - the environment: the ENV lines after "# layered-smoke: runtime environment", up to the next blank line;
#   - the class-data sharing archive: the training run after "# layered-smoke: cds" (Dockerfile only: the CUDA image
#     cannot start relata at build time without a GPU, and ships without an archive);
#   - the command: the ENTRYPOINT after "# layered-smoke: entrypoint", run in the assembled folder (WORKDIR).
# Both Dockerfiles must agree on all but the archive; a layer the jar has but the Dockerfile does not copy is a failure.
#
# Then: RELATA_HOME and DJL_CACHE_DIR (under volumes in the image) point at fresh temporary folders, ENGINE_CACHE_DIR
# at the unpacked libtorch (read-only for anyone but root), the port is one the
# system picks (server.port=0, read back from the log), the process gets no environment beyond the image's, and
# the script waits for /actuator/health/readiness to be UP, asks "Who is Tom Cruise's mother?" (the demo data
# answers Mary Lee Pfeiffer), stops the service with SIGTERM as Kubernetes would and checks that nothing was written
# into the application folder or the unpacked libtorch (read-only in the image), that libtorch was loaded from there
# and that nothing was unpacked at start.
#
# Usage: scripts/layered-smoke.sh [path/to/relata.jar]
#   Without an argument it uses target/relata.jar, building it with ./mvnw when it is missing.
#   RELATA_SMOKE_TIMEOUT  seconds to wait for readiness (default 300)
#   RELATA_SMOKE_KEEP=1   keep the temporary folder (layout, log, data) for a look afterwards
# Exit status 0 when every step passed; otherwise non-zero, with the service's log tail on stderr.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
DOCKERFILE=Dockerfile
OTHER_DOCKERFILES=(Dockerfile.cuda)
QUESTION="Who is Tom Cruise's mother?"
EXPECTED_LABEL="Mary Lee Pfeiffer"
READY_TIMEOUT=${RELATA_SMOKE_TIMEOUT:-300}
STOP_TIMEOUT=60

log() { echo "[layered-smoke] $*" >&2; }
fail() {
  log "FAIL: $*"
  exit 1
}

# The line after the marker comment "# layered-smoke: <name>" (prefix match).
marked_line() {
  awk -v m="# layered-smoke: $2" 'found { print; exit } index($0, m) == 1 { found = 1 }' "$1"
}

# The ENV lines of the marked runtime-environment block.
marked_env() {
  awk 'index($0, "# layered-smoke: runtime environment") == 1 { on = 1; next }
       on && /^[[:space:]]*$/ { exit }
       on && /^ENV / { print }' "$1"
}

layer_copies() {
  sed -n 's#^COPY --from=build /extracted/\([a-z-]*\)/ \./$#\1#p' "$1"
}

json_field() { # json_field FILTER < json; FILTER is a jq path such as .status
  if command -v jq >/dev/null; then
    jq -r "$1 // empty"
  elif command -v python3 >/dev/null; then
    python3 -c '
import json, sys
value = json.load(sys.stdin)
for part in sys.argv[1].replace("[", ".[").split("."):
    if not part:
        continue
    try:
        value = value[int(part[1:-1])] if part.startswith("[") else value[part]
    except (KeyError, IndexError, TypeError):
        value = None
        break
print("" if value is None else value)' "$1"
  else
    fail "jq or python3 is needed to read JSON"
  fi
}

# --- 1. What the Dockerfiles say -----------------------------------------------------------------------------

extract_line=$(marked_line "$DOCKERFILE" extract)
libtorch_line=$(marked_line "$DOCKERFILE" libtorch)
entrypoint_line=$(marked_line "$DOCKERFILE" entrypoint)
env_lines=$(marked_env "$DOCKERFILE")
layers=$(layer_copies "$DOCKERFILE")
[ -n "$extract_line" ] || fail "$DOCKERFILE has no line after '# layered-smoke: extract'"
[ -n "$libtorch_line" ] || fail "$DOCKERFILE has no line after '# layered-smoke: libtorch'"
[ -n "$entrypoint_line" ] || fail "$DOCKERFILE has no line after '# layered-smoke: entrypoint'"
[ -n "$env_lines" ] || fail "$DOCKERFILE has no ENV lines after '# layered-smoke: runtime environment'"
[ -n "$layers" ] || fail "$DOCKERFILE copies no /extracted/<layer>/ folders"

for other in "${OTHER_DOCKERFILES[@]}"; do
  [ "$(marked_line "$other" extract)" = "$extract_line" ] || fail "$other extracts differently from $DOCKERFILE"
  [ "$(marked_line "$other" libtorch)" = "$libtorch_line" ] || fail "$other unpacks libtorch differently from $DOCKERFILE"
  [ "$(marked_line "$other" entrypoint)" = "$entrypoint_line" ] || fail "$other has another ENTRYPOINT than $DOCKERFILE"
  [ "$(marked_env "$other")" = "$env_lines" ] || fail "$other sets another runtime environment than $DOCKERFILE"
  [ "$(layer_copies "$other")" = "$layers" ] || fail "$other copies other layers than $DOCKERFILE"
done

# RUN java -Djarmode=tools -jar target/relata.jar extract ... --destination /extracted
extract_pattern='^RUN (java -Djarmode=tools -jar target/relata\.jar extract [-a-z ]*) --destination /extracted$'
[[ $extract_line =~ $extract_pattern ]] \
  || fail "unexpected extract line in $DOCKERFILE: $extract_line"
read -ra extract_cmd <<<"${BASH_REMATCH[1]}"

# ENTRYPOINT ["java", "-cp", ".", "..."]: exec form with plain strings only
# RUN scripts/bake-libtorch.sh /extracted/<layer>/lib /opt/djl/engines, and the runtime stage copies that folder
libtorch_pattern='^RUN (scripts/bake-libtorch\.sh) /extracted/([a-z-]+/[A-Za-z/-]*lib) (/[^ ]+)$'
[[ $libtorch_line =~ $libtorch_pattern ]] || fail "unexpected libtorch line in $DOCKERFILE: $libtorch_line"
bake_script=${BASH_REMATCH[1]} bake_libs=${BASH_REMATCH[2]} engine_dir=${BASH_REMATCH[3]}
for f in "$DOCKERFILE" "${OTHER_DOCKERFILES[@]}"; do
  grep -qx "COPY --from=build $engine_dir/ $engine_dir/" "$f" || fail "$f does not copy $engine_dir/ into the runtime stage"
done

# RUN java -XX:ArchiveClassesAtExit=relata.jsa ... -Drelata.home=/tmp/cds -jar relata.jar && rm -rf ...
cds_line=$(marked_line "$DOCKERFILE" cds)
cds_pattern='^RUN (java -XX:ArchiveClassesAtExit=([^ ]+) [^&]*-Drelata\.home=([^ ]+) [^&]*-jar [^ &]+) && rm -rf [^&]+$'
[[ $cds_line =~ $cds_pattern ]] || fail "unexpected class-data sharing line in $DOCKERFILE: ${cds_line:-none}"
read -ra cds_cmd <<<"${BASH_REMATCH[1]}"
cds_archive=${BASH_REMATCH[2]} cds_home=${BASH_REMATCH[3]}

entrypoint_pattern='^ENTRYPOINT \[("[^"\\]*"(, "[^"\\]*")*)\]$'
[[ $entrypoint_line =~ $entrypoint_pattern ]] \
  || fail "unexpected ENTRYPOINT in $DOCKERFILE (exec form of plain strings expected): $entrypoint_line"
entrypoint=()
while IFS= read -r word; do entrypoint+=("$word"); done < <(grep -o '"[^"]*"' <<<"${BASH_REMATCH[1]}" | sed 's/^"//; s/"$//')

image_env=()
while IFS= read -r line; do
  [[ $line =~ ^ENV\ ([A-Z_][A-Z0-9_]*)=(.*)$ ]] || fail "ENV line not of the form ENV KEY=value: $line"
  key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
  if [[ $value =~ ^\"(.*)\"$ ]]; then value=${BASH_REMATCH[1]}; fi
  image_env+=("$key=$value")
done <<<"$env_lines"
printf '%s\n' "${image_env[@]}" | grep -qx "ENGINE_CACHE_DIR=$engine_dir" \
  || fail "$DOCKERFILE does not point ENGINE_CACHE_DIR at $engine_dir, where it unpacks libtorch"
for key in RELATA_HOME DJL_CACHE_DIR OPT_OUT_TRACKING JAVA_TOOL_OPTIONS; do
  printf '%s\n' "${image_env[@]}" | grep -q "^$key=" || fail "$DOCKERFILE does not set $key in its runtime environment"
done

# --- 2. The jar ------------------------------------------------------------------------------------------------

jar=${1:-target/relata.jar}
if [ ! -f "$jar" ]; then
  [ $# -eq 0 ] || fail "no such jar: $jar"
  log "building $jar (./mvnw package -DskipTests)"
  ./mvnw -B -q package -DskipTests </dev/null
fi
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
if [ -n "$(find pom.xml src/main -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  log "warning: $jar is older than the sources; rebuild it to test the current code"
fi

# --- 3. Extract and assemble as the image build does ------------------------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/relata-smoke.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  if [ "${RELATA_SMOKE_KEEP:-0}" = 1 ]; then
    log "kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

log "extracting: ${extract_cmd[*]} --destination <tmp>/extracted"
cmd=()
for word in "${extract_cmd[@]}"; do
  [ "$word" = target/relata.jar ] && word=$jar
  cmd+=("$word")
done
(cd "$work" && "${cmd[@]}" --destination "$work/extracted" >"$work/extract.log" 2>&1) \
  || { cat "$work/extract.log" >&2; fail "extracting the layered jar failed"; }

extracted=$(cd "$work/extracted" && ls -1 | sort)
if [ "$extracted" != "$(sort <<<"$layers")" ]; then
  fail "the jar has layers [$(echo $extracted)] but $DOCKERFILE copies [$(echo $layers)]"
fi
log "unpacking libtorch: $bake_script /extracted/$bake_libs <tmp>/engines"
"$ROOT/$bake_script" "$work/extracted/$bake_libs" "$work/engines" 2>"$work/bake.log" \
  || { cat "$work/bake.log" >&2; fail "unpacking libtorch failed"; }
cat "$work/bake.log" >&2
chmod -R a-w "$work/engines"
mkdir "$work/app"
for layer in $layers; do
  cp -a "$work/extracted/$layer/." "$work/app/"
done

# --- 4. Start it as the ENTRYPOINT does ---------------------------------------------------------------------------

mkdir -p "$work/home" "$work/djl-cache" "$work/tmp-home"
run_env=()
for kv in "${image_env[@]}"; do
  case $kv in
    RELATA_HOME=*) run_env+=("RELATA_HOME=$work/home") ;;
    DJL_CACHE_DIR=*) run_env+=("DJL_CACHE_DIR=$work/djl-cache") ;;
    ENGINE_CACHE_DIR=*) run_env+=("ENGINE_CACHE_DIR=$work/engines") ;;
    *) run_env+=("$kv") ;;
  esac
done

cmd=()
for word in "${cds_cmd[@]}"; do cmd+=("${word/#-Drelata.home=$cds_home/-Drelata.home=$work/cds-home}"); done
log "class-data sharing archive: ${cds_cmd[*]}"
(cd "$work/app" && exec env -i PATH="$PATH" HOME="$work/tmp-home" LANG=C.UTF-8 "${run_env[@]}" SERVER_PORT=0 MANAGEMENT_SERVER_PORT=0 \
  "${cmd[@]}" </dev/null >"$work/cds.log" 2>&1) || { tail -n 40 "$work/cds.log" >&2; fail "the class-data sharing training run failed"; }
[ -s "$work/app/$cds_archive" ] || fail "the training run wrote no $cds_archive"
rm -rf "$work/cds-home"
log "wrote $cds_archive ($(du -h "$work/app/$cds_archive" | cut -f1))"
touch "$work/started"
started_at=$SECONDS
log "starting: ${entrypoint[*]} in the assembled layout, with ${run_env[*]}"
# API keys on, as the Helm chart has them by default
read_key=smoke-read-$RANDOM$RANDOM
write_key=smoke-write-$RANDOM$RANDOM
run_env+=("RELATA_SECURITY_ENABLED=true" "RELATA_SECURITY_READKEYS=$read_key" "RELATA_SECURITY_WRITEKEYS=$write_key")
(cd "$work/app" && exec env -i PATH="$PATH" HOME="$work/tmp-home" LANG=C.UTF-8 "${run_env[@]}" SERVER_PORT=0 \
  "${entrypoint[@]}" </dev/null >"$work/service.log" 2>&1) &
pid=$!

service_failed() {
  log "service log (last 60 lines):"
  tail -n 60 "$work/service.log" >&2 || true
  fail "$*"
}

port=
status=
deadline=$((SECONDS + READY_TIMEOUT))
while :; do
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" && code=0 || code=$?
    pid=
    service_failed "the service exited (status $code) before it was ready"
  fi
  if [ -z "$port" ]; then
    port=$(grep -oE 'started on port[s]?:? [0-9]+' "$work/service.log" | grep -oE '[0-9]+$' | head -1 || true)
  fi
  if [ -n "$port" ]; then
    body=$(curl -sS --max-time 5 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null || true)
    if [ -n "$body" ]; then
      status=$(json_field .status <<<"$body" 2>/dev/null || true)
      [ "$status" = UP ] && break
    fi
  fi
  [ "$SECONDS" -lt "$deadline" ] || service_failed "not ready after ${READY_TIMEOUT}s (port ${port:-unknown}, readiness ${status:-no answer})"
  sleep 2
done
log "ready on port $port $((SECONDS - started_at))s after start: /actuator/health/readiness is {\"status\":\"UP\"}"

# libtorch must come from the unpacked folder: DJL loads it when relata starts its model work (the demo trains one).
loaded=
for _ in $(seq 1 60); do
  loaded=$(grep -o "$work/engines/pytorch/[^ ]*/libtorch_[a-z]*\.so" "/proc/$pid/maps" 2>/dev/null | head -1 || true)
  [ -n "$loaded" ] && break
  grep -qo '/libtorch_[a-z]*\.so' "/proc/$pid/maps" 2>/dev/null && break
  sleep 2
done
[ -n "$loaded" ] || service_failed "libtorch was not loaded from ENGINE_CACHE_DIR: $(grep -o '/[^ ]*/libtorch_[a-z]*\.so' "/proc/$pid/maps" 2>/dev/null | head -1 || echo 'not loaded at all within 120s')"
log "libtorch loaded in place from ${loaded#"$work/"}"
grep -q "$work/app/$cds_archive" "/proc/$pid/maps" || service_failed "the JVM did not map the class-data sharing archive $cds_archive"
log "the JVM mapped the class-data sharing archive $cds_archive"

# the paraphrase model loads in the background; its tokenizer library must come from ENGINE_CACHE_DIR too
for _ in $(seq 1 30); do
  grep -q "Paraphrase model .* loaded\|paraphrase model cannot be loaded" "$work/service.log" && break
  sleep 1
done
grep -q "Paraphrase model .* loaded" "$work/service.log" \
  || service_failed "the paraphrase model did not load: $(grep -o 'paraphrase model cannot be loaded.*' "$work/service.log" || echo 'no word of it within 30s')"
log "the paraphrase model loaded, its tokenizer from engines/tokenizers"

# --- 5. One real question ------------------------------------------------------------------------------------------

# without a key, with a wrong key, with a read key used to write and through spellings of the path that once slipped
# past the key check: refused, and nothing stored
expect_status() {
  local want=$1 what=$2
  shift 2
  local got
  got=$(curl -sS --max-time 30 -o "$work/refused.json" -w '%{http_code}' "$@") || service_failed "$what could not be sent"
  [ "$got" = "$want" ] || { cat "$work/refused.json" >&2; echo >&2; service_failed "$what answered $got, expected $want"; }
  log "$what -> $got"
}
expect_status 401 "a question without a key" -G --data-urlencode "q=$QUESTION" "http://127.0.0.1:$port/v1/queries"
expect_status 401 "a question with a wrong key" -H "Authorization: Bearer wrong-$read_key" -G --data-urlencode "q=$QUESTION" "http://127.0.0.1:$port/v1/queries"
expect_status 403 "a write with the read key" -H "Authorization: Bearer $read_key" -H 'Content-Type: application/json' \
  -d '[{"subject":"Smoke Test","relation":"mother","object":"Smoke Mother"}]' "http://127.0.0.1:$port/v1/facts"
bypass='[{"subject":"Smoke Bypass","relation":"mother","object":"Smoke Mother"}]'
expect_status 400 "a write through a path parameter (/v1;x/facts) without a key" --path-as-is \
  -H 'Content-Type: application/json' -d "$bypass" "http://127.0.0.1:$port/v1;x/facts"
expect_status 400 "a write through an encoded slash (/v1%2Ffacts) without a key" --path-as-is \
  -H 'Content-Type: application/json' -d "$bypass" "http://127.0.0.1:$port/v1%2Ffacts"
expect_status 401 "a write through an encoded path (/%76%31/facts) without a key" --path-as-is \
  -H 'Content-Type: application/json' -d "$bypass" "http://127.0.0.1:$port/%76%31/facts"
expect_status 403 "a write through an encoded path with the read key" --path-as-is -H "Authorization: Bearer $read_key" \
  -H 'Content-Type: application/json' -d "$bypass" "http://127.0.0.1:$port/%76%31/facts"
expect_status 401 "Prometheus on the API port without a key" "http://127.0.0.1:$port/actuator/prometheus"
expect_status 404 "a question about what the refused write named" -H "Authorization: Bearer $read_key" \
  -G --data-urlencode "q=Who is Smoke Test's mother?" "http://127.0.0.1:$port/v1/queries"
expect_status 404 "a question about what the refused bypasses named" -H "Authorization: Bearer $read_key" \
  -G --data-urlencode "q=Who is Smoke Bypass's mother?" "http://127.0.0.1:$port/v1/queries"
expect_status 200 "a write with the write key" -H "Authorization: Bearer $write_key" -H 'Content-Type: application/json' \
  -d '[{"subject":"Smoke Test","relation":"mother","object":"Smoke Mother"}]' "http://127.0.0.1:$port/v1/facts"

code=$(curl -sS --max-time 30 -o "$work/answer.json" -w '%{http_code}' -H "Authorization: Bearer $read_key" -G \
  --data-urlencode "q=$QUESTION" "http://127.0.0.1:$port/v1/queries") || service_failed "the question could not be sent"
[ "$code" = 200 ] || { cat "$work/answer.json" >&2; echo >&2; service_failed "GET /v1/queries answered $code"; }
label=$(json_field '.answers[0].entity.label' <"$work/answer.json")
[ "$label" = "$EXPECTED_LABEL" ] \
  || { cat "$work/answer.json" >&2; echo >&2; service_failed "\"$QUESTION\" answered '${label:-nothing}', expected '$EXPECTED_LABEL'"; }
log "\"$QUESTION\" -> $label (evidence $(json_field '.answers[0].evidence' <"$work/answer.json"), confidence $(json_field '.answers[0].confidence' <"$work/answer.json"))"

# --- 6. Stop it as Kubernetes does, and look at what it wrote -------------------------------------------------------

kill -TERM "$pid"
stop_deadline=$((SECONDS + STOP_TIMEOUT))
while kill -0 "$pid" 2>/dev/null; do
  [ "$SECONDS" -lt "$stop_deadline" ] || service_failed "still running ${STOP_TIMEOUT}s after SIGTERM"
  sleep 1
done
wait "$pid" && code=0 || code=$?
pid=
# The JVM ends with 143 (128 + SIGTERM) after its shutdown hooks ran; anything else is a crash on the way out.
case $code in 0 | 143) ;; *) service_failed "exit status $code after SIGTERM" ;; esac
log "stopped after SIGTERM (status $code)"

written=$(find "$work/app" "$work/engines" -newer "$work/started" | head -5)
[ -z "$written" ] || fail "the service wrote into its application folder or the unpacked libtorch (read-only in the image): $written"
! grep -q 'Extracting .* to cache' "$work/service.log" || fail "DJL unpacked native code at start: $(grep -m1 'Extracting .* to cache' "$work/service.log")"
[ -z "$(find "$work/djl-cache" -type f -size +1M 2>/dev/null | head -1)" ] || fail "DJL cached large files in DJL_CACHE_DIR: $(find "$work/djl-cache" -type f -size +1M | head -3)"
[ -n "$(ls -A "$work/home")" ] || fail "nothing under RELATA_HOME: the service did not use it"
[ ! -e "$work/tmp-home/.djl.ai" ] || fail "DJL wrote its cache under HOME instead of DJL_CACHE_DIR"
log "nothing written into the application folder or libtorch, nothing unpacked; RELATA_HOME holds $(du -sh "$work/home" | cut -f1), DJL_CACHE_DIR $(du -sh "$work/djl-cache" | cut -f1)"
log "PASS"
