#!/usr/bin/env bash
# End-to-end benchmark of the verifiable draw (vdraw-1) on a synthetic province, against a naive
# ORDER BY rand() baseline. Builds api/benchmarks and the modules it uses offline (tests compiled, not run) and runs
# org.supervisionhub.api.sampling.DrawBenchmark (api/benchmarks) against a fresh embedded Neo4j in a
# temp directory: load the province, start the application against it, commit + execute a draw of 5% of
# the whole-province pool in 4 strata (credit-risk classes A-D) in up to three runs (cold, warm, warm with the
# statement log), a breakdown and a rolled-back replay of execute's write and overlap check, then the naive queries.
#
# Usage: [JAVA_OPTS=...] bench/draw-benchmark.sh [enterprises=1000000] [limitSeconds=300]
# JAVA_OPTS: extra JVM flags, e.g. -XX:StartFlightRecording=filename=/tmp/draw.jfr,settings=profile
# limitSeconds: a commit or execute transaction running longer is terminated (reported as timeout>Ns).
# Appends one line per run to bench/results/draw.txt. Target: commit + execute <= 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTERPRISES="${1:-1000000}"
LIMIT_SECONDS="${2:-300}"
RESULTS="bench/results/draw.txt"
WORK="$(mktemp -d -t draw-benchmark.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

. bench/api-classpath.sh

# Heap: the load streams; the draw holds the pool (1M candidates, their ranks) a few times over.
# -XX:+UseParallelGC as in load-benchmark.sh (throughput collector, 2 cores).
java -Xmx8g -XX:+UseParallelGC ${JAVA_OPTS:-} \
    -cp "$CP" \
    org.supervisionhub.api.sampling.DrawBenchmark "$ENTERPRISES" "$RESULTS" "$LIMIT_SECONDS"
