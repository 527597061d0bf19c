#!/usr/bin/env bash
# Boots a fresh copy of a Switchboard distribution on its own ports, configures the bench's call route
# (an IVR menu whose key 1 dials a number, and a dial plan rule 7NNNN -> user benchNNNN), creates the
# bench users through the Karaf shell, and measures media: concurrent bridged calls (bridge mode) and
# concurrent 10-party conferences (conference mode), in ascending steps until the first step over the
# jitter/loss limits. Prints a summary and always stops the server.
#
# usage: itest/bench/run-media.sh [DIST_DIR | DIST.tar.gz]
# env:   CALLS="100,200,300,400,500,600,800,1000"  ROOMS="5,10,20,30,40,60,80,100"  (steps; empty skips a mode)
#        DURATION=20 (s measured per step)  SETTLE=5 (s)  SETUP_RATE=25 (setups/s)  SRTP=true
#        USERS=3000 (bench0000..; bridge uses the first half as callers, the second half as callees)
#        SIP_PORT=55060 (tls +1, ws +6)  WSS_PORT=57443  HTTP_PORT=58181  HTTPS_PORT=58443  SSH_PORT=58101
#        RMI_REGISTRY_PORT=51099  RMI_SERVER_PORT=54444  MEDIA_PORTS=20000-39999  IO_THREADS (media io.threads)
#        CLOCK_THREADS (media clock.threads: clock shards, default one per processor; 1 = one clock as before)
#        CODEC_THREADS (media codec.threads: Opus workers)
#        BOOT_TIMEOUT=180  KEEP_DIST=0  JFR=0 (1: record the server with JFR, profile settings, kept in the output)
#        BENCH_JAVA_OPTS="-Xms256m -Xmx512m"  EXTRA_ARGS (more generator options, e.g. "--receivers 1")
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="${1:-/work/main/karaf-assembly/target/switchboard-0.1.0-SNAPSHOT.tar.gz}"
CALLS="${CALLS-100,200,300,400,500,600,800,1000}"
ROOMS="${ROOMS-5,10,20,30,40,60,80,100}"
DURATION="${DURATION:-20}"
SETTLE="${SETTLE:-5}"
SETUP_RATE="${SETUP_RATE:-25}"
SRTP="${SRTP:-true}"
USERS="${USERS:-3000}"
SIP_PORT="${SIP_PORT:-55060}"
WSS_PORT="${WSS_PORT:-57443}"
HTTP_PORT="${HTTP_PORT:-58181}"
HTTPS_PORT="${HTTPS_PORT:-58443}"
SSH_PORT="${SSH_PORT:-58101}"
RMI_REGISTRY_PORT="${RMI_REGISTRY_PORT:-51099}"
RMI_SERVER_PORT="${RMI_SERVER_PORT:-54444}"
MEDIA_PORTS="${MEDIA_PORTS:-20000-39999}"
BOOT_TIMEOUT="${BOOT_TIMEOUT:-180}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx512m}"
SERVER="127.0.0.1:$SIP_PORT"
JAR="$HERE/target/switchboard-bench.jar"
OUT="$HERE/target/media-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

KARAF_PID=""
JAVA_PID=""
# shellcheck source=lib.sh
. "$HERE/lib.sh"

DIST="$(mktemp -d /tmp/switchboard-media-bench.XXXXXX)" || die "mktemp failed"
if [ -f "$SRC" ]; then
  tar xzf "$SRC" -C "$DIST" --strip-components=1 || die "cannot unpack $SRC"
elif [ -x "$SRC/bin/karaf" ]; then
  cp -a "$SRC/." "$DIST/" || die "copying $SRC failed"
else
  die "no distribution at '$SRC' (a directory with bin/karaf, or the .tar.gz)"
fi
log "running a fresh copy of $SRC in $DIST"

# ---- configuration of the copy: own ports, the bench's route to a bridged call -------------------------
E="$DIST/etc"
sed -i -E -e "s/^(udp|tcp)\.port *=.*/\1.port = $SIP_PORT/" -e "s/^tls\.port *=.*/tls.port = $((SIP_PORT + 1))/" \
  -e "s/^ws\.port *=.*/ws.port = $((SIP_PORT + 6))/" -e "s/^wss\.port *=.*/wss.port = $WSS_PORT/" \
  "$E/org.switchboard.sip.cfg" || die "cannot set the SIP ports"
sed -i -E -e "s/^org\.osgi\.service\.http\.port *=.*/org.osgi.service.http.port = $HTTP_PORT/" \
  -e "s/^org\.osgi\.service\.http\.port\.secure *=.*/org.osgi.service.http.port.secure = $HTTPS_PORT/" \
  "$E/org.ops4j.pax.web.cfg" || die "cannot set the HTTP ports"
sed -i -E "s/^sshPort *=.*/sshPort = $SSH_PORT/" "$E/org.apache.karaf.shell.cfg" || die "cannot set sshPort"
printf 'rmiRegistryPort = %s\nrmiServerPort = %s\n' "$RMI_REGISTRY_PORT" "$RMI_SERVER_PORT" >>"$E/org.apache.karaf.management.cfg"
sed -i -E -e "s/^port\.min *=.*/port.min = ${MEDIA_PORTS%-*}/" -e "s/^port\.max *=.*/port.max = ${MEDIA_PORTS#*-}/" \
  "$E/org.switchboard.media.cfg" || die "cannot set the media ports"
if [ -n "${IO_THREADS:-}" ]; then
  sed -i -E "s/^io\.threads *=.*/io.threads = $IO_THREADS/" "$E/org.switchboard.media.cfg"
fi
for key in clock codec; do # not in the shipped file (the defaults live in the engine's Config): appended
  var="$(tr '[:lower:]' '[:upper:]' <<<"$key")_THREADS"
  if [ -n "${!var:-}" ]; then
    sed -i -E "/^$key\.threads *=/d" "$E/org.switchboard.media.cfg"
    echo "$key.threads = ${!var}" >>"$E/org.switchboard.media.cfg"
  fi
done
# dial plan: 7NNNN reaches user benchNNNN (what the caller types in the IVR)
grep -q '^    \*800 *= application:ivr$' "$E/org.switchboard.dialplan.cfg" || die "unexpected default dial plan in $E"
sed -i -E 's/^    \*800( *)= application:ivr$/    *800\1= application:ivr, \\\n    ^7([0-9]{4})$ = user:bench$1/' \
  "$E/org.switchboard.dialplan.cfg"
# IVR: callers enter menu "bench", where key 1 asks for a number (ending in #) and connects to it
sed -i -E 's/^menu *=.*/menu = bench/' "$E/org.switchboard.ivr.cfg"
printf 'name = bench\nprompt = ivr-welcome\ntimeout.seconds = 10\nmax.attempts = 2\ndigit.1 = dial\n' \
  >"$E/org.switchboard.ivr.menu-bench.cfg"
grep -E '^(udp|tcp|tls|ws|wss)\.port|^port\.(min|max)|^(io|clock|codec)\.threads|^sshPort|^rmi|^org\.osgi\.service\.http\.port' \
  "$E"/org.switchboard.sip.cfg "$E"/org.switchboard.media.cfg "$E"/org.apache.karaf.shell.cfg \
  "$E"/org.apache.karaf.management.cfg "$E"/org.ops4j.pax.web.cfg >"$OUT/ports.txt"

build_generator

cleanup() {
  stop_karaf
  cp -a "$DIST/data/log" "$OUT/karaf-log" 2>/dev/null
  [ "${KEEP_DIST:-0}" = 1 ] || rm -rf "$DIST"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

if timeout 2 java -jar "$JAR" ping --server "$SERVER" --wait 1s >/dev/null 2>&1; then
  die "something already answers SIP on $SERVER: stop it first"
fi

if [ "${JFR:-0}" = 1 ]; then # bin/setenv only sets its defaults when EXTRA_JAVA_OPTS is empty: repeat them
  export EXTRA_JAVA_OPTS="-Xms32m -Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:StartFlightRecording=settings=profile,filename=$OUT/server.jfr,dumponexit=true"
fi
log "starting $DIST (bin/karaf server), log in $OUT/karaf.out"
(cd "$DIST" && exec nohup bin/karaf server >"$OUT/karaf.out" 2>&1 </dev/null) &
KARAF_PID=$!
PING_OUT=$(timeout $((BOOT_TIMEOUT + 10)) java -jar "$JAR" ping --server "$SERVER" --interval 20 --wait "${BOOT_TIMEOUT}s" 2>&1)
grep -q '^READY' <<<"$PING_OUT" || die "no SIP answer on $SERVER within ${BOOT_TIMEOUT}s: $PING_OUT"
JAVA_PID="$(find_java)"
[ -n "$JAVA_PID" ] || die "cannot find the server's java process"
log "SIP ready (karaf java pid $JAVA_PID)"

PASSWORD_FILE="$OUT/bench.password"
echo "bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')" >"$PASSWORD_FILE"
create_users "$USERS" "$PASSWORD_FILE" "$SSH_PORT"
ADMIN_PW="$(cat "$DIST/etc/secrets/admin.password")"
log "dial plan: $(echo 'dialplan:test bench0000 71500' | timeout 60 "$DIST/bin/client" -a "$SSH_PORT" -u admin -p "$ADMIN_PW" -b 2>&1 | tail -1)"
sleep 5 # let the JIT and the boot settle

bench() { # mode levels -> output in $OUT/<mode>.txt
  local mode=$1 levels=$2
  local steps; steps=$(tr ',' '\n' <<<"$levels" | grep -c .)
  log "$mode: steps $levels (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  timeout $((steps * (DURATION + SETTLE + 120) + 120)) java $BENCH_JAVA_OPTS -jar "$JAR" "$mode" --server "$SERVER" \
    --users 'bench%04d' --count "$USERS" --password-file "$PASSWORD_FILE" \
    $([ "$mode" = bridge ] && echo --calls || echo --rooms) "$levels" --duration "$DURATION" --settle "$SETTLE" \
    --setup-rate "$SETUP_RATE" --srtp "$SRTP" --server-pid "$JAVA_PID" ${EXTRA_ARGS:-} 2>&1 | tee "$OUT/$mode.txt" >&2
  sleep 5
}
[ -z "$CALLS" ] || bench bridge "$CALLS"
[ -z "$ROOMS" ] || bench conference "$ROOMS"

{
  echo
  echo "== Switchboard media bench summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
  for mode in bridge conference; do
    [ -f "$OUT/$mode.txt" ] || continue
    echo "$mode, every step:"
    grep '^STEP' "$OUT/$mode.txt" | sed 's/^/  /'
    echo "$mode, best passing step:"
    grep '^RESULT' "$OUT/$mode.txt" | sed 's/^/  /'
  done
  echo "details: $OUT"
} | tee "$OUT/summary.txt"
