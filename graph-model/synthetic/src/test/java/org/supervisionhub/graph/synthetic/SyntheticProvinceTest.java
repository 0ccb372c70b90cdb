package org.supervisionhub.graph.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.store.EmbeddedGraph;

class SyntheticProvinceTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    /** Small batches so that cross-batch links (reused persons, holding chains, head offices) are exercised. */
    static final SyntheticOptions OPTIONS = new SyntheticOptions(20260101L, 600, 97, null);

    static LoadReport report;

    @BeforeAll
    static void load() {
        report = SyntheticProvince.load(graph.driver(), OPTIONS);
    }

    private static List<Record> query(String cypher) {
        return graph.driver().executableQuery(cypher).execute().records();
    }

    private static long count(String cypher) {
        return query(cypher).get(0).get(0).asLong();
    }

    @Test
    void reportMatchesWhatIsInTheDatabase() {
        assertThat(report.enterprises()).isEqualTo(600);
        assertThat(count("MATCH (e:Enterprise) RETURN count(e)")).isEqualTo(600);
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(report.persons());
        // Migrations leave a few bookkeeping nodes of their own; compare only the province's labels.
        assertThat(count("MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:__Neo4jMigrationsLock RETURN count(n)"))
                .isEqualTo(report.nodes());
        assertThat(count("MATCH (a)-[r]->(b) WHERE NOT a:__Neo4jMigration RETURN count(r)")).isEqualTo(report.relationships());
        assertThat(report.persons()).isGreaterThan(600);
        assertThat(report.enterprisesPerSecond()).isPositive();
    }

    @Test
    void everyUsccIsValidUniqueAndCarriesTheCountyCode() {
        List<Record> rows = query("MATCH (e:Enterprise)-[:LOCATED_IN]->(r:Region) RETURN e.uscc AS uscc, e.regionCode AS region, "
                + "r.code AS located, r.level AS level, e.orgType AS type");
        assertThat(rows).hasSize(600);
        for (Record r : rows) {
            String uscc = r.get("uscc").asString();
            assertThat(Uscc.problem(uscc)).as(uscc).isEmpty();
            assertThat(uscc.substring(2, 8)).isEqualTo(r.get("region").asString()).isEqualTo(r.get("located").asString());
            assertThat(r.get("level").asString()).isEqualTo("COUNTY");
            String expectedPrefix = switch (r.get("type").asString()) {
                case "COMPANY" -> "91";
                case "INDIVIDUAL_BUSINESS" -> "92";
                case "PRIVATE_NON_ENTERPRISE_UNIT" -> "52";
                case "FOUNDATION" -> "53";
                case "SOCIAL_ORGANISATION" -> "51";
                case "STATE_ORGAN" -> "11";
                case "PUBLIC_INSTITUTION" -> "12";
                default -> uscc.startsWith("31") ? "31" : "91";
            };
            assertThat(uscc).startsWith(expectedPrefix);
        }
        assertThat(rows.stream().map(r -> r.get("uscc").asString()).distinct()).hasSize(600);
    }

    @Test
    void allEightOrgTypesAppearMostlyCompaniesAndIndividualBusinesses() {
        Map<String, Long> byType = new TreeMap<>();
        query("MATCH (e:Enterprise) RETURN e.orgType AS t, count(*) AS n").forEach(r -> byType.put(r.get("t").asString(), r.get("n").asLong()));
        assertThat(byType).containsOnlyKeys(Enterprises.ORG_TYPES);
        assertThat(byType.get("COMPANY") + byType.get("INDIVIDUAL_BUSINESS")).isGreaterThan(500);
        assertThat(count("MATCH (e:Enterprise) WHERE e.status <> 'ACTIVE' RETURN count(e)")).isPositive();
    }

    @Test
    void everyEnterpriseHasExactlyOneOpenLegalRepresentativeAndEndedOnesHaveASuccessor() {
        assertThat(count("""
                MATCH (e:Enterprise)
                OPTIONAL MATCH (:Person)-[r:LEGAL_REPRESENTATIVE_OF]->(e) WHERE r.validTo IS NULL
                WITH e, count(r) AS open WHERE open <> 1 RETURN count(e)""")).isZero();
        assertThat(count("MATCH ()-[r:LEGAL_REPRESENTATIVE_OF]->() WHERE r.validTo IS NOT NULL RETURN count(r)")).isPositive();
        assertThat(count("""
                MATCH (:Person)-[old:LEGAL_REPRESENTATIVE_OF]->(e:Enterprise) WHERE old.validTo IS NOT NULL
                AND NOT EXISTS { MATCH (:Person)-[new:LEGAL_REPRESENTATIVE_OF]->(e) WHERE new.validFrom = old.validTo }
                RETURN count(old)""")).isZero();
        // ~10% reuse someone who already represents another enterprise.
        assertThat(count("MATCH (p:Person)-[:LEGAL_REPRESENTATIVE_OF]->(e:Enterprise) WITH p, count(DISTINCT e) AS n WHERE n > 1 RETURN count(p)"))
                .isPositive();
        assertThat(query("MATCH (p:Person) RETURN p.personId AS id").stream().map(r -> r.get("id").asString()))
                .allMatch(PersonId::isValid);
    }

    @Test
    void shareholdingsFormChainsAndNeverExceedAHundredPercent() {
        assertThat(count("MATCH p = (:Enterprise)-[:SHAREHOLDER_OF*2..]->(:Enterprise) RETURN count(p)")).isPositive();
        assertThat(count("MATCH p = (:Enterprise)-[:SHAREHOLDER_OF*4..]->(:Enterprise) RETURN count(p)")).isZero();
        assertThat(count("""
                MATCH ()-[s:SHAREHOLDER_OF]->(e:Enterprise) WHERE s.validTo IS NULL
                WITH e, sum(s.sharePct) AS total WHERE total > 100 RETURN count(e)""")).isZero();
        assertThat(count("MATCH ()-[s:SHAREHOLDER_OF]->() WHERE NOT (s.sharePct > 0 AND s.sharePct <= 100) RETURN count(s)")).isZero();
        assertThat(count("MATCH (:Person)-[s:SHAREHOLDER_OF]->() WHERE s.validTo IS NOT NULL RETURN count(s)")).isPositive();
        assertThat(count("MATCH (:Person)-[o:OFFICER_OF]->() WHERE o.role IN ['DIRECTOR','MANAGER','SUPERVISOR'] RETURN count(o)"))
                .isEqualTo(count("MATCH ()-[o:OFFICER_OF]->() RETURN count(o)")).isPositive();
    }

    @Test
    void branchesPointAtEarlierHeadOfficesAndSomeBranchLinksEnded() {
        assertThat(count("MATCH (b:Enterprise)-[:BRANCH_OF]->(h:Enterprise) WHERE b.name STARTS WITH h.name AND h.orgType = 'COMPANY' RETURN count(b)"))
                .isPositive().isEqualTo(count("MATCH ()-[r:BRANCH_OF]->() RETURN count(r)"));
        assertThat(count("MATCH ()-[r]->() WHERE r.validTo IS NOT NULL AND r.validFrom < r.validTo RETURN count(r)"))
                .isEqualTo(count("MATCH ()-[r]->() WHERE r.validTo IS NOT NULL RETURN count(r)")).isPositive();
    }

    @Test
    void organisationHasFiveSectorsAtEveryLevelWithUnitsAndLines() {
        assertThat(count("MATCH (r:Region) RETURN count(r)")).isEqualTo(24);
        assertThat(count("MATCH (c:Region {level: 'COUNTY'})-[:PART_OF]->(:Region {level: 'CITY'})-[:PART_OF]->(:Region {code: '430000'}) RETURN count(c)"))
                .isEqualTo(17);
        for (String level : List.of("PROVINCE", "CITY", "COUNTY")) {
            assertThat(count("MATCH (d:Department {level: '" + level + "'}) RETURN count(DISTINCT d.sector)")).isGreaterThanOrEqualTo(4);
        }
        assertThat(count("MATCH (d:Department) WHERE NOT (d)-[:GOVERNS]->(:Region {level: d.level}) RETURN count(d)")).isZero();
        assertThat(count("""
                MATCH (d:Department)-[:GOVERNS]->(r:Region) WHERE d.level <> 'PROVINCE'
                AND NOT EXISTS { MATCH (d)-[:REPORTS_TO]->(s:Department {sector: d.sector})-[:GOVERNS]->(:Region)<-[:PART_OF]-(r) }
                RETURN count(d)""")).isZero();
        assertThat(query("MATCH (d:Department {id: 'HRSS-430000'}) RETURN d.name AS n").get(0).get("n").asString())
                .isEqualTo("湖南省人力资源和社会保障厅");
        assertThat(query("MATCH (d:Department {id: 'MS-430100'}) RETURN d.name AS n").get(0).get("n").asString())
                .isEqualTo("长沙市市场监督管理局");
        assertThat(count("MATCH (u:Unit) RETURN count(DISTINCT u.role)")).isEqualTo(4);
        assertThat(count("MATCH (u:Unit {id: 'HRSS-430100-U2'})-[:RUNS_LINE]->(:BusinessLine {code: 'LABOUR_SECURITY_SUPERVISION'}) RETURN count(u)"))
                .isEqualTo(1);
        assertThat(count("MATCH (u:Unit)-[:RUNS_LINE]->() WHERE u.role <> 'IMPLEMENTING' RETURN count(u)")).isZero();
        assertThat(count("MATCH (e:Enterprise) WHERE NOT (e)-[:REGISTERED_WITH]->(:Department {sector: 'MARKET_SUPERVISION'}) RETURN count(e)"))
                .isZero();
    }

    @Test
    void checklistsHavePublishedAndDraftVersionsEditionsAndWellFormedItems() {
        assertThat(count("MATCH (v:ChecklistVersion {status: 'PUBLISHED'}) RETURN count(v)")).isGreaterThanOrEqualTo(4);
        assertThat(count("MATCH (v:ChecklistVersion {status: 'DRAFT'}) WHERE v.publishedAt IS NULL RETURN count(v)")).isEqualTo(1);
        assertThat(count("MATCH (v:ChecklistVersion {kind: 'TRIGGERED', scope: 'CITY'}) RETURN count(v)")).isEqualTo(1);
        assertThat(count("""
                MATCH (n:ChecklistVersion {id: 'CL-HRSS-430000-REGULAR-PROVINCE-2', edition: 2})-[:SUPERSEDES]->
                      (o:ChecklistVersion {id: 'CL-HRSS-430000-REGULAR-PROVINCE-1', edition: 1}),
                      (n)-[:ISSUED_BY]->(d:Department {id: 'HRSS-430000'})<-[:ISSUED_BY]-(o)
                RETURN count(*)""")).isEqualTo(1);
        assertThat(count("MATCH (i:InspectionItem {itemClass: 'GENERAL'}) WHERE i.ratioCap IS NULL RETURN count(i)")).isZero();
        assertThat(count("MATCH (i:InspectionItem {itemClass: 'KEY'}) WHERE i.ratioCap IS NOT NULL RETURN count(i)")).isZero();
        assertThat(count("MATCH (i:InspectionItem {itemClass: 'KEY'}) RETURN count(i)")).isPositive();
        assertThat(count("""
                MATCH (i:InspectionItem)
                WHERE i.legalBasis IS NULL OR i.content IS NULL OR i.implementingBody IS NULL OR size(i.methods) = 0
                   OR NOT i.targetKind IN ['MARKET_SUBJECT', 'PRODUCT_PROJECT_BEHAVIOUR'] OR NOT EXISTS { MATCH (:BusinessLine {code: i.businessLine}) }
                RETURN count(i)""")).isZero();
        // Edition 2 keeps the codes of edition 1, changes one item and adds one.
        List<Record> diff = query("""
                MATCH (:ChecklistVersion {id: 'CL-HRSS-430000-REGULAR-PROVINCE-1'})-[:HAS_ITEM]->(a)
                WITH collect(a.code) AS first, collect(a.code + a.legalBasis) AS firstFull
                MATCH (:ChecklistVersion {id: 'CL-HRSS-430000-REGULAR-PROVINCE-2'})-[:HAS_ITEM]->(b)
                WITH first, firstFull, collect(b) AS second
                WITH first, firstFull, [b IN second | b.code] AS codes, [b IN second | b.code + b.legalBasis] AS full
                RETURN size([c IN codes WHERE NOT c IN first]) AS added,
                       size([c IN full WHERE NOT c IN firstFull]) AS changedOrAdded""");
        assertThat(diff.get(0).get("added").asInt()).isEqualTo(1);
        assertThat(diff.get(0).get("changedOrAdded").asInt()).isEqualTo(2);
    }

    @Test
    void inspectorsHaveUnitsCertificatesConflictsAndSomeArePersonsLinkedToEnterprises() {
        long inspectors = count("MATCH (i:Inspector) RETURN count(i)");
        long implementing = count("MATCH (u:Unit {role: 'IMPLEMENTING'}) RETURN count(u)");
        assertThat(inspectors).isBetween(implementing * 6, implementing * 10);
        assertThat(count("MATCH (i:Inspector) WHERE NOT (i)-[:MEMBER_OF]->(:Unit {role: 'IMPLEMENTING'}) RETURN count(i)")).isZero();
        assertThat(count("MATCH (i:Inspector) WHERE i.certificateValidTo < date('2026-01-01') RETURN count(i)")).isPositive();
        assertThat(count("MATCH (i:Inspector) WHERE i.onRosterTo IS NOT NULL RETURN count(i)")).isPositive();
        assertThat(count("MATCH (i:Inspector)-[:MEMBER_OF]->(:Unit)-[:RUNS_LINE]->(b) WHERE NOT b.code IN i.expertise RETURN count(i)")).isZero();
        assertThat(count("MATCH (i:Inspector)-[c:DECLARED_CONFLICT]->(:Enterprise) WHERE c.reason IS NOT NULL AND c.declaredOn IS NOT NULL RETURN count(c)"))
                .isPositive();
        assertThat(count("MATCH (:Inspector)-[:DECLARED_CONFLICT]->(:Person) RETURN count(*)")).isPositive();
        assertThat(count("MATCH (:Inspector)-[:IS_PERSON]->(:Person)-[:LEGAL_REPRESENTATIVE_OF]->(:Enterprise) RETURN count(*)")).isPositive();
    }

    @Test
    void complaintsAndRosterChangesAreLinkedAndSomeChangesAreRecordedLate() {
        assertThat(count("MATCH (c:Complaint) RETURN count(c)")).isPositive();
        assertThat(count("""
                MATCH (c:Complaint)
                WHERE NOT (c)-[:AGAINST]->(:Enterprise) OR NOT (c)-[:RECEIVED_BY]->(:Department {sector: 'HR_SOCIAL_SECURITY'})
                RETURN count(c)""")).isZero();
        assertThat(count("MATCH (x:RosterChange {roster: 'TARGET'})-[:CHANGED]->(e:Enterprise) WHERE x.subjectKey = e.uscc RETURN count(x)"))
                .isPositive().isEqualTo(count("MATCH (x:RosterChange {roster: 'TARGET'}) RETURN count(x)"));
        assertThat(count("MATCH (x:RosterChange {roster: 'INSPECTOR'})-[:CHANGED]->(i:Inspector) WHERE x.subjectKey = i.inspectorId RETURN count(x)"))
                .isPositive().isEqualTo(count("MATCH (x:RosterChange {roster: 'INSPECTOR'}) RETURN count(x)"));
        String lag = "duration.inDays(coalesce(x.discoveredOn, x.occurredOn), date(x.recordedAt)).days";
        assertThat(count("MATCH (x:RosterChange) WHERE " + lag + " >= 8 RETURN count(x)")).isPositive();
        assertThat(count("MATCH (x:RosterChange) WHERE " + lag + " <= 4 RETURN count(x)")).isPositive();
        assertThat(count("MATCH (x:RosterChange) WHERE date(x.recordedAt) < date('2025-01-01') OR date(x.recordedAt) > date('2026-12-31') RETURN count(x)"))
                .isZero();
    }

    @Test
    void sameSeedGivesTheSameProvinceAndAnotherSeedADifferentOne() throws Exception {
        String first = digest(graph.driver());
        // Reloaded into the class's own graph, emptied before each load (a second server cost more than the loads); the
        // last load is the class's province again, so the other tests find it whatever the order.
        Driver driver = graph.driver();
        // Batch size changes the transactions, not the data.
        assertThat(reload(driver, new SyntheticOptions(OPTIONS.seed(), 600, 5_000, null))).isEqualTo(first);
        assertThat(reload(driver, new SyntheticOptions(7L, 600, 97, null))).isNotEqualTo(first);
        assertThat(reload(driver, OPTIONS)).isEqualTo(first);
    }

    private static String reload(Driver driver, SyntheticOptions options) throws Exception {
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE NOT n:__Neo4jMigration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
        assertThat(count(driver, "MATCH (n) WHERE NOT n:__Neo4jMigration RETURN count(n)")).as("empty before the load").isZero();
        LoadReport other = SyntheticProvince.load(driver, options);
        if (options.seed() == OPTIONS.seed()) {
            assertThat(other.persons()).isEqualTo(report.persons());
            assertThat(other.nodes()).isEqualTo(report.nodes());
            assertThat(other.relationships()).isEqualTo(report.relationships());
        }
        return digest(driver);
    }

    private static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    /** Hash of the enterprises (uscc, name, region), the persons and every relationship with its properties, all sorted. */
    private static String digest(Driver driver) throws Exception {
        List<String> lines = new ArrayList<>();
        driver.executableQuery("MATCH (e:Enterprise) RETURN e.uscc + '|' + e.name + '|' + e.regionCode AS s").execute()
                .records().forEach(r -> lines.add(r.get("s").asString()));
        driver.executableQuery("MATCH (p:Person) RETURN p.personId + '|' + p.name AS s").execute()
                .records().forEach(r -> lines.add(r.get("s").asString()));
        driver.executableQuery("""
                MATCH (a)-[r]->(b) WHERE NOT a:__Neo4jMigration
                RETURN coalesce(a.uscc, a.personId, a.inspectorId, a.id, a.code) + '-' + type(r) + '->'
                       + coalesce(b.uscc, b.personId, b.inspectorId, b.id, b.code) AS s, properties(r) AS p""").execute()
                .records().forEach(r -> lines.add(r.get("s").asString() + new TreeMap<>(r.get("p").asMap())));
        Collections.sort(lines);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
