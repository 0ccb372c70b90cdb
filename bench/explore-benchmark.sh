#!/usr/bin/env bash
# Analyst exploration (issue 18) on the synthetic province with ~5% of enterprises listed: ExploreService in process
# (its one-hop statements through the driver, and its Java) at the given concurrency, subjectGraph 2 hops, paths up to
# 6 hops, beneficialOwners, each next to the naive Cypher (variable-length pattern / allShortestPaths without bounds,
# each request cut at 10 s) in the same run. Builds api/benchmarks and the modules it uses offline (tests compiled, not run) and
# runs org.supervisionhub.api.explore.ExploreBenchmark (api/benchmarks) against a fresh embedded Neo4j in a temp directory.
#
# Usage: [JAVA_OPTS=...] bench/explore-benchmark.sh [enterprises=1000000] [concurrency=4] [requests=2000] [naiveRequests=100]
# Appends one line per run to bench/results/explore.txt. Targets: subjectGraph 2 hops p99 <= 20 ms, paths p99 <= 50 ms,
# beneficialOwners p99 <= 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTERPRISES="${1:-1000000}"
CONCURRENCY="${2:-4}"
REQUESTS="${3:-2000}"
NAIVE_REQUESTS="${4:-100}"
RESULTS="bench/results/explore.txt"
WORK="$(mktemp -d -t explore-benchmark.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

. bench/api-classpath.sh

java ${JAVA_OPTS:-} -Xmx8g -XX:+UseParallelGC \
    -cp "$CP" \
    org.supervisionhub.api.explore.ExploreBenchmark "$ENTERPRISES" "$RESULTS" "$CONCURRENCY" "$REQUESTS" "$NAIVE_REQUESTS"
