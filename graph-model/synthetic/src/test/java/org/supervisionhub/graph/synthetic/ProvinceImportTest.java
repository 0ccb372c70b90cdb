package org.supervisionhub.graph.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Value;
import org.supervisionhub.graph.store.EmbeddedGraph;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.store.GraphMigrations;

/**
 * The bulk import and the Bolt load give the same graph: the same province loaded both ways, then every node's labels
 * and properties (with their types) and every relationship's type, endpoints and properties compared, plus the counts
 * per label and type and the schema after migrations.
 */
class ProvinceImportTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    /** A few thousand enterprises: every org type, reused representatives, holding chains, branches, complaints. */
    static final int ENTERPRISES = 3_000;

    @TempDir
    Path home;

    @Test
    void importedProvinceEqualsTheOneLoadedOverBolt() throws Exception {
        // Different batch sizes on purpose: batches change how the rows are cut, never the data.
        LoadReport bolt = SyntheticProvince.load(graph.driver(), new SyntheticOptions(20260101L, ENTERPRISES, 400, null));
        Graph expected = Graph.read(graph.driver());

        LoadReport imported = ProvinceImport.importInto(home, null, new SyntheticOptions(20260101L, ENTERPRISES, 1_000, null));
        Graph actual;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, 64);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            GraphMigrations.apply(driver, null);
            actual = Graph.read(driver);
        }

        assertThat(imported.nodes()).isEqualTo(bolt.nodes());
        assertThat(imported.relationships()).isEqualTo(bolt.relationships());
        assertThat(imported.persons()).isEqualTo(bolt.persons());
        assertThat(actual.labels).isEqualTo(expected.labels);
        assertThat(actual.types).isEqualTo(expected.types);
        assertThat(actual.labels.get("Enterprise")).isEqualTo(ENTERPRISES);
        assertThat(actual.labels.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(bolt.nodes());
        assertThat(actual.types.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(bolt.relationships());
        assertThat(actual.schema).isEqualTo(expected.schema);
        assertThat(difference(actual.nodes, expected.nodes)).as("nodes only on one side").isEmpty();
        assertThat(difference(actual.relationships, expected.relationships)).as("relationships only on one side").isEmpty();
        assertThat(actual.digest()).isEqualTo(expected.digest());
    }

    @Test
    void refusesAStoreThatExists() throws Exception {
        SyntheticOptions tiny = new SyntheticOptions(7L, 20, 10, null);
        assertThat(ProvinceImport.storeAbsent(home, null)).isTrue();
        ProvinceImport.importInto(home, null, tiny);
        assertThat(ProvinceImport.storeAbsent(home, null)).isFalse();
        assertThatThrownBy(() -> ProvinceImport.importInto(home, null, tiny)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.exists(home.resolve("data/databases/neo4j"))).isTrue();
    }

    /** At most ten lines present on one side only, marked + (imported only) or - (Bolt only). */
    private static List<String> difference(List<String> actual, List<String> expected) {
        TreeSet<String> plus = new TreeSet<>(actual);
        expected.forEach(plus::remove);
        TreeSet<String> minus = new TreeSet<>(expected);
        actual.forEach(minus::remove);
        List<String> out = new ArrayList<>();
        plus.stream().limit(5).forEach(s -> out.add("+ " + s));
        minus.stream().limit(5).forEach(s -> out.add("- " + s));
        if (out.isEmpty() && actual.size() != expected.size()) {
            out.add("same lines, different multiplicities: " + actual.size() + " vs " + expected.size());
        }
        return out;
    }

    /** The province as canonical, sorted lines; the migrations' bookkeeping nodes (timestamps of their own) are left out. */
    private record Graph(Map<String, Long> labels, Map<String, Long> types, List<String> schema, List<String> nodes,
                         List<String> relationships) {

        private static final String PROVINCE = "NOT any(l IN labels(%s) WHERE l STARTS WITH '__Neo4jMigration')";

        static Graph read(Driver driver) {
            Map<String, Long> labels = new TreeMap<>();
            driver.executableQuery("MATCH (n) WHERE " + PROVINCE.formatted("n") + " UNWIND labels(n) AS l RETURN l, count(*) AS c")
                    .execute().records().forEach(r -> labels.put(r.get("l").asString(), r.get("c").asLong()));
            Map<String, Long> types = new TreeMap<>();
            driver.executableQuery("MATCH (a)-[r]->() WHERE " + PROVINCE.formatted("a") + " RETURN type(r) AS t, count(*) AS c")
                    .execute().records().forEach(r -> types.put(r.get("t").asString(), r.get("c").asLong()));
            List<String> schema = new ArrayList<>();
            driver.executableQuery("SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint, state"
                            + " RETURN name, type, entityType, labelsOrTypes, properties, owningConstraint, state").execute().records()
                    .forEach(r -> schema.add(r.values().toString()));
            driver.executableQuery("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties")
                    .execute().records().forEach(r -> schema.add(r.values().toString()));
            Collections.sort(schema);
            List<String> nodes = new ArrayList<>();
            driver.executableQuery("MATCH (n) WHERE " + PROVINCE.formatted("n") + " RETURN labels(n) AS labels, properties(n) AS props")
                    .execute().records().forEach(r -> nodes.add(labels(r.get("labels")) + render(r.get("props"))));
            Collections.sort(nodes);
            List<String> relationships = new ArrayList<>();
            driver.executableQuery("""
                            MATCH (a)-[r]->(b) WHERE %s
                            // an endpoint's key: its labels and unique key (an InspectionItem has a code too: id before code)
                            RETURN labels(a) AS al, coalesce(a.uscc, a.personId, a.inspectorId, a.id, a.code) AS ak, type(r) AS t,
                                   labels(b) AS bl, coalesce(b.uscc, b.personId, b.inspectorId, b.id, b.code) AS bk, properties(r) AS props"""
                            .formatted(PROVINCE.formatted("a")))
                    .execute().records().forEach(r -> relationships.add(labels(r.get("al")) + r.get("ak").asString() + " -" + r.get("t").asString()
                            + render(r.get("props")) + "-> " + labels(r.get("bl")) + r.get("bk").asString()));
            Collections.sort(relationships);
            return new Graph(labels, types, schema, nodes, relationships);
        }

        private static String labels(Value labels) {
            return new TreeSet<>(labels.asList(Value::asString)).toString();
        }

        /** Properties sorted by key, each value with its type as the driver reads it (DATE, DATE_TIME, INTEGER, FLOAT, LIST OF ANY, ...). */
        private static String render(Value props) {
            StringBuilder s = new StringBuilder("{");
            new TreeMap<>(props.asMap(v -> v)).forEach((k, v) -> {
                s.append(k).append('=').append(v.type().name()).append(':').append(v);
                if (v.type().name().startsWith("LIST")) {
                    s.append(v.asList(e -> e.type().name())); // element types too
                }
                s.append(',');
            });
            return s.append('}').toString();
        }

        String digest() throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (List<String> lines : List.of(nodes, relationships)) {
                for (String line : lines) {
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
