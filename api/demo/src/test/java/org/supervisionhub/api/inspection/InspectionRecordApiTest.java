package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * On-site records through the API on the real graph (ONSITE-01..05), on an inspection the test draws and assigns itself
 * (InspectionFixtures), not one the demo or an earlier test left.
 */
class InspectionRecordApiTest extends HubIntegrationTest {

    static final String RECORD = "mutation($in: InspectionRecordInput!) { recordInspection(input: $in) { id findings { itemCode facts }"
            + " present { inspectorId } signedBy refusalReason witnesses } }";

    @Autowired
    Driver driver;

    Map<String, Object> input(Record r, List<Map<String, String>> present, String item, String signedBy, String refusal) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("inspectionId", r.get("id").asString());
        in.put("conductedAt", clock.now().minusHours(2).toString());
        in.put("findings", List.of(Map.of("itemCode", item, "facts", "抽查劳动合同10份，其中2份未约定工作时间。")));
        in.put("present", present);
        if (signedBy != null) {
            in.put("signedBy", signedBy);
            in.put("signerRole", "LEGAL_REPRESENTATIVE");
        }
        if (refusal != null) {
            in.put("refusalReason", refusal);
            in.put("witnesses", List.of("社区网格员 王某"));
        }
        return in;
    }

    String error(String department, Map<String, Object> in) {
        List<ResponseError> errors = new ArrayList<>();
        graphQl(officer(department)).document(RECORD).variable("in", in).execute().errors().satisfy(errors::addAll);
        assertThat(errors).isNotEmpty();
        Map<String, Object> ext = errors.get(0).getExtensions();
        return ext.get("code") + " " + ext.get("field") + (ext.get("rule") == null ? "" : " " + ext.get("rule"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoAssignedInspectorsWithTheirCertificatesRecordFactsPerItemAndTheTargetSignsOrTheRefusalIsWitnessedONSITE01to05() {
        // An inspection of its own, drawn and inspected by HRSS-430100, its team of two assigned for today's visit.
        LocalDate today = clock.today();
        String id = InspectionFixtures.assigned(this::graphQl, clock, driver, "HRSS-430100", today.withDayOfYear(1), today.withMonth(12).withDayOfMonth(31),
                today);
        Record r = driver.executableQuery("MATCH (i:Inspection {id: $id})-[a:ASSIGNED]->(p:Inspector) WHERE a.droppedAt IS NULL"
                + " WITH i, p ORDER BY a.position WITH i, collect(p) AS team"
                + " RETURN i.id AS id, i.itemCodes[0] AS item, [p IN team | {inspectorId: p.inspectorId, certificateNo: p.certificateNo}][0..2] AS present")
                .withParameters(Map.of("id", id)).execute().records().get(0);
        List<Map<String, String>> present = r.get("present").asList(v -> Map.of("inspectorId", v.get("inspectorId").asString(),
                "certificateNo", v.get("certificateNo").asString()));
        String item = r.get("item").asString();
        assertThat(present).as("the team").hasSize(2);

        assertThat(error("HRSS-430100", input(r, present.subList(0, 1), item, "张三", null))).isEqualTo("INVALID_VALUE input.present ONSITE-02");
        List<Map<String, String>> wrongCertificate = List.of(present.get(0), Map.of("inspectorId", present.get(1).get("inspectorId"), "certificateNo", "FAKE"));
        assertThat(error("HRSS-430100", input(r, wrongCertificate, item, "张三", null))).isEqualTo("INVALID_VALUE input.present[1].certificateNo ONSITE-02");
        assertThat(error("HRSS-430100", input(r, present, "NOT-AN-ITEM", "张三", null))).isEqualTo("INVALID_VALUE input.findings[0].itemCode ONSITE-01");
        assertThat(error("HRSS-430100", input(r, present, item, null, null))).isEqualTo("INVALID_VALUE input.signedBy ONSITE-04");
        assertThat(error("HRSS-430102", input(r, present, item, "张三", null))).isEqualTo("FORBIDDEN input.inspectionId ONSITE-03");

        Map<String, Object> recorded = graphQl(inspector(present.get(0).get("inspectorId"), "HRSS-430100")).document(RECORD)
                .variable("in", input(r, present, item, null, "法定代表人拒绝签字")).execute().path("recordInspection").entity(Map.class).get();
        assertThat(recorded).containsEntry("refusalReason", "法定代表人拒绝签字").containsEntry("signedBy", null)
                .containsEntry("witnesses", List.of("社区网格员 王某"));
        assertThat((List<Map<String, Object>>) recorded.get("present")).extracting(p -> p.get("inspectorId"))
                .containsExactly(present.get(0).get("inspectorId"), present.get(1).get("inspectorId"));
        assertThat(error("HRSS-430100", input(r, present, item, "张三", null))).isEqualTo("IMMUTABLE input.inspectionId ONSITE-03");

        String read = "{ inspectionRecord(inspectionId: \"" + r.get("id").asString() + "\") { findings { itemCode } } }";
        assertThat(graphQl(leader("HRSS-430100")).document(read).execute().path("inspectionRecord.findings[0].itemCode").entity(String.class).get())
                .isEqualTo(item);
        graphQl(officer("HRSS-430102")).document(read).execute().path("inspectionRecord").valueIsNull();
    }
}
