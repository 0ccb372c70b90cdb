package org.supervisionhub.graph.sync;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * The graph side of source sync. Snapshots are upserted only when newer than what the graph holds ({@code sourceVersion}),
 * so a batch applied twice changes nothing; links missing from a newer snapshot end ({@code validTo}), never deleted.
 * {@code (:SyncCheckpoint {source, stream})} holds the cursor of the last batch applied, written in that batch's
 * transaction; {@code (:DeadLetter)} keeps records that could not be applied, with the reason and the raw payload.
 */
public class SyncRepository {

    /** One snapshot of a market subject, as the sync maps it. */
    public record EnterpriseRow(String uscc, String name, String orgType, String status, String regionCode, String address,
                                LocalDate establishedOn, long version, LocalDate changedOn, PersonLink legalRepresentative,
                                List<PersonLink> officers, String parentUscc) {
    }

    /** A person on a link; {@code role} for officers. */
    public record PersonLink(String personId, String name, String role) {
    }

    public record Checkpoint(String source, String stream, String cursor, long position, long applied, OffsetDateTime updatedAt) {
    }

    /** {@code cursor}: where the page holding it began, to read it again from the source after a fix. */
    public record DeadLetter(String id, String source, String stream, long position, String cursor, String key, String reason, String payload,
                             OffsetDateTime receivedAt, String status, OffsetDateTime resolvedAt, String resolution) {
    }

    /** The subjects themselves; returns the rows newer than the graph's (the rest change nothing). */
    static final String UPSERT = "UNWIND $rows AS row MERGE (e:Enterprise {uscc: row.uscc}) ON CREATE SET e.rosterFrom = row.changedOn"
            + " WITH e, row WHERE coalesce(e.sourceVersion, 0) < row.version"
            + " SET e.name = row.name, e.orgType = row.orgType, e.status = row.status, e.regionCode = row.regionCode, e.address = row.address,"
            + "  e.establishedOn = row.establishedOn, e.sourceVersion = row.version, e.source = $source, e.updatedAt = $now"
            + " RETURN row.uscc AS uscc";
    static final String LOCATE = "UNWIND $rows AS row MATCH (e:Enterprise {uscc: row.uscc})"
            + " OPTIONAL MATCH (e)-[old:LOCATED_IN]->(prev:Region) WHERE prev.code <> row.regionCode DELETE old"
            + " WITH DISTINCT e, row MATCH (r:Region {code: row.regionCode}) MERGE (e)-[:LOCATED_IN]->(r)";
    /** Links the newer snapshots no longer have end on the day of the change. */
    static final String END_LINKS = "UNWIND $rows AS row MATCH (e:Enterprise {uscc: row.uscc})"
            + " CALL (e, row) { MATCH (p:Person)-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(e) WHERE l.validTo IS NULL"
            + "  AND CASE type(l) WHEN 'LEGAL_REPRESENTATIVE_OF' THEN row.legal IS NULL OR p.personId <> row.legal.personId"
            + "   ELSE NOT any(o IN row.officers WHERE o.personId = p.personId AND o.role = l.role) END"
            + "  SET l.validTo = row.changedOn }"
            + " CALL (e, row) { MATCH (e)-[l:BRANCH_OF]->(h) WHERE l.validTo IS NULL AND (row.parent IS NULL OR h.uscc <> row.parent)"
            + "  SET l.validTo = row.changedOn }";
    static final String PERSONS = "UNWIND $persons AS p MERGE (x:Person {personId: p.personId}) ON CREATE SET x.name = p.name";
    static final String LEGAL_LINKS = "UNWIND $links AS k MATCH (e:Enterprise {uscc: k.uscc}) MATCH (p:Person {personId: k.personId})"
            + " WHERE NOT EXISTS { (p)-[l:LEGAL_REPRESENTATIVE_OF]->(e) WHERE l.validTo IS NULL }"
            + " CREATE (p)-[:LEGAL_REPRESENTATIVE_OF {validFrom: k.on, source: $source}]->(e)";
    static final String OFFICER_LINKS = "UNWIND $links AS k MATCH (e:Enterprise {uscc: k.uscc}) MATCH (p:Person {personId: k.personId})"
            + " WHERE NOT EXISTS { (p)-[l:OFFICER_OF]->(e) WHERE l.validTo IS NULL AND l.role = k.role }"
            + " CREATE (p)-[:OFFICER_OF {role: k.role, validFrom: k.on, source: $source}]->(e)";
    static final String BRANCH_LINKS = "UNWIND $links AS k MATCH (e:Enterprise {uscc: k.uscc}) MERGE (h:Enterprise {uscc: k.parent})"
            + " WITH e, h, k WHERE NOT EXISTS { (e)-[l:BRANCH_OF]->(h) WHERE l.validTo IS NULL }"
            + " CREATE (e)-[:BRANCH_OF {validFrom: k.on, source: $source}]->(h)";
    static final String CHECKPOINT = "OPTIONAL MATCH (c:SyncCheckpoint {source: $source, stream: $stream}) RETURN c {.*} AS row";
    static final String SAVE_CHECKPOINT = "MERGE (c:SyncCheckpoint {source: $source, stream: $stream})"
            + " SET c.cursor = $cursor, c.position = $position, c.applied = coalesce(c.applied, 0) + $applied, c.updatedAt = $now";
    static final String CHECKPOINTS = "MATCH (c:SyncCheckpoint) RETURN c {.*} AS row ORDER BY c.source, c.stream";
    static final String SYNCED = "MERGE (s:SourceSync {source: $source}) SET s.lastSuccessAt = $now, s.lastAttemptAt = $now, s.state = $state";
    static final String ATTEMPTED = "MERGE (s:SourceSync {source: $source}) SET s.lastAttemptAt = $now, s.state = $state, s.lastError = $error";
    static final String DEAD_LETTER = "MERGE (d:DeadLetter {source: $d.source, stream: $d.stream, position: $d.position})"
            + " ON CREATE SET d.id = $d.id, d.cursor = $d.cursor, d.key = $d.key, d.reason = $d.reason, d.payload = $d.payload, d.receivedAt = $d.receivedAt,"
            + " d.status = 'OPEN'";
    static final String DEAD_LETTERS = "MATCH (d:DeadLetter {source: $source}) WHERE $status IS NULL OR d.status = $status"
            + " RETURN d {.*} AS row ORDER BY d.position LIMIT $limit";
    static final String DEAD_LETTER_BY_ID = "MATCH (d:DeadLetter {id: $id}) SET d.lock = true REMOVE d.lock RETURN d {.*} AS row";
    static final String RESOLVE = "MATCH (d:DeadLetter {id: $id}) SET d.status = 'RESOLVED', d.resolvedAt = $now, d.resolution = $resolution";
    static final String COUNT_OPEN = "MATCH (d:DeadLetter {status: 'OPEN'}) RETURN d.source AS key, count(d) AS n";
    /** A lease: taken when free, expired, or already ours; the MERGE serialises contenders on the lock node. */
    static final String LOCK = "MERGE (l:SyncLock {name: $name}) WITH l WHERE l.owner IS NULL OR l.until < $now OR l.owner = $owner"
            + " SET l.owner = $owner, l.until = $until RETURN l.owner AS owner";
    static final String UNLOCK = "MATCH (l:SyncLock {name: $name, owner: $owner}) SET l.owner = null, l.until = null";
    /** A listed subject the registry has not sent yet is known by its USCC until it does. */
    static final String ENSURE = "UNWIND $usccs AS uscc MERGE (e:Enterprise {uscc: uscc})";

    private final Neo4jClient client;

    public SyncRepository(Neo4jClient client) {
        this.client = client;
    }

    /**
     * Upserts snapshots (the caller passes at most one per subject) in set-based statements: the subjects, then for those
     * newer than the graph's their region, the links that ended, the people, and the links that began. Returns how many
     * were newer.
     */
    public long upsertEnterprises(String source, List<EnterpriseRow> rows, OffsetDateTime now) {
        List<Map<String, Object>> params = rows.stream().map(SyncRepository::row).toList();
        java.util.Set<String> newer = new java.util.HashSet<>(client.query(UPSERT).bindAll(Map.of("rows", params, "source", source, "now", now))
                .fetchAs(String.class).mappedBy((t, r) -> r.get("uscc").asString()).all());
        if (newer.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> applied = params.stream().filter(p -> newer.contains((String) p.get("uscc"))).toList();
        List<EnterpriseRow> appliedRows = rows.stream().filter(r -> newer.contains(r.uscc())).toList();
        client.query(LOCATE).bind(applied).to("rows").run();
        client.query(END_LINKS).bind(applied).to("rows").run();
        Map<String, Map<String, Object>> persons = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> legal = new java.util.ArrayList<>();
        List<Map<String, Object>> officers = new java.util.ArrayList<>();
        List<Map<String, Object>> branches = new java.util.ArrayList<>();
        for (EnterpriseRow r : appliedRows) {
            if (r.legalRepresentative() != null) {
                persons.putIfAbsent(r.legalRepresentative().personId(), Map.of("personId", r.legalRepresentative().personId(), "name",
                        r.legalRepresentative().name()));
                legal.add(Map.of("uscc", r.uscc(), "personId", r.legalRepresentative().personId(), "on", r.changedOn()));
            }
            for (PersonLink o : r.officers()) {
                persons.putIfAbsent(o.personId(), Map.of("personId", o.personId(), "name", o.name()));
                officers.add(Map.of("uscc", r.uscc(), "personId", o.personId(), "role", o.role(), "on", r.changedOn()));
            }
            if (r.parentUscc() != null) {
                branches.add(Map.of("uscc", r.uscc(), "parent", r.parentUscc(), "on", r.changedOn()));
            }
        }
        client.query(PERSONS).bind(List.copyOf(persons.values())).to("persons").run();
        client.query(LEGAL_LINKS).bindAll(Map.of("links", legal, "source", source)).run();
        client.query(OFFICER_LINKS).bindAll(Map.of("links", officers, "source", source)).run();
        if (!branches.isEmpty()) {
            client.query(BRANCH_LINKS).bindAll(Map.of("links", branches, "source", source)).run();
        }
        return newer.size();
    }

    private static Map<String, Object> row(EnterpriseRow r) {
        Map<String, Object> m = new HashMap<>();
        m.put("uscc", r.uscc());
        m.put("name", r.name());
        m.put("orgType", r.orgType());
        m.put("status", r.status());
        m.put("regionCode", r.regionCode());
        m.put("address", r.address());
        m.put("establishedOn", r.establishedOn());
        m.put("version", r.version());
        m.put("changedOn", r.changedOn());
        m.put("legal", r.legalRepresentative() == null ? null : Map.of("personId", r.legalRepresentative().personId(), "name",
                r.legalRepresentative().name()));
        m.put("officers", r.officers().stream().map(o -> Map.of("personId", o.personId(), "name", o.name(), "role", o.role())).toList());
        m.put("parent", r.parentUscc());
        return m;
    }

    public void ensureEnterprises(Collection<String> usccs) {
        if (!usccs.isEmpty()) {
            client.query(ENSURE).bind(List.copyOf(new java.util.LinkedHashSet<>(usccs))).to("usccs").run();
        }
    }

    public Optional<Checkpoint> checkpoint(String source, String stream) {
        return client.query(CHECKPOINT).bindAll(Map.of("source", source, "stream", stream)).fetchAs(Checkpoint.class)
                .mappedBy((t, r) -> r.get("row").isNull() ? null : checkpoint(r.get("row"))).one();
    }

    public List<Checkpoint> checkpoints() {
        return client.query(CHECKPOINTS).fetchAs(Checkpoint.class).mappedBy((t, r) -> checkpoint(r.get("row"))).all().stream().toList();
    }

    public void saveCheckpoint(String source, String stream, String cursor, long position, long applied, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("source", source);
        p.put("stream", stream);
        p.put("cursor", cursor);
        p.put("position", position);
        p.put("applied", applied);
        p.put("now", now);
        client.query(SAVE_CHECKPOINT).bindAll(p).run();
    }

    /** The source answered and its data are applied up to now. */
    public void synced(String source, String state, OffsetDateTime now) {
        client.query(SYNCED).bindAll(Map.of("source", source, "state", state, "now", now)).run();
    }

    /** A run ended without reaching the source's head; {@code lastSuccessAt} stays. */
    public void attempted(String source, String state, String error, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("source", source);
        p.put("state", state);
        p.put("error", error);
        p.put("now", now);
        client.query(ATTEMPTED).bindAll(p).run();
    }

    /** Records a record that could not be applied, once per source position. */
    public void deadLetter(DeadLetter d) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", d.id());
        m.put("source", d.source());
        m.put("stream", d.stream());
        m.put("position", d.position());
        m.put("cursor", d.cursor());
        m.put("key", d.key());
        m.put("reason", d.reason());
        m.put("payload", d.payload());
        m.put("receivedAt", d.receivedAt());
        client.query(DEAD_LETTER).bind(m).to("d").run();
    }

    public List<DeadLetter> deadLetters(String source, String status, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("source", source);
        p.put("status", status);
        p.put("limit", limit);
        return List.copyOf(KeyedRows.unique(client, DEAD_LETTERS, p, SyncRepository::deadLetter, DeadLetter::id).values());
    }

    public Optional<DeadLetter> deadLetter(String id) {
        return client.query("MATCH (d:DeadLetter {id: $id}) RETURN d {.*} AS row").bind(id).to("id").fetchAs(DeadLetter.class)
                .mappedBy((t, r) -> deadLetter(r.get("row"))).one();
    }

    public Optional<DeadLetter> lockDeadLetter(String id) {
        return client.query(DEAD_LETTER_BY_ID).bind(id).to("id").fetchAs(DeadLetter.class).mappedBy((t, r) -> deadLetter(r.get("row"))).one();
    }

    public void resolve(String id, String resolution, OffsetDateTime now) {
        client.query(RESOLVE).bindAll(Map.of("id", id, "resolution", resolution, "now", now)).run();
    }

    public Map<String, Long> openDeadLetters() {
        Map<String, Long> out = new HashMap<>();
        client.query(COUNT_OPEN).fetch().all().forEach(m -> out.put((String) m.get("key"), ((Number) m.get("n")).longValue()));
        return out;
    }

    /** Takes or renews the lease {@code name} for {@code owner} until {@code until}; false when another holds it. */
    public boolean lock(String name, String owner, OffsetDateTime now, OffsetDateTime until) {
        return client.query(LOCK).bindAll(Map.of("name", name, "owner", owner, "now", now, "until", until)).fetch().one().isPresent();
    }

    public void unlock(String name, String owner) {
        client.query(UNLOCK).bindAll(Map.of("name", name, "owner", owner)).run();
    }

    static Checkpoint checkpoint(MapAccessor m) {
        return new Checkpoint(m.get("source").asString(), m.get("stream").asString(), Values.str(m.get("cursor")), m.get("position").asLong(0),
                m.get("applied").asLong(0), Values.dateTime(m.get("updatedAt")));
    }

    static DeadLetter deadLetter(MapAccessor m) {
        return new DeadLetter(m.get("id").asString(), m.get("source").asString(), m.get("stream").asString(), m.get("position").asLong(),
                Values.str(m.get("cursor")), Values.str(m.get("key")), Values.str(m.get("reason")), Values.str(m.get("payload")),
                Values.dateTime(m.get("receivedAt")), m.get("status").asString(), Values.dateTime(m.get("resolvedAt")),
                Values.str(m.get("resolution")));
    }
}
