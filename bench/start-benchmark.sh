#!/usr/bin/env bash
# Start-to-ready time of the run command (./run-hub) on an existing demo database: from launching it
# to the readiness probe answering UP, over several runs. Prints the figures and appends them to
# bench/results/start.txt. Usage: bench/start-benchmark.sh [runs=5] [data-dir=data/neo4j]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
data=${2:-data/neo4j}
port=18081

wait_ready() {
  for _ in $(seq 1 6000); do
    curl -fs -o /dev/null "http://localhost:${port}/actuator/health/readiness" && return 0
    sleep 0.05
  done
  return 1
}

launch() {
  ./run-hub --hub.store.data-dir="$data" --server.port=$port --hub.store.bolt-port=0 >/tmp/hub-start-bench.log 2>&1 &
  pid=$!
}

# Build, prepare the fast-start archive and create the demo database once, unmeasured.
launch
wait_ready
kill $pid; wait $pid 2>/dev/null || true

times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  launch
  wait_ready
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ready in ${ms} ms"
  kill $pid; wait $pid 2>/dev/null || true
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
best=$(echo "$sorted" | head -n 1)
line="$(date -Iseconds) start-to-ready runs=${runs} median_ms=${median} best_ms=${best} all_ms=$(IFS=,; echo "${times[*]}") cores=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg) java=$(java -version 2>&1 | head -n 1 | tr -d '\"')"
echo "$line"
mkdir -p bench/results
echo "$line" >> bench/results/start.txt
