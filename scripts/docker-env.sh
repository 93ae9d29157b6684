#!/usr/bin/env bash
# Brings up the Docker test environment the integration tests and examples need:
#   1. a Docker engine answering `docker info` (installs and starts one on a fresh Debian machine),
#   2. a registry on 127.0.0.1:5000,
#   3. the local base image multistep/busybox:test (no public registry is needed or reachable).
# Idempotent: every part that is already there is left as it is.
set -euo pipefail

BASE_IMAGE="${MULTISTEP_BASE_IMAGE:-multistep/busybox:test}"
REGISTRY_ADDR="127.0.0.1:5000"
STATE_DIR="${MULTISTEP_STATE_DIR:-/tmp/multistep-docker-env}"
mkdir -p "$STATE_DIR"

log() { printf '[docker-env] %s\n' "$*" >&2; }

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  local i
  for ((i = 0; i < limit * 4; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  log "gave up waiting for $what after ${limit}s"
  return 1
}

have() { command -v "$1" >/dev/null 2>&1; }

install_packages() {
  local missing=()
  have dockerd || missing+=(docker.io)
  have docker-registry || missing+=(docker-registry)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! have apt-get; then
    log "no Docker engine reachable and cannot install one (need root and apt-get): missing ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]}"
  # apt-get update only when a package is not known yet (it is slow).
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$STATE_DIR/apt.log" 2>&1 \
    || { cat "$STATE_DIR/apt.log" >&2; exit 1; }
}

ensure_engine() {
  if docker info >/dev/null 2>&1; then
    return 0
  fi
  install_packages
  if ! docker info >/dev/null 2>&1 && pgrep -x dockerd >/dev/null 2>&1; then
    # A daemon is starting up, or still shutting down: give it time before starting another.
    wait_for 30 "the running dockerd" docker info || true
  fi
  if ! docker info >/dev/null 2>&1; then
    if pgrep -x dockerd >/dev/null 2>&1; then
      log "a dockerd process exists but does not answer on /var/run/docker.sock; stop it and retry"
      exit 1
    fi
    # A daemon that was killed leaves its pid file, and a new one refuses to start while the pid
    # names a live process (pids get reused).
    rm -f /var/run/docker.pid
    log "starting dockerd"
    # No iptables here: the machine has no network beyond loopback and the kernel may lack NAT.
    nohup dockerd --iptables=false --ip6tables=false >"$STATE_DIR/dockerd.log" 2>&1 &
    wait_for 60 "dockerd" docker info || { tail -n 30 "$STATE_DIR/dockerd.log" >&2; exit 1; }
  fi
}

registry_answers() {
  if have curl; then
    curl -fsS --max-time 2 "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1
  else
    # No curl: one bounded HTTP request through bash's /dev/tcp.
    timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/5000 && printf "GET /v2/ HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "' 2>/dev/null
  fi
}

ensure_registry() {
  if registry_answers; then return 0; fi
  install_packages
  local storage="$STATE_DIR/registry-data"
  mkdir -p "$storage"
  cat >"$STATE_DIR/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $storage
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
YAML
  log "starting registry on $REGISTRY_ADDR"
  nohup docker-registry serve "$STATE_DIR/registry.yml" >"$STATE_DIR/registry.log" 2>&1 &
  wait_for 30 "registry" registry_answers || { tail -n 30 "$STATE_DIR/registry.log" >&2; exit 1; }
}

ensure_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then return 0; fi
  [ -x /bin/busybox ] || install_packages
  log "creating base image $BASE_IMAGE from /bin/busybox"
  local root
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root" "$root/var/www"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$root/etc/group"
  tar -C "$root" -c . | docker import \
    -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$root"
}

ensure_engine
ensure_registry
ensure_base_image
log "ready: engine $(docker version --format '{{.Server.Version}}'), registry $REGISTRY_ADDR, base image $BASE_IMAGE"
