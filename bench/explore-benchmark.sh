#!/usr/bin/env bash
# Analyst exploration (issue 18) on the synthetic province with ~5% of enterprises listed: ExploreService in process
# (its one-hop statements through the driver, and its Java) at the given concurrency, subjectGraph 2 hops, paths up to
# 6 hops, beneficialOwners, each next to the naive Cypher (variable-length pattern / allShortestPaths without bounds,
# each request cut at 10 s) in the same run. Builds schema, graph-model and api offline (tests compiled, not run) and
# runs org.supervisionhub.api.explore.ExploreBenchmark (api test classes) against a fresh embedded Neo4j in a temp directory.
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

# Like bench/api-classpath.sh, but without installing this branch's modules into the local repository (shared with
# other checkouts): the reactor resolves graph-model and schema to their jars under target/, copied to $WORK.
./mvnw -B -q -o -pl api -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/classpath.txt"
cp -r api/target/classes "$WORK/classes"
cp -r api/target/test-classes "$WORK/test-classes"
mkdir -p "$WORK/lib"
CP="$WORK/test-classes:$WORK/classes"
IFS=":" read -r -a ENTRIES < "$WORK/classpath.txt" || true  # no trailing newline: read returns 1
for entry in "${ENTRIES[@]}"; do
    case "$entry" in
        "$PWD"/*) if [ -d "$entry" ]; then cp -r "$entry" "$WORK/lib/$(basename "$(dirname "$(dirname "$entry")")")-classes";
                       entry="$WORK/lib/$(basename "$(dirname "$(dirname "$entry")")")-classes";
                   else cp "$entry" "$WORK/lib/"; entry="$WORK/lib/$(basename "$entry")"; fi ;;
        */org/supervisionhub/*) echo "explore-benchmark: $entry comes from the local repository, not this checkout" >&2; exit 1 ;;
    esac
    CP="$CP:$entry"
done

java ${JAVA_OPTS:-} -Xmx8g -XX:+UseParallelGC \
    -cp "$CP" \
    org.supervisionhub.api.explore.ExploreBenchmark "$ENTERPRISES" "$RESULTS" "$CONCURRENCY" "$REQUESTS" "$NAIVE_REQUESTS"
