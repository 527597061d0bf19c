#!/usr/bin/env bash
# CPU cost of the media engine's codecs (Opus through Concentus, G.711) per leg and per bridged call:
# runs itest/bench/codec/OpusCost.java against the built media bundle (which embeds Concentus).
# usage: itest/bench/run-codec-cost.sh [seconds of audio, default 200]   (env M2: the local Maven repository)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
M2="${M2:-$HOME/.m2/repository}"
JAR="$(ls "$ROOT"/bundles/org.switchboard.media/target/org.switchboard.media-*.jar | grep -v sources | head -1)"
SLF4J="$(ls "$M2"/org/slf4j/slf4j-api/*/slf4j-api-*.jar | grep -v sources | tail -1)"
echo "media bundle: $JAR; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -XX:+UseSerialGC -cp "$JAR:$SLF4J" "$HERE/codec/OpusCost.java" "$@"
