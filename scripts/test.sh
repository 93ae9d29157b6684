#!/usr/bin/env bash
# The whole test suite: brings up the Docker environment when none is reachable, installs Go and
# the Go libraries the differential tests compare with, runs unit tests (Surefire) and integration
# tests against the real engine (Failsafe), then fuzzes each fuzz target for FUZZ_SECONDS (default 45;
# 0 skips it), see docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/docker-env.sh
bash scripts/go-env.sh
./mvnw -B -ntp verify "$@"
if [ "${FUZZ_SECONDS:-45}" != 0 ]; then
  scripts/fuzz.sh
fi
