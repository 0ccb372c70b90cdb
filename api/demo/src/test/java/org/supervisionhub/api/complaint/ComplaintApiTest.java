package org.supervisionhub.api.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.HubIntegrationTest;

class ComplaintApiTest extends HubIntegrationTest {

    static final String RECORD = "mutation($in: ComplaintInput!) { recordComplaint(input: $in) { id receivedBy { id } enterprise { uscc } } }";

    String enterprise() {
        String uscc = newUscc();
        graphQl(officer("HRSS-430100")).document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                .variable("in", Map.of("uscc", uscc, "name", "被投诉企业", "orgType", "COMPANY", "regionCode", "430103")).execute()
                .path("upsertEnterprise.uscc").hasValue();
        return uscc;
    }

    void complain(String uscc, String department, String day) {
        graphQl(officer(department)).document(RECORD).variable("in", Map.of("uscc", uscc, "receivedByDepartmentId", department, "receivedOn", day,
                "channel", "12333", "summary", "拖欠工资")).execute().path("recordComplaint.enterprise.uscc").entity(String.class).isEqualTo(uscc);
    }

    @Test
    void theRosterTagsEachEnterpriseWithItsCountMostComplainedFirst_ROS07() {
        String often = enterprise();
        String once = enterprise();
        for (String day : List.of("2025-03-01", "2025-03-02", "2025-03-03")) {
            complain(often, "HRSS-430103", day);
        }
        complain(once, "HRSS-430103", "2025-03-02");
        String q = "query($d: ID!, $sub: Boolean) { complaintRoster(departmentId: $d, includeSubordinates: $sub, from: \"2025-03-01\", to: \"2025-03-03\", first: 200) "
                + "{ edges { node { complaintCount lastReceivedOn enterprise { uscc } } } } }";
        List<String> order = graphQl(officer("HRSS-430100")).document(q).variable("d", "HRSS-430100").variable("sub", true).execute()
                .path("complaintRoster.edges[*].node.enterprise.uscc").entityList(String.class).get();
        assertThat(order).contains(often, once);
        assertThat(order.indexOf(often)).isLessThan(order.indexOf(once));
        graphQl(officer("HRSS-430100")).document(q).variable("d", "HRSS-430100").variable("sub", true).execute()
                .path("complaintRoster.edges[?(@.node.enterprise.uscc == '" + often + "')].node.complaintCount").entityList(Integer.class).containsExactly(3)
                .path("complaintRoster.edges[?(@.node.enterprise.uscc == '" + often + "')].node.lastReceivedOn").entityList(String.class).containsExactly("2025-03-03");
        // Received by the county: not in the city department's own roster.
        assertThat(graphQl(officer("HRSS-430100")).document(q).variable("d", "HRSS-430100").variable("sub", false).execute()
                .path("complaintRoster.edges[*].node.enterprise.uscc").entityList(String.class).get()).doesNotContain(often);
    }

    @Test
    void anEnterprisesComplaintsArePagedNewestFirst() {
        String uscc = enterprise();
        for (String day : List.of("2025-01-10", "2025-02-10", "2025-03-10")) {
            complain(uscc, "HRSS-430103", day);
        }
        String q = "query($u: ID!, $a: String) { enterprise(uscc: $u) { complaintCount complaints(first: 2, after: $a) { totalCount "
                + "edges { node { receivedOn } } pageInfo { hasNextPage endCursor } } } }";
        String cursor = graphQl(officer("HRSS-430103")).document(q).variable("u", uscc).variable("a", null).execute()
                .path("enterprise.complaintCount").entity(Integer.class).isEqualTo(3)
                .path("enterprise.complaints.edges[*].node.receivedOn").entityList(String.class).containsExactly("2025-03-10", "2025-02-10")
                .path("enterprise.complaints.pageInfo.endCursor").entity(String.class).get();
        graphQl(officer("HRSS-430103")).document(q).variable("u", uscc).variable("a", cursor).execute()
                .path("enterprise.complaints.edges[*].node.receivedOn").entityList(String.class).containsExactly("2025-01-10")
                .path("enterprise.complaints.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aComplaintFromTheFutureOrAboutAnUnknownEnterpriseIsRejected() {
        graphQl(officer("HRSS-430103")).document(RECORD).variable("in", Map.of("uscc", enterprise(), "receivedByDepartmentId", "HRSS-430103", "receivedOn", "2999-01-01"))
                .execute().errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("field", "input.receivedOn"));
        graphQl(officer("HRSS-430103")).document(RECORD).variable("in", Map.of("uscc", newUscc(), "receivedByDepartmentId", "HRSS-430103", "receivedOn", "2025-01-01"))
                .execute().errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("field", "input.uscc"));
    }
}
