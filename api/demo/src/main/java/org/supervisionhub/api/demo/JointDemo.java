package org.supervisionhub.api.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.inspection.NoticeService;
import org.supervisionhub.api.inspection.NoticeService.NoticeInput;
import org.supervisionhub.api.inspection.RecordService;
import org.supervisionhub.api.inspection.RecordService.FindingInput;
import org.supervisionhub.api.inspection.RecordService.PresentInput;
import org.supervisionhub.api.inspection.RecordService.RecordInput;
import org.supervisionhub.api.inspection.RecordService.SignerRole;
import org.supervisionhub.api.inspection.ResultService;
import org.supervisionhub.api.inspection.ResultService.Proposal;
import org.supervisionhub.api.sampling.AssignmentService;
import org.supervisionhub.api.sampling.DrawService;
import org.supervisionhub.api.sampling.JointTaskService;
import org.supervisionhub.api.sampling.PlanService;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.ParticipationInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.StratumRatioInput;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.JointRepository;
import org.supervisionhub.graph.sampling.PoolRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * A joint task (部门联合抽查, PLAN-15) of Zhuzhou's HR&SS (lead) and market supervision, both at city level, made through the
 * same services the API uses: invitation, confirmation with market supervision's own item, one published vdraw-1 draw,
 * each department's inspectors assigned within its own group, one on-site record of the first joint inspection and each
 * department's result approved and published in its own chain; and the one notice of a visit still to come.
 */
@Component
public class JointDemo {

    static final String LEAD = "HRSS-430200";
    static final String PARTICIPANT = "MS-430200";
    static final String ACTOR = "demo";
    /** About how many enterprises the joint draw selects (quotas round up in each of the four strata). */
    static final int TARGET = 3;

    private static final Logger log = LoggerFactory.getLogger(JointDemo.class);

    private final PlanService plans;
    private final JointTaskService joint;
    private final DrawService draws;
    private final AssignmentService teams;
    private final DrawRepository drawRepository;
    private final PoolRepository pools;
    private final AssignmentRepository assignments;
    private final JointRepository jointRepository;
    private final ChecklistRepository checklists;
    private final RecordService records;
    private final ResultService results;
    private final NoticeService notices;
    private final RosterRepository roster;
    private final DemoTime time;

    public JointDemo(PlanService plans, JointTaskService joint, DrawService draws, AssignmentService teams, DrawRepository drawRepository, PoolRepository pools, AssignmentRepository assignments, JointRepository jointRepository,
                     ChecklistRepository checklists, RecordService records, ResultService results, NoticeService notices, RosterRepository roster,
                     DemoTime time) {
        this.plans = plans;
        this.joint = joint;
        this.draws = draws;
        this.teams = teams;
        this.drawRepository = drawRepository;
        this.pools = pools;
        this.assignments = assignments;
        this.jointRepository = jointRepository;
        this.checklists = checklists;
        this.records = records;
        this.results = results;
        this.notices = notices;
        this.roster = roster;
        this.time = time;
    }

    static Viewer demo(Role role, String department) {
        return new Viewer("demo-" + role.name().toLowerCase() + "@" + department, "demo", Set.of(role), department, null, null, Set::of, Set::of);
    }

    /**
     * The joint task on the demo's calendar ({@link DemoTime}): planned, invited, confirmed and published with the other plans
     * in February; drawn two weeks before its visit day a few weeks back (sized so each inspector's day stays within
     * {@link SamplingDemo#DAILY_VISITS}); both groups assigned for that day; every joint inspection notified three working days
     * ahead, visited and recorded on the day by the union of the teams, and each department's result proposed, approved and
     * published on the days after.
     */
    public void load() {
        LocalDate today = time.today();
        int year = SamplingDemo.planYear(today);
        String contracts = item("CL-HRSS-430000-REGULAR-PROVINCE-2", "HRSS-01");
        String licence = item("CL-MS-430000-REGULAR-PROVINCE-1", "MS-02");
        if (contracts == null || licence == null) {
            log.warn("No checklist items for the demo joint task");
            return;
        }
        LocalDate planned = time.onOrBefore(LocalDate.of(year, 2, 26));
        LocalDate visitOn = time.onOrBefore(max(SamplingDemo.windowStart(year).plusDays(35), SamplingDemo.lastDay(today).minusDays(42)));
        LocalDate drawnOn = time.workingDays(visitOn, -10);
        String ratio = ratio(LEAD);
        Plan plan = time.at(planned, LocalTime.of(14, 0), () -> plans.createPlan(new CreateSamplingPlanInput(LEAD, year,
                "株洲市人力资源和社会保障局" + year + "年度随机抽查工作计划")));
        Task task = time.at(planned, LocalTime.of(14, 10), () -> plans.addTask(plan.id(), new SamplingTaskInput("株洲市用工与证照规范部门联合抽查",
                "REGULAR", List.of(contracts), "ON_SITE", "UNDIRECTED", null, "CREDIT_RISK_CLASS", List.of(new StratumRatioInput("A", ratio),
                new StratumRatioInput("B", ratio), new StratumRatioInput("C", ratio), new StratumRatioInput("D", ratio)), null, null,
                SamplingDemo.windowStart(year), SamplingDemo.windowEnd(year), 1, 2, null, null, "SELF", null, true), null, ACTOR));
        time.at(planned, LocalTime.of(14, 20), () -> joint.invite(task.id(), List.of(PARTICIPANT), null, ACTOR));
        time.at(planned, LocalTime.of(15, 0), () -> joint.confirm(task.id(), PARTICIPANT, new ParticipationInput(List.of(licence), null, 1), null,
                "demo-officer@" + PARTICIPANT));
        time.at(planned, LocalTime.of(15, 30), () -> plans.file(plan.id(), ACTOR));
        time.at(planned, LocalTime.of(15, 40), () -> plans.publish(plan.id()));
        String drawId = time.at(drawnOn, LocalTime.of(9, 0), () -> draws.commit(task.id(), ACTOR)).id();
        LocalDate executedOn = time.workingDays(drawnOn, 1);
        time.at(executedOn, LocalTime.of(10, 0), () -> draws.execute(drawId, "demo-beacon-" + executedOn, ACTOR));
        LocalDate assignedOn = time.workingDays(drawnOn, 2);
        time.at(assignedOn, LocalTime.of(15, 0), () -> teams.assign(drawId, LEAD, visitOn, ACTOR));
        time.at(assignedOn, LocalTime.of(15, 10), () -> teams.assign(drawId, PARTICIPANT, visitOn, ACTOR));

        List<Inspection> selected = drawRepository.inspectionsOfDraw(drawId, InspectionStatus.ACTIVE).stream()
                .filter(i -> !i.part()).sorted(java.util.Comparator.comparing(Inspection::id)).toList();
        Map<String, List<Inspection>> parts = jointRepository.partsOf(selected.stream().map(Inspection::id).toList());
        List<Inspection> joints = selected.stream().filter(i -> !parts.getOrDefault(i.id(), List.of()).isEmpty()).toList();
        if (joints.isEmpty()) {
            log.warn("The demo joint draw {} selected nothing in {}'s jurisdiction", drawId, PARTICIPANT);
            return;
        }
        OffsetDateTime visitAt = time.instant(visitOn, LocalTime.of(9, 0));
        // The one notice of each joint visit lists both departments' items and names no inspector (NOTICE-03).
        time.at(time.workingDays(visitOn, -3), LocalTime.of(10, 0), () -> joints.forEach(i -> notices.issue(new NoticeInput(i.id(), visitAt,
                org.supervisionhub.domain.inspection.NoticeChannel.POST, List.of("劳动合同", "营业执照"), "请法定代表人或负责人在场", "0731-2222 0000"), demo(Role.OFFICER, LEAD))));
        for (int n = 0; n < joints.size(); n++) {
            Inspection visited = joints.get(n);
            Inspection part = parts.get(visited.id()).get(0);
            // One on-site record by the union of the teams, covering both departments' items; then each its own result.
            List<String> team = List.of(first(visited.id()), first(part.id())).stream().filter(java.util.Objects::nonNull).toList();
            Map<String, Inspector> inspectors = roster.inspectors(team);
            if (team.size() < 2 || !team.stream().allMatch(p -> inspectors.get(p) != null && inspectors.get(p).certificateNo() != null)) {
                continue;
            }
            LocalTime at = LocalTime.of(10 + n % 6, 0);
            time.at(visitOn, LocalTime.of(17, 0), () -> records.record(new RecordInput(visited.id(), time.instant(visitOn, at), "ON_SITE",
                    List.of(new FindingInput(visited.itemCodes().get(0), "抽查劳动合同15份，均已书面订立。"),
                            new FindingInput(part.itemCodes().get(0), "营业执照已在经营场所醒目位置悬挂。")),
                    team.stream().map(p -> new PresentInput(p, inspectors.get(p).certificateNo())).toList(), "李经理", SignerRole.PERSON_IN_CHARGE,
                    null, List.of()), demo(Role.OFFICER, LEAD)));
            result(visited.id(), LEAD, n == 0 ? ResultCategory.PROBLEM_FOUND_PENDING_FOLLOW_UP : ResultCategory.NO_PROBLEM_FOUND,
                    n == 0 ? "2名劳动者劳动合同期限约定不明，需进一步核实。" : "未发现问题。", visitOn);
            result(part.id(), PARTICIPANT, n == 0 ? ResultCategory.NO_RELEVANT_BUSINESS_ACTIVITY : ResultCategory.NO_PROBLEM_FOUND,
                    n == 0 ? "未发现开展本次抽查涉及的证照使用以外的经营活动。" : "未发现问题。", visitOn);
        }
        log.info("Demo joint task {} of {} and {}: draw {}, {} joint inspections visited on {}", task.id(), LEAD, PARTICIPANT, drawId,
                joints.size(), visitOn);
    }

    /** Equal ratios that draw about {@link #TARGET} of the lead's enterprises: a joint team's day, not a year's work. */
    private String ratio(String department) {
        int pool = Math.max(1, pools.candidates(pools.regionsGoverned(department),
                org.supervisionhub.domain.sampling.TaskData.Criteria.NONE).size());
        // Market supervision's licence item is a general item capped at 5% (DRAW-07); quotas round up, so a small pool still draws.
        return BigDecimal.valueOf(TARGET).divide(BigDecimal.valueOf(pool), 4, RoundingMode.UP).min(new BigDecimal("0.05")).toPlainString();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** 谁检查、谁负责: the department proposes, its leader approves, it publishes. */
    private void result(String inspectionId, String department, ResultCategory category, String facts, LocalDate visitOn) {
        Result r = time.at(time.workingDays(visitOn, 1), LocalTime.of(10, 0),
                () -> results.propose(new Proposal(inspectionId, category, facts, visitOn, null, null), demo(Role.OFFICER, department)));
        time.at(time.workingDays(visitOn, 2), LocalTime.of(10, 0), () -> results.approve(r.id(), demo(Role.LEADER, department)));
        time.at(time.workingDays(visitOn, 3), LocalTime.of(10, 0), () -> results.publish(r.id(), demo(Role.OFFICER, department)));
    }

    private String first(String inspectionId) {
        return assignments.assignees(List.of(inspectionId)).getOrDefault(inspectionId, List.of()).stream().filter(a -> !a.dropped())
                .map(AssignmentRepository.Assignee::inspectorId).findFirst().orElse(null);
    }

    private String item(String version, String code) {
        var page = checklists.items(List.of(version), 100, null).get(version);
        return page == null ? null : page.items().stream().filter(i -> code.equals(i.code())).map(Item::id).findFirst().orElse(null);
    }
}
