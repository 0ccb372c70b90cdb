package org.supervisionhub.graph.restriction;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.restriction.Restrictions.Measure;
import org.supervisionhub.domain.restriction.Reach;

/** The restriction measure catalogue: one {@code RestrictionMeasure} per measure, one {@code MeasureVersion} per version. */
public class MeasureRepository {

    /** Serialises changes of one measure (and creates its node on first use). */
    static final String LOCK = "MERGE (r:RestrictionMeasure {id: $id}) SET r.lock = true REMOVE r.lock RETURN r.id AS id";
    static final String LOCK_CATALOGUE = "MERGE (s:Sequence {name: 'measure-catalogue'}) SET s.lock = true REMOVE s.lock RETURN s.name AS id";
    static final String CURRENT = "MATCH (m:MeasureVersion) WHERE m.supersededAt IS NULL"
            + " AND ($id IS NULL OR m.measureId = $id) AND ($domain IS NULL OR m.domain = $domain)"
            + " AND ($triggerType IS NULL OR m.triggerType = $triggerType) RETURN m {.*} AS row ORDER BY m.measureId";
    static final String IN_FORCE = "MATCH (m:MeasureVersion) WHERE m.inForceFrom <= $asOf AND (m.supersededAt IS NULL OR $asOf < m.supersededAt)"
            + " AND ($domain IS NULL OR m.domain = $domain) AND ($triggerType IS NULL OR m.triggerType = $triggerType)"
            + " RETURN m {.*} AS row ORDER BY m.measureId";
    static final String VERSIONS = "MATCH (m:MeasureVersion) WHERE m.measureId IN $ids RETURN m {.*} AS row ORDER BY m.measureId, m.version";
    static final String ADD_VERSION = "MATCH (r:RestrictionMeasure {id: $m.measureId})"
            + " OPTIONAL MATCH (old:MeasureVersion {measureId: $m.measureId}) WHERE old.supersededAt IS NULL"
            + " SET old.supersededAt = $m.inForceFrom"
            + " CREATE (v:MeasureVersion)-[:VERSION_OF]->(r) SET v = $m";

    private final Neo4jClient client;

    public MeasureRepository(Neo4jClient client) {
        this.client = client;
    }

    public void lock(String measureId) {
        client.query(LOCK).bind(measureId).to("id").run();
    }

    /** Serialises catalogue loads of several replicas starting together. */
    public void lockCatalogue() {
        client.query(LOCK_CATALOGUE).run();
    }

    public Optional<Measure> current(String id) {
        return current(id, null, null).stream().findFirst();
    }

    /** The newest version of each measure, also of retired ones (their validTo is in the past). */
    public List<Measure> current(String id, String domain, String triggerType) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("domain", domain);
        p.put("triggerType", triggerType);
        return rows(CURRENT, p);
    }

    /** The version of each measure that was in force at {@code asOf}. */
    public List<Measure> inForce(OffsetDateTime asOf, String domain, String triggerType) {
        Map<String, Object> p = new HashMap<>();
        p.put("asOf", asOf);
        p.put("domain", domain);
        p.put("triggerType", triggerType);
        return rows(IN_FORCE, p);
    }

    public List<Measure> versions(List<String> ids) {
        return rows(VERSIONS, Map.of("ids", ids));
    }

    /** Adds {@code m} as the newest version; the previous one is superseded when {@code m} comes into force. Call under {@link #lock}. */
    public void addVersion(Measure m) {
        Map<String, Object> props = new HashMap<>();
        props.put("measureId", m.id());
        props.put("version", m.version());
        props.put("triggerType", m.triggerType().name());
        props.put("domain", m.domain().name());
        props.put("effect", m.effect().name());
        props.put("reach", m.reach().name());
        props.put("via", m.via().stream().map(Reach::name).toList());
        props.put("maxHops", m.maxHops());
        props.put("minShare", m.minShare() == null ? null : m.minShare().toPlainString());
        props.put("maxDuration", m.maxDuration());
        props.put("legalBasis", m.legalBasis());
        props.put("issuingAuthority", m.issuingAuthority());
        props.put("validFrom", m.validFrom());
        props.put("validTo", m.validTo());
        props.put("description", m.description());
        props.put("inForceFrom", m.inForceFrom());
        props.put("changedBy", m.changedBy());
        props.put("changeReason", m.changeReason());
        client.query(ADD_VERSION).bind(props).to("m").run();
    }

    private List<Measure> rows(String cypher, Map<String, Object> p) {
        return client.query(cypher).bindAll(p).fetchAs(Measure.class).mappedBy((t, r) -> RestrictionQuery.measure(r.get("row")))
                .all().stream().toList();
    }
}
