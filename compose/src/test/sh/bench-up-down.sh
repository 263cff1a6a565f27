#!/usr/bin/env bash
# Runs the compose engine benchmark (docs/benchmarks.md): Berth vs Docker Compose v2 (and v1).
# Installs Docker Compose v1 (Debian's docker-compose 1.29.2) for the benchmark only; CI never runs this.
# Usage: compose/src/test/sh/bench-up-down.sh [trials]   (from anywhere; needs the engine and .ci/setup.d/compose-v2.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
if ! command -v docker-compose >/dev/null; then
  apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null
fi
mvn -q -B -pl compose -am install -DskipTests
mvn -q -B -pl compose dependency:build-classpath -Dmdep.outputFile="$root/compose/target/bench-cp.txt" -Dmdep.includeScope=test
java -cp "compose/target/test-classes:compose/target/classes:core/target/classes:core/target/test-classes:$(cat compose/target/bench-cp.txt)" \
  dev.berth.compose.bench.UpDownBenchmark "${1:-5}"
