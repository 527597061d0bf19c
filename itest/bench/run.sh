#!/usr/bin/env bash
# Boots a Switchboard distribution, measures boot-to-SIP-ready time and idle RSS, creates the bench
# users through the Karaf shell, searches the highest REGISTER/s and calls/s at < 0.1 % failures with
# the standalone generator (switchboard-bench.jar), prints a summary and always stops the server.
#
# usage: itest/bench/run.sh [DIST_DIR]
# env:   DURATION=20 (s per measured run)  WARMUP=3 (s)  USERS=1000  SERVER=127.0.0.1:5060
#        DOMAIN=127.0.0.1  REG_RATES="2000 3500 5000 7000 10000"  CALL_RATES="500 1000 1500 2000 3000"
#        BOOT_TIMEOUT=180 (s)  IDLE=10 (s)  CREATE_USERS=1  BENCH_JAVA_OPTS="-Xms256m -Xmx512m"
#        SIP_PORT=5060 / SSH_PORT (set both to run beside another instance, e.g. SIP_PORT=25060 SSH_PORT=28101)
#        COPY_DIST=1 (boot a fresh copy in /tmp, removed at the end unless KEEP_DIST=1; karaf logs are kept)
#        REFINE=1 (bisection steps between the last passing and the first failing rate)
#        BENCH_PASSWORD (default: random) password given to the created users
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
DIST="$(realpath "${1:-/work/main/karaf-assembly/target/switchboard-0.1.0-SNAPSHOT}" 2>/dev/null || echo "${1:-}")"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-3}"
USERS="${USERS:-1000}"
SIP_PORT="${SIP_PORT:-5060}"
SSH_PORT="${SSH_PORT:-}"
SERVER="${SERVER:-127.0.0.1:$SIP_PORT}"
DOMAIN="${DOMAIN:-127.0.0.1}"
REG_RATES="${REG_RATES:-2000 3500 5000 7000 10000}"
CALL_RATES="${CALL_RATES:-500 1000 1500 2000 3000}"
BOOT_TIMEOUT="${BOOT_TIMEOUT:-180}"
IDLE="${IDLE:-10}"
CREATE_USERS="${CREATE_USERS:-1}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx512m}"
JAR="$HERE/target/switchboard-bench.jar"
OUT="$HERE/target/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

KARAF_PID=""
JAVA_PID=""
# shellcheck source=lib.sh
. "$HERE/lib.sh"
now_ms() { date +%s%3N; }

[ -d "$DIST" ] && [ -x "$DIST/bin/karaf" ] || die "no distribution at '$DIST' (expected bin/karaf)"
if [ "${COPY_DIST:-1}" = 1 ]; then # boot a pristine copy: first-boot figures, the original stays untouched
  COPY="$(mktemp -d /tmp/switchboard-bench-dist.XXXXXX)" || die "mktemp failed"
  cp -a "$DIST/." "$COPY/" || die "copying $DIST failed"
  log "running a copy of $DIST in $COPY"
  DIST="$COPY"
  if [ "$SIP_PORT" != 5060 ]; then # move every SIP listener, so that it can run beside another instance
    sed -i -E -e "s/^(udp|tcp)\.port *=.*/\1.port = $SIP_PORT/" -e "s/^tls\.port *=.*/tls.port = $((SIP_PORT + 1))/" \
      -e "s/^ws\.port *=.*/ws.port = $((SIP_PORT + 6))/" -e "s/^wss\.port *=.*/wss.port = $((SIP_PORT + 7))/" \
      "$DIST/etc/org.switchboard.sip.cfg" || die "cannot set the SIP ports"
    log "SIP ports of the copy: $(grep -E '^(udp|tcp|tls|ws|wss)\.port' "$DIST/etc/org.switchboard.sip.cfg" | tr '\n' ' ')"
  fi
  if [ -n "$SSH_PORT" ]; then
    sed -i -E "s/^sshPort *=.*/sshPort = $SSH_PORT/" "$DIST/etc/org.apache.karaf.shell.cfg" || die "cannot set sshPort"
  fi
elif [ "$SIP_PORT" != 5060 ] || [ -n "$SSH_PORT" ]; then
  die "SIP_PORT/SSH_PORT need COPY_DIST=1 (the original distribution is never edited)"
fi
build_generator
bench() { timeout $((DURATION + WARMUP + 60)) java $BENCH_JAVA_OPTS -jar "$JAR" "$@"; }

cleanup() {
  stop_karaf
  if [ -n "${COPY:-}" ] && [ -d "$COPY" ] && [ "${KEEP_DIST:-0}" != 1 ]; then
    cp -a "$COPY/data/log" "$OUT/karaf-log" 2>/dev/null
    rm -rf "$COPY"
  fi
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

if timeout 2 java -jar "$JAR" ping --server "$SERVER" --domain "$DOMAIN" --wait 1s >/dev/null 2>&1; then
  die "something already answers SIP on $SERVER: stop it first"
fi

# ---- boot ---------------------------------------------------------------------------------------
log "starting $DIST (bin/karaf server), log in $OUT/karaf.out"
START_MS=$(now_ms)
(cd "$DIST" && exec nohup bin/karaf server >"$OUT/karaf.out" 2>&1 </dev/null) &
KARAF_PID=$!
PING_OUT=$(timeout $((BOOT_TIMEOUT + 10)) java -jar "$JAR" ping --server "$SERVER" --domain "$DOMAIN" \
  --interval 20 --wait "${BOOT_TIMEOUT}s" 2>&1)
echo "$PING_OUT" >>"$OUT/run.log"
READY_MS=$(sed -n 's/^READY .*epoch_ms=\([0-9]*\).*/\1/p' <<<"$PING_OUT")
[ -n "$READY_MS" ] || die "no SIP answer on $SERVER within ${BOOT_TIMEOUT}s: $PING_OUT"
BOOT_MS=$((READY_MS - START_MS))
JAVA_PID="$(find_java)"
log "SIP ready after ${BOOT_MS} ms (karaf java pid ${JAVA_PID:-unknown})"

sleep "$IDLE"
IDLE_RSS_KB="$( [ -n "$JAVA_PID" ] && ps -o rss= -p "$JAVA_PID" | tr -d ' ' || echo '?')"
log "idle RSS after ${IDLE}s: ${IDLE_RSS_KB} KB"

# ---- users --------------------------------------------------------------------------------------
PASSWORD_FILE="$OUT/bench.password"
echo "${BENCH_PASSWORD:-bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')}" >"$PASSWORD_FILE"
if [ "$CREATE_USERS" = 1 ]; then
  create_users "$USERS" "$PASSWORD_FILE" "$SSH_PORT"
fi

# ---- benchmarks: ascending rates, stop at the first one that fails --------------------------------
run_rate() { # mode rate -> prints the RESULT line, returns 0 when it passed
  local mode=$1 rate=$2 line
  log "$mode at $rate/s for ${DURATION}s"
  bench "$mode" --server "$SERVER" --domain "$DOMAIN" --users 'bench%04d' --count "$USERS" \
    --password-file "$PASSWORD_FILE" --rate "$rate" --duration "$DURATION" --warmup "$WARMUP" \
    >"$OUT/$mode-$rate.txt" 2>&1
  line="$(grep '^RESULT' "$OUT/$mode-$rate.txt" | tail -1)"
  echo "$rate ${line:-RESULT none (see $OUT/$mode-$rate.txt)}" >>"$OUT/$mode.results"
  log "  ${line:-no result}"
  sleep 3 # let the server drain its queues before the next run
  echo "$line"
  [[ "$line" == *"pass=true"* ]]
}
search() { # mode rates...: ascending until the first failure, then REFINE bisection steps
  local mode=$1; shift
  local best="" pass=0 fail="" line
  for rate in "$@"; do
    if line="$(run_rate "$mode" "$rate")"; then best="$line"; pass=$rate; else fail=$rate; break; fi
  done
  for ((i = 0; i < ${REFINE:-1}; i++)); do
    [ -n "$fail" ] && [ "$pass" -gt 0 ] || break
    local mid=$(((pass + fail) / 2))
    [ $((fail - mid)) -ge $((fail / 20 + 1)) ] || break
    if line="$(run_rate "$mode" "$mid")"; then best="$line"; pass=$mid; else fail=$mid; fi
  done
  echo "${best:-none}" >"$OUT/$mode.best"
}
search register $REG_RATES
search calls $CALL_RATES
RSS_AFTER_KB="$( [ -n "$JAVA_PID" ] && ps -o rss= -p "$JAVA_PID" | tr -d ' ' || echo '?')"

field() { [ "$1" = none ] && { echo "none passed"; return; }; sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
REG="$(cat "$OUT/register.best")"
CALL="$(cat "$OUT/calls.best")"
{
  echo
  echo "== Switchboard bench summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, dist $DIST)"
  printf '%-34s %s\n' "boot to SIP ready" "${BOOT_MS} ms"
  printf '%-34s %s\n' "idle RSS (boot + ${IDLE}s)" "${IDLE_RSS_KB} KB"
  printf '%-34s %s\n' "RSS after the benchmarks" "${RSS_AFTER_KB} KB"
  printf '%-34s %s\n' "REGISTER/s at <0.1% failures" \
    "$(field "$REG" achieved) (p50 $(field "$REG" register_p50_ms) ms, p99 $(field "$REG" register_p99_ms) ms)"
  printf '%-34s %s\n' "calls/s at <0.1% failures" \
    "$(field "$CALL" achieved) (INVITE->200 p50 $(field "$CALL" call_INVITE_200_p50_ms) / p99 $(field "$CALL" call_INVITE_200_p99_ms) ms; setup+teardown p50 $(field "$CALL" call_setup+teardown_p50_ms) / p99 $(field "$CALL" call_setup+teardown_p99_ms) ms)"
  echo "all runs (target rate, result):"
  sed 's/^/  register /' "$OUT/register.results"
  sed 's/^/  calls    /' "$OUT/calls.results"
  echo "details: $OUT"
} | tee "$OUT/summary.txt"
