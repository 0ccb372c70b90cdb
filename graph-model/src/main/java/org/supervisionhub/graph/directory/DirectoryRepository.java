package org.supervisionhub.graph.directory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.directory.Directory.Direction;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.Directory.EnterpriseData;
import org.supervisionhub.graph.directory.Directory.EnterpriseFilter;
import org.supervisionhub.graph.directory.Directory.EnterpriseOrder;
import org.supervisionhub.graph.directory.Directory.Link;
import org.supervisionhub.graph.directory.Directory.LinkData;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.directory.Directory.Party;
import org.supervisionhub.graph.directory.Directory.Person;
import org.supervisionhub.graph.publicsite.PublicSiteRepository;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/** Enterprises, persons and links. All Cypher is parameterised and lives in this class. */
public class DirectoryRepository {

    static final String ENTERPRISE = "e {.uscc, .name, .orgType, .industry, .scale, .status, .creditRiskClass,"
            + " .integrityGrade, .regionCode, .establishedOn, .address, .rosterFrom, .updatedAt,"
            + " registeredWith: [(e)-[:REGISTERED_WITH]->(d:Department) | d.id][0]}";

    static final String ENTERPRISES_BY_USCC = "MATCH (e:Enterprise) WHERE e.uscc IN $keys RETURN " + ENTERPRISE + " AS row";
    /**
     * The legal representative of {@code e} in office on {@code $day}: of several (a registry's overlap), the one a page of
     * its links lists first (earliest appointed, then person id); null if none.
     */
    static final String LEGAL_REPRESENTATIVE = "COLLECT { MATCH (e)<-[r:LEGAL_REPRESENTATIVE_OF]-(p:Person)"
            + " WHERE r.validFrom <= $day AND (r.validTo IS NULL OR r.validTo > $day)"
            + " RETURN p {.personId, .name} ORDER BY r.validFrom, p.personId LIMIT 1 }[0]";
    static final String LEGAL_REPRESENTATIVES = "UNWIND $keys AS key MATCH (e:Enterprise {uscc: key}) WITH key, " + LEGAL_REPRESENTATIVE
            + " AS row WHERE row IS NOT NULL RETURN key, row";
    /** A point read that also answers {@code legalRepresentative}: one statement where the field would add a second. */
    static final String ENTERPRISE_WITH_LEGAL_REPRESENTATIVE = "MATCH (e:Enterprise {uscc: $uscc}) RETURN " + ENTERPRISE + " AS row, "
            + LEGAL_REPRESENTATIVE + " AS legalRepresentative";
    static final String PERSONS_BY_ID = "MATCH (p:Person) WHERE p.personId IN $keys RETURN p {.personId, .name} AS row";

    /** Every link of each owner, filtered by type and date; Java pages them (few per owner). */
    static final String LINKS_INBOUND = "UNWIND $keys AS key MATCH (e:Enterprise {uscc: key})"
            + " UNWIND [(e)<-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF|BRANCH_OF]-(c)"
            + "   WHERE type(r) IN $rels AND ($asOf IS NULL OR (r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)))"
            + "   | {rel: type(r), role: r.role, sharePct: r.sharePct, validFrom: r.validFrom, validTo: r.validTo,"
            + "      person: CASE WHEN c:Person THEN c {.personId, .name} END,"
            + "      enterprise: CASE WHEN c:Enterprise THEN " + ENTERPRISE.replace("e {", "c {").replace("(e)", "(c)") + " END}] AS row"
            + " RETURN key, row";
    static final String LINKS_OUTBOUND = "UNWIND $keys AS key MATCH (o) WHERE (o:Enterprise AND o.uscc = key) OR (o:Person AND o.personId = key)"
            + " UNWIND [(o)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF|BRANCH_OF]->(e:Enterprise)"
            + "   WHERE type(r) IN $rels AND ($asOf IS NULL OR (r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)))"
            + "   | {rel: type(r), role: r.role, sharePct: r.sharePct, validFrom: r.validFrom, validTo: r.validTo,"
            + "      enterprise: " + ENTERPRISE + "}] AS row"
            + " RETURN key, row";

    static final String UPSERT_ENTERPRISES = "UNWIND $rows AS row MERGE (e:Enterprise {uscc: row.uscc})"
            + " ON CREATE SET e.rosterFrom = $today, e.recordedAt = $now"
            + " SET e.name = row.name, e.orgType = row.orgType, e.industry = row.industry, e.scale = row.scale,"
            + "  e.status = row.status, e.creditRiskClass = row.creditRiskClass, e.integrityGrade = row.integrityGrade,"
            + "  e.regionCode = row.regionCode, e.establishedOn = row.establishedOn, e.address = row.address, e.updatedAt = $now"
            + " WITH e, row" + PublicSiteRepository.RENAME_PUBLISHED
            + " WITH e, row MATCH (r:Region {code: row.regionCode})"
            + " OPTIONAL MATCH (e)-[oldR:LOCATED_IN]->(prev) WHERE prev <> r DELETE oldR"
            + " MERGE (e)-[:LOCATED_IN]->(r)"
            + " WITH e, row OPTIONAL MATCH (e)-[oldD:REGISTERED_WITH]->(d) WHERE row.registeredWith IS NULL OR d.id <> row.registeredWith DELETE oldD"
            + " WITH e, row OPTIONAL MATCH (d:Department {id: row.registeredWith})"
            + " FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END | MERGE (e)-[:REGISTERED_WITH]->(x))";
    static final String EXISTING_ENTERPRISES = "MATCH (e:Enterprise) WHERE e.uscc IN $keys RETURN e.uscc AS key";
    static final String EXISTING_PERSONS = "MATCH (p:Person) WHERE p.personId IN $keys RETURN p.personId AS key";
    static final String UPSERT_PERSON = "MERGE (p:Person {personId: $personId}) ON CREATE SET p.recordedAt = $now"
            + " SET p.name = coalesce($name, p.name)"
            + " RETURN p {.personId, .name} AS row";

    static final String CLOSE_OTHER_LEGAL_REPRESENTATIVES_BATCH = "UNWIND $rows AS row"
            + " MATCH (p:Person)-[r:LEGAL_REPRESENTATIVE_OF]->(e:Enterprise {uscc: row.to})"
            + " WHERE p.personId <> row.from AND r.validTo IS NULL AND r.validFrom < row.validFrom"
            + " SET r.validTo = row.validFrom, r.validToRecordedAt = $now";
    static final String MERGE_LINKS_TEMPLATE = "UNWIND $rows AS row"
            + " MATCH (f) WHERE (f:Person AND f.personId = row.from) OR (f:Enterprise AND f.uscc = row.from)"
            + " MATCH (t:Enterprise {uscc: row.to})"
            + " MERGE (f)-[r:%s {validFrom: row.validFrom}]->(t) ON CREATE SET r.recordedAt = $now"
            // Knowledge time: when the link's end was recorded (the first SET item still sees the old validTo).
            + " SET r.validToRecordedAt = CASE WHEN row.validTo IS NULL THEN null"
            + "  WHEN r.validTo = row.validTo THEN coalesce(r.validToRecordedAt, r.recordedAt) ELSE $now END,"
            + " r.validTo = row.validTo, r.role = row.role, r.sharePct = row.sharePct";
    static final String UPSERT_PERSONS = "UNWIND $rows AS row MERGE (p:Person {personId: row.personId}) ON CREATE SET p.recordedAt = $now"
            + " SET p.name = coalesce(row.name, p.name)";
    static final String END_LINK_TEMPLATE = "MATCH (f)-[r:%s {validFrom: $validFrom}]->(t:Enterprise {uscc: $to})"
            + " WHERE (f:Person AND f.personId = $from) OR (f:Enterprise AND f.uscc = $from)"
            + " SET r.validToRecordedAt = CASE WHEN r.validTo = $validTo THEN coalesce(r.validToRecordedAt, r.recordedAt) ELSE $now END,"
            + " r.validTo = $validTo RETURN count(r) AS n";
    /** Roster-relevant state of a subject, copied onto each change so any date can be replayed. */
    static final String ENTERPRISE_STATE = "s {.name, .orgType, .industry, .scale, .status, .creditRiskClass, .integrityGrade, .regionCode}";
    static final String INSPECTOR_STATE = "s {.name, .certificateNo, .certificateValidFrom, .certificateValidTo, .enforcementCategory,"
            + " .expertise, .onRosterFrom, .onRosterTo, unitId: [(s)-[:MEMBER_OF]->(u:Unit) | u.id][0]}";
    static final String RECORD_ROSTER_CHANGES = "UNWIND $rows AS row"
            + " MATCH (s) WHERE (s:Enterprise AND s.uscc = row.key) OR (s:Inspector AND s.inspectorId = row.key)"
            + " CREATE (c:RosterChange {id: randomUUID(), roster: $roster, kind: row.kind, subjectKey: row.key,"
            + "  occurredOn: row.occurredOn, discoveredOn: row.discoveredOn, recordedAt: $recordedAt})-[:CHANGED]->(s)"
            + " SET c += CASE WHEN s:Enterprise THEN " + ENTERPRISE_STATE + " ELSE " + INSPECTOR_STATE + " END";
    static final String ENTERPRISE_STATES_AS_OF = RosterRepository.statesAsOf("TARGET", "c {uscc: key, .name, .orgType,"
            + " .industry, .scale, .status, .creditRiskClass, .integrityGrade, .regionCode, .occurredOn, .recordedAt}");

    static final String TAX_CREDIT_GRADES = "UNWIND $keys AS k MATCH (g:TaxCreditGrade {uscc: k})"
            + " RETURN g.uscc AS uscc, g.year AS year, g.grade AS grade, g.assessedOn AS assessedOn, g.updatedAt AS updatedAt ORDER BY g.year DESC";

    private final Neo4jClient client;

    public DirectoryRepository(Neo4jClient client) {
        this.client = client;
    }

    public Map<String, Enterprise> enterprises(Collection<String> usccs) {
        return KeyedRows.unique(client, ENTERPRISES_BY_USCC, Map.of("keys", List.copyOf(usccs)), DirectoryRepository::enterprise, Enterprise::uscc);
    }

    public Optional<Enterprise> enterprise(String uscc) {
        return Optional.ofNullable(enterprises(List.of(uscc)).get(uscc));
    }

    /** An enterprise with its legal representative on {@code day} (null if none). */
    public record WithLegalRepresentative(Enterprise enterprise, Person legalRepresentative) {
    }

    public Optional<WithLegalRepresentative> enterpriseWithLegalRepresentative(String uscc, LocalDate day) {
        return client.query(ENTERPRISE_WITH_LEGAL_REPRESENTATIVE).bindAll(Map.of("uscc", uscc, "day", day)).fetchAs(WithLegalRepresentative.class)
                .mappedBy((t, r) -> new WithLegalRepresentative(enterprise(r.get("row")),
                        r.get("legalRepresentative").isNull() ? null : person(r.get("legalRepresentative"))))
                .one();
    }

    /** Each enterprise's legal representative on {@code day}; enterprises without one are absent. */
    public Map<String, Person> legalRepresentatives(Collection<String> usccs, LocalDate day) {
        Map<String, Person> out = new LinkedHashMap<>();
        KeyedRows.grouped(client, LEGAL_REPRESENTATIVES, Map.of("keys", List.copyOf(usccs), "day", day), DirectoryRepository::person)
                .forEach((uscc, one) -> out.put(uscc, one.get(0)));
        return out;
    }

    /** Each subject's tax credit grades, latest year first; subjects without any are absent. */
    public Map<String, List<Directory.TaxCreditGrade>> taxCreditGrades(Collection<String> usccs) {
        Map<String, List<Directory.TaxCreditGrade>> out = new HashMap<>();
        client.query(TAX_CREDIT_GRADES).bind(List.copyOf(usccs)).to("keys").fetchAs(Directory.TaxCreditGrade.class)
                .mappedBy((t, r) -> new Directory.TaxCreditGrade(r.get("uscc").asString(), r.get("year").asInt(), r.get("grade").asString(),
                        Values.date(r.get("assessedOn")), Values.dateTime(r.get("updatedAt"))))
                .all().forEach(g -> out.computeIfAbsent(g.uscc(), k -> new ArrayList<>()).add(g));
        return out;
    }

    public Map<String, Person> persons(Collection<String> ids) {
        return KeyedRows.unique(client, PERSONS_BY_ID, Map.of("keys", List.copyOf(ids)), DirectoryRepository::person, Person::personId);
    }

    public Optional<Person> person(String personId) {
        return Optional.ofNullable(persons(List.of(personId)).get(personId));
    }

    /**
     * One keyset page of the search; the cursor holds the sort key of the last row. By name, registered enterprises only:
     * one known by its USCC alone has no name (every other filter leaves it out too, having no value to match).
     */
    public Page<Enterprise> search(EnterpriseFilter filter, EnterpriseOrder order, int first, String after) {
        Map<String, Object> params = new HashMap<>();
        String cypher = searchStatement(filter, order, first, after, params);
        List<Enterprise> rows = KeyedRows.inOrder(client.query(cypher).bindAll(params).fetchAs(String.class)
                .mappedBy((t, r) -> r.get("key").asString()).all(), this::enterprises);
        return Page.of(rows, first, order == EnterpriseOrder.NAME
                ? e -> Cursor.encode(e.name(), e.uscc())
                : e -> Cursor.encode(e.uscc()));
    }

    /**
     * The keys of one page, one more than {@code first} (is there a next page), filling {@code params}. Every branch reads its
     * order's index in order from the cursor and stops at the page's size, so a page costs about a page wherever it starts:
     * <ul>
     *   <li>by name, the keyset "after (name, uscc)" is two ranges, the rest of the cursor's name and every later name: as one
     *   OR, the planner splits it into a union that reads every name after the cursor and sorts them;</li>
     *   <li>with regions, each region's first rows come off its (regionCode, ...) index, then the page from those: one seek
     *   over all regions read and sorted every enterprise they hold;</li>
     *   <li>an unfiltered page says that the order's keys exist, so the planner may read the uscc or (name, uscc) index in
     *   order instead of sorting every enterprise. Other filters leave the plan to the planner (a rare industry is better
     *   found by its own index, then sorted).</li>
     * </ul>
     */
    static String searchStatement(EnterpriseFilter filter, EnterpriseOrder order, int first, String after, Map<String, Object> params) {
        boolean byName = order == EnterpriseOrder.NAME;
        boolean perRegion = filter.regionCodes() != null;
        boolean keysExist = filter.matchesAll() || perRegion;
        List<String> ranges = new ArrayList<>();
        // By name, only named enterprises: the first page says so; a cursor's ranges imply it (saying it again there let the
        // planner seek on "name IS NOT NULL" and filter the cursor's name afterwards).
        if (after == null) {
            ranges.add((byName ? "e.name IS NOT NULL AND " : "") + (keysExist ? "e.uscc IS NOT NULL" : "true"));
        } else if (byName) {
            Cursor c = Cursor.decode(after, 2);
            params.put("afterName", c.key(0));
            params.put("afterUscc", c.key(1));
            ranges.add("e.name = $afterName AND e.uscc > $afterUscc");
            ranges.add("e.name > $afterName" + (keysExist ? " AND e.uscc IS NOT NULL" : ""));
        } else {
            params.put("afterUscc", Cursor.decode(after, 1).key(0));
            ranges.add("e.uscc > $afterUscc");
        }
        params.put("limit", first + 1);
        String where = filterClause(filter, false, params, perRegion ? "e.regionCode = region" : null).toString();
        if (perRegion) {
            params.put("regionCodes", filter.regionCodes());
        }
        // Where the order's index serves the page, a hint names it: on a small store the planner's statistics make a scan of
        // another index, or of this one filtered region by region, look as cheap (a clean build's test caught both); on a
        // large one that reads the province. A seek where a region or the cursor bounds the range; a scan in order otherwise.
        String index = "e:Enterprise(" + (perRegion ? "regionCode, " : "") + (byName ? "name, uscc" : "uscc") + ")";
        String hint = !keysExist ? "" : perRegion || after != null ? " USING INDEX SEEK " + index : " USING INDEX " + index;
        String match = "MATCH (e:Enterprise)" + hint + " WHERE " + where + " AND ";
        String orderBy = (perRegion ? "e.regionCode, " : "") + (byName ? "e.name, e.uscc" : "e.uscc");
        String returns = " RETURN " + (byName ? "e.name AS name, " : "") + "e.uscc AS key ORDER BY " + orderBy + " LIMIT $limit";
        if (!perRegion && ranges.size() == 1) {
            return match + ranges.get(0) + returns;
        }
        String branches = ranges.stream().map(range -> match + range + returns).collect(Collectors.joining(" UNION ALL "));
        return (perRegion ? "UNWIND $regionCodes AS region CALL (region) { " : "CALL () { ") + branches + " } RETURN key ORDER BY "
                + (byName ? "name, key" : "key") + " LIMIT $limit";
    }

    /** The rows {@link #search} pages through. */
    public long count(EnterpriseFilter filter, EnterpriseOrder order) {
        Map<String, Object> params = new HashMap<>();
        String cypher = "MATCH (e:Enterprise) WHERE " + filterClause(filter, order == EnterpriseOrder.NAME, params, null) + " RETURN count(e) AS n";
        return client.query(cypher).bindAll(params).fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L);
    }

    /**
     * @param namedOnly       registered enterprises only (those with a name), as the order by name pages through
     * @param regionPredicate replaces the filter's regions (null: {@code e.regionCode IN $regionCodes} when it has some)
     */
    private static StringBuilder filterClause(EnterpriseFilter f, boolean namedOnly, Map<String, Object> params, String regionPredicate) {
        StringBuilder where = new StringBuilder("true");
        if (namedOnly) {
            where.append(" AND e.name IS NOT NULL");
        }
        if (regionPredicate != null) {
            where.append(" AND ").append(regionPredicate);
        } else {
            in(where, params, "e.regionCode", "regionCodes", f.regionCodes());
        }
        in(where, params, "e.industry", "industries", f.industries());
        in(where, params, "e.orgType", "orgTypes", f.orgTypes());
        in(where, params, "e.scale", "scales", f.scales());
        in(where, params, "e.creditRiskClass", "riskClasses", f.creditRiskClasses());
        in(where, params, "e.status", "statuses", f.statuses());
        if (f.nameContains() != null && !f.nameContains().isBlank()) {
            params.put("name", f.nameContains().strip());
            where.append(" AND e.name CONTAINS $name");
        }
        return where;
    }

    private static void in(StringBuilder where, Map<String, Object> params, String property, String param, List<String> values) {
        if (values != null) {
            params.put(param, values);
            where.append(" AND ").append(property).append(" IN $").append(param);
        }
    }

    /**
     * Links of many owners at once: for each owner key, the page after {@code after} (a cursor from
     * this method) of links of the given types active on {@code asOf} (all when null), plus the total.
     */
    public Map<String, LinkPage> links(Collection<String> ownerKeys, Direction direction, Collection<LinkType> types,
                                       LocalDate asOf, int first, String after) {
        if (after != null) {
            Cursor.decode(after, 1);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("keys", List.copyOf(ownerKeys));
        params.put("rels", types.stream().map(LinkType::relationship).toList());
        params.put("asOf", asOf);
        Map<String, List<Link>> all = new LinkedHashMap<>();
        ownerKeys.forEach(k -> all.put(k, new ArrayList<>()));
        client.query(direction == Direction.INBOUND ? LINKS_INBOUND : LINKS_OUTBOUND).bindAll(params)
                .fetchAs(Link.class).mappedBy((t, r) -> link(r.get("key").asString(), direction, r.get("row")))
                .all().forEach(l -> all.get(l.ownerKey()).add(l));
        Map<String, LinkPage> out = new LinkedHashMap<>();
        all.forEach((key, links) -> {
            List<Link> sorted = links.stream().sorted(java.util.Comparator.comparing(Link::sortKey)).toList();
            out.put(key, new LinkPage(Page.after(sorted, Link::sortKey, after, first), links.size()));
        });
        return out;
    }

    public record LinkPage(Page<Link> page, int totalCount) {
    }

    /** Creates or updates an enterprise; returns true when it did not exist before. */
    public boolean upsertEnterprise(EnterpriseData d, LocalDate today, OffsetDateTime now) {
        boolean existed = !existingEnterprises(List.of(d.uscc())).isEmpty();
        upsertEnterprises(List.of(d), today, now);
        return !existed;
    }

    /** Creates or updates enterprises in one statement; their regions must exist. */
    public void upsertEnterprises(List<EnterpriseData> data, LocalDate today, OffsetDateTime now) {
        List<Map<String, Object>> rows = data.stream().map(d -> {
            Map<String, Object> p = new HashMap<>();
            p.put("uscc", d.uscc());
            p.put("name", d.name());
            p.put("orgType", d.orgType());
            p.put("industry", d.industry());
            p.put("scale", d.scale());
            p.put("status", d.status());
            p.put("creditRiskClass", d.creditRiskClass());
            p.put("integrityGrade", d.integrityGrade());
            p.put("regionCode", d.regionCode());
            p.put("registeredWith", d.registeredWith());
            p.put("establishedOn", d.establishedOn());
            p.put("address", d.address());
            return p;
        }).toList();
        client.query(UPSERT_ENTERPRISES).bindAll(Map.of("rows", rows, "today", today, "now", now)).run();
    }

    /**
     * Who a person's record belongs to, for scoping changes to it: the regions of every enterprise the person is or was
     * linked to (any link type, ended ones too: they show in the enterprise's history), and the departments of the
     * inspectors that are this person. Empty when no such person exists.
     */
    public Optional<PersonOwners> personOwners(String personId) {
        return client.query(PERSON_OWNERS).bind(personId).to("personId").fetchAs(PersonOwners.class)
                .mappedBy((t, r) -> new PersonOwners(Values.strings(r.get("regions")), Values.strings(r.get("departments")))).one();
    }

    /** See {@link #personOwners}; a region or department may be null where the graph lacks it (callers fail closed). */
    public record PersonOwners(List<String> enterpriseRegions, List<String> inspectorDepartments) {
    }

    static final String PERSON_OWNERS = "MATCH (p:Person {personId: $personId})"
            + " RETURN [(p)-[:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]->(e:Enterprise) | coalesce(e.regionCode, '')] AS regions,"
            + " [(i:Inspector)-[:IS_PERSON]->(p) | coalesce([(i)-[:MEMBER_OF]->(:Unit)-[:PART_OF]->(d:Department) | d.id][0], '')] AS departments";

    public Person upsertPerson(String personId, String name, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("now", now);
        p.put("personId", personId);
        p.put("name", name);
        return client.query(UPSERT_PERSON).bindAll(p).fetchAs(Person.class).mappedBy((t, r) -> person(r.get("row"))).one().orElseThrow();
    }

    /** Creates the link or updates the one with the same (type, from, to, validFrom). */
    public void upsertLink(LinkData d, OffsetDateTime now) {
        upsertLinks(List.of(d), now);
    }

    /**
     * Creates or updates links, one statement per link type. A new legal representative closes the
     * open one of another person: an enterprise has one at a time. {@code now} is recorded as when the hub learnt of
     * a new link ({@code recordedAt}) or of a link's end ({@code validToRecordedAt}): the knowledge time of restriction answers.
     */
    public void upsertLinks(List<LinkData> links, OffsetDateTime now) {
        Map<LinkType, List<Map<String, Object>>> byType = new java.util.EnumMap<>(LinkType.class);
        for (LinkData d : links) {
            Map<String, Object> row = new HashMap<>();
            row.put("from", d.fromKey());
            row.put("to", d.toUscc());
            row.put("validFrom", d.validFrom());
            row.put("validTo", d.validTo());
            row.put("role", d.role());
            row.put("sharePct", d.sharePct());
            byType.computeIfAbsent(d.type(), t -> new ArrayList<>()).add(row);
        }
        byType.forEach((type, rows) -> {
            if (type == LinkType.LEGAL_REPRESENTATIVE) {
                client.query(CLOSE_OTHER_LEGAL_REPRESENTATIVES_BATCH).bindAll(Map.of("rows", rows, "now", now)).run();
            }
            // The relationship type comes from the enum, never from input.
            client.query(String.format(MERGE_LINKS_TEMPLATE, type.relationship())).bindAll(Map.of("rows", rows, "now", now)).run();
        });
    }

    /** Creates persons or updates their names; a null name keeps the stored one. */
    public void upsertPersons(Map<String, String> namesById, OffsetDateTime now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        namesById.forEach((id, name) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("personId", id);
            row.put("name", name);
            rows.add(row);
        });
        client.query(UPSERT_PERSONS).bindAll(Map.of("rows", rows, "now", now)).run();
    }

    /** Sets {@code validTo} of an existing link; returns false when there is no such link. */
    public boolean endLink(LinkType type, String fromKey, String toUscc, LocalDate validFrom, LocalDate validTo, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("now", now);
        p.put("from", fromKey);
        p.put("to", toUscc);
        p.put("validFrom", validFrom);
        p.put("validTo", validTo);
        return client.query(String.format(END_LINK_TEMPLATE, type.relationship())).bindAll(p)
                .fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L) > 0;
    }

    /** Records when a roster entry changed, was discovered and was recorded (ROS-03, ROS-11). */
    public void recordRosterChange(String roster, String kind, String subjectKey, LocalDate occurredOn,
                                   LocalDate discoveredOn, OffsetDateTime recordedAt) {
        recordRosterChanges(roster, List.of(new RosterChangeData(kind, subjectKey, occurredOn, discoveredOn)), recordedAt);
    }

    public record RosterChangeData(String kind, String subjectKey, LocalDate occurredOn, LocalDate discoveredOn) {
    }

    public void recordRosterChanges(String roster, List<RosterChangeData> changes, OffsetDateTime recordedAt) {
        List<Map<String, Object>> rows = changes.stream().map(c -> {
            Map<String, Object> m = new HashMap<>();
            m.put("kind", c.kind());
            m.put("key", c.subjectKey());
            m.put("occurredOn", c.occurredOn());
            m.put("discoveredOn", c.discoveredOn());
            return m;
        }).toList();
        client.query(RECORD_ROSTER_CHANGES).bindAll(Map.of("roster", roster, "rows", rows, "recordedAt", recordedAt)).run();
    }

    /** An enterprise's roster-relevant state as of a day, as the hub knew it at an instant. */
    public record EnterpriseState(String uscc, String name, String orgType, String industry, String scale, String status,
                                  String creditRiskClass, String integrityGrade, String regionCode, LocalDate effectiveFrom,
                                  OffsetDateTime recordedAt) {
    }

    public Map<String, EnterpriseState> enterpriseStatesAsOf(Collection<String> usccs, LocalDate day, OffsetDateTime knownAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("keys", List.copyOf(usccs));
        p.put("day", day);
        p.put("knownAt", knownAt);
        return KeyedRows.unique(client, ENTERPRISE_STATES_AS_OF, p, m -> new EnterpriseState(Values.str(m.get("uscc")),
                Values.str(m.get("name")), Values.str(m.get("orgType")), Values.str(m.get("industry")), Values.str(m.get("scale")),
                Values.str(m.get("status")), Values.str(m.get("creditRiskClass")), Values.str(m.get("integrityGrade")),
                Values.str(m.get("regionCode")), Values.date(m.get("occurredOn")), Values.dateTime(m.get("recordedAt"))),
                EnterpriseState::uscc);
    }

    /** Which of these USCCs are already in the graph. */
    public java.util.Set<String> existingEnterprises(Collection<String> usccs) {
        return keys(EXISTING_ENTERPRISES, usccs);
    }

    public java.util.Set<String> existingPersons(Collection<String> personIds) {
        return keys(EXISTING_PERSONS, personIds);
    }

    private java.util.Set<String> keys(String cypher, Collection<String> keys) {
        return new java.util.HashSet<>(client.query(cypher).bind(List.copyOf(keys)).to("keys").fetchAs(String.class)
                .mappedBy((t, r) -> r.get("key").asString()).all());
    }

    static Enterprise enterprise(MapAccessor m) {
        return new Enterprise(Values.str(m.get("uscc")), Values.str(m.get("name")), Values.str(m.get("orgType")),
                Values.str(m.get("industry")), Values.str(m.get("scale")), Values.str(m.get("status")),
                Values.str(m.get("creditRiskClass")), Values.str(m.get("integrityGrade")), Values.str(m.get("regionCode")),
                Values.str(m.get("registeredWith")), Values.date(m.get("establishedOn")), Values.str(m.get("address")),
                Values.date(m.get("rosterFrom")), Values.dateTime(m.get("updatedAt")));
    }

    static Person person(MapAccessor m) {
        return new Person(Values.str(m.get("personId")), Values.str(m.get("name")));
    }

    private static Link link(String ownerKey, Direction direction, MapAccessor row) {
        Party counterpart = row.get("person") != null && !row.get("person").isNull()
                ? person(row.get("person"))
                : enterprise(row.get("enterprise"));
        return new Link(LinkType.ofRelationship(row.get("rel").asString()), direction, ownerKey, counterpart,
                Values.str(row.get("role")), Values.dbl(row.get("sharePct")),
                Values.date(row.get("validFrom")), Values.date(row.get("validTo")));
    }
}
