#!/usr/bin/env bash
# Load benchmark of an empty store with the synthetic province.
# Builds graph-model/synthetic (tests are compiled but not run) and runs
# org.supervisionhub.graph.synthetic.LoadBenchmark into a fresh embedded Neo4j home in a temp directory.
#
# Usage: bench/load-benchmark.sh [enterprises=1000000] [path=import] [batchSize=2000] [deferIndexes=true]
# path: import (Neo4j's bulk importer before the server starts, then migrations build the schema over the data),
#       bolt (the server first, then UNWIND/CREATE batches through Bolt), or both (import, then bolt, one JVM each).
# batchSize: enterprises per generated chunk (import) or per write transaction (bolt).
# deferIndexes (bolt only): true drops the secondary indexes for the load and rebuilds them after (both timed);
# false maintains them during the load.
# Appends one line per run to bench/results/load.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTERPRISES="${1:-1000000}"
LOAD_PATH="${2:-import}"
BATCH_SIZE="${3:-2000}"
DEFER_INDEXES="${4:-true}"
case "$LOAD_PATH" in
    import|bolt) PATHS=("$LOAD_PATH") ;;
    both) PATHS=(import bolt) ;;
    *) echo "path must be import, bolt or both, not $LOAD_PATH" >&2; exit 2 ;;
esac
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
for path in "${PATHS[@]}"; do
    echo "uptime before the $path run: $(uptime)"
    java -Xmx8g -XX:+UseParallelGC \
        -cp "$CP" \
        org.supervisionhub.graph.synthetic.LoadBenchmark "$ENTERPRISES" "$RESULTS" "$BATCH_SIZE" "$DEFER_INDEXES" "$path"
done
