#!/usr/bin/env bash
# Runs the graphql-http package's auditServer (GraphQL over HTTP spec audits) against /graphql of a
# hub started here on a small throw-away demo database. Prints every audit and writes the summary to
# bench/results/graphql-http-audit.txt. Needs Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18082
work=$(mktemp -d)
trap 'kill ${pid:-0} 2>/dev/null || true; rm -rf "$work"' EXIT

# The demo's jar (api/demo: the hub plus the demo's issuer and data).
./mvnw -B -q -DskipTests package -pl api/demo -am
jar=$(ls api/demo/target/api-demo-*-exec.jar | head -n 1)
java -jar "$jar" --spring.profiles.active=demo --hub.store.data-dir="$work/neo4j" --hub.demo.enterprises=200 \
  --server.port=$port --hub.store.bolt-port=0 >"$work/hub.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://localhost:${port}/actuator/health/readiness" && break; sleep 0.5; done

(cd "$work" && npm init -y >/dev/null && npm install --silent graphql-http@1.23 graphql@16 >/dev/null)
# Introspection needs a token in the hub (its security, not the transport): the audit signs in as a demo analyst.
token=$(curl -fs -d grant_type=client_credentials -d client_id=analyst-430000 -d client_secret=demo "http://localhost:${port}/demo-issuer/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
cat > "$work/audit.mjs" <<JS
import { auditServer } from 'graphql-http';
const fetchFn = (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers || {}), authorization: 'Bearer ${token}' } });
const results = await auditServer({ url: 'http://localhost:${port}/graphql', fetchFn });
const counts = { ok: 0, warn: 0, error: 0, notice: 0 };
for (const r of results) {
  counts[r.status] = (counts[r.status] ?? 0) + 1;
  console.log(r.status.padEnd(6), r.id, r.name, r.status === 'ok' ? '' : '- ' + (r.reason ?? ''));
}
console.log('SUMMARY', JSON.stringify(counts));
process.exit(counts.error > 0 || counts.warn > 0 ? 1 : 0);
JS
set +e
(cd "$work" && node audit.mjs) | tee "$work/out.txt"
status=${PIPESTATUS[0]}
set -e
mkdir -p bench/results
echo "$(date -Iseconds) $(grep SUMMARY "$work/out.txt")" >> bench/results/graphql-http-audit.txt
exit $status
