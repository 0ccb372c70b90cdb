#!/usr/bin/env bash
# Bulk-load benchmark of the synthetic province.
# Builds graph-model/synthetic (tests are compiled but not run) and runs
# org.supervisionhub.graph.synthetic.LoadBenchmark against a fresh embedded Neo4j in a temp directory.
#
# Usage: bench/load-benchmark.sh [enterprises=1000000] [batchSize=2000] [deferIndexes=true]
# deferIndexes=true drops the secondary indexes for the load and rebuilds them after (both timed);
# false maintains them during the load.
# Appends one line per run to bench/results/load.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTERPRISES="${1:-1000000}"
BATCH_SIZE="${2:-2000}"
DEFER_INDEXES="${3:-true}"
RESULTS="bench/results/load.txt"
WORK="$(mktemp -d -t load-benchmark.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# One reactor (nothing installed): the classpath names this checkout's graph-model and graph-model-embedded jars.
./mvnw -B -q -o -pl graph-model/synthetic -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$WORK/classpath.txt"
# Run from private copies of the jars, so that a concurrent build rewriting target/ cannot disturb the run.
JAR="$(ls graph-model/synthetic/target/graph-model-synthetic-*.jar | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -n 1)"
cp "$JAR" "$WORK/graph-model-synthetic.jar"
CP="$WORK/graph-model-synthetic.jar"
IFS=":" read -r -a ENTRIES < "$WORK/classpath.txt" || true  # no trailing newline: read returns 1
for entry in "${ENTRIES[@]}"; do
    case "$entry" in
        "$PWD"/*) cp "$entry" "$WORK/"; entry="$WORK/$(basename "$entry")" ;;
    esac
    CP="$CP:$entry"
done

# -XX:+UseParallelGC: the load allocates a lot of short-lived objects; on 2 cores the throughput
# collector spent about a third of G1's CPU time on young collections.
java -Xmx8g -XX:+UseParallelGC \
    -cp "$CP" \
    org.supervisionhub.graph.synthetic.LoadBenchmark "$ENTERPRISES" "$RESULTS" "$BATCH_SIZE" "$DEFER_INDEXES"
