#!/usr/bin/env bash
# The hub side by side with its peer, @neo4j/graphql 7 with Apollo Server (bench/peer, from the npm registry), and the
# floor (the same Cypher through the Java driver), on the same Neo4j and data (issue 23). Three questions: an enterprise
# by USCC with its legal representative and active listings; a page of 100 enterprises of a county with their legal
# representatives; the restriction check (the peer runs the hub's own statement as a @cypher field). Checks that the
# three give the same information on a sample (stops if not), then times interleaved rounds at concurrency 1 and 4.
#
# Usage: [JAVA_OPTS=...] bench/peer-benchmark.sh [demo|1m] [requests=400]
#   demo: the demo profile loads its province (~20,000 enterprises) into a fresh embedded Neo4j;
#   1m:   the 1,000,000-enterprise province with ~5% listed, as bench/restriction-benchmark.sh builds it (~3 min load).
#   requests: per round, system and question at concurrency 1 (pages: a quarter; concurrency 4: twice as many).
# Installs Node.js and npm (Debian packages) when missing, and the peer's locked packages (npm ci in bench/peer).
# Prints the figures and appends them to bench/results/peer.txt with the date, load, cores and versions.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:-demo}"
REQUESTS="${2:-400}"
case "$MODE" in demo|1m) ;; *) echo "usage: $0 [demo|1m] [requests]" >&2; exit 2 ;; esac
RESULTS="bench/results/peer.txt"
WORK="$(mktemp -d -t peer-benchmark.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "installing Node.js and npm (Debian packages)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
    echo "bench/peer needs Node.js 20 or later (@apollo/server 5); found $(node --version)" >&2
    exit 1
fi
(cd bench/peer && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
VERSIONS=$(cd bench/peer && node -p '["@neo4j/graphql", "@apollo/server", "graphql", "neo4j-driver"].map(p => p + " "
    + JSON.parse(require("fs").readFileSync("node_modules/" + p + "/package.json")).version).join(", ") + ", node " + process.version')

. bench/api-classpath.sh

java ${JAVA_OPTS:-} -Xmx8g -XX:+UseParallelGC \
    -cp "$CP" \
    org.supervisionhub.api.restriction.PeerBenchmark "$MODE" "$RESULTS" "$PWD/bench/peer" "$VERSIONS" "$REQUESTS"
echo "uptime at the end: $(uptime)"
