#!/usr/bin/env bash
# Kamailio (apt) and Switchboard on the same box, in one run, with the same users, scenarios and
# load tools: our generator (REGISTER with digest and a cached nonce; calls INVITE, 407, INVITE with
# credentials, 180, 200, ACK, BYE) and SIPp (sip-tester, digest REGISTER). For each mode it
# searches the highest rate at < 0.1 % failures on both, then prints the ratios.
#
# usage: itest/bench/compare-kamailio.sh [DIST_DIR]
# env:   REG_RATES="3500 7000 10000 15000"  CALL_RATES="500 1000 1500 2000"  SIPP_RATES="1000 2000 4000"
#        DURATION=15  WARMUP=3  USERS=1000  KAM_PORT=15060  SIP_PORT=25060  SSH_PORT=28101
# needs: kamailio, sip-tester (apt); the distribution built (mvn install)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
DIST_ARG="${1:-}"
REG_RATES="${REG_RATES:-3500 7000 10000 15000}"
CALL_RATES="${CALL_RATES:-500 1000 1500 2000}"
SIPP_RATES="${SIPP_RATES:-1000 2000 4000}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-3}"
USERS="${USERS:-1000}"
KAM_PORT="${KAM_PORT:-15060}"
SIP_PORT="${SIP_PORT:-25060}"
SSH_PORT="${SSH_PORT:-28101}"
JAR="$HERE/target/switchboard-bench.jar"
OUT="$HERE/target/compare-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
KARAF_PID=""; JAVA_PID=""; DIST=""
. "$HERE/lib.sh"
command -v kamailio >/dev/null || die "kamailio is not installed (apt-get install kamailio)"
command -v sipp >/dev/null || die "sipp is not installed (apt-get install sip-tester)"
build_generator

PASSWORD="bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
echo "$PASSWORD" >"$OUT/password"
{ echo SEQUENTIAL; for ((i = 0; i < USERS; i++)); do printf 'bench%04d;[authentication username=bench%04d password=%s]\n' "$i" "$i" "$PASSWORD"; done; } >"$OUT/users.csv"

KAM_PID=""
cleanup() { [ -n "$KAM_PID" ] && kill "$KAM_PID" 2>/dev/null; [ -n "$KAM_PID" ] && pkill -f "$OUT/kamailio.cfg" 2>/dev/null; stop_karaf; }
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# generator: MODE SERVER RATE -> RESULT line; returns 0 when it passed
gen() {
  timeout $((DURATION + WARMUP + 90)) java -Xms256m -Xmx512m -jar "$JAR" "$1" --server "$2" --domain 127.0.0.1 \
    --users 'bench%04d' --count "$USERS" --password "$PASSWORD" --rate "$3" --duration "$DURATION" --warmup "$WARMUP" \
    >"$OUT/$4-$1-$3.txt" 2>&1
  grep '^RESULT' "$OUT/$4-$1-$3.txt" | tail -1
}
# sipp REGISTER: SERVER RATE NAME -> "RESULT mode=sipp-register target=R achieved=A ok=N failed=F pass=..."
sipp_reg() {
  local n=$(($2 * DURATION)) start end ok failed
  start=$(date +%s%3N)
  timeout $((DURATION * 4 + 60)) sipp "$1" -sf "$HERE/kamailio/sipp-register.xml" -inf "$OUT/users.csv" -r "$2" -m "$n" \
    -l 5000 -nostdin -timeout $((DURATION * 3 + 30))s -recv_timeout 4000 -trace_stat -stf "$OUT/$3-sipp-$2.csv" \
    >"$OUT/$3-sipp-$2.txt" 2>&1
  end=$(date +%s%3N)
  ok=$(tail -1 "$OUT/$3-sipp-$2.csv" | awk -F';' -v h="$(head -1 "$OUT/$3-sipp-$2.csv")" 'BEGIN{split(h,c,";"); for(i in c){if(c[i]=="SuccessfulCall(C)")s=i; if(c[i]=="FailedCall(C)")f=i}} {print $s+0, $f+0}')
  failed=${ok#* }; ok=${ok% *}
  awk -v r="$2" -v ok="$ok" -v f="$failed" -v ms=$((end - start)) 'BEGIN{pct=(ok+f)>0?100*f/(ok+f):100;
    printf "RESULT mode=sipp-register target=%s achieved=%.1f ok=%d failed=%d fail_pct=%.3f pass=%s\n", r, ok*1000/ms, ok, f, pct,
    (pct<0.1 && ok*1000/ms>=0.95*r)?"true":"false"}'
}
search() { # NAME FN SERVER MODE RATES...: highest passing RESULT line
  local name=$1 fn=$2 server=$3 mode=$4 best="none" line; shift 4
  for rate in "$@"; do
    if [ "$fn" = gen ]; then line="$(gen "$mode" "$server" "$rate" "$name")"; else line="$(sipp_reg "$server" "$rate" "$name")"; fi
    log "$name $mode $rate: ${line:-no result}"
    echo "$name $mode $rate $line" >>"$OUT/all.txt"
    [[ "$line" == *"pass=true"* ]] || break
    best="$line"
  done
  echo "$best" >"$OUT/$name-$mode.best"
}

# ---- Kamailio -------------------------------------------------------------------------------------
sed -e "s/@LISTEN@/127.0.0.1:$KAM_PORT/" -e "s/@PASSWORD@/$PASSWORD/" "$HERE/kamailio/kamailio.cfg" >"$OUT/kamailio.cfg"
kamailio -c -f "$OUT/kamailio.cfg" >"$OUT/kamailio-check.log" 2>&1 || die "kamailio rejects its config: $OUT/kamailio-check.log"
kamailio -f "$OUT/kamailio.cfg" -DD -E -m 2048 -M 32 >"$OUT/kamailio.log" 2>&1 &
KAM_PID=$!
timeout 20 java -jar "$JAR" ping --server "127.0.0.1:$KAM_PORT" --domain 127.0.0.1 --wait 15s >/dev/null 2>&1 || die "Kamailio does not answer"
log "Kamailio $(kamailio -v 2>/dev/null | head -1 | awk '{print $3}') on 127.0.0.1:$KAM_PORT"
search kamailio gen "127.0.0.1:$KAM_PORT" register $REG_RATES
search kamailio gen "127.0.0.1:$KAM_PORT" calls $CALL_RATES
search kamailio sipp "127.0.0.1:$KAM_PORT" sipp-register $SIPP_RATES
kill "$KAM_PID" 2>/dev/null; wait "$KAM_PID" 2>/dev/null; KAM_PID=""

# ---- Switchboard ----------------------------------------------------------------------------------
DIST="$(copy_dist "${DIST_ARG:-$HERE/../../karaf-assembly/target/switchboard-0.1.0-SNAPSHOT}" compare)" || exit 1
(cd "$DIST" && exec nohup bin/karaf server >"$OUT/karaf.out" 2>&1 </dev/null) &
KARAF_PID=$!
timeout 120 java -jar "$JAR" ping --server "127.0.0.1:$SIP_PORT" --domain 127.0.0.1 --interval 50 --wait 100s >/dev/null 2>&1 \
  || die "Switchboard does not answer"
JAVA_PID="$(find_java)"
create_users "$USERS" "$OUT/password" "$SSH_PORT"
# the JIT warms up on a short run first, as a running server would be
gen register "127.0.0.1:$SIP_PORT" 3000 warmup >/dev/null
search switchboard gen "127.0.0.1:$SIP_PORT" register $REG_RATES
search switchboard gen "127.0.0.1:$SIP_PORT" calls $CALL_RATES
search switchboard sipp "127.0.0.1:$SIP_PORT" sipp-register $SIPP_RATES

# ---- ratios ---------------------------------------------------------------------------------------
f() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
{
  echo
  echo "== Switchboard vs Kamailio, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-16s %-30s %-30s %s\n' mode "Kamailio (rate, p99 ms)" "Switchboard (rate, p99 ms)" "ratios (rate, p99)"
  for mode in register calls sipp-register; do
    k="$(cat "$OUT/kamailio-$mode.best")"; s="$(cat "$OUT/switchboard-$mode.best")"
    p99=register_p99_ms; [ "$mode" = calls ] && p99=call_INVITE_200_p99_ms; [ "$mode" = sipp-register ] && p99=none
    ka="$(f "$k" achieved)"; sa="$(f "$s" achieved)"; kp="$(f "$k" $p99)"; sp="$(f "$s" $p99)"
    ratio="$(awk -v a="${sa:-0}" -v b="${ka:-0}" 'BEGIN{if(b>0)printf "%.2fx", a/b; else print "-"}')"
    pr="$(awk -v a="${sp:-0}" -v b="${kp:-0}" 'BEGIN{if(b>0)printf "%.2fx", a/b; else print "-"}')"
    printf '%-16s %-30s %-30s %s\n' "$mode" "${ka:-none} /s, ${kp:--}" "${sa:-none} /s, ${sp:--}" "$ratio, $pr"
  done
  echo "passing = < 0.1 % failures and >= 95 % of the target rate; every run: $OUT/all.txt"
} | tee "$OUT/summary.txt"
