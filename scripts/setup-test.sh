#!/usr/bin/env bash
# `npm run setup:test`: installs what `npm test` needs besides node_modules, on Debian or Ubuntu.
#   chromium, fonts-dejavu-core       the browser tests and benches (playwright-core drives it;
#                                     set CHROMIUM_PATH to use another Chromium)
#   python3-websocket                 the relay is tested with Python's websocket-client
#   golang-go, gorilla/websocket      ... and with a Go client built on gorilla/websocket
#   dpkg                              dpkg-deb builds and checks the .deb (packaging test)
# Does nothing when everything is already there. Needs root, or sudo.
set -euo pipefail

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
packages=()
[ -x "$chromium" ] || packages+=(chromium fonts-dejavu-core)
/usr/bin/python3 -c 'import websocket' 2>/dev/null || packages+=(python3-websocket)
command -v go >/dev/null || packages+=(golang-go)
[ -d /usr/share/gocode/src/github.com/gorilla/websocket ] || packages+=(golang-github-gorilla-websocket-dev)
command -v dpkg-deb >/dev/null || packages+=(dpkg)

if [ ${#packages[@]} -eq 0 ]; then
  echo "Test prerequisites are installed."
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "Not a Debian or Ubuntu system: install these yourself: ${packages[*]}" >&2
  exit 1
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "Installing ${packages[*]} (apt-get)…"
log=$(mktemp)
if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${packages[@]}"; } >"$log" 2>&1; then
  tail -20 "$log" >&2
  echo "apt-get failed (full log: $log)" >&2
  exit 1
fi
rm -f "$log"
echo "Test prerequisites are installed."
