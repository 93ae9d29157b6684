#!/usr/bin/env bash
# Builds the benchmarks module and runs the Docker benchmark harness
# (io.multistep.benchmarks.docker.DockerRunBenchmark): the engine vs the Docker CLI.
#   scripts/bench-docker.sh [--rounds N] [--warmup N] [--figures 1,2,3] [--ctx-rounds N] [--context DIR]
# Needs the Docker test environment (scripts/docker-env.sh). JAVA_OPTS is passed to java,
# e.g. JAVA_OPTS=-Dmultistep.bench.log=DEBUG for the runtime's per-call timings.
# Set BENCH_SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -DskipTests -pl benchmarks -am package
fi
docker image inspect multistep/busybox:test >/dev/null 2>&1 || bash scripts/docker-env.sh
exec java ${JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar io.multistep.benchmarks.docker.DockerRunBenchmark "$@"
