#!/usr/bin/env bash
# The public site's result search (/public/data/results) on the synthetic province with published results for 5% of
# the enterprises: latency of the statement behind each page (PublicSiteRepository.results, first page of 20 with the
# total), by USCC, full name, name fragment, department and month, category and department, and unfiltered. Builds
# api/benchmarks and the modules it uses offline (tests compiled, not run) and runs
# org.supervisionhub.api.publicsite.PublicSearchBenchmark against a fresh embedded Neo4j in a temp directory.
#
# Usage: bench/public-search-benchmark.sh [enterprises=1000000] [requests=2000]
# Appends one line per run to bench/results/public-search.txt. Target: p99 <= 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTERPRISES="${1:-1000000}"
REQUESTS="${2:-2000}"
RESULTS="bench/results/public-search.txt"
WORK="$(mktemp -d -t public-search-benchmark.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

. bench/api-classpath.sh

java ${JAVA_OPTS:-} -Xmx6g -XX:+UseParallelGC -cp "$CP" \
    org.supervisionhub.api.publicsite.PublicSearchBenchmark "$ENTERPRISES" "$RESULTS" "$REQUESTS"
