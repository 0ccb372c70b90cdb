package org.supervisionhub.api.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.inspection.ResultService;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.api.inspection.ResultService.Proposal;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.inspection.Results.ResultCategory;

/**
 * Demo results on inspections of HRSS-430100's executed draws, one of each of the eight categories, at every stage:
 * proposed, approved and due, approved and overdue, published, and an ordered correction whose deadline was amended.
 * Enterprises on a credit list are skipped, so "no problem found" can be published.
 */
@Component
public class ResultDemo {

    private static final Logger log = LoggerFactory.getLogger(ResultDemo.class);
    static final String DEPARTMENT = "HRSS-430100";
    static final String INSPECTIONS = "MATCH (i:Inspection {status: 'ACTIVE', drawnBy: $d}) WHERE coalesce(i.inspectedBy, i.drawnBy) = $d"
            + " AND NOT EXISTS { (i)-[:TARGETS]->(:Enterprise)<-[:CONCERNS]-(:RestrictionTrigger) }"
            + " RETURN i.id AS id ORDER BY i.id LIMIT 8";

    private final ResultService results;
    private final Neo4jClient client;
    private final Clock clock;

    public ResultDemo(ResultService results, Neo4jClient client, Clock clock) {
        this.results = results;
        this.client = client;
        this.clock = clock;
    }

    static Viewer demo(Role role) {
        return new Viewer("demo-" + role.name().toLowerCase() + "@" + DEPARTMENT, "demo", Set.of(role), DEPARTMENT, null, null, Set::of, Set::of);
    }

    public void load() {
        List<String> inspections = List.copyOf(client.query(INSPECTIONS).bindAll(Map.of("d", DEPARTMENT)).fetchAs(String.class)
                .mappedBy((t, r) -> r.get("id").asString()).all());
        ResultCategory[] categories = ResultCategory.values();
        if (inspections.size() < categories.length) {
            log.warn("Only {} inspections of {} for demo results; none recorded", inspections.size(), DEPARTMENT);
            return;
        }
        Viewer officer = demo(Role.OFFICER);
        Viewer leader = demo(Role.LEADER);
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < categories.length; i++) {
            ResultCategory category = categories[i];
            boolean ordered = category == ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED;
            // Two ended long ago (overdue once approved), the rest recently.
            LocalDate ended = today.minusDays(i < 2 ? 75 : 5 + i);
            Result r = results.propose(new Proposal(inspections.get(i), category, facts(category), ended, ordered ? today.plusDays(30) : null, null),
                    officer);
            if (i == 7) {
                continue; // left proposed, awaiting approval
            }
            results.approve(r.id(), leader);
            if (ordered) {
                results.amend(r.id(), AmendableField.RECTIFICATION_DEADLINE, today.plusDays(45).toString(), "企业申请延期整改，经批准延长15日", leader);
            } else if (i != 1) {
                results.publish(r.id(), officer); // i == 1 stays approved and unpublished: overdue
            }
        }
        log.info("Demo results: {} inspections of {} with results in all eight categories (one overdue, one awaiting approval)",
                categories.length, DEPARTMENT);
    }

    static String facts(ResultCategory category) {
        return switch (category) {
            case NO_PROBLEM_FOUND -> "抽查劳动合同20份、工资支付台账3个月，均符合规定。";
            case REQUIRED_INFO_NOT_DISCLOSED -> "未按规定公示2025年度社会保险信息。";
            case DISCLOSED_INFO_FALSIFIED -> "公示的参保人数与社保登记人数不符，差额37人。";
            case UNREACHABLE_AT_REGISTERED_ADDRESS -> "两次实地核查，登记住所无人办公，电话无法接通。";
            case PROBLEM_FOUND_RECTIFICATION_ORDERED -> "5名劳动者未签订书面劳动合同，已下达责令改正通知书。";
            case SERIOUS_NON_COOPERATION -> "拒绝提供工资支付记录，阻挠检查人员进入现场。";
            case NO_RELEVANT_BUSINESS_ACTIVITY -> "企业已停业，未发现本次抽查涉及的用工活动。";
            case PROBLEM_FOUND_PENDING_FOLLOW_UP -> "疑似存在克扣工资情形，需进一步调查。";
        };
    }
}
