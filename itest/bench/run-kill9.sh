#!/usr/bin/env bash
# Are acknowledged registrations kept on kill -9? Boots a fresh copy of the distribution, registers
# USERS users at RATE/s (each REGISTER answered 200 is counted), kills the JVM with -9 DELAY seconds
# after the last answer, starts it again and counts the bindings that came back.
#
# usage: itest/bench/run-kill9.sh [DIST_DIR]     env: USERS=500 RATE=500 DELAY=0.2 SIP_PORT=25060 SSH_PORT=28101
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
USERS="${USERS:-500}"; RATE="${RATE:-500}"; DELAY="${DELAY:-0.2}"
SIP_PORT="${SIP_PORT:-25060}"; SSH_PORT="${SSH_PORT:-28101}"
JAR="$HERE/target/switchboard-bench.jar"
OUT="$HERE/target/kill9-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
KARAF_PID=""; JAVA_PID=""
. "$HERE/lib.sh"
build_generator
DIST="$(copy_dist "${1:-$HERE/../../karaf-assembly/target/switchboard-0.1.0-SNAPSHOT}" kill9)" || exit 1
cleanup() { stop_karaf; rm -rf "$DIST"; }
trap cleanup EXIT
SERVER="127.0.0.1:$SIP_PORT"
boot() {
  (cd "$DIST" && exec nohup bin/karaf server >>"$OUT/karaf.out" 2>&1 </dev/null) &
  KARAF_PID=$!
  timeout 120 java -jar "$JAR" ping --server "$SERVER" --domain 127.0.0.1 --interval 50 --wait 100s >/dev/null 2>&1 || die "no SIP answer"
  JAVA_PID="$(find_java)"
}
boot
echo "bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')" >"$OUT/password"
create_users "$USERS" "$OUT/password" "$SSH_PORT"
java -jar "$JAR" register --server "$SERVER" --domain 127.0.0.1 --users 'kill%04d' --count 1 --password-file "$OUT/password" \
  --rate 1 --duration 1 --warmup 0 >/dev/null 2>&1 # JIT and database warm, nothing kept
java -jar "$JAR" register --server "$SERVER" --domain 127.0.0.1 --users 'bench%04d' --count "$USERS" --password-file "$OUT/password" \
  --rate "$RATE" --duration "$(awk -v u="$USERS" -v r="$RATE" 'BEGIN{printf "%.0fms", 1000*u/r}')" --warmup 0 --keep true \
  >"$OUT/register.txt" 2>&1
sleep "$DELAY"
kill -9 "$JAVA_PID"
ok=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' "$OUT/register.txt" | tail -1)
log "killed -9 ${DELAY}s after $ok REGISTERs answered 200"
for _ in $(seq 1 50); do kill -0 "$JAVA_PID" 2>/dev/null || break; sleep 0.1; done
KARAF_PID=""
boot
admin_pw="$(cat "$DIST/etc/secrets/admin.password")"
for _ in $(seq 1 30); do
  echo "sip:registrations" | "$DIST/bin/client" -a "$SSH_PORT" -u admin -p "$admin_pw" -b >"$OUT/registrations.txt" 2>&1 && break
  sleep 2
done
kept=$(grep -c "sip:bench[0-9]" "$OUT/registrations.txt")
echo "== kill -9: $ok registrations answered 200 at $RATE/s, killed ${DELAY}s after the last; $kept bindings after restart" \
  | tee "$OUT/summary.txt"
