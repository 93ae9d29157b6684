#!/usr/bin/env bash
# The project's main job: brings up the Docker environment when none is reachable, builds the
# runner jar when it is missing, and executes examples/hello/acb.yaml end to end
# (build an image from the local Dockerfile, push it to 127.0.0.1:5000, run it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/docker-env.sh
exec bin/multistep exec -f examples/hello/acb.yaml -r 127.0.0.1:5000 examples/hello "$@"
