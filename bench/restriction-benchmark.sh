#!/usr/bin/env bash
# Restriction checks on the synthetic province with ~5% of enterprises listed: single-check latency at the server over
# HTTP under concurrency, against the floor (the same statement, RestrictionQuery.CHECK, through the driver), batches of
# 1,000, and a breakdown (statement + Java vs the receipt's write). Builds api/benchmarks and the modules it uses offline (tests
# compiled, not run) and runs org.supervisionhub.api.restriction.RestrictionBenchmark (api/benchmarks) against a fresh
# embedded Neo4j in a temp directory.
#
# Usage: [JAVA_OPTS=...] bench/restriction-benchmark.sh [enterprises=1000000] [concurrency=4] [requests=20000]
# JAVA_OPTS: extra JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/restriction.jfr to see where the time goes.
# Appends one line per run to bench/results/restriction.txt. Targets: p99 <= 5 ms, overhead <= 1.3x the floor,
# batch of 1,000 <= 150 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTERPRISES="${1:-1000000}"
CONCURRENCY="${2:-4}"
REQUESTS="${3:-20000}"
RESULTS="bench/results/restriction.txt"
WORK="$(mktemp -d -t restriction-benchmark.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

. bench/api-classpath.sh

# The throughput collector unless JAVA_OPTS names another (e.g. -XX:+UseG1GC, the JVM's default on this machine).
GC="-XX:+UseParallelGC"
case "${JAVA_OPTS:-}" in *-XX:+Use*GC*) GC="" ;; esac
java ${JAVA_OPTS:-} -Xmx8g $GC \
    -cp "$CP" \
    org.supervisionhub.api.restriction.RestrictionBenchmark "$ENTERPRISES" "$RESULTS" "$CONCURRENCY" "$REQUESTS"
