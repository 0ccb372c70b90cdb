// The peer of bench/peer-benchmark.sh: @neo4j/graphql 7 with Apollo Server, over the hub's own Neo4j and data (the Bolt
// server the benchmark started). Type definitions cover what the benchmark asks: an enterprise with its legal
// representatives and restriction triggers, pages of enterprises, and the restriction check as a @cypher field running
// the hub's own statement (RestrictionQuery.CHECK, written by the benchmark to HUB_CHECK_STATEMENT_FILE, so it stays in
// step with the hub). Nothing is written: every generated mutation is switched off.
//
// Environment: NEO4J_URI, NEO4J_USER (neo4j), NEO4J_PASSWORD, HUB_CHECK_STATEMENT_FILE, PORT (0: any free port).
// Prints "peer ready <url>" once it listens; with PRINT_SCHEMA set, prints the generated schema and exits.
import { readFileSync } from "node:fs";
import net from "node:net";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const check = readFileSync(process.env.HUB_CHECK_STATEMENT_FILE, "utf8").trim();
if (!check.includes("UNWIND $requests AS q")) {
    throw new Error("the hub's check statement no longer starts its questions with 'UNWIND $requests AS q'");
}

// The hub's statement takes a list of questions ($requests) with temporal values; a @cypher field gets its arguments as
// they arrive (DateTime and Date as strings). So the field builds the one-question list from its arguments, runs the
// statement on it inside a subquery (its text unchanged but for $requests, which names that list), and returns the row
// as one map.
const statement = `WITH [{idx: 0, uscc: $uscc, personId: $personId, domain: $domain, asOf: datetime($asOf), asOfDate: date($asOfDate),
  knownAt: datetime($knownAt)}] AS requests
CALL (requests) { ${check.replaceAll("$requests", "requests")} }
RETURN {idx: idx, found: found, name: name, measures: measures, candidates: candidates} AS row`;

export const typeDefs = `#graphql
type Enterprise @node(labels: ["Enterprise"]) @mutation(operations: []) {
  uscc: ID!
  name: String!
  regionCode: String
  status: String
  legalRepresentatives: [Person!]! @relationship(type: "LEGAL_REPRESENTATIVE_OF", direction: IN, properties: "Link")
  restrictionTriggers: [RestrictionTrigger!]! @relationship(type: "CONCERNS", direction: IN)
}

type Person @node(labels: ["Person"]) @mutation(operations: []) {
  personId: ID!
  name: String
}

type Link @relationshipProperties {
  validFrom: Date!
  validTo: Date
  role: String
  sharePct: Float
}

# DateTime fields filter without APOC but are projected with it (apoc.date.convertFormat), which the hub's embedded server
# does not have: the benchmark filters on them and selects none.
type RestrictionTrigger @node(labels: ["RestrictionTrigger"]) @mutation(operations: []) {
  id: ID!
  kind: String!
  triggerType: String!
  uscc: String!
  activeFrom: DateTime!
  expiresAt: DateTime
  removedAt: DateTime
}

"One row of the hub's check statement: what the graph holds for the question (the hub's Java then applies the measures)."
type CheckRow {
  idx: Int!
  found: Boolean!
  name: String
  measures: [CheckMeasure!]!
  candidates: [CheckCandidate!]!
}

type CheckMeasure {
  measureId: String!
  version: Int!
  triggerType: String!
  effect: String!
  reach: String!
  maxHops: Int
}

type CheckCandidate {
  t: CheckTrigger!
  reach: String!
  via: String
  share: Float
  nodes: [CheckNode!]!
  links: [CheckLink!]!
}

type CheckTrigger {
  id: ID!
  triggerType: String!
  uscc: String!
  activeFrom: DateTime!
}

type CheckNode {
  kind: String!
  id: ID!
  name: String
}

type CheckLink {
  type: String!
  from: String!
  to: String!
  role: String
  sharePct: Float
  validFrom: Date!
  validTo: Date
}

type Query {
  restrictionCheck(uscc: ID, personId: ID, domain: String!, asOf: DateTime!, asOfDate: Date!, knownAt: DateTime): CheckRow
    @cypher(statement: """${statement}""", columnName: "row")
}
`;

// The JavaScript driver leaves Nagle's algorithm on for Bolt: a statement the size of the check's then stalls for the
// server's delayed ACK (~40 ms on loopback; measured 54 ms p50 with it, 20-25 ms without, on a loaded machine). The Java
// driver turns it off; so does the peer here, to be measured at its best.
const connect = net.connect;
net.connect = (...args) => connect(...args).setNoDelay(true);

const driver = neo4j.driver(process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
    neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
    { maxConnectionPoolSize: 64 });
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
if (process.env.PRINT_SCHEMA) {
    const { printSchema } = await import("graphql");
    console.log(printSchema(schema));
    process.exit(0);
}
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 0) } });
console.log(`peer ready ${url}`);
