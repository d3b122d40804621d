# Shared by the benchmark scripts (sourced, not run): starts the built service on an empty home and a free port,
# waits for readiness, stops it, and reads its CPU time and memory from /proc.
#
# The sourcing script sets BENCH_DIR and JAVA_OPTS and defines log(); after start_service, $service_pid and $port
# name the running service.

service_pid=
port=

stop_service() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"
    wait "$service_pid" 2>/dev/null || true
  fi
  service_pid=
}
trap stop_service EXIT

# start_service NAME [SERVICE ARGUMENTS...]: a new home $BENCH_DIR/NAME-home, the log in $BENCH_DIR/NAME-service.log.
start_service() {
  local name=$1; shift
  local home=$BENCH_DIR/$name-home logfile=$BENCH_DIR/$name-service.log
  rm -rf "$home"
  # shellcheck disable=SC2086
  RELATA_HOME=$home java $JAVA_OPTS -jar target/relata.jar --server.port=0 --relata.demo.enabled=false "$@" \
    >"$logfile" 2>&1 </dev/null &
  service_pid=$!
  port=
  for _ in $(seq 1 180); do
    kill -0 "$service_pid" 2>/dev/null || { log "the service stopped; see $logfile"; exit 1; }
    port=${port:-$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$logfile" | head -1)}
    if [ -n "$port" ] && curl -fsS "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      return
    fi
    sleep 1
  done
  log "the service did not become ready; see $logfile"
  exit 1
}

# KiB of a field of /proc/PID/status (VmRSS, VmHWM).
kib() { awk -v f="$1" '$1 == f":" {print $2}' "/proc/$service_pid/status"; }

# CPU seconds (user + system) the service has used so far; the comm field is "(java)", so fields count as usual.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$service_pid/stat"; }
