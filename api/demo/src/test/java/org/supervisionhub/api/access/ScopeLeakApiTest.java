package org.supervisionhub.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * Scope leaks, round 2: each test performs the attack that used to work. Department-owned data reached through a
 * second path (a joint visit's team, a past roster state, an on-site record, a shared person record, the roster-update
 * report) must be scoped like its primary field. HRSS-430102 (芙蓉区) and HRSS-430103 (天心区) are districts of
 * HRSS-430100 (长沙市), under HRSS-430000 (the province).
 */
class ScopeLeakApiTest extends HubIntegrationTest {

    static final String COUNTY = "HRSS-430102";
    static final String SIBLING = "HRSS-430103";
    static final String CITY = "HRSS-430100";
    static final String PROVINCE = "HRSS-430000";

    @Autowired
    Driver driver;

    /** What one call answered: the data at {@code root} and every error, none left unverified. */
    record Answer(Object data, List<ResponseError> errors) {
        boolean refused(String pathPrefix) {
            return errors.stream().anyMatch(e -> e.getPath().startsWith(pathPrefix)
                    && "FORBIDDEN".equals(e.getExtensions().get("code")));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) data;
        }
    }

    Answer call(DemoIssuer.Subject who, String document, String root, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = graphQl(who).document(document);
        variables.forEach(request::variable);
        GraphQlTester.Response response = request.execute();
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        Object data;
        try {
            data = response.path(root).entity(Object.class).get();
        } catch (AssertionError | RuntimeException absent) {
            data = null; // refused at the root: no data
        }
        return new Answer(data, errors);
    }

    // --- 4: jointVisits / enterpriseJointVisits team and leader ---------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void aJointVisitShowsEachDepartmentsTeamMembersOnlyWhereThatDepartmentsInspectionTeamIsVisible() {
        LocalDate t = clock.today();
        var row = driver.executableQuery("MATCH (e:Enterprise) WHERE e.regionCode STARTS WITH '4301' AND NOT EXISTS { (e)<-[:TARGETS]-(:Inspection) }"
                + " WITH e LIMIT 1 MATCH (p:Inspector) WITH e, collect(p.inspectorId)[0..3] AS inspectors"
                + " RETURN e.uscc AS uscc, inspectors").execute().records().get(0);
        String uscc = row.get("uscc").asString();
        List<String> p = row.get("inspectors").asList(v -> v.asString());
        String run = "SL" + nextKey();
        // Three departments' inspections whose windows overlap: one visit, led by the province's inspector.
        org.supervisionhub.api.inspection.InspectionFixtures.inspectionsOf(driver, uscc, run, clock.now(), List.of(
                Map.of("n", 1, "d", COUNTY, "from", t.plusDays(10).toString(), "to", t.plusDays(30).toString(), "item", "LABOUR-CONTRACTS", "inspector", p.get(0)),
                Map.of("n", 2, "d", PROVINCE, "from", t.plusDays(20).toString(), "to", t.plusDays(45).toString(), "item", "SOCIAL-INSURANCE", "inspector", p.get(1)),
                Map.of("n", 3, "d", "MS-430100", "from", t.plusDays(20).toString(), "to", t.plusDays(30).toString(), "item", "ANNUAL-REPORT", "inspector", p.get(2))));
        String visits = "query($u: ID!) { enterpriseJointVisits(uscc: $u) { inspectionIds team leader } }";
        Map<String, Object> u = Map.of("u", uscc);

        // The county's officer: its own inspection's member only; the province's leader and the market regulator's member hidden.
        Answer county = call(officer(COUNTY), visits, "enterpriseJointVisits", u);
        Map<String, Object> visit = ((List<Map<String, Object>>) county.data()).get(0);
        assertThat((List<String>) visit.get("inspectionIds")).hasSize(3);
        assertThat((List<String>) visit.get("team")).containsExactly(p.get(0));
        assertThat(visit.get("leader")).isNull();
        assertThat(county.refused("enterpriseJointVisits[0].leader")).isTrue();

        // The province (its tree holds the county): both HRSS members and the leader; never the market regulator's member.
        Answer province = call(leader(PROVINCE), visits, "enterpriseJointVisits", u);
        visit = ((List<Map<String, Object>>) province.data()).get(0);
        assertThat((List<String>) visit.get("team")).containsExactly(p.get(1), p.get(0));
        assertThat(visit.get("leader")).isEqualTo(p.get(1));
        assertThat(province.errors()).isEmpty();

        // A sibling district sees no member of anyone else's team; administrators see no team at all (as Inspection.inspectors).
        Answer sibling = call(officer(SIBLING), visits, "enterpriseJointVisits", u);
        assertThat((List<String>) ((List<Map<String, Object>>) sibling.data()).get(0).get("team")).isEmpty();
        assertThat(sibling.refused("enterpriseJointVisits[0].leader")).isTrue();
        Answer admin = call(admin(), visits, "enterpriseJointVisits", u);
        assertThat(admin.refused("enterpriseJointVisits[0].team")).isTrue();
        assertThat(admin.refused("enterpriseJointVisits[0].leader")).isTrue();

        // The region's plan is the same type: the same rule.
        String region = "query($r: String!, $f: Date!, $t: Date!) { jointVisits(regionCode: $r, from: $f, to: $t) {"
                + " items(first: 200) { edges { node { uscc team } } } } }";
        Answer plan = call(officer(COUNTY), region, "jointVisits", Map.of("r", "430100", "f", t.toString(), "t", t.plusDays(60).toString()));
        List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) plan.map().get("items")).get("edges");
        assertThat(edges).extracting(e -> (Map<String, Object>) e.get("node")).filteredOn(n -> uscc.equals(n.get("uscc")))
                .extracting(n -> n.get("team")).containsExactly(List.of(p.get(0)));
    }

    // --- 5: Inspector.stateAsOf { certificateNo } ----------------------------------------------------------------------

    String unitOf(String department) {
        return graphQl().document("{ department(id: \"" + department + "\") { units { id } } }").execute()
                .path("department.units[0].id").entity(String.class).get();
    }

    /** An inspector of {@code department} entered today by its officer; the id doubles as the certificate number. */
    String newInspector(String department, String personId) {
        String id = "SL-" + nextKey();
        Map<String, Object> in = new LinkedHashMap<>(Map.of("inspectorId", id, "name", "范围检查员", "certificateNo", id, "phone", "13800000001",
                "certificateValidFrom", "2024-01-01", "certificateValidTo", "2030-12-31", "unitId", unitOf(department)));
        if (personId != null) {
            in.put("personId", personId);
        }
        graphQl(officer(department)).document("mutation($in: InspectorInput!) { upsertInspector(input: $in) { inspectorId } }")
                .variable("in", in).execute().path("upsertInspector.inspectorId").entity(String.class).isEqualTo(id);
        return id;
    }

    @Test
    void aPastRosterStateShowsTheCertificateOnlyToWhomTheEntryShowsIt() {
        String id = newInspector(COUNTY, null);
        String q = "query($i: ID!) { inspector(inspectorId: $i) { inspectorId stateAsOf(date: \"2099-01-01\") {"
                + " name certificateNo certificateValidFrom certificateValidTo } } }";
        Map<String, Object> i = Map.of("i", id);

        // A superior's officer reaches the past states (DEPARTMENT_TREE) but not the certificate, as on the entry itself.
        Answer superior = call(officer(CITY), q, "inspector", i);
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) superior.map().get("stateAsOf");
        assertThat(state).containsEntry("name", "范围检查员").containsEntry("certificateNo", null)
                .containsEntry("certificateValidFrom", null).containsEntry("certificateValidTo", null);
        assertThat(superior.refused("inspector.stateAsOf.certificateNo")).isTrue();
        assertThat(superior.refused("inspector.stateAsOf.certificateValidTo")).isTrue();

        // Its own department and the inspector themself see it.
        for (DemoIssuer.Subject who : List.of(officer(COUNTY), inspector(id, COUNTY))) {
            Answer own = call(who, q, "inspector", i);
            assertThat(own.errors()).isEmpty();
            assertThat(own.map().get("stateAsOf")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("certificateNo", id);
        }
    }

    // --- 10: InspectionRecord.present.certificateNo --------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void theCertificateShownOnSiteIsScopedAsTheRosterEntrysCertificate() {
        // A demo record of Changsha's own inspection, by two of its own inspectors.
        var row = driver.executableQuery("MATCH (x:InspectionRecord)-[:OF]->(i:Inspection) WHERE coalesce(i.inspectedBy, i.drawnBy) = $d"
                + " AND all(p IN [(x)-[:PRESENT]->(p:Inspector) | p] WHERE EXISTS { (p)-[:MEMBER_OF]->(:Unit)-[:PART_OF]->(:Department {id: $d}) })"
                + " RETURN x.inspectionId AS id LIMIT 1").withParameters(Map.of("d", CITY)).execute().records().get(0);
        String q = "query($i: ID!) { inspectionRecord(inspectionId: $i) { present { inspectorId certificateNo } } }";
        Map<String, Object> i = Map.of("i", row.get("id").asString());

        // Everyone who may read the record but not the roster entry's certificate: the leader, oversight above, administrators.
        for (DemoIssuer.Subject who : List.of(leader(CITY), as(Role.OVERSIGHT, PROVINCE), admin())) {
            Answer answer = call(who, q, "inspectionRecord", i);
            List<Map<String, Object>> present = (List<Map<String, Object>>) answer.map().get("present");
            assertThat(present).isNotEmpty().allSatisfy(m -> assertThat(m.get("certificateNo")).isNull());
            assertThat(answer.refused("inspectionRecord.present[0].certificateNo")).as(who.subject()).isTrue();
        }
        // The inspectors' own department still sees them.
        Answer own = call(officer(CITY), q, "inspectionRecord", i);
        assertThat(own.errors()).isEmpty();
        assertThat((List<Map<String, Object>>) own.map().get("present")).allSatisfy(m -> assertThat(m.get("certificateNo")).isNotNull());
    }

    // --- 6: upsertPerson -----------------------------------------------------------------------------------------------

    static final String PERSON = "mutation($in: PersonInput!) { upsertPerson(input: $in) { personId name } }";

    Answer rename(DemoIssuer.Subject who, String personId, String name) {
        return call(who, PERSON, "upsertPerson", Map.of("in", Map.of("personId", personId, "name", name)));
    }

    String publicName(String personId) {
        return graphQl().document("{ person(personId: \"" + personId + "\") { name } }").execute().path("person.name").entity(String.class).get();
    }

    String newEnterprise(String department, String regionCode) {
        String uscc = newUscc();
        graphQl(officer(department)).document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                .variable("in", Map.of("uscc", uscc, "name", "范围测试企业" + uscc.substring(10), "orgType", "COMPANY", "regionCode", regionCode))
                .execute().path("upsertEnterprise.uscc").entity(String.class).isEqualTo(uscc);
        return uscc;
    }

    void link(String department, String type, String personId, String uscc) {
        Map<String, Object> in = new LinkedHashMap<>(Map.of("type", type, "from", Map.of("personId", personId), "toUscc", uscc, "validFrom", "2020-01-01"));
        if ("OFFICER".equals(type)) {
            in.put("role", "MANAGER");
        }
        graphQl(officer(department)).document("mutation($in: LinkInput!) { upsertLink(input: $in) { type } }").variable("in", in)
                .execute().path("upsertLink.type").entity(String.class).isEqualTo(type);
    }

    @Test
    void renamingAPersonNeedsEveryEnterpriseItIsOrWasLinkedToInTheCallersJurisdiction() {
        // 天心区's enterprise, whose legal representative 天心区 entered.
        String tianxin = newEnterprise(SIBLING, "430103");
        String furong = newEnterprise(COUNTY, "430102");
        String person = newPersonId();
        assertThat(rename(officer(SIBLING), person, "王法人").errors()).isEmpty();
        link(SIBLING, "LEGAL_REPRESENTATIVE", person, tianxin);

        // The attack: 芙蓉区 renames another district's legal representative, and the public would see it.
        Answer attack = rename(officer(COUNTY), person, "冒名顶替");
        assertThat(attack.refused("upsertPerson")).isTrue();
        assertThat(attack.errors()).anySatisfy(e -> assertThat(e.getExtensions()).containsEntry("field", "input.personId"));
        assertThat(publicName(person)).isEqualTo("王法人");

        // Linking the person to an enterprise of its own does not open the door: every linked enterprise counts.
        link(COUNTY, "OFFICER", person, furong);
        assertThat(rename(officer(COUNTY), person, "冒名顶替").refused("upsertPerson")).isTrue();
        assertThat(rename(officer(SIBLING), person, "王法人二").refused("upsertPerson")).isTrue();
        assertThat(publicName(person)).isEqualTo("王法人");
        // The city covers both districts; administrators everything.
        assertThat(rename(officer(CITY), person, "王法人（更正）").errors()).isEmpty();
        assertThat(publicName(person)).isEqualTo("王法人（更正）");
        assertThat(rename(admin(), person, "王法人").errors()).isEmpty();

        // A new person has no owner yet: any officer may create one.
        assertThat(rename(officer(COUNTY), newPersonId(), "新人").errors()).isEmpty();
    }

    @Test
    void anInspectorsPersonIsRenamedOnlyByTheInspectorsOwnDepartment() {
        String person = newPersonId();
        assertThat(rename(officer(COUNTY), person, "检查员本人").errors()).isEmpty();
        newInspector(COUNTY, person);
        // Inspector.person is the own department's alone: a superior whose region covers it may not rename it either.
        assertThat(rename(officer(CITY), person, "改名").refused("upsertPerson")).isTrue();
        assertThat(rename(officer(SIBLING), person, "改名").refused("upsertPerson")).isTrue();
        assertThat(publicName(person)).isEqualTo("检查员本人");
        assertThat(rename(officer(COUNTY), person, "检查员本人（更正）").errors()).isEmpty();
    }

    // --- 18: rosterUpdateReport ----------------------------------------------------------------------------------------

    /** Every subject key of the report for today, page by page; and its total. */
    @SuppressWarnings("unchecked")
    Map.Entry<Integer, List<String>> report(DemoIssuer.Subject who, String roster) {
        List<String> keys = new ArrayList<>();
        String after = null;
        int total;
        do {
            String q = "query($r: RosterKind!, $d: Date!, $a: String) { rosterUpdateReport(roster: $r, from: $d, to: $d) { total"
                    + " updates(first: 200, after: $a) { edges { node { subjectKey } } pageInfo { hasNextPage endCursor } } } }";
            Map<String, Object> vars = new LinkedHashMap<>(Map.of("r", roster, "d", clock.today().toString()));
            vars.put("a", after);
            Answer answer = call(who, q, "rosterUpdateReport", vars);
            assertThat(answer.errors()).isEmpty();
            total = (int) answer.map().get("total");
            Map<String, Object> updates = (Map<String, Object>) answer.map().get("updates");
            ((List<Map<String, Object>>) updates.get("edges")).forEach(e -> keys.add((String) ((Map<String, Object>) e.get("node")).get("subjectKey")));
            Map<String, Object> page = (Map<String, Object>) updates.get("pageInfo");
            after = Boolean.TRUE.equals(page.get("hasNextPage")) ? (String) page.get("endCursor") : null;
        } while (after != null);
        return Map.entry(total, keys);
    }

    @Test
    void theRosterUpdateReportCountsAndListsOnlyTheCallersDepartmentTree() {
        String inspector = newInspector(COUNTY, null);
        String furong = newEnterprise(COUNTY, "430102");
        String tianxin = newEnterprise(SIBLING, "430103");

        // The attack: a sibling district reads another's roster changes.
        var sibling = report(officer(SIBLING), "INSPECTOR");
        assertThat(sibling.getValue()).doesNotContain(inspector);
        assertThat(sibling.getKey()).isEqualTo(sibling.getValue().size());
        var siblingTargets = report(officer(SIBLING), "TARGET");
        assertThat(siblingTargets.getValue()).contains(tianxin).doesNotContain(furong);

        // Its own department, the superiors (officers, leaders, oversight: their trees) and administrators see it.
        for (DemoIssuer.Subject who : List.of(officer(COUNTY), leader(CITY), as(Role.OVERSIGHT, PROVINCE), admin())) {
            assertThat(report(who, "INSPECTOR").getValue()).as(who.subject()).contains(inspector);
            assertThat(report(who, "TARGET").getValue()).as(who.subject()).contains(furong);
        }
        assertThat(report(officer(COUNTY), "TARGET").getValue()).doesNotContain(tianxin);
        assertThat(report(officer(CITY), "TARGET").getValue()).contains(furong, tianxin);
    }
}
