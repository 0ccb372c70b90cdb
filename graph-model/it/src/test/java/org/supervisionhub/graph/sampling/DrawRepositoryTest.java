package org.supervisionhub.graph.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.sampling.DrawRepository.Overlap;
import org.supervisionhub.graph.store.EmbeddedGraph;

/**
 * The sampling repositories' statements that decide who may inspect what, against a real (embedded) Neo4j:
 * {@link AssignmentRepository}'s ASSIGN-03 recusal (each branch and the validity window of each link) and step-13
 * eligibility (ASSIGN-01), {@link DrawRepository}'s DRAW-13 overlaps between levels and {@link PoolRepository}'s DRAW-12
 * yearly cap. Every test builds the few nodes it needs
 * under its own keys and asks the repository; nothing depends on another test's data.
 */
class DrawRepositoryTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static DrawRepository repository;
    static PoolRepository pools;
    static AssignmentRepository assignments;
    static final AtomicInteger SEQ = new AtomicInteger();

    /** The inspection date every recusal and eligibility question is asked for. */
    static final LocalDate ON = LocalDate.of(2026, 6, 15);
    static final int WINDOW = 30;
    static final String DRAW = "DRAW-CURRENT";

    @BeforeAll
    static void repository() {
        repository = new DrawRepository(Neo4jClient.create(graph.driver()));
        pools = new PoolRepository(Neo4jClient.create(graph.driver()));
        assignments = new AssignmentRepository(Neo4jClient.create(graph.driver()));
    }

    static void run(String cypher, Map<String, Object> params) {
        graph.driver().executableQuery(cypher).withParameters(params).execute();
    }

    static String key(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return p;
    }

    static String enterprise() {
        String uscc = key("E");
        run("CREATE (:Enterprise {uscc: $uscc, status: 'ACTIVE', regionCode: '430102'})", params("uscc", uscc));
        return uscc;
    }

    static String person() {
        String id = key("P");
        run("CREATE (:Person {personId: $id})", params("id", id));
        return id;
    }

    /** An inspector with no links, in a department and unit of its own. */
    static String inspector() {
        String id = key("I");
        run("MERGE (d:Department {id: 'DEP-R'}) MERGE (u:Unit {id: 'UNIT-R'})-[:PART_OF]->(d)"
                + " CREATE (:Inspector {inspectorId: $id, certificateNo: $id, certificateValidFrom: date('2020-01-01'),"
                + " certificateValidTo: date('2030-12-31'), onRosterFrom: date('2020-01-01'), expertise: []})-[:MEMBER_OF]->(u)",
                params("id", id));
        return id;
    }

    static String inspectorAs(String personId) {
        String id = inspector();
        run("MATCH (i:Inspector {inspectorId: $i}), (p:Person {personId: $p}) CREATE (i)-[:IS_PERSON]->(p)", params("i", id, "p", personId));
        return id;
    }

    /** A person's link of {@code type} to an enterprise, valid from {@code from} to {@code to} (exclusive; null: open). */
    static void link(String personId, String type, String uscc, LocalDate from, LocalDate to) {
        run("MATCH (p:Person {personId: $p}), (e:Enterprise {uscc: $e}) CREATE (p)-[:" + type + " {validFrom: $from, validTo: $to}]->(e)",
                params("p", personId, "e", uscc, "from", from, "to", to));
    }

    static void current(String personId, String type, String uscc) {
        link(personId, type, uscc, LocalDate.of(2020, 1, 1), null);
    }

    static Map<String, List<String>> recusalsOf(String uscc, String... eligible) {
        return assignments.recusals(List.of(uscc), List.of(eligible), DRAW, ON, WINDOW).getOrDefault(uscc, Map.of());
    }

    // ---- ASSIGN-03 recusal


    @Test
    void assign03AConflictDeclaredWithTheEnterpriseRecuses() {
        String e = enterprise();
        String i = inspector();
        String bystander = inspector();
        run("MATCH (i:Inspector {inspectorId: $i}), (e:Enterprise {uscc: $e})"
                + " CREATE (i)-[:DECLARED_CONFLICT {reason: '亲属任职', declaredOn: date('2026-01-10')}]->(e)", params("i", i, "e", e));

        assertThat(recusalsOf(e, i, bystander)).containsOnly(Map.entry(i, List.of("DECLARED_CONFLICT")));
    }

    @Test
    void assign03AConflictDeclaredWithAPersonRecusesFromTheEnterprisesThatPersonIsLinkedToOnTheDay() {
        String p = person();
        String i = inspector();
        run("MATCH (i:Inspector {inspectorId: $i}), (p:Person {personId: $p}) CREATE (i)-[:DECLARED_CONFLICT {reason: '同学'}]->(p)",
                params("i", i, "p", p));
        String represented = enterprise();
        String officered = enterprise();
        String held = enterprise();
        String left = enterprise();
        String notYet = enterprise();
        String endsThatDay = enterprise();
        current(p, "LEGAL_REPRESENTATIVE_OF", represented);
        current(p, "OFFICER_OF", officered);
        current(p, "SHAREHOLDER_OF", held);
        link(p, "LEGAL_REPRESENTATIVE_OF", left, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 1));
        link(p, "OFFICER_OF", notYet, ON.plusDays(1), null);
        link(p, "SHAREHOLDER_OF", endsThatDay, LocalDate.of(2020, 1, 1), ON);

        for (String e : List.of(represented, officered, held)) {
            assertThat(recusalsOf(e, i)).as(e).containsOnly(Map.entry(i, List.of("DECLARED_CONFLICT")));
        }
        // The person's link expired before, begins after, or ends on the inspection date (validTo is exclusive).
        for (String e : List.of(left, notYet, endsThatDay)) {
            assertThat(recusalsOf(e, i)).as(e).isEmpty();
        }
    }

    @Test
    void assign03AnInspectorWhoIsLinkedToTheEnterpriseIsRecused() {
        String p = person();
        String i = inspectorAs(p);
        String represented = enterprise();
        String officered = enterprise();
        String held = enterprise();
        current(p, "LEGAL_REPRESENTATIVE_OF", represented);
        current(p, "OFFICER_OF", officered);
        link(p, "SHAREHOLDER_OF", held, LocalDate.of(2026, 6, 15), null);

        for (String e : List.of(represented, officered, held)) {
            assertThat(recusalsOf(e, i)).as(e).containsOnly(Map.entry(i, List.of("LINKED_TO_ENTERPRISE")));
        }
    }

    @Test
    void assign03ALinkToTheEnterpriseOutsideItsValidityWindowDoesNotRecuse() {
        String p = person();
        String i = inspectorAs(p);
        String formerly = enterprise();
        String later = enterprise();
        link(p, "OFFICER_OF", formerly, LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31));
        link(p, "LEGAL_REPRESENTATIVE_OF", later, ON.plusDays(10), null);

        assertThat(recusalsOf(formerly, i)).isEmpty();
        assertThat(recusalsOf(later, i)).isEmpty();
    }

    @Test
    void assign03AnInspectorRelatedToOneOfTheEnterprisesPeopleIsRecused() {
        String kin = person();
        String self = person();
        String i = inspectorAs(self);
        run("MATCH (a:Person {personId: $a}), (b:Person {personId: $b}) CREATE (a)-[:RELATED_TO {kind: 'SPOUSE'}]->(b)",
                params("a", kin, "b", self));
        String e = enterprise();
        current(kin, "LEGAL_REPRESENTATIVE_OF", e);
        // The relation counts whichever way it points.
        String reverse = enterprise();
        String kin2 = person();
        run("MATCH (a:Person {personId: $a}), (b:Person {personId: $b}) CREATE (a)-[:RELATED_TO {kind: 'SIBLING'}]->(b)",
                params("a", self, "b", kin2));
        current(kin2, "SHAREHOLDER_OF", reverse);

        assertThat(recusalsOf(e, i)).containsOnly(Map.entry(i, List.of("LINKED_TO_RELATED_PERSON")));
        assertThat(recusalsOf(reverse, i)).containsOnly(Map.entry(i, List.of("LINKED_TO_RELATED_PERSON")));
    }

    @Test
    void assign03ARelatedPersonWhoseLinkToTheEnterpriseHasEndedDoesNotRecuse() {
        String kin = person();
        String self = person();
        String i = inspectorAs(self);
        run("MATCH (a:Person {personId: $a}), (b:Person {personId: $b}) CREATE (a)-[:RELATED_TO]->(b)", params("a", kin, "b", self));
        String e = enterprise();
        link(kin, "OFFICER_OF", e, LocalDate.of(2018, 1, 1), LocalDate.of(2026, 6, 1));

        assertThat(recusalsOf(e, i)).isEmpty();
    }

    @Test
    void assign03AnInspectorCoLinkedWithOneOfTheEnterprisesPeopleInAnotherEnterpriseIsRecused() {
        String partner = person();
        String self = person();
        String i = inspectorAs(self);
        String e = enterprise();
        String other = enterprise();
        current(partner, "LEGAL_REPRESENTATIVE_OF", e);
        current(partner, "SHAREHOLDER_OF", other);
        current(self, "SHAREHOLDER_OF", other);

        assertThat(recusalsOf(e, i)).containsOnly(Map.entry(i, List.of("LINKED_TO_RELATED_PERSON")));
    }

    @Test
    void assign03ACoLinkOutsideTheValidityWindowOfAnyOfItsThreeLinksDoesNotRecuse() {
        LocalDate ended = LocalDate.of(2026, 1, 1);
        for (int expired = 0; expired < 3; expired++) {
            String partner = person();
            String self = person();
            String i = inspectorAs(self);
            String e = enterprise();
            String other = enterprise();
            link(partner, "OFFICER_OF", e, LocalDate.of(2020, 1, 1), expired == 0 ? ended : null);
            link(partner, "SHAREHOLDER_OF", other, LocalDate.of(2020, 1, 1), expired == 1 ? ended : null);
            link(self, "OFFICER_OF", other, LocalDate.of(2020, 1, 1), expired == 2 ? ended : null);

            assertThat(recusalsOf(e, i)).as("link %d expired", expired).isEmpty();
        }
    }

    @Test
    void assign03TheInspectorsOwnLinkToAnotherEnterpriseIsNotACoLinkWithThemself() {
        // The inspector (as a person) is linked to the enterprise and to another one: that is LINKED_TO_ENTERPRISE only.
        String self = person();
        String i = inspectorAs(self);
        String e = enterprise();
        String other = enterprise();
        current(self, "OFFICER_OF", e);
        current(self, "SHAREHOLDER_OF", other);

        assertThat(recusalsOf(e, i)).containsOnly(Map.entry(i, List.of("LINKED_TO_ENTERPRISE")));
    }

    /** An inspection of {@code uscc} by another draw, planned on {@code on}, with {@code inspector} assigned. */
    void visit(String uscc, String drawId, LocalDate on, String inspector, boolean dropped) {
        run("MATCH (e:Enterprise {uscc: $e}), (p:Inspector {inspectorId: $i})"
                + " CREATE (v:Inspection {id: $id, drawId: $draw, uscc: $e, year: $on.year, status: 'ACTIVE', plannedOn: $on})-[:TARGETS]->(e)"
                + " CREATE (v)-[:ASSIGNED {position: 1, droppedAt: CASE WHEN $dropped THEN datetime('2026-01-01T00:00:00Z') END}]->(p)",
                params("e", uscc, "i", inspector, "id", key("V"), "draw", drawId, "on", on, "dropped", dropped));
    }

    @Test
    void assign03AVisitWithinTheWindowBeforeOrAfterTheInspectionDateRecuses() {
        String before = enterprise();
        String after = enterprise();
        String edge = enterprise();
        String i = inspector();
        visit(before, "DRAW-OLD", ON.minusDays(10), i, false);
        visit(after, "DRAW-OTHER", ON.plusDays(5), i, false);
        visit(edge, "DRAW-OLD", ON.minusDays(WINDOW), i, false);

        for (String e : List.of(before, after, edge)) {
            assertThat(recusalsOf(e, i)).as(e).containsOnly(Map.entry(i, List.of("RECENT_VISIT")));
        }
    }

    @Test
    void assign03AVisitOutsideTheWindowByADroppedAssigneeOrInTheSameDrawDoesNotRecuse() {
        String longAgo = enterprise();
        String dropped = enterprise();
        String sameDraw = enterprise();
        String unplanned = enterprise();
        String i = inspector();
        visit(longAgo, "DRAW-OLD", ON.minusDays(WINDOW + 1), i, false);
        visit(dropped, "DRAW-OLD", ON.minusDays(3), i, true);
        visit(sameDraw, DRAW, ON, i, false);
        visit(unplanned, "DRAW-OLD", null, i, false);

        for (String e : List.of(longAgo, dropped, sameDraw, unplanned)) {
            assertThat(recusalsOf(e, i)).as(e).isEmpty();
        }
    }

    @Test
    void assign03EveryReasonIsReportedOnceAndOnlyForEligibleInspectors() {
        String self = person();
        String i = inspectorAs(self);
        String notEligible = inspector();
        String e = enterprise();
        current(self, "LEGAL_REPRESENTATIVE_OF", e);
        run("MATCH (i:Inspector {inspectorId: $i}), (e:Enterprise {uscc: $e}) CREATE (i)-[:DECLARED_CONFLICT]->(e)", params("i", i, "e", e));
        // Declared twice over: with the enterprise and with its legal representative (the inspector's own person).
        run("MATCH (i:Inspector {inspectorId: $i}), (p:Person {personId: $p}) CREATE (i)-[:DECLARED_CONFLICT]->(p)", params("i", i, "p", self));
        visit(e, "DRAW-OLD", ON.minusDays(1), i, false);
        run("MATCH (i:Inspector {inspectorId: $i}), (e:Enterprise {uscc: $e}) CREATE (i)-[:DECLARED_CONFLICT]->(e)",
                params("i", notEligible, "e", e));

        Map<String, List<String>> reasons = recusalsOf(e, i);
        assertThat(reasons).containsOnlyKeys(i);
        assertThat(reasons.get(i)).containsExactly("DECLARED_CONFLICT", "LINKED_TO_ENTERPRISE", "RECENT_VISIT");
    }

    @Test
    void assign03ManyEnterprisesAreAnsweredInOneCallEachUnderItsOwnKey() {
        String a = enterprise();
        String b = enterprise();
        String clean = enterprise();
        String i = inspector();
        run("MATCH (i:Inspector {inspectorId: $i}), (e:Enterprise) WHERE e.uscc IN [$a, $b] CREATE (i)-[:DECLARED_CONFLICT]->(e)",
                params("i", i, "a", a, "b", b));

        Map<String, Map<String, List<String>>> all = assignments.recusals(List.of(a, b, clean), List.of(i), DRAW, ON, WINDOW);
        assertThat(all).containsOnlyKeys(a, b);
    }

    // ---- step 13 eligibility (ASSIGN-01)


    String department;
    String unit;

    void department() {
        department = key("DEP");
        unit = key("UNIT");
        run("CREATE (:Department {id: $d})<-[:PART_OF]-(:Unit {id: $u})", params("d", department, "u", unit));
    }

    String inspectorOf(String unitId, LocalDate certFrom, LocalDate certTo, LocalDate rosterFrom, LocalDate rosterTo, List<String> expertise) {
        String id = key("I");
        run("MATCH (u:Unit {id: $u}) CREATE (:Inspector {inspectorId: $id, certificateNo: $id, certificateValidFrom: $cf,"
                + " certificateValidTo: $ct, onRosterFrom: $rf, onRosterTo: $rt, expertise: $x})-[:MEMBER_OF]->(u)",
                params("u", unitId, "id", id, "cf", certFrom, "ct", certTo, "rf", rosterFrom, "rt", rosterTo, "x", expertise));
        return id;
    }

    String ordinary(List<String> expertise) {
        return inspectorOf(unit, LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), LocalDate.of(2020, 1, 1), null, expertise);
    }

    @Test
    void assign01CertifiedInspectorsOnTheRosterOnTheDayAreEligible() {
        department();
        LocalDate long1 = LocalDate.of(2020, 1, 1);
        String ok = ordinary(List.of());
        String certEndsThatDay = inspectorOf(unit, long1, ON, long1, null, List.of());
        String certStartsThatDay = inspectorOf(unit, ON, LocalDate.of(2030, 1, 1), long1, null, List.of());
        String certExpired = inspectorOf(unit, long1, ON.minusDays(1), long1, null, List.of());
        String certNotYet = inspectorOf(unit, ON.plusDays(1), LocalDate.of(2030, 1, 1), long1, null, List.of());
        String rosterJoinsThatDay = inspectorOf(unit, long1, LocalDate.of(2030, 1, 1), ON, null, List.of());
        String rosterLeftThatDay = inspectorOf(unit, long1, LocalDate.of(2030, 1, 1), long1, ON, List.of());
        String rosterLeavesLater = inspectorOf(unit, long1, LocalDate.of(2030, 1, 1), long1, ON.plusDays(1), List.of());
        String rosterNotYet = inspectorOf(unit, long1, LocalDate.of(2030, 1, 1), ON.plusDays(1), null, List.of());

        // The certificate's last day still counts; the roster's end date is the first day off it.
        assertThat(assignments.eligible(List.of(department), null, List.of(), ON))
                .containsExactlyInAnyOrder(ok, certEndsThatDay, certStartsThatDay, rosterJoinsThatDay, rosterLeavesLater)
                .doesNotContain(certExpired, certNotYet, rosterLeftThatDay, rosterNotYet)
                .isSorted();
    }

    @Test
    void assign01EligibleInspectorsHoldEveryExpertiseAskedFor() {
        department();
        String both = ordinary(List.of("WAGES", "SOCIAL_INSURANCE"));
        String wagesOnly = ordinary(List.of("WAGES"));
        String none = ordinary(List.of());

        assertThat(assignments.eligible(List.of(department), List.of(), List.of("WAGES", "SOCIAL_INSURANCE"), ON)).containsExactly(both);
        assertThat(assignments.eligible(List.of(department), null, List.of("WAGES"), ON)).containsExactlyInAnyOrder(both, wagesOnly);
        assertThat(assignments.eligible(List.of(department), null, null, ON)).containsExactlyInAnyOrder(both, wagesOnly, none);
    }

    @Test
    void assign01OnlyTheNamedUnitsAndDepartmentsAreDrawnFrom() {
        department();
        String first = ordinary(List.of());
        String firstDepartment = department;
        String otherUnit = key("UNIT");
        run("MATCH (d:Department {id: $d}) CREATE (:Unit {id: $u})-[:PART_OF]->(d)", params("d", department, "u", otherUnit));
        String inOtherUnit = inspectorOf(otherUnit, LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), LocalDate.of(2020, 1, 1), null, List.of());
        String firstUnit = unit;
        department();
        String elsewhere = ordinary(List.of());

        assertThat(assignments.eligible(List.of(firstDepartment), null, List.of(), ON)).containsExactlyInAnyOrder(first, inOtherUnit);
        assertThat(assignments.eligible(List.of(firstDepartment), List.of(firstUnit), List.of(), ON)).containsExactly(first);
        // ASSIGN-08/09: several departments' rosters at once.
        assertThat(assignments.eligible(List.of(firstDepartment, department), null, List.of(), ON))
                .containsExactlyInAnyOrder(first, inOtherUnit, elsewhere);
    }

    // ---- DRAW-13 overlaps between levels


    String province;
    String city;
    String county;
    String sibling;

    void departments() {
        province = key("PROV");
        city = key("CITY");
        county = key("COUNTY");
        sibling = key("COUNTY");
        run("CREATE (p:Department {id: $p}), (c:Department {id: $c})-[:REPORTS_TO]->(p),"
                + " (k:Department {id: $k})-[:REPORTS_TO]->(c), (s:Department {id: $s})-[:REPORTS_TO]->(c)",
                params("p", province, "c", city, "k", county, "s", sibling));
    }

    String inspection(String uscc, String drawId, String drawnBy, int year, String status, List<String> items) {
        String id = key("INS");
        run("MATCH (e:Enterprise {uscc: $e}) CREATE (:Inspection {id: $id, drawId: $draw, uscc: $e, year: $year, status: $status,"
                + " drawnBy: $by, itemCodes: $items})-[:TARGETS]->(e)",
                params("e", uscc, "id", id, "draw", drawId, "year", year, "status", status, "by", drawnBy, "items", items));
        return id;
    }

    @Test
    void draw13ASuperiorsInspectionOfTheSameEnterpriseAndItemMeansWeAreLowerAndInspect() {
        departments();
        String e = enterprise();
        String byProvince = inspection(e, "D-PROV", province, 2026, "ACTIVE", List.of("WAGES", "CONTRACTS"));

        List<Overlap> overlaps = repository.overlaps("D-COUNTY", county, 2026, List.of(e), List.of("WAGES", "HOURS"));
        assertThat(overlaps).containsExactly(new Overlap(e, byProvince, true, List.of("WAGES")));
    }

    @Test
    void draw13ASubordinatesInspectionMeansWeAreHigherAndDefer() {
        departments();
        String e = enterprise();
        String byCounty = inspection(e, "D-COUNTY", county, 2026, "ACTIVE", List.of("WAGES"));

        assertThat(repository.overlaps("D-CITY", city, 2026, List.of(e), List.of("WAGES")))
                .containsExactly(new Overlap(e, byCounty, false, List.of("WAGES")));
    }

    @Test
    void draw13NoOverlapWithoutASharedItemInAnotherYearOrStatusInTheSameDrawOrAtTheSameLevel() {
        departments();
        String e = enterprise();
        inspection(e, "D-PROV", province, 2026, "ACTIVE", List.of("CONTRACTS"));
        inspection(e, "D-PROV-2025", province, 2025, "ACTIVE", List.of("WAGES"));
        inspection(e, "D-PROV-R", province, 2026, "REPLACED", List.of("WAGES"));
        inspection(e, "D-PROV-D", province, 2026, "DEFERRED", List.of("WAGES"));
        inspection(e, "D-SIBLING", sibling, 2026, "ACTIVE", List.of("WAGES"));
        inspection(e, "D-COUNTY", county, 2026, "ACTIVE", List.of("WAGES"));

        assertThat(repository.overlaps("D-COUNTY", county, 2026, List.of(e), List.of("WAGES"))).isEmpty();
    }

    @Test
    void draw13OnlyTheEnterprisesAskedAboutAreReported() {
        departments();
        String asked = enterprise();
        String notAsked = enterprise();
        String a = inspection(asked, "D-PROV", province, 2026, "ACTIVE", List.of("WAGES"));
        inspection(notAsked, "D-PROV", province, 2026, "ACTIVE", List.of("WAGES"));

        assertThat(repository.overlaps("D-COUNTY", county, 2026, List.of(asked), List.of("WAGES")))
                .extracting(Overlap::otherInspectionId).containsExactly(a);
    }

    // ---- DRAW-12 yearly cap


    void inspections(String uscc, int year, String... statuses) {
        for (String status : statuses) {
            run("CREATE (:Inspection {id: $id, drawId: $draw, uscc: $e, year: $year, status: $status})",
                    params("id", key("INS"), "draw", key("D"), "e", uscc, "year", year, "status", status));
        }
    }

    @Test
    void draw12AnEnterpriseWithAsManyActiveInspectionsThisYearAsTheCapIsAtIt() {
        String twice = enterprise();
        String thrice = enterprise();
        String once = enterprise();
        inspections(twice, 2031, "ACTIVE", "ACTIVE");
        inspections(thrice, 2031, "ACTIVE", "ACTIVE", "ACTIVE");
        inspections(once, 2031, "ACTIVE");

        assertThat(pools.atYearlyCap(2031, 2)).containsExactlyInAnyOrder(twice, thrice);
        assertThat(pools.atYearlyCap(2031, 1)).containsExactlyInAnyOrder(twice, thrice, once);
        assertThat(pools.atYearlyCap(2031, 3)).containsExactly(thrice);
    }

    @Test
    void draw12ReplacedOrDeferredInspectionsAndOtherYearsDoNotCount() {
        String replaced = enterprise();
        String deferred = enterprise();
        String spread = enterprise();
        inspections(replaced, 2032, "ACTIVE", "REPLACED");
        inspections(deferred, 2032, "ACTIVE", "DEFERRED");
        inspections(spread, 2032, "ACTIVE");
        inspections(spread, 2033, "ACTIVE");

        assertThat(pools.atYearlyCap(2032, 2)).isEmpty();
        assertThat(pools.atYearlyCap(2033, 2)).isEmpty();
    }

    @Test
    void draw12AJointInspectionCountsOnceHoweverManyDepartmentsTakePart_PLAN15() {
        String joint = enterprise();
        String twice = enterprise();
        // One joint inspection: the lead's and two participants' parts (jointOf names the lead's).
        String lead = key("INS");
        run("CREATE (:Inspection {id: $id, drawId: $draw, uscc: $e, year: 2034, status: 'ACTIVE'})", params("id", lead, "draw", key("D"), "e", joint));
        for (String part : List.of(lead + "-MS", lead + "-TAX")) {
            run("CREATE (:Inspection {id: $id, drawId: $draw, uscc: $e, year: 2034, status: 'ACTIVE', jointOf: $lead})",
                    params("id", part, "draw", key("D"), "e", joint, "lead", lead));
        }
        inspections(twice, 2034, "ACTIVE", "ACTIVE");

        assertThat(pools.atYearlyCap(2034, 2)).containsExactly(twice);
        inspections(joint, 2034, "ACTIVE");
        assertThat(pools.atYearlyCap(2034, 2)).containsExactlyInAnyOrder(joint, twice);
    }
}
