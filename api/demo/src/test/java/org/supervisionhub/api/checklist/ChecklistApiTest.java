package org.supervisionhub.api.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.graph.checklist.Checklist.ItemData;
import org.supervisionhub.graph.checklist.ChecklistRepository;

class ChecklistApiTest extends HubIntegrationTest {

    static final String VERSION_FIELDS = "id edition status supersedes { id } itemCount items { edges { node { code ratioCap itemClass legalBasis } } }";
    static final String CREATE = "mutation($in: CreateChecklistVersionInput!) { createChecklistVersion(input: $in) { " + VERSION_FIELDS + " } }";

    @Autowired
    ChecklistRepository repository;

    static Map<String, Object> item(String code, String itemClass, String ratioCap) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("code", code, "title", "用人单位遵守工资支付规定情况",
                "legalBasis", "《劳动保障监察条例》第十一条", "content", "检查工资支付台账", "targetKind", "MARKET_SUBJECT",
                "itemClass", itemClass, "methods", List.of("ON_SITE", "WRITTEN")));
        if (ratioCap != null) {
            m.put("ratioCap", ratioCap);
        }
        return m;
    }

    String createDraft(String department, List<Map<String, Object>> items) {
        return graphQl(officer(department)).document(CREATE).variable("in", Map.of("departmentId", department, "title", "随机抽查事项清单",
                "scope", "COUNTY", "kind", "REGULAR", "items", items)).execute()
                .path("createChecklistVersion.id").entity(String.class).get();
    }

    int versionsOf(String department) {
        return graphQl(officer(department)).document("query($d: ID) { checklistVersions(departmentId: $d, first: 200) { edges { cursor } } }")
                .variable("d", department).execute().path("checklistVersions.edges").entityList(Object.class).get().size();
    }

    @Test
    void generalItemsNeedARatioCapAndKeyItemsMustNotHaveOne_DRAW07() {
        int before = versionsOf("HRSS-430103");
        graphQl(officer("HRSS-430103")).document(CREATE).variable("in", Map.of("departmentId", "HRSS-430103", "title", "清单", "scope", "COUNTY",
                        "kind", "REGULAR", "items", List.of(item("G1", "GENERAL", null), item("K1", "KEY", "0.5"),
                                item("G2", "GENERAL", "1.5"), Map.of("code", "X", "title", "无依据事项", "legalBasis", "", "content", "内容",
                                        "targetKind", "MARKET_SUBJECT", "itemClass", "KEY", "methods", List.of("ON_SITE")))))
                .execute().errors().satisfy(errors -> assertThat(errors)
                        .extracting(e -> e.getExtensions().get("field") + "|" + e.getExtensions().get("rule"))
                        .containsExactlyInAnyOrder("input.items[0].ratioCap|DRAW-07", "input.items[1].ratioCap|DRAW-07",
                                "input.items[2].ratioCap|DRAW-07", "input.items[3].legalBasis|CHK-07"));
        assertThat(versionsOf("HRSS-430103")).isEqualTo(before);
    }

    @Test
    void aPublishedVersionCannotChangeAndAChangeIsANewEditionThatSupersedesIt_CHK06() {
        String id = createDraft("HRSS-430104", List.of(item("WAGE", "GENERAL", "0.050"), item("CHILD", "KEY", null)));
        graphQl(leader("HRSS-430104")).document("mutation($id: ID!) { publishChecklistVersion(id: $id) { status publishedAt } }").variable("id", id).execute()
                .path("publishChecklistVersion.status").entity(String.class).isEqualTo("PUBLISHED");

        graphQl(officer("HRSS-430104")).document("mutation($in: UpdateChecklistDraftInput!) { updateChecklistDraft(input: $in) { id } }")
                .variable("in", Map.of("id", id, "items", List.of(item("OTHER", "KEY", null)))).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "IMMUTABLE").containsEntry("rule", "CHK-06").containsEntry("field", "input.id"));
        graphQl(leader("HRSS-430104")).document("mutation($id: ID!) { publishChecklistVersion(id: $id) { id } }").variable("id", id).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "IMMUTABLE"));

        graphQl(officer("HRSS-430104")).document("query($id: ID!) { checklistVersion(id: $id) { " + VERSION_FIELDS + " } }").variable("id", id).execute()
                .path("checklistVersion.items.edges[*].node.code").entityList(String.class).containsExactly("WAGE", "CHILD")
                .path("checklistVersion.items.edges[0].node.ratioCap").entity(String.class).isEqualTo("0.05");

        Map<String, Object> next = graphQl(officer("HRSS-430104")).document("mutation($id: ID!) { deriveChecklistVersion(fromId: $id, title: \"第二版\") { " + VERSION_FIELDS + " } }")
                .variable("id", id).execute().path("deriveChecklistVersion").entity(Map.class).get();
        assertThat(next.get("status")).isEqualTo("DRAFT");
        assertThat(next.get("itemCount")).isEqualTo(2);
        assertThat(((Map<?, ?>) next.get("supersedes")).get("id")).isEqualTo(id);
        int edition = graphQl(officer("HRSS-430104")).document("query($id: ID!) { checklistVersion(id: $id) { edition } }").variable("id", id).execute()
                .path("checklistVersion.edition").entity(Integer.class).get();
        assertThat(next.get("edition")).isEqualTo(edition + 1);

        graphQl(officer("HRSS-430104")).document("mutation($in: UpdateChecklistDraftInput!) { updateChecklistDraft(input: $in) { itemCount } }")
                .variable("in", Map.of("id", next.get("id"), "items", List.of(item("WAGE", "GENERAL", "0.1"), item("CHILD", "KEY", null),
                        item("HOURS", "GENERAL", "0.02")))).execute()
                .path("updateChecklistDraft.itemCount").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void theRepositoryGuardRefusesToTouchAPublishedVersionEvenWithoutTheServiceCheck() {
        String id = createDraft("HRSS-430121", List.of(item("WAGE", "GENERAL", "0.05")));
        graphQl(leader("HRSS-430121")).document("mutation($id: ID!) { publishChecklistVersion(id: $id) { status } }").variable("id", id).execute()
                .path("publishChecklistVersion.status").entity(String.class).isEqualTo("PUBLISHED");
        boolean changed = written(() -> repository.replaceDraft(id, "改", List.of(new ItemData("NEW", "t", "b", "c", null, "MARKET_SUBJECT", "KEY",
                null, List.of("ON_SITE"), null))));
        assertThat(changed).isFalse();
        assertThat(repository.itemCounts(List.of(id))).containsEntry(id, 1);
        assertThat(written(() -> repository.publish(id, clock.now()))).isFalse();
    }

    @Test
    void itemsArePagedByPosition() {
        String id = createDraft("HRSS-430102", List.of(item("A", "KEY", null), item("B", "KEY", null), item("C", "KEY", null)));
        String q = "query($id: ID!, $a: String) { checklistVersion(id: $id) { items(first: 2, after: $a) { edges { node { code } } pageInfo { hasNextPage endCursor } } } }";
        String cursor = graphQl(officer("HRSS-430102")).document(q).variable("id", id).variable("a", null).execute()
                .path("checklistVersion.items.edges[*].node.code").entityList(String.class).containsExactly("A", "B")
                .path("checklistVersion.items.pageInfo.endCursor").entity(String.class).get();
        graphQl(officer("HRSS-430102")).document(q).variable("id", id).variable("a", cursor).execute()
                .path("checklistVersion.items.edges[*].node.code").entityList(String.class).containsExactly("C")
                .path("checklistVersion.items.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }
}
