#!/usr/bin/env bash
# Shared by run.sh and run-media.sh: logging, finding and stopping the Karaf java process, and creating
# the bench users through the Karaf shell. Source it after setting OUT, DIST, KARAF_PID and JAVA_PID.

log() { printf '[%s %s] %s\n' "$(basename "$0")" "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }

alive() { local p; for p in "$@"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }

# Stops the distribution started as KARAF_PID: bin/stop, then TERM and KILL for what is still alive.
stop_karaf() {
  [ -n "$KARAF_PID" ] || return 0
  log "stopping the distribution"
  timeout 60 "$DIST/bin/stop" >>"$OUT/stop.log" 2>&1 || log "bin/stop failed (see $OUT/stop.log)"
  for _ in $(seq 1 60); do alive $JAVA_PID $KARAF_PID || break; sleep 0.5; done
  for pid in $JAVA_PID $KARAF_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      log "process $pid still alive after bin/stop: TERM, then KILL"
      kill -TERM "$pid" 2>/dev/null; sleep 5; kill -KILL "$pid" 2>/dev/null
    fi
  done
  KARAF_PID=""
}

# The karaf java process: the java descendant of the launcher we started.
find_java() {
  local pids="$KARAF_PID" all="" p kids
  while [ -n "$pids" ]; do
    all="$all $pids"; kids=""
    for p in $pids; do kids="$kids $(pgrep -P "$p" 2>/dev/null | tr '\n' ' ')"; done
    pids="$(echo $kids)"
  done
  for p in $all; do
    [ "$(ps -o comm= -p "$p" 2>/dev/null)" = "java" ] && { echo "$p"; return; }
  done
}

# create_users COUNT PASSWORD_FILE [SSH_PORT]: bench0000.. through bin/client (the shell may come up after SIP).
create_users() {
  local count=$1 password_file=$2 ssh_port=${3:-} admin_pw ok="" i
  admin_pw="$(cat "$DIST/etc/secrets/admin.password" 2>/dev/null)" || die "no etc/secrets/admin.password"
  for ((i = 0; i < count; i++)); do
    printf 'sip:user-add bench%04d --password %s\n' "$i" "$(cat "$password_file")"
  done >"$OUT/users.cmds"
  for _ in $(seq 1 30); do
    if timeout 600 "$DIST/bin/client" ${ssh_port:+-a "$ssh_port"} -u admin -p "$admin_pw" -b <"$OUT/users.cmds" \
        >"$OUT/users.log" 2>&1; then
      ok=1; break
    fi
    sleep 2
  done
  [ -n "$ok" ] || die "creating users through bin/client failed, see $OUT/users.log"
  if grep -qiE 'error|exception|not found' "$OUT/users.log"; then
    log "warning: bin/client output mentions errors: $(grep -iE 'error|exception|not found' "$OUT/users.log" | head -3)"
  fi
  log "created $count users bench0000.. (see $OUT/users.log)"
}

# Builds the generator jar if it is missing.
build_generator() {
  [ -f "$JAR" ] && return 0
  log "building the generator"
  timeout 300 mvn -q -f "$HERE/pom.xml" package -DskipTests >"$OUT/build.log" 2>&1 || die "build failed, see $OUT/build.log"
}

# copy_dist SOURCE NAME: a fresh copy of the distribution in /tmp (printed), with every SIP listener
# moved to SIP_PORT (+1 TLS, +6 WS, +7 WSS) and SSH to SSH_PORT, to run beside another instance.
copy_dist() {
  local src=$1 name=$2 dir
  dir="$(mktemp -d "/tmp/switchboard-$name.XXXXXX")" || die "mktemp failed"
  cp -a "$(realpath "$src")/." "$dir/" || die "no distribution at $src"
  sed -i -E -e "s/^(udp|tcp)\.port *=.*/\1.port = $SIP_PORT/" -e "s/^tls\.port *=.*/tls.port = $((SIP_PORT + 1))/" \
    -e "s/^ws\.port *=.*/ws.port = $((SIP_PORT + 6))/" -e "s/^wss\.port *=.*/wss.port = $((SIP_PORT + 7))/" \
    "$dir/etc/org.switchboard.sip.cfg" || die "cannot set the SIP ports"
  sed -i -E "s/^sshPort *=.*/sshPort = $SSH_PORT/" "$dir/etc/org.apache.karaf.shell.cfg" || die "cannot set sshPort"
  echo "$dir"
}
