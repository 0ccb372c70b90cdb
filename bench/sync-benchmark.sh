#!/usr/bin/env bash
# Full sync of the simulated market registry over HTTP into an empty embedded Neo4j: enterprises per second end to end
# (generated client, Resilience4j guard, mapping, upserts with links and checkpoints), and the source alone for
# comparison. Builds offline (tests compiled, not run) and runs org.supervisionhub.api.connectors.SyncBenchmark
# (api/benchmarks) with the simulator in the same JVM.
#
# Usage: [JAVA_OPTS=...] bench/sync-benchmark.sh [enterprises=1000000] [latency-ms-per-page=0]
# JAVA_OPTS=-Dsync.writers=N sets the writers applying partitions side by side (default: one per core).
# Appends one line per run to bench/results/sync.txt. Target: >= 10,000 enterprises per second.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTERPRISES="${1:-1000000}"
LATENCY_MS="${2:-0}"
RESULTS="bench/results/sync.txt"
WORK="$(mktemp -d -t sync-benchmark.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

. bench/api-classpath.sh

java ${JAVA_OPTS:-} -Xmx6g -XX:+UseParallelGC -cp "$CP" org.supervisionhub.api.connectors.SyncBenchmark "$ENTERPRISES" "$RESULTS" "$LATENCY_MS"
