#!/usr/bin/env bash
# Measures boot to SIP ready (first OPTIONS answered over UDP, probed every 20 ms from process start)
# at first start and at restart, and the idle RSS after each, on a fresh copy of the distribution with
# every port moved (so it can run beside other instances). Same method as itest/bench/run.sh, plus the
# JVM's CPU time (user + sys) until SIP answered, which other load on the machine disturbs far less.
#
# usage: karaf-assembly/src/bench/boot-rss.sh [DIST_DIR] [RUNS]
# env:   BASE_PORT=26000  IDLE=10 (s before RSS is read)  JAR=itest/bench/target/switchboard-bench.jar
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
DIST="$(realpath "${1:-$ROOT/karaf-assembly/target/switchboard-0.1.0-SNAPSHOT}")"
RUNS="${2:-1}"
P="${BASE_PORT:-26000}"
IDLE="${IDLE:-10}"
JAR="${JAR:-$ROOT/itest/bench/target/switchboard-bench.jar}"
[ -f "$JAR" ] || { echo "build the generator first: mvn -o -f itest/bench/pom.xml package -DskipTests" >&2; exit 1; }
now_ms() { date +%s%3N; }
java_of() { pgrep -f "karaf.base=$1 " | head -1; }

boot() { # dir label
  local dir=$1 label=$2 start ready out pid rss
  start=$(now_ms)
  (cd "$dir" && exec bin/karaf server >>"$dir/karaf.out" 2>&1 </dev/null) &
  out=$(java -jar "$JAR" ping --server 127.0.0.1:$P --domain 127.0.0.1 --interval 20 --wait 120s 2>&1)
  ready=$(sed -n 's/^READY .*epoch_ms=\([0-9]*\).*/\1/p' <<<"$out")
  [ -n "$ready" ] || { echo "no SIP answer: $out" >&2; return 1; }
  pid=$(java_of "$dir")
  # CPU time the JVM used until SIP answered: far less sensitive to other load than wall time
  cpu_ms=$(awk -v t="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  sleep "$IDLE"
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  echo "$label boot_to_sip_ready_ms=$((ready - start)) cpu_ms_to_ready=$cpu_ms idle_rss_kb=$rss load1=$(cut -d' ' -f1 /proc/loadavg)"
  "$dir/bin/stop" >/dev/null 2>&1
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

for run in $(seq 1 "$RUNS"); do
  COPY="$(mktemp -d /tmp/switchboard-boot.XXXXXX)"
  cp -a "$DIST/." "$COPY/"
  sed -i -E -e "s/^(udp|tcp)\.port *=.*/\1.port = $P/" -e "s/^tls\.port *=.*/tls.port = $((P + 1))/" \
    -e "s/^ws\.port *=.*/ws.port = $((P + 6))/" -e "s/^wss\.port *=.*/wss.port = $((P + 7))/" "$COPY/etc/org.switchboard.sip.cfg"
  sed -i -E "s/^sshPort *=.*/sshPort = $((P + 2))/" "$COPY/etc/org.apache.karaf.shell.cfg"
  [ -f "$COPY/etc/org.apache.karaf.management.cfg" ] && sed -i -E -e "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((P + 3))/" -e "s/^rmiServerPort *=.*/rmiServerPort = $((P + 4))/" \
    "$COPY/etc/org.apache.karaf.management.cfg"
  sed -i -E -e "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $((P + 8))/" \
    -e "s/^org.osgi.service.http.port.secure *=.*/org.osgi.service.http.port.secure = $((P + 9))/" "$COPY/etc/org.ops4j.pax.web.cfg"
  boot "$COPY" "run $run first-start" || break
  boot "$COPY" "run $run restart" || break
  [ "${KEEP:-0}" = 1 ] && echo "kept $COPY" || rm -rf "$COPY"
done
