package org.supervisionhub.api.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.sampling.DrawService;
import org.supervisionhub.api.sampling.PlanService;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.DirectedCriteriaInput;
import org.supervisionhub.api.sampling.SamplingInputs.RosterScopeInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.StratumRatioInput;
import org.supervisionhub.api.sampling.SamplingInputs.TriggerInput;
import org.supervisionhub.api.sampling.SamplingInputs.TriggerScopeInput;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.InspectionStatus;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * A year of plans for the demo province, made through the same services the API uses: the province's
 * unified draw dispatched to the counties, Changsha's own draw of an overlapping item (DRAW-13), with a
 * replacement and assigned inspectors, a committed draw awaiting execution, and Xiangtan's triggered
 * sampling (TRIG-*); and market supervision's unified draw, whose inspections meet HR&SS's in joint visits. Each draw is a real vdraw-1 draw with its own secret.
 */
@Component
public class SamplingDemo {

    static final String ACTOR = "demo";
    static final String PROVINCE = "HRSS-430000";
    static final String CHANGSHA = "HRSS-430100";
    static final String XIANGTAN = "HRSS-430300";
    static final String MARKET = "MS-430000";

    private static final Logger log = LoggerFactory.getLogger(SamplingDemo.class);

    private final PlanService plans;
    private final DrawService draws;
    private final ChecklistRepository checklists;
    private final DrawRepository drawRepository;
    private final Clock clock;

    public SamplingDemo(PlanService plans, DrawService draws, ChecklistRepository checklists, DrawRepository drawRepository, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.draws = draws;
        this.checklists = checklists;
        this.drawRepository = drawRepository;
    }

    /**
     * The demo's plan year, from the hub's clock: this year once its task windows (from 1 March) have run two months,
     * else last year. So today is inside or after every window, and the results, records and triggers dated in a
     * window are in the past: from May the current year, from January to April the year before (its windows over).
     */
    public static int planYear(LocalDate today) {
        return today.minusMonths(4).getYear();
    }

    /** The regular tasks' window in the plan year (the triggered task's opens on 1 April). */
    public static LocalDate windowStart(int year) {
        return LocalDate.of(year, 3, 1);
    }

    public static LocalDate windowEnd(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /** The demo's last day of work: today, or the end of the plan year's windows if they are over. */
    static LocalDate lastDay(LocalDate today) {
        LocalDate end = windowEnd(planYear(today));
        return today.isAfter(end) ? end : today;
    }

    /**
     * The day the demo's inspectors are assigned for: a week ahead, inside the windows, so notices announce it and joint
     * visits meet on it (results are recorded before it); past only once the windows are over.
     */
    static LocalDate plannedOn(LocalDate today) {
        LocalDate planned = today.plusDays(7);
        LocalDate end = windowEnd(planYear(today));
        LocalDate start = windowStart(planYear(today));
        return planned.isAfter(end) ? end : planned.isBefore(start) ? start : planned;
    }

    public void load() {
        LocalDate today = LocalDate.now(clock);
        int year = planYear(today);
        List<Item> provincial = items("CL-HRSS-430000-REGULAR-PROVINCE-2");
        List<Item> city = items("CL-HRSS-430100-REGULAR-CITY-1");
        List<Item> triggered = items("CL-HRSS-430300-TRIGGERED-CITY-1");
        List<String> keyItems = provincial.stream().filter(i -> "KEY".equals(i.itemClass())).limit(2).map(Item::id).toList();

        // The province draws for the whole province and dispatches to the counties (DRAW-14).
        Plan province = plans.createPlan(new CreateSamplingPlanInput(PROVINCE, year, "湖南省人力资源和社会保障厅" + year + "年度随机抽查工作计划"));
        Task unified = plans.addTask(province.id(), task(year, "全省劳动用工统一抽查", "REGULAR", keyItems, "UNDIRECTED", null,
                strata("0.03", "0.05", "0.08", "0.12"), "SUPERIOR_UNIFIED", "COUNTY", 2, false), null, ACTOR);
        plans.publish(province.id());
        Draw unifiedDraw = draws.execute(draws.commit(unified.id(), ACTOR).id(), "demo-beacon-" + year + "-03-01", ACTOR);

        // Market supervision runs its own unified draw of the same year: where it and HR&SS picked one enterprise, the
        // provincial platform merges their inspections into one joint visit (GEN-15).
        List<String> licence = items("CL-MS-430000-REGULAR-PROVINCE-1").stream().filter(i -> "MS-02".equals(i.code())).map(Item::id).toList();
        if (!licence.isEmpty()) {
            Plan market = plans.createPlan(new CreateSamplingPlanInput(MARKET, year, "湖南省市场监督管理局" + year + "年度随机抽查工作计划"));
            Task licences = plans.addTask(market.id(), task(year, "全省营业执照规范使用统一抽查", "REGULAR", licence, "UNDIRECTED", null,
                    strata("0.05", "0.05", "0.05", "0.05"), "SUPERIOR_UNIFIED", "COUNTY", 2, false), null, ACTOR);
            plans.publish(market.id());
            draws.execute(draws.commit(licences.id(), ACTOR).id(), "demo-beacon-" + year + "-03-02", ACTOR);
        }

        // Changsha files its plan with the province, publishes it, and draws the same key item itself: where both
        // levels picked an enterprise, the city inspects it (DRAW-13).
        Plan changsha = plans.createPlan(new CreateSamplingPlanInput(CHANGSHA, year, "长沙市人力资源和社会保障局" + year + "年度随机抽查工作计划"));
        Task own = plans.addTask(changsha.id(), task(year, "长沙市工资支付专项抽查", "REGULAR", List.of(keyItems.get(0)), "UNDIRECTED", null,
                strata("0.2", "0.3", "0.4", "0.5"), "SELF", null, 2, true), null, ACTOR);
        plans.file(changsha.id(), ACTOR);
        plans.publish(changsha.id());
        Draw ownDraw = draws.execute(draws.commit(own.id(), ACTOR).id(), "", ACTOR);
        List<Inspection> selected = drawRepository.inspectionsOfDraw(ownDraw.id(), InspectionStatus.ACTIVE);
        if (!selected.isEmpty()) {
            draws.replace(ownDraw.id(), selected.get(0).uscc(), "核查发现该企业登记住所已迁出本市，非本局管辖（随机增补）", ACTOR);
        }
        // Inspectors are assigned for a day a week ahead (plannedOn): ResultDemo's records and results come before it.
        LocalDate plannedOn = plannedOn(today);
        draws.assign(ownDraw.id(), CHANGSHA, plannedOn, ACTOR);
        // A county matches inspectors to the targets the province dispatched to it (ASSIGN-14).
        drawRepository.inspectionsOfDraw(unifiedDraw.id(), InspectionStatus.ACTIVE).stream().map(Inspection::inspectedBy)
                .filter(d -> d != null && d.startsWith("HRSS-4301")).findFirst()
                .ifPresent(county -> draws.assign(unifiedDraw.id(), county, plannedOn, ACTOR));

        // Added during the year, so recorded as an adjustment (PLAN-09); its draw is committed but not yet executed:
        // only its commitment is public.
        List<String> ledger = city.stream().filter(i -> "HRSS-C01".equals(i.code())).map(Item::id).toList();
        Task pending = plans.addTask(changsha.id(), task(year, "长沙市工资支付台账定向抽查（中型企业）", "REGULAR", ledger, "DIRECTED",
                new DirectedCriteriaInput(null, List.of("MEDIUM"), null, null), strata("0.01", "0.01", "0.02", "0.02"),
                "SELF", null, 2, false), "增加工资支付台账定向抽查", ACTOR);
        draws.commit(pending.id(), ACTOR);

        // Xiangtan's triggered sampling: complaints and a risk warning become triggers; the task draws from them (TRIG-01).
        Plan xiangtan = plans.createPlan(new CreateSamplingPlanInput(XIANGTAN, year, "湘潭市人力资源和社会保障局" + year + "年度触发式抽查计划"));
        List<String> targets = drawRepository.candidates(drawRepository.regionsGoverned(XIANGTAN),
                org.supervisionhub.graph.sampling.Sampling.Criteria.NONE).stream().limit(12).map(DrawRepository.PoolRow::uscc).toList();
        for (int i = 0; i < targets.size(); i++) {
            plans.recordTrigger(new TriggerInput(i % 3 == 0 ? "RISK_PREVENTION" : "COMPLAINT_REPORT", targets.get(i), XIANGTAN,
                    LocalDate.of(year, 4, 1 + i), i % 3 == 0 ? "欠薪风险预警：社保缴费人数连续三月下降" : "劳动者投诉拖欠工资", null));
        }
        if (!triggered.isEmpty() && !targets.isEmpty()) {
            Task trig = plans.addTask(xiangtan.id(), new SamplingTaskInput("湘潭市触发式欠薪抽查", "TRIGGERED",
                    List.of(triggered.get(0).id()), triggered.get(0).methods().get(0), "DIRECTED", null, "NONE",
                    List.of(new StratumRatioInput("ALL", "0.5")), null,
                    new TriggerScopeInput(List.of("COMPLAINT_REPORT", "RISK_PREVENTION"), LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30)),
                    LocalDate.of(year, 4, 1), LocalDate.of(year, 12, 31), 1, 2, null, null, "SELF", null, true), null, ACTOR);
            plans.file(xiangtan.id(), ACTOR);
            plans.publish(xiangtan.id());
            draws.execute(draws.commit(trig.id(), ACTOR).id(), "", ACTOR);
        }
        log.info("Demo plans and draws loaded: see /public/draws");
    }

    private List<Item> items(String versionId) {
        var page = checklists.items(List.of(versionId), 100, null).get(versionId);
        return page == null ? List.of() : page.items();
    }

    private static List<StratumRatioInput> strata(String a, String b, String c, String d) {
        return List.of(new StratumRatioInput("A", a), new StratumRatioInput("B", b), new StratumRatioInput("C", c),
                new StratumRatioInput("D", d));
    }

    private static SamplingTaskInput task(int year, String title, String kind, List<String> items, String mode, DirectedCriteriaInput criteria,
                                          List<StratumRatioInput> strata, String origin, String dispatchLevel,
                                          int inspectors, boolean neighbours) {
        return new SamplingTaskInput(title, kind, items, "ON_SITE", mode, criteria, "CREDIT_RISK_CLASS", strata, null, null,
                windowStart(year), windowEnd(year), 1, inspectors, null,
                new RosterScopeInput(null, neighbours), origin, dispatchLevel, true);
    }
}
