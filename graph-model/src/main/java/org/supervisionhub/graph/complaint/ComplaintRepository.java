package org.supervisionhub.graph.complaint;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/** Complaints and the complaint roster. */
public class ComplaintRepository {

    public record Complaint(String id, String uscc, String departmentId, String kind, LocalDate receivedOn,
                            String channel, String summary) {
    }

    /** One enterprise in the complaint roster with how often it was complained about (ROS-07). */
    public record RosterEntry(String uscc, int complaintCount, LocalDate lastReceivedOn) {
    }

    static final String COMPLAINT = "c {.id, .kind, .receivedOn, .channel, .summary, uscc: e.uscc,"
            + " departmentId: [(c)-[:RECEIVED_BY]->(d:Department) | d.id][0]}";
    static final String RECORD = "MATCH (e:Enterprise {uscc: $uscc}) MATCH (d:Department {id: $departmentId})"
            + " CREATE (c:Complaint {id: $id, kind: $kind, receivedOn: $receivedOn, channel: $channel, summary: $summary})"
            + " CREATE (c)-[:AGAINST]->(e) CREATE (c)-[:RECEIVED_BY]->(d) RETURN " + COMPLAINT + " AS row";
    static final String COUNTS = "UNWIND $keys AS key MATCH (e:Enterprise {uscc: key})"
            + " RETURN key, COUNT { (:Complaint)-[:AGAINST]->(e) } AS n";
    static final String OF_ENTERPRISES = "UNWIND $keys AS key MATCH (c:Complaint)-[:AGAINST]->(e:Enterprise {uscc: key})"
            + " WITH key, c, e ORDER BY key, c.receivedOn DESC, c.id RETURN key, " + COMPLAINT + " AS row";
    static final String ROSTER = "MATCH (c:Complaint)-[:RECEIVED_BY]->(d:Department) WHERE d.id IN $departmentIds"
            + " AND ($from IS NULL OR c.receivedOn >= $from) AND ($to IS NULL OR c.receivedOn <= $to)"
            + " MATCH (c)-[:AGAINST]->(e:Enterprise)"
            + " WITH e.uscc AS uscc, count(c) AS n, max(c.receivedOn) AS last WHERE n >= $minCount"
            + " AND ($afterCount IS NULL OR n < $afterCount OR (n = $afterCount AND uscc > $afterUscc))"
            + " RETURN uscc, n, last ORDER BY n DESC, uscc LIMIT $limit";

    private final Neo4jClient client;

    public ComplaintRepository(Neo4jClient client) {
        this.client = client;
    }

    public Complaint record(String id, String uscc, String departmentId, String kind, LocalDate receivedOn,
                            String channel, String summary) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("uscc", uscc);
        p.put("departmentId", departmentId);
        p.put("kind", kind);
        p.put("receivedOn", receivedOn);
        p.put("channel", channel);
        p.put("summary", summary);
        return client.query(RECORD).bindAll(p).fetchAs(Complaint.class).mappedBy((t, r) -> complaint(r.get("row"))).one().orElseThrow();
    }

    public Map<String, Integer> counts(Collection<String> usccs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        client.query(COUNTS).bind(List.copyOf(usccs)).to("keys").fetch().all()
                .forEach(m -> out.put((String) m.get("key"), ((Number) m.get("n")).intValue()));
        return out;
    }

    /** Complaints of many enterprises at once, newest first. */
    public Map<String, List<Complaint>> ofEnterprises(Collection<String> usccs) {
        return KeyedRows.grouped(client, OF_ENTERPRISES, Map.of("keys", List.copyOf(usccs)), ComplaintRepository::complaint);
    }

    /** Enterprises complained about to these departments, most complained-about first. */
    public Page<RosterEntry> roster(List<String> departmentIds, LocalDate from, LocalDate to, int minCount, int first, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentIds", departmentIds);
        p.put("from", from);
        p.put("to", to);
        p.put("minCount", minCount);
        if (after != null) {
            Cursor c = Cursor.decode(after, 2);
            p.put("afterCount", c.longKey(0));
            p.put("afterUscc", c.key(1));
        } else {
            p.put("afterCount", null);
            p.put("afterUscc", null);
        }
        p.put("limit", first + 1);
        List<RosterEntry> rows = client.query(ROSTER).bindAll(p).fetchAs(RosterEntry.class)
                .mappedBy((t, r) -> new RosterEntry(r.get("uscc").asString(), r.get("n").asInt(), r.get("last").asLocalDate()))
                .all().stream().toList();
        return Page.of(rows, first, e -> Cursor.encode(String.valueOf(e.complaintCount()), e.uscc()));
    }

    static Complaint complaint(MapAccessor m) {
        return new Complaint(Values.str(m.get("id")), Values.str(m.get("uscc")), Values.str(m.get("departmentId")),
                Values.str(m.get("kind")), Values.date(m.get("receivedOn")), Values.str(m.get("channel")), Values.str(m.get("summary")));
    }
}
