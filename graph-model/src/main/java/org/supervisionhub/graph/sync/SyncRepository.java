package org.supervisionhub.graph.sync;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.publicsite.PublicSiteRepository;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * The graph side of source sync. Snapshots are upserted only when newer than what the graph holds ({@code sourceVersion}),
 * so a batch applied twice changes nothing; links missing from a newer snapshot end ({@code validTo}), never deleted.
 * {@code (:SyncCheckpoint {source, stream})} holds the cursor of the last batch applied, written in that batch's
 * transaction; {@code (:DeadLetter)} keeps records that could not be applied, with the reason and the raw payload.
 */
public class SyncRepository {

    static final String KNOWN_REGIONS = "UNWIND $codes AS code MATCH (r:Region {code: code}) RETURN DISTINCT r.code AS code";

    /** One snapshot of a market subject, as the sync maps it. */
    public record EnterpriseRow(String uscc, String name, String orgType, String status, String regionCode, String address,
                                LocalDate establishedOn, long version, LocalDate changedOn, PersonLink legalRepresentative,
                                List<PersonLink> officers, List<Holding> shareholders, String parentUscc) {
    }

    /** A person on a link; {@code role} for officers. */
    public record PersonLink(String personId, String name, String role) {
    }

    /** Who holds a share of the subject: a person ({@code key} a personId) or another subject ({@code key} its USCC). */
    public record Holding(HolderKind kind, String key, String name, Double sharePct) {
    }

    public enum HolderKind { PERSON, ENTERPRISE }

    /** A subject's tax credit grade for an assessment year, at position {@code seq} of the tax system's feed. */
    public record GradeRow(String uscc, int year, String grade, LocalDate assessedOn, long seq) {
    }

    public record Checkpoint(String source, String stream, String cursor, long position, long applied, OffsetDateTime updatedAt) {
    }

    /** {@code cursor}: where the page holding it began, to read it again from the source after a fix. */
    public record DeadLetter(String id, String source, String stream, long position, String cursor, String key, String reason, String payload,
                             OffsetDateTime receivedAt, String status, OffsetDateTime resolvedAt, String resolution) {
    }

    /** A person's link to the subject, of the type {@code k.rel}; shared by the fresh and the careful path. */
    static final String CREATE_PERSON_LINK =
            " FOREACH (x IN CASE k.rel WHEN 'LEGAL_REPRESENTATIVE_OF' THEN [1] ELSE [] END |"
            + "  CREATE (p)-[:LEGAL_REPRESENTATIVE_OF {validFrom: k.on, source: $source, recordedAt: $now}]->(e))"
            + " FOREACH (x IN CASE k.rel WHEN 'OFFICER_OF' THEN [1] ELSE [] END | CREATE (p)-[:OFFICER_OF {role: k.role, validFrom: k.on, source: $source, recordedAt: $now}]->(e))"
            + " FOREACH (x IN CASE k.rel WHEN 'SHAREHOLDER_OF' THEN [1] ELSE [] END |"
            + "  CREATE (p)-[:SHAREHOLDER_OF {sharePct: k.pct, validFrom: k.on, source: $source, recordedAt: $now}]->(e))";
    /**
     * The subjects themselves, newer snapshots only; returns those rows with {@code fresh}: the subject had no registry
     * data (no version, no links of the kinds a snapshot owns), so its links are created here in the same statement,
     * with nothing to compare or end. This is the path of an initial load; the others take {@link #LOCATE} and after.
     */
    static final String UPSERT = "UNWIND $rows AS row MERGE (e:Enterprise {uscc: row.uscc}) ON CREATE SET e.rosterFrom = row.changedOn, e.recordedAt = $now"
            + " WITH e, row WHERE coalesce(e.sourceVersion, 0) < row.version"
            + " WITH e, row, e.sourceVersion IS NULL AND NOT EXISTS { (e)<-[:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]-() }"
            + "  AND NOT EXISTS { (e)-[:LOCATED_IN|BRANCH_OF]->() } AS fresh"
            + " SET e.name = row.name, e.orgType = row.orgType, e.status = row.status, e.regionCode = row.regionCode, e.address = row.address,"
            + "  e.establishedOn = row.establishedOn, e.sourceVersion = row.version, e.source = $source, e.updatedAt = $now,"
            + "  e.rosterFrom = coalesce(e.rosterFrom, row.changedOn)"
            + " WITH e, row, fresh" + PublicSiteRepository.RENAME_PUBLISHED
            + " WITH e, row, fresh"
            + " CALL (e, row, fresh) { WITH e, row WHERE fresh MATCH (r:Region {code: row.regionCode}) CREATE (e)-[:LOCATED_IN]->(r) }"
            + " CALL (e, row, fresh) { WITH e, row WHERE fresh UNWIND row.persons AS k"
            + "  MERGE (p:Person {personId: k.personId}) ON CREATE SET p.name = k.name, p.recordedAt = $now" + CREATE_PERSON_LINK + " }"
            + " RETURN row.uscc AS uscc, fresh";
    /** Links to other subjects (branch head, holding subject) of the fresh rows; these may create the other subject by its USCC. */
    static final String FRESH_SUBJECT_LINKS = "UNWIND $links AS k MATCH (e:Enterprise {uscc: k.uscc}) MERGE (h:Enterprise {uscc: k.other}) ON CREATE SET h.recordedAt = $now"
            + " FOREACH (x IN CASE k.rel WHEN 'BRANCH_OF' THEN [1] ELSE [] END | CREATE (e)-[:BRANCH_OF {validFrom: k.on, source: $source, recordedAt: $now}]->(h))"
            + " FOREACH (x IN CASE k.rel WHEN 'SHAREHOLDER_OF' THEN [1] ELSE [] END |"
            + "  CREATE (h)-[:SHAREHOLDER_OF {sharePct: k.pct, validFrom: k.on, source: $source, recordedAt: $now}]->(e))";
    static final String LOCATE = "UNWIND $rows AS row MATCH (e:Enterprise {uscc: row.uscc})"
            + " OPTIONAL MATCH (e)-[old:LOCATED_IN]->(prev:Region) WHERE prev.code <> row.regionCode DELETE old"
            + " WITH DISTINCT e, row MATCH (r:Region {code: row.regionCode}) MERGE (e)-[:LOCATED_IN]->(r)";
    /** Links the newer snapshots no longer have (or have with another role or share) end on the day of the change. */
    static final String END_LINKS = "UNWIND $rows AS row MATCH (e:Enterprise {uscc: row.uscc})"
            + " CALL (e, row) { MATCH (p:Person)-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]->(e) WHERE l.validTo IS NULL"
            + "  AND NOT any(k IN row.persons WHERE k.personId = p.personId AND k.rel = type(l) AND coalesce(k.role, '') = coalesce(l.role, '')"
            + "   AND coalesce(k.pct, -1.0) = coalesce(l.sharePct, -1.0))"
            + "  SET l.validTo = row.changedOn, l.validToRecordedAt = $now }"
            + " CALL (e, row) { MATCH (h:Enterprise)-[l:SHAREHOLDER_OF]->(e) WHERE l.validTo IS NULL"
            + "  AND NOT any(k IN row.holders WHERE k.uscc = h.uscc AND coalesce(k.pct, -1.0) = coalesce(l.sharePct, -1.0))"
            + "  SET l.validTo = row.changedOn, l.validToRecordedAt = $now }"
            + " CALL (e, row) { MATCH (e)-[l:BRANCH_OF]->(h) WHERE l.validTo IS NULL AND (row.parent IS NULL OR h.uscc <> row.parent)"
            + "  SET l.validTo = row.changedOn, l.validToRecordedAt = $now }";
    /** Person links that began: those without an open link of the same type, role and share. */
    static final String PERSON_LINKS = "UNWIND $links AS k MATCH (e:Enterprise {uscc: k.uscc})"
            + " MERGE (p:Person {personId: k.personId}) ON CREATE SET p.name = k.name, p.recordedAt = $now"
            + " WITH e, p, k WHERE NOT EXISTS { (p)-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]->(e) WHERE l.validTo IS NULL AND type(l) = k.rel"
            + "  AND coalesce(l.role, '') = coalesce(k.role, '') AND coalesce(l.sharePct, -1.0) = coalesce(k.pct, -1.0) }"
            + CREATE_PERSON_LINK;
    static final String SUBJECT_LINKS = "UNWIND $links AS k MATCH (e:Enterprise {uscc: k.uscc}) MERGE (h:Enterprise {uscc: k.other}) ON CREATE SET h.recordedAt = $now"
            + " WITH e, h, k WHERE NOT CASE k.rel WHEN 'BRANCH_OF' THEN EXISTS { (e)-[l:BRANCH_OF]->(h) WHERE l.validTo IS NULL }"
            + "  ELSE EXISTS { (h)-[l:SHAREHOLDER_OF]->(e) WHERE l.validTo IS NULL AND coalesce(l.sharePct, -1.0) = coalesce(k.pct, -1.0) } END"
            + " FOREACH (x IN CASE k.rel WHEN 'BRANCH_OF' THEN [1] ELSE [] END | CREATE (e)-[:BRANCH_OF {validFrom: k.on, source: $source, recordedAt: $now}]->(h))"
            + " FOREACH (x IN CASE k.rel WHEN 'SHAREHOLDER_OF' THEN [1] ELSE [] END |"
            + "  CREATE (h)-[:SHAREHOLDER_OF {sharePct: k.pct, validFrom: k.on, source: $source, recordedAt: $now}]->(e))";
    /** A later item of the feed (a re-assessment) replaces the year's grade; an earlier one read again changes nothing. */
    static final String UPSERT_GRADES = "UNWIND $rows AS row MERGE (e:Enterprise {uscc: row.uscc}) ON CREATE SET e.recordedAt = $now"
            + " MERGE (g:TaxCreditGrade {uscc: row.uscc, year: row.year})"
            + " WITH e, g, row WHERE coalesce(g.seq, 0) < row.seq"
            + " SET g.grade = row.grade, g.assessedOn = row.assessedOn, g.seq = row.seq, g.source = $source, g.updatedAt = $now"
            + " MERGE (g)-[:OF]->(e) RETURN count(*) AS n";
    static final String CHECKPOINT = "OPTIONAL MATCH (c:SyncCheckpoint {source: $source, stream: $stream}) RETURN c {.*} AS row";
    static final String SAVE_CHECKPOINT = "MERGE (c:SyncCheckpoint {source: $source, stream: $stream})"
            + " SET c.cursor = $cursor, c.position = $position, c.applied = coalesce(c.applied, 0) + $applied, c.updatedAt = $now";
    /**
     * A partition's checkpoint when several writers apply a stream: its subjects are applied up to {@code position};
     * kept per number of partitions, as another number splits the subjects otherwise.
     */
    static final String PARTITION_CHECKPOINTS = "MATCH (c:SyncPartitionCheckpoint {source: $source, stream: $stream, partitions: $partitions})"
            + " RETURN c.partition AS partition, c.position AS position";
    static final String SAVE_PARTITION_CHECKPOINT = "MERGE (c:SyncPartitionCheckpoint {source: $source, stream: $stream, partition: $partition, partitions: $partitions})"
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
    /** Whether {@code owner} holds the lease: read only, so writers applying side by side do not queue on the lock node. */
    static final String HOLDS = "MATCH (l:SyncLock {name: $name}) WHERE l.owner = $owner AND l.until >= $now RETURN true AS held";
    static final String UNLOCK = "MATCH (l:SyncLock {name: $name, owner: $owner}) SET l.owner = null, l.until = null";
    /** A listed subject the registry has not sent yet is known by its USCC until it does. */
    static final String ENSURE = "UNWIND $usccs AS uscc MERGE (e:Enterprise {uscc: uscc})";

    private final Neo4jClient client;

    public SyncRepository(Neo4jClient client) {
        this.client = client;
    }

    /**
     * Upserts snapshots (the caller passes at most one per subject); returns how many were newer than the graph's. Fresh
     * subjects get their links in the upsert itself; the others have their region moved, the links that left ended, and
     * those that began created, each step one set-based statement.
     */
    public long upsertEnterprises(String source, List<EnterpriseRow> rows, OffsetDateTime now) {
        List<Map<String, Object>> params = rows.stream().map(SyncRepository::row).toList();
        Map<String, Boolean> newer = new HashMap<>();
        client.query(UPSERT).bindAll(Map.of("rows", params, "source", source, "now", now)).fetch().all()
                .forEach(m -> newer.put((String) m.get("uscc"), (Boolean) m.get("fresh")));
        List<Map<String, Object>> freshLinks = new ArrayList<>();
        List<Map<String, Object>> changed = new ArrayList<>();
        List<Map<String, Object>> personLinks = new ArrayList<>();
        List<Map<String, Object>> subjectLinks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Boolean fresh = newer.get(rows.get(i).uscc());
            if (fresh == null) {
                continue;
            }
            EnterpriseRow r = rows.get(i);
            List<Map<String, Object>> others = subjectLinks(r);
            if (fresh) {
                freshLinks.addAll(others);
            } else {
                changed.add(params.get(i));
                subjectLinks.addAll(others);
                for (Object k : (List<?>) params.get(i).get("persons")) {
                    Map<String, Object> link = new HashMap<>(castMap(k));
                    link.put("uscc", r.uscc());
                    personLinks.add(link);
                }
            }
        }
        if (!freshLinks.isEmpty()) {
            client.query(FRESH_SUBJECT_LINKS).bindAll(Map.of("links", freshLinks, "source", source, "now", now)).run();
        }
        if (!changed.isEmpty()) {
            client.query(LOCATE).bind(changed).to("rows").run();
            client.query(END_LINKS).bindAll(Map.of("rows", changed, "now", now)).run();
            client.query(PERSON_LINKS).bindAll(Map.of("links", personLinks, "source", source, "now", now)).run();
            if (!subjectLinks.isEmpty()) {
                client.query(SUBJECT_LINKS).bindAll(Map.of("links", subjectLinks, "source", source, "now", now)).run();
            }
        }
        return newer.size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
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
        List<Map<String, Object>> persons = new ArrayList<>();
        if (r.legalRepresentative() != null) {
            persons.add(personLink(r.legalRepresentative().personId(), r.legalRepresentative().name(), "LEGAL_REPRESENTATIVE_OF", null, null, r.changedOn()));
        }
        r.officers().forEach(o -> persons.add(personLink(o.personId(), o.name(), "OFFICER_OF", o.role(), null, r.changedOn())));
        r.shareholders().stream().filter(h -> h.kind() == HolderKind.PERSON)
                .forEach(h -> persons.add(personLink(h.key(), h.name(), "SHAREHOLDER_OF", null, h.sharePct(), r.changedOn())));
        m.put("persons", persons);
        m.put("holders", r.shareholders().stream().filter(h -> h.kind() == HolderKind.ENTERPRISE).map(h -> {
            Map<String, Object> k = new HashMap<>();
            k.put("uscc", h.key());
            k.put("pct", h.sharePct());
            return k;
        }).toList());
        m.put("parent", r.parentUscc());
        return m;
    }

    private static Map<String, Object> personLink(String personId, String name, String rel, String role, Double pct, LocalDate on) {
        Map<String, Object> k = new HashMap<>();
        k.put("personId", personId);
        k.put("name", name);
        k.put("rel", rel);
        k.put("role", role);
        k.put("pct", pct);
        k.put("on", on);
        return k;
    }

    /** The subject's links to other subjects: its branch head and its holding subjects. */
    private static List<Map<String, Object>> subjectLinks(EnterpriseRow r) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (r.parentUscc() != null) {
            out.add(subjectLink(r.uscc(), r.parentUscc(), "BRANCH_OF", null, r.changedOn()));
        }
        r.shareholders().stream().filter(h -> h.kind() == HolderKind.ENTERPRISE)
                .forEach(h -> out.add(subjectLink(r.uscc(), h.key(), "SHAREHOLDER_OF", h.sharePct(), r.changedOn())));
        return out;
    }

    private static Map<String, Object> subjectLink(String uscc, String other, String rel, Double pct, LocalDate on) {
        Map<String, Object> k = new HashMap<>();
        k.put("uscc", uscc);
        k.put("other", other);
        k.put("rel", rel);
        k.put("pct", pct);
        k.put("on", on);
        return k;
    }

    /** Upserts grades in feed order (the caller passes at most one per subject and year); returns how many changed. */
    public long upsertTaxCreditGrades(String source, List<GradeRow> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> params = rows.stream().map(r -> {
            Map<String, Object> m = new HashMap<>();
            m.put("uscc", r.uscc());
            m.put("year", r.year());
            m.put("grade", r.grade());
            m.put("assessedOn", r.assessedOn());
            m.put("seq", r.seq());
            return m;
        }).toList();
        return client.query(UPSERT_GRADES).bindAll(Map.of("rows", params, "source", source, "now", now)).fetchAs(Long.class)
                .mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L);
    }

    /** Those of {@code codes} that name a region of the hub. */
    public java.util.Set<String> knownRegions(Collection<String> codes) {
        return new java.util.HashSet<>(client.query(KNOWN_REGIONS).bind(List.copyOf(codes)).to("codes").fetchAs(String.class)
                .mappedBy((t, r) -> r.get("code").asString()).all());
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

    /** Each partition's position among {@code partitions} (absent: none applied yet). */
    public Map<Integer, Long> partitionCheckpoints(String source, String stream, int partitions) {
        Map<Integer, Long> out = new HashMap<>();
        client.query(PARTITION_CHECKPOINTS).bindAll(Map.of("source", source, "stream", stream, "partitions", partitions)).fetch().all()
                .forEach(m -> out.put(((Number) m.get("partition")).intValue(), ((Number) m.get("position")).longValue()));
        return out;
    }

    public void savePartitionCheckpoint(String source, String stream, int partition, int partitions, String cursor, long position, long applied,
                                        OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("source", source);
        p.put("stream", stream);
        p.put("partition", partition);
        p.put("partitions", partitions);
        p.put("cursor", cursor);
        p.put("position", position);
        p.put("applied", applied);
        p.put("now", now);
        client.query(SAVE_PARTITION_CHECKPOINT).bindAll(p).run();
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

    /** Whether {@code owner} holds the lease {@code name} at {@code now}, without writing. */
    public boolean holds(String name, String owner, OffsetDateTime now) {
        return client.query(HOLDS).bindAll(Map.of("name", name, "owner", owner, "now", now)).fetch().one().isPresent();
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
