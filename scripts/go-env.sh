#!/usr/bin/env bash
# Installs what the differential tests against Go's own libraries need (conformance/README.md):
# the Go toolchain and the Debian source packages of gopkg.in/yaml.v2 and moby's patternmatcher,
# under /usr/share/gocode (the GOPATH the oracle is built with, offline).
# Idempotent: nothing happens when all three are there. Without root or apt-get it only says what
# is missing; the tests then skip with the reason.
set -euo pipefail

GOPATH_DIR="${MULTISTEP_GOPATH:-/usr/share/gocode}"
STATE_DIR="${MULTISTEP_STATE_DIR:-/tmp/multistep-docker-env}"
mkdir -p "$STATE_DIR"

log() { printf '[go-env] %s\n' "$*" >&2; }

missing=()
command -v go >/dev/null 2>&1 || missing+=(golang-go)
[ -d "$GOPATH_DIR/src/gopkg.in/yaml.v2" ] || missing+=(golang-gopkg-yaml.v2-dev)
[ -d "$GOPATH_DIR/src/github.com/moby/patternmatcher" ] || missing+=(golang-github-moby-patternmatcher-dev)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "missing ${missing[*]} and cannot install them (need root and apt-get): the Go differential tests will be skipped"
  exit 0
fi
log "installing ${missing[*]}"
# apt-get update only when a package is not known yet (it is slow).
if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$STATE_DIR/apt-go.log" 2>&1 \
  || { cat "$STATE_DIR/apt-go.log" >&2; log "could not install ${missing[*]}: the Go differential tests will be skipped"; exit 0; }
