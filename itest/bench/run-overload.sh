#!/usr/bin/env bash
# Overload behaviour: boots a fresh copy of the distribution, then offers calls at FACTORS times
# CAPACITY (calls/s) for DURATION s each, from the bench generator. For each factor it reports the
# share of calls answered 503, calls completed per second (goodput), timeouts, the server's heap
# peak during the run (jstat), whether an OutOfMemoryError was logged, and the time from the end of
# the burst until a REGISTER and a short run of calls succeed again.
#
# usage: itest/bench/run-overload.sh [DIST_DIR]
# env:   CAPACITY=500  FACTORS="2 5 10"  DURATION=60  USERS=1000  SIP_PORT=25060  SSH_PORT=28101
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CAPACITY="${CAPACITY:-500}"
FACTORS="${FACTORS:-2 5 10}"
DURATION="${DURATION:-60}"
USERS="${USERS:-1000}"
SIP_PORT="${SIP_PORT:-25060}"
SSH_PORT="${SSH_PORT:-28101}"
JAR="$HERE/target/switchboard-bench.jar"
OUT="$HERE/target/overload-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
KARAF_PID=""; JAVA_PID=""
. "$HERE/lib.sh"
build_generator
DIST="$(copy_dist "${1:-$HERE/../../karaf-assembly/target/switchboard-0.1.0-SNAPSHOT}" overload)" || exit 1
cleanup() { stop_karaf; cp -a "$DIST/data/log" "$OUT/karaf-log" 2>/dev/null; rm -rf "$DIST"; }
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM
SERVER="127.0.0.1:$SIP_PORT"
(cd "$DIST" && exec nohup bin/karaf server >"$OUT/karaf.out" 2>&1 </dev/null) &
KARAF_PID=$!
timeout 120 java -jar "$JAR" ping --server "$SERVER" --domain 127.0.0.1 --interval 50 --wait 100s >/dev/null 2>&1 || die "no SIP answer"
JAVA_PID="$(find_java)"
echo "bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')" >"$OUT/password"
create_users "$USERS" "$OUT/password" "$SSH_PORT"
gen() { timeout $(($3 + 120)) java -Xms256m -Xmx512m -jar "$JAR" "$1" --server "$SERVER" --domain 127.0.0.1 --users 'bench%04d' \
  --count "$USERS" --password-file "$OUT/password" --rate "$2" --duration "$3" --warmup 0 --concurrency 8000; }
gen calls 100 5 >"$OUT/warmup.txt" 2>&1

{
  echo "== overload, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, capacity taken as $CAPACITY calls/s, ${DURATION} s per factor"
  printf '%-7s %-9s %-10s %-10s %-10s %-12s %-6s %s\n' factor offered/s "503 share" goodput/s timeouts "heap peak" OOM "back after"
} | tee "$OUT/summary.txt"
for f in $FACTORS; do
  rate=$((CAPACITY * f))
  jstat -gc "$JAVA_PID" 500 >"$OUT/jstat-$f.txt" 2>/dev/null &
  JSTAT=$!
  gen calls "$rate" "$DURATION" >"$OUT/calls-x$f.txt" 2>&1
  end=$(date +%s%3N)
  back=""
  for _ in $(seq 1 60); do
    if timeout 30 java -jar "$JAR" register --server "$SERVER" --domain 127.0.0.1 --users 'bench%04d' --count 10 \
         --password-file "$OUT/password" --rate 20 --duration 1 --warmup 0 >"$OUT/recover-reg-$f.txt" 2>&1 \
       && gen calls 20 2 >"$OUT/recover-calls-$f.txt" 2>&1; then
      back="$(( $(date +%s%3N) - end )) ms"; break
    fi
  done
  kill "$JSTAT" 2>/dev/null
  r="$(grep '^RESULT' "$OUT/calls-x$f.txt" | tail -1)"
  started=$(sed -n 's/^started *\([0-9]*\).*/\1/p' "$OUT/calls-x$f.txt")
  shed=$(awk '/^ +INVITE 503/ {s+=$3} END {print s+0}' "$OUT/calls-x$f.txt")
  ok=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$r"); timeouts=$(sed -n 's/.* timeouts=\([0-9]*\).*/\1/p' <<<"$r")
  peak=$(awk 'NR>1 && $1+0==$1 {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f MB", m/1024}' "$OUT/jstat-$f.txt")
  oom=$(grep -c OutOfMemoryError "$DIST/data/log/karaf.log" "$OUT/karaf.out" 2>/dev/null | awk -F: '{s+=$2} END {print (s>0)?"yes":"no"}')
  printf '%-7s %-9s %-10s %-10s %-10s %-12s %-6s %s\n' "${f}x" "$rate" \
    "$(awk -v s="$shed" -v n="${started:-0}" 'BEGIN{printf "%.1f %%", (n>0 ? 100*s/n : 0)}')" \
    "$(awk -v o="${ok:-0}" -v d="$DURATION" 'BEGIN{printf "%.0f", o/d}')" "${timeouts:-?}" "$peak" "$oom" "${back:-not within 60 tries}" \
    | tee -a "$OUT/summary.txt"
done
echo "details: $OUT" | tee -a "$OUT/summary.txt"
