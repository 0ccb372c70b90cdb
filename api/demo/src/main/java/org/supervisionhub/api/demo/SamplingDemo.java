package org.supervisionhub.api.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.sampling.AssignmentService;
import org.supervisionhub.api.sampling.DrawService;
import org.supervisionhub.api.sampling.PlanService;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.DirectedCriteriaInput;
import org.supervisionhub.api.sampling.SamplingInputs.RosterScopeInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.StratumRatioInput;
import org.supervisionhub.api.sampling.SamplingInputs.TriggerInput;
import org.supervisionhub.api.sampling.SamplingInputs.TriggerScopeInput;
import org.supervisionhub.api.sampling.Vdraw1;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.domain.sampling.TaskData;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.PoolRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * A year of plans for the demo province, made through the same services the API uses, each step on its date (DemoTime):
 * the province's unified draw dispatched to the counties, Changsha's own draw of an overlapping item in two batches
 * (DRAW-13), with a replacement and assigned inspectors, a committed draw awaiting execution, and Xiangtan's triggered
 * sampling (TRIG-*); and market supervision's unified draw, whose inspections meet HR&SS's in joint visits. Each draw is
 * a real vdraw-1 draw with its own secret.
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
    private final AssignmentService teams;
    private final ChecklistRepository checklists;
    private final DrawRepository drawRepository;
    private final PoolRepository pools;
    private final AssignmentRepository assignments;
    private final DemoTime time;

    public SamplingDemo(PlanService plans, DrawService draws, AssignmentService teams, ChecklistRepository checklists, DrawRepository drawRepository, PoolRepository pools, AssignmentRepository assignments, DemoTime time) {
        this.time = time;
        this.plans = plans;
        this.draws = draws;
        this.teams = teams;
        this.checklists = checklists;
        this.drawRepository = drawRepository;
        this.pools = pools;
        this.assignments = assignments;
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
     * What ResultDemo carries on: Changsha's first batch, visited on {@code visitedOn} (in the past), and its second, drawn
     * today for a visit still to come (null once the windows leave no working week ahead).
     */
    public record Year(String visitedDraw, LocalDate visitedOn, String upcomingDraw) {
    }

    /** The most inspections one inspector is assigned for one day in the demo (DemoRealismTest): a pair visits a few enterprises a day. */
    public static final int DAILY_VISITS = 3;
    /** How many inspections a batch of Changsha's own task aims at: the eight result categories, a replacement, some to spare. */
    static final int BATCH_TARGET = 14;

    /**
     * The plan year replayed in order on working days: plans published in late February; the unified draws committed in
     * March and executed the next day; Changsha's first batch committed two weeks before its visit day, a few weeks back,
     * its inspectors assigned and its targets notified before that day; Xiangtan's triggers recorded in April, its draw
     * after them; and today Changsha's second batch, committed and executed now for a visit a week or more ahead, and an
     * adjustment's draw committed. Each department's visits of a day stay within {@link #DAILY_VISITS} per inspector.
     */
    public Year load() {
        LocalDate today = time.today();
        int year = planYear(today);
        List<Item> provincial = items("CL-HRSS-430000-REGULAR-PROVINCE-2");
        List<Item> city = items("CL-HRSS-430100-REGULAR-CITY-1");
        List<Item> triggered = items("CL-HRSS-430300-TRIGGERED-CITY-1");
        List<String> keyItems = provincial.stream().filter(i -> "KEY".equals(i.itemClass())).limit(2).map(Item::id).toList();
        List<String> licence = items("CL-MS-430000-REGULAR-PROVINCE-1").stream().filter(i -> "MS-02".equals(i.code())).map(Item::id).toList();

        LocalDate published = time.onOrBefore(LocalDate.of(year, 2, 26));
        LocalDate unifiedOn = time.onOrAfter(windowStart(year).plusDays(1));
        // Changsha's first visit day: a few weeks back (so its results have been approved and published since, one long
        // enough ago to be overdue), inside the windows, four weeks into them at the earliest.
        LocalDate lastDay = lastDay(today);
        LocalDate visitedOn = time.onOrBefore(max(windowStart(year).plusDays(28), lastDay.minusDays(56)));
        LocalDate upcomingOn = time.onOrAfter(today.plusDays(7));
        boolean upcoming = !upcomingOn.isAfter(windowEnd(year));

        // Plans published before the windows open; Changsha and Xiangtan file theirs with the province first.
        Plan province = time.at(published, LocalTime.of(9, 0), () -> plans.createPlan(new CreateSamplingPlanInput(PROVINCE, year,
                "湖南省人力资源和社会保障厅" + year + "年度随机抽查工作计划")));
        // Key items are not capped (general ones are, e.g. 5% for market supervision's licence item): about a fifth of the
        // province, visited over the year by the counties it is dispatched to, and enough to meet market supervision's
        // inspections in joint visits in any demo size.
        Task unified = time.at(published, LocalTime.of(9, 10), () -> plans.addTask(province.id(), task(year, "全省劳动用工统一抽查", "REGULAR",
                keyItems, "UNDIRECTED", null, strata("0.15", "0.2", "0.25", "0.35"), "SUPERIOR_UNIFIED", "COUNTY", 1, 2, false), null, ACTOR));
        time.at(published, LocalTime.of(9, 20), () -> plans.publish(province.id()));
        Task licences = null;
        if (!licence.isEmpty()) {
            Plan market = time.at(published, LocalTime.of(9, 30), () -> plans.createPlan(new CreateSamplingPlanInput(MARKET, year,
                    "湖南省市场监督管理局" + year + "年度随机抽查工作计划")));
            licences = time.at(published, LocalTime.of(9, 40), () -> plans.addTask(market.id(), task(year, "全省营业执照规范使用统一抽查", "REGULAR",
                    licence, "UNDIRECTED", null, strata("0.05", "0.05", "0.05", "0.05"), "SUPERIOR_UNIFIED", "COUNTY", 1, 2, false), null, ACTOR));
            time.at(published, LocalTime.of(9, 50), () -> plans.publish(market.id()));
        }
        // Changsha draws the same key item itself, in two batches sized for its inspectors: where both levels picked an
        // enterprise, the city inspects it (DRAW-13).
        Plan changsha = time.at(published, LocalTime.of(10, 0), () -> plans.createPlan(new CreateSamplingPlanInput(CHANGSHA, year,
                "长沙市人力资源和社会保障局" + year + "年度随机抽查工作计划")));
        String own = time.at(published, LocalTime.of(10, 10), () -> plans.addTask(changsha.id(), task(year, "长沙市工资支付专项抽查", "REGULAR",
                List.of(keyItems.get(0)), "UNDIRECTED", null, batchStrata(CHANGSHA, visitedOn), "SELF", null, 2, 2, true), null, ACTOR)).id();
        time.at(published, LocalTime.of(10, 20), () -> plans.file(changsha.id(), ACTOR));
        time.at(published, LocalTime.of(10, 30), () -> plans.publish(changsha.id()));
        Plan xiangtan = time.at(published, LocalTime.of(11, 0), () -> plans.createPlan(new CreateSamplingPlanInput(XIANGTAN, year,
                "湘潭市人力资源和社会保障局" + year + "年度触发式抽查计划")));
        Task trig = triggered.isEmpty() ? null : time.at(published, LocalTime.of(11, 10), () -> plans.addTask(xiangtan.id(),
                new SamplingTaskInput("湘潭市触发式欠薪抽查", "TRIGGERED", List.of(triggered.get(0).id()), triggered.get(0).methods().get(0), "DIRECTED",
                        null, "NONE", List.of(new StratumRatioInput("ALL", "0.5")), null,
                        new TriggerScopeInput(List.of("COMPLAINT_REPORT", "RISK_PREVENTION"), LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30)),
                        LocalDate.of(year, 4, 1), LocalDate.of(year, 12, 31), 1, 2, null, null, "SELF", null, true), null, ACTOR));
        time.at(published, LocalTime.of(11, 20), () -> plans.file(xiangtan.id(), ACTOR));
        time.at(published, LocalTime.of(11, 30), () -> plans.publish(xiangtan.id()));

        // The unified draws: committed, then executed the next working day with that day's public beacon as entropy.
        LocalDate unifiedRun = time.workingDays(unifiedOn, 1);
        String unifiedDraw = time.at(unifiedOn, LocalTime.of(9, 0), () -> draws.commit(unified.id(), ACTOR)).id();
        time.at(unifiedRun, LocalTime.of(10, 0), () -> draws.execute(unifiedDraw, "demo-beacon-" + unifiedRun, ACTOR));
        if (licences != null) {
            // Where market supervision and HR&SS picked one enterprise, the provincial platform merges their inspections
            // into one joint visit (GEN-15).
            String licenceTask = licences.id();
            String marketDraw = time.at(unifiedOn, LocalTime.of(9, 30), () -> draws.commit(licenceTask, ACTOR)).id();
            time.at(unifiedRun, LocalTime.of(10, 30), () -> draws.execute(marketDraw, "demo-beacon-" + unifiedRun, ACTOR));
        }

        // Changsha's first batch: committed and executed two weeks before the visit day; an erroneous target replaced
        // (DRAW-02); inspectors assigned for the day (ASSIGN-01); ResultDemo notifies, visits and records.
        String visitedDraw = batch(own, time.workingDays(visitedOn, -10), visitedOn, true);

        // Xiangtan's triggered sampling: complaints and a risk warning become triggers in April; the task draws from them (TRIG-01).
        List<String> targets = pools.candidates(pools.regionsGoverned(XIANGTAN),
                org.supervisionhub.domain.sampling.TaskData.Criteria.NONE).stream().limit(12).map(PoolRepository.PoolRow::uscc).toList();
        for (int i = 0; i < targets.size(); i++) {
            int n = i;
            LocalDate occurred = LocalDate.of(year, 4, 1 + i);
            time.at(time.onOrAfter(occurred), LocalTime.of(16, 0), () -> plans.recordTrigger(new TriggerInput(n % 3 == 0 ? "RISK_PREVENTION"
                    : "COMPLAINT_REPORT", targets.get(n), XIANGTAN, occurred, n % 3 == 0 ? "欠薪风险预警：社保缴费人数连续三月下降" : "劳动者投诉拖欠工资", null)));
        }
        if (trig != null && !targets.isEmpty()) {
            LocalDate trigOn = time.onOrAfter(LocalDate.of(year, 4, 20));
            String trigDraw = time.at(trigOn, LocalTime.of(9, 0), () -> draws.commit(trig.id(), ACTOR)).id();
            time.at(time.workingDays(trigOn, 1), LocalTime.of(10, 0), () -> draws.execute(trigDraw, "", ACTOR));
        }

        String upcomingDraw = null;
        if (upcoming) {
            // Today: Changsha's second batch for a visit a working week or more ahead, and a county matching inspectors to
            // targets the province dispatched to it (ASSIGN-14) for the day after.
            upcomingDraw = batch(own, null, upcomingOn, false);
            LocalDate countyOn = time.workingDays(upcomingOn, 1);
            if (!countyOn.isAfter(windowEnd(year))) {
                assignCounty(unifiedDraw, unified.data(), countyOn);
            }
        }
        // Added during the year, so recorded as an adjustment (PLAN-09); its draw is committed today but not yet executed:
        // only its commitment is public.
        List<String> ledger = city.stream().filter(i -> "HRSS-C01".equals(i.code())).map(Item::id).toList();
        Task pending = plans.addTask(changsha.id(), task(year, "长沙市工资支付台账定向抽查（中型企业）", "REGULAR", ledger, "DIRECTED",
                new DirectedCriteriaInput(null, List.of("MEDIUM"), null, null), strata("0.01", "0.01", "0.02", "0.02"),
                "SELF", null, 1, 2, false), "增加工资支付台账定向抽查", ACTOR);
        draws.commit(pending.id(), ACTOR);
        log.info("Demo plans and draws loaded: see /public/draws");
        return new Year(visitedDraw, visitedOn, upcomingDraw);
    }

    /**
     * One batch of Changsha's own task: committed on {@code drawnOn} (now when null), executed the next working day (at once
     * when drawn now), and its inspectors assigned for {@code visitOn}.
     */
    private String batch(String taskId, LocalDate drawnOn, LocalDate visitOn, boolean replace) {
        String drawId;
        if (drawnOn == null) {
            drawId = draws.commit(taskId, ACTOR).id();
            draws.execute(drawId, "", ACTOR);
        } else {
            drawId = time.at(drawnOn, LocalTime.of(9, 0), () -> draws.commit(taskId, ACTOR)).id();
            time.at(time.workingDays(drawnOn, 1), LocalTime.of(10, 0), () -> draws.execute(drawId, "", ACTOR));
        }
        LocalDate assignOn = drawnOn == null ? null : time.workingDays(drawnOn, 2);
        Runnable assign = () -> {
            List<Inspection> selected = drawRepository.inspectionsOfDraw(drawId, InspectionStatus.ACTIVE);
            if (replace && !selected.isEmpty()) {
                draws.replace(drawId, selected.get(0).uscc(), "核查发现该企业登记住所已迁出本市，非本局管辖（随机增补）", ACTOR);
            }
            AssignmentService.AssignmentRun run = teams.assign(drawId, CHANGSHA, visitOn, ACTOR);
            log.info("Demo: {} inspections of {} for {} eligible inspectors on {} (at most {} each)", run.inspections(), drawId,
                    run.eligible(), visitOn, run.workloadCap());
        };
        if (assignOn == null) {
            assign.run();
        } else {
            time.at(assignOn, LocalTime.of(15, 0), assign);
        }
        return drawId;
    }

    /** ASSIGN-14: the first Changsha county whose dispatched targets its inspectors can visit in one day within {@link #DAILY_VISITS}. */
    private void assignCounty(String drawId, TaskData task, LocalDate on) {
        Map<String, Long> pending = drawRepository.inspectionsOfDraw(drawId, InspectionStatus.ACTIVE).stream()
                .map(Inspection::inspectedBy).filter(d -> d != null && d.startsWith("HRSS-4301") && !d.equals(CHANGSHA))
                .collect(Collectors.groupingBy(d -> d, java.util.TreeMap::new, Collectors.counting()));
        pending.entrySet().stream().filter(e -> Vdraw1.workloadCap(task.inspectorsPerInspection(), e.getValue().intValue(),
                        assignments.eligible(List.of(e.getKey()), List.of(), task.expertise(), on).size()) <= DAILY_VISITS)
                .findFirst().ifPresent(e -> {
                    AssignmentService.AssignmentRun run = teams.assign(drawId, e.getKey(), on, ACTOR);
                    log.info("Demo: {} inspections of {} dispatched to {} for {} eligible inspectors on {} (at most {} each)", run.inspections(),
                            drawId, e.getKey(), run.eligible(), on, run.workloadCap());
                });
    }

    /**
     * Equal ratios in each credit class, sized so one batch draws about {@link #BATCH_TARGET} of Changsha's enterprises and
     * its inspectors (two per visit) stay within {@link #DAILY_VISITS} a day: {@code ceil(2N/E) + 1 <= DAILY_VISITS}.
     */
    private List<StratumRatioInput> batchStrata(String department, LocalDate on) {
        int pool = Math.max(1, pools.candidates(pools.regionsGoverned(department),
                org.supervisionhub.domain.sampling.TaskData.Criteria.NONE).size());
        int eligible = assignments.eligible(List.of(department), List.of(), List.of(), on).size();
        // Quotas round up in each of the four strata: aim four below what the day can take.
        int target = Math.max(1, Math.min(BATCH_TARGET, eligible * (DAILY_VISITS - 1) / 2) - 4);
        String ratio = BigDecimal.valueOf(target).divide(BigDecimal.valueOf(pool), 4, RoundingMode.UP).min(BigDecimal.ONE).toPlainString();
        return strata(ratio, ratio, ratio, ratio);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
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
                                          int batches, int inspectors, boolean neighbours) {
        return new SamplingTaskInput(title, kind, items, "ON_SITE", mode, criteria, "CREDIT_RISK_CLASS", strata, null, null,
                windowStart(year), windowEnd(year), batches, inspectors, null,
                new RosterScopeInput(null, neighbours), origin, dispatchLevel, true);
    }
}
