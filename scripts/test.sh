#!/usr/bin/env bash
# The whole test suite: brings up the Docker environment when none is reachable, installs Go and
# the Go libraries the differential tests compare with, then runs unit tests (Surefire) and
# integration tests against the real engine (Failsafe).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/docker-env.sh
bash scripts/go-env.sh
exec ./mvnw -B -ntp verify "$@"
