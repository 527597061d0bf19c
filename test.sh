#!/usr/bin/env bash
# The README's test command: on a fresh Debian 12 machine with only JDK 17, Maven and node 20
# (npm), installs what the integration tests need and then runs every test with Maven.
#
#   ./test.sh                 # everything: mvn -B install
#   ./test.sh -pl itest ...   # extra arguments go to Maven as they are
#
# It installs only what is missing: the apt packages of the real SIP clients, Chromium and
# espeak-ng (with sudo when not root), and the pinned npm packages of itest/jssip and
# itest/browser (npm ci, from their package-lock.json). The build itself changes no tracked
# file: the web client is installed with "npm ci" too.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# Real, independent SIP clients and the browser used by the integration tests (itest/).
PACKAGES="sipsak sip-tester libnet-sip-perl libio-socket-ssl-perl baresip linphone-cli chromium espeak-ng"
missing=""
for p in $PACKAGES; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "test.sh: installing apt packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

# JsSIP for JsSipIT and playwright-core for the browser ITs, pinned by their package-lock.json
# (npm ci: exactly the lock, and it never rewrites it).
for dir in itest/jssip itest/browser; do
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
done

exec mvn -B install "$@"
