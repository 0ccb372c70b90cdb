package org.supervisionhub.api.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.restriction.TriggerService;
import org.supervisionhub.api.restriction.TriggerService.ListingInput;
import org.supervisionhub.api.restriction.TriggerService.SanctionInput;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.domain.restriction.TriggerType;

/**
 * Demo listings and sanctions in Changsha, one of every trigger type, so a person trying {@code restrictionCheck}
 * meets: a restricted head office and its restricted branch, its legal representative and the other enterprise
 * that person represents (alerts through people), a tax and a court list synced from other systems, major and
 * ordinary penalty decisions, and an enterprise whose listing was removed by credit repair.
 */
@Component
public class RestrictionDemo {

    static final String ACTOR = "demo";
    private static final Logger log = LoggerFactory.getLogger(RestrictionDemo.class);
    /** A Changsha enterprise with a branch. */
    static final String WITH_BRANCH = "MATCH (b:Enterprise)-[r:BRANCH_OF]->(x:Enterprise) WHERE x.regionCode STARTS WITH '4301'"
            + " AND r.validTo IS NULL RETURN x.uscc AS x, b.uscc AS other ORDER BY x.uscc LIMIT 1";
    /** A Changsha enterprise whose legal representative also represents another enterprise. */
    static final String SHARED_REPRESENTATIVE = "MATCH (x:Enterprise)<-[r1:LEGAL_REPRESENTATIVE_OF]-(p:Person)-[r2:LEGAL_REPRESENTATIVE_OF]->(o:Enterprise)"
            + " WHERE x.regionCode STARTS WITH '4301' AND x <> o AND r1.validTo IS NULL AND r2.validTo IS NULL"
            + " AND r1.validFrom <= date('2025-01-01') RETURN x.uscc AS x, o.uscc AS other ORDER BY x.uscc LIMIT 1";
    static final String OTHERS = "MATCH (x:Enterprise) WHERE x.regionCode STARTS WITH '4301' AND NOT x.uscc IN $taken"
            + " AND NOT EXISTS { (x)<-[:BRANCH_OF]-() } RETURN x.uscc AS x, null AS other ORDER BY x.uscc LIMIT $n";

    /** The day the listings' dates below were written for; they move by whole years with the clock. */
    static final LocalDate WRITTEN_FOR = LocalDate.of(2026, 12, 1);

    private final TriggerService service;
    private final Neo4jClient client;
    private final Clock clock;
    /** Years added to every date: as far from today as the dates were from WRITTEN_FOR, so all lie in the past. */
    private long shift;

    public RestrictionDemo(TriggerService service, Neo4jClient client, Clock clock) {
        this.service = service;
        this.client = client;
        this.clock = clock;
    }

    public void load() {
        shift = ChronoUnit.YEARS.between(WRITTEN_FOR, LocalDate.now(clock));
        Map<String, Object> branch = one(WITH_BRANCH, Map.of());
        Map<String, Object> shared = one(SHARED_REPRESENTATIVE, Map.of());
        if (branch == null || shared == null) {
            log.warn("Demo province has no branch or shared legal representative in Changsha; no demo listings");
            return;
        }
        List<String> others = client.query(OTHERS).bindAll(Map.of("taken", List.of(branch.get("x"), shared.get("x")), "n", 5))
                .fetchAs(String.class).mappedBy((t, r) -> r.get("x").asString()).all().stream().toList();
        // Serious violation (FOLLOW-05): the head office is barred from bidding, its branch restricted, its people reached.
        service.recordListing(new ListingInput((String) branch.get("x"), TriggerType.SERIOUS_VIOLATION_LIST, "MS-430100",
                "《市场监督管理严重违法失信名单管理办法》第十条", "拖欠农民工工资，经责令改正逾期未改正", at("2025-09-01"), null,
                SourceSystem.HUB, null), ACTOR);
        // Another serious violation: its legal representative also represents another enterprise, which gets alerts.
        service.recordListing(new ListingInput((String) shared.get("x"), TriggerType.SERIOUS_VIOLATION_LIST, "MS-430100",
                "《市场监督管理严重违法失信名单管理办法》第十条", "提交虚假材料取得登记", at("2025-05-12"), null, SourceSystem.HUB, null), ACTOR);
        // Abnormal operation (FOLLOW-04), a tax list synced from the tax system.
        service.recordListing(new ListingInput(others.get(0), TriggerType.ABNORMAL_OPERATION_LIST, "MS-430100",
                "《企业经营异常名录管理暂行办法》第四条", "未按规定期限公示年度报告", at("2026-07-01"), null, SourceSystem.HUB, null), ACTOR);
        service.recordListing(new ListingInput(others.get(1), TriggerType.MAJOR_TAX_VIOLATION_LIST, "TAX-430100",
                "《重大税收违法失信主体信息公布管理办法》第六条", "虚开增值税专用发票", at("2026-02-15"), at("2029-02-15"),
                SourceSystem.TAX, "TAX-" + year(2026) + "-0042"), ACTOR);
        // The court's list arrives from the credit platform: no hub department issued it.
        service.recordSynced(TriggerType.DISHONEST_JUDGMENT_DEBTOR_LIST, Uscc.of(others.get(2)), "长沙市中级人民法院",
                "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条", "有履行能力而拒不履行生效法律文书确定义务", at("2026-04-20"),
                SourceSystem.CREDIT_PLATFORM, "(" + year(2026) + ")湘01执1234号", "sync");
        service.recordSanction(new SanctionInput(others.get(3), "HRSS-430100", "长人社监罚决字〔" + year(2026) + "〕17号",
                "《劳动保障监察条例》第二十六条", "克扣劳动者工资，责令支付后逾期不支付", List.of("FINE"), "200000", true, at("2026-03-10"), null, null),
                ACTOR);
        Trigger repaired = service.recordListing(new ListingInput(others.get(4), TriggerType.ABNORMAL_OPERATION_LIST, "MS-430100",
                "《企业经营异常名录管理暂行办法》第四条", "通过登记的住所无法联系", at("2024-03-01"), null, SourceSystem.HUB, null), ACTOR);
        service.remove(repaired.id(), "已补报年度报告并更正住所，信用修复", at("2025-06-30"), ACTOR);
        service.recordSanction(new SanctionInput(others.get(4), "HRSS-430100", "长人社监罚决字〔" + year(2025) + "〕88号",
                "《劳动保障监察条例》第三十条", "无理阻挠劳动保障监察", List.of("WARNING"), null, false, at("2025-11-03"), at("2026-11-03"), null),
                ACTOR);
        log.info("Demo listings: serious violation {} (branch {}), {} (shares its legal representative with {}), abnormal {}, tax {},"
                + " court {}, penalties {} and {}, repaired {}", branch.get("x"), branch.get("other"), shared.get("x"), shared.get("other"),
                others.get(0), others.get(1), others.get(2), others.get(3), others.get(4), others.get(4));
    }

    private Map<String, Object> one(String cypher, Map<String, Object> params) {
        return client.query(cypher).bindAll(params).fetch().one().orElse(null);
    }

    private OffsetDateTime at(String day) {
        return OffsetDateTime.parse(day + "T09:00:00+08:00").plusYears(shift);
    }

    private long year(int written) {
        return written + shift;
    }
}
