package org.supervisionhub.api.demo;

import java.time.Clock;
import java.time.LocalDate;
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
import org.supervisionhub.api.sampling.DrawService;
import org.supervisionhub.api.sampling.JointTaskService;
import org.supervisionhub.api.sampling.PlanService;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.ParticipationInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.StratumRatioInput;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.inspection.Results.ResultCategory;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.JointRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.InspectionStatus;
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

    private static final Logger log = LoggerFactory.getLogger(JointDemo.class);

    private final PlanService plans;
    private final JointTaskService joint;
    private final DrawService draws;
    private final DrawRepository drawRepository;
    private final JointRepository jointRepository;
    private final ChecklistRepository checklists;
    private final RecordService records;
    private final ResultService results;
    private final NoticeService notices;
    private final RosterRepository roster;
    private final Clock clock;

    public JointDemo(PlanService plans, JointTaskService joint, DrawService draws, DrawRepository drawRepository, JointRepository jointRepository,
                     ChecklistRepository checklists, RecordService records, ResultService results, NoticeService notices, RosterRepository roster,
                     Clock clock) {
        this.plans = plans;
        this.joint = joint;
        this.draws = draws;
        this.drawRepository = drawRepository;
        this.jointRepository = jointRepository;
        this.checklists = checklists;
        this.records = records;
        this.results = results;
        this.notices = notices;
        this.roster = roster;
        this.clock = clock;
    }

    static Viewer demo(Role role, String department) {
        return new Viewer("demo-" + role.name().toLowerCase() + "@" + department, "demo", Set.of(role), department, null, null, Set::of, Set::of);
    }

    public void load() {
        LocalDate today = LocalDate.now(clock);
        int year = SamplingDemo.planYear(today);
        String contracts = item("CL-HRSS-430000-REGULAR-PROVINCE-2", "HRSS-01");
        String licence = item("CL-MS-430000-REGULAR-PROVINCE-1", "MS-02");
        if (contracts == null || licence == null) {
            log.warn("No checklist items for the demo joint task");
            return;
        }
        Plan plan = plans.createPlan(new CreateSamplingPlanInput(LEAD, year, "株洲市人力资源和社会保障局" + year + "年度随机抽查工作计划"));
        Task task = plans.addTask(plan.id(), new SamplingTaskInput("株洲市用工与证照规范部门联合抽查", "REGULAR", List.of(contracts), "ON_SITE",
                "UNDIRECTED", null, "CREDIT_RISK_CLASS", List.of(new StratumRatioInput("A", "0.02"), new StratumRatioInput("B", "0.03"),
                new StratumRatioInput("C", "0.04"), new StratumRatioInput("D", "0.05"), new StratumRatioInput("UNCLASSIFIED", "0.03")), null, null,
                SamplingDemo.windowStart(year), SamplingDemo.windowEnd(year), 1, 2, null, null, "SELF", null, true), null, ACTOR);
        joint.invite(task.id(), List.of(PARTICIPANT), null, ACTOR);
        joint.confirm(task.id(), PARTICIPANT, new ParticipationInput(List.of(licence), null, 1), null, "demo-officer@" + PARTICIPANT);
        plans.file(plan.id(), ACTOR);
        plans.publish(plan.id());
        Draw draw = draws.execute(draws.commit(task.id(), ACTOR).id(), "demo-beacon-" + year + "-03-03", ACTOR);
        LocalDate plannedOn = SamplingDemo.plannedOn(today);
        draws.assign(draw.id(), LEAD, plannedOn, ACTOR);
        draws.assign(draw.id(), PARTICIPANT, plannedOn, ACTOR);

        List<Inspection> selected = drawRepository.inspectionsOfDraw(draw.id(), InspectionStatus.ACTIVE).stream()
                .filter(i -> !i.part()).sorted(java.util.Comparator.comparing(Inspection::id)).toList();
        Map<String, List<Inspection>> parts = jointRepository.partsOf(selected.stream().map(Inspection::id).toList());
        List<Inspection> joints = selected.stream().filter(i -> !parts.getOrDefault(i.id(), List.of()).isEmpty()).toList();
        if (joints.isEmpty()) {
            log.warn("The demo joint draw {} selected nothing in {}'s jurisdiction", draw.id(), PARTICIPANT);
            return;
        }
        Inspection visited = joints.get(0);
        Inspection part = parts.get(visited.id()).get(0);
        // One on-site record by the union of the teams, covering both departments' items; then each its own result.
        LocalDate on = SamplingDemo.lastDay(today).minusDays(3);
        List<String> team = List.of(first(visited.id()), first(part.id())).stream().filter(java.util.Objects::nonNull).toList();
        Map<String, Inspector> inspectors = roster.inspectors(team);
        if (team.size() == 2 && team.stream().allMatch(p -> inspectors.get(p) != null && inspectors.get(p).certificateNo() != null)) {
            records.record(new RecordInput(visited.id(), on.atTime(10, 0).atZone(clock.getZone()).toOffsetDateTime(), "ON_SITE",
                    List.of(new FindingInput(visited.itemCodes().get(0), "抽查劳动合同15份，均已书面订立。"),
                            new FindingInput(part.itemCodes().get(0), "营业执照已在经营场所醒目位置悬挂。")),
                    team.stream().map(p -> new PresentInput(p, inspectors.get(p).certificateNo())).toList(), "李经理", SignerRole.PERSON_IN_CHARGE,
                    null, List.of()), demo(Role.OFFICER, LEAD));
            result(visited.id(), LEAD, ResultCategory.PROBLEM_FOUND_PENDING_FOLLOW_UP, "2名劳动者劳动合同期限约定不明，需进一步核实。", on);
            result(part.id(), PARTICIPANT, ResultCategory.NO_RELEVANT_BUSINESS_ACTIVITY, "未发现开展本次抽查涉及的证照使用以外的经营活动。", on);
        }
        // The one notice of a joint visit still to come lists both departments' items and names no inspector (NOTICE-03).
        if (joints.size() > 1 && plannedOn.atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime().isAfter(java.time.OffsetDateTime.now(clock).plusDays(1))) {
            notices.issue(new NoticeInput(joints.get(1).id(), plannedOn.atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime(),
                    NoticeService.Channel.POST, List.of("劳动合同", "营业执照"), "请法定代表人或负责人在场", "0731-2222 0000"), demo(Role.OFFICER, LEAD));
        }
        log.info("Demo joint task {} of {} and {}: draw {}, {} joint inspections", task.id(), LEAD, PARTICIPANT, draw.id(), joints.size());
    }

    /** 谁检查、谁负责: the department proposes, its leader approves, it publishes. */
    private void result(String inspectionId, String department, ResultCategory category, String facts, LocalDate ended) {
        Result r = results.propose(new Proposal(inspectionId, category, facts, ended, null, null), demo(Role.OFFICER, department));
        results.approve(r.id(), demo(Role.LEADER, department));
        results.publish(r.id(), demo(Role.OFFICER, department));
    }

    private String first(String inspectionId) {
        return drawRepository.assignees(List.of(inspectionId)).getOrDefault(inspectionId, List.of()).stream().filter(a -> !a.dropped())
                .map(DrawRepository.Assignee::inspectorId).findFirst().orElse(null);
    }

    private String item(String version, String code) {
        var page = checklists.items(List.of(version), 100, null).get(version);
        return page == null ? null : page.items().stream().filter(i -> code.equals(i.code())).map(Item::id).findFirst().orElse(null);
    }
}
