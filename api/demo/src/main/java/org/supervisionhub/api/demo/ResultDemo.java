package org.supervisionhub.api.demo;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.archive.ArchiveService;
import org.supervisionhub.api.followup.FollowUpService;
import org.supervisionhub.api.followup.FollowUpService.CaseInput;
import org.supervisionhub.api.followup.FollowUpService.NonCooperationInput;
import org.supervisionhub.api.followup.FollowUpService.PenaltyInput;
import org.supervisionhub.api.followup.FollowUpService.ReferralInput;
import org.supervisionhub.api.inspection.EvidenceService;
import org.supervisionhub.api.inspection.EvidenceService.EvidenceInput;
import org.supervisionhub.api.inspection.NoticeService;
import org.supervisionhub.api.inspection.NoticeService.NoticeInput;
import org.supervisionhub.api.inspection.ObjectionService;
import org.supervisionhub.api.inspection.RecordService;
import org.supervisionhub.api.inspection.RecordService.FindingInput;
import org.supervisionhub.api.inspection.RecordService.PresentInput;
import org.supervisionhub.api.inspection.RecordService.RecordInput;
import org.supervisionhub.api.inspection.RecordService.SignerRole;
import org.supervisionhub.api.inspection.ResultService;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.api.inspection.ResultService.Proposal;
import org.supervisionhub.domain.followup.PenaltyProcedure;
import org.supervisionhub.domain.followup.ReferralDestination;
import org.supervisionhub.domain.inspection.CollectionMethod;
import org.supervisionhub.domain.inspection.EvidenceType;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.domain.followup.NonCooperationCircumstance;
import org.supervisionhub.graph.followup.FollowUps.PenaltyDecision;
import org.supervisionhub.graph.inspection.EvidenceRepository.StoredFile;
import org.supervisionhub.graph.inspection.Results.FeedbackChannel;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository.Assignee;
import org.supervisionhub.graph.sampling.DrawRepository;

/**
 * Demo results on the inspections of HRSS-430100's first batch, one of each of the eight categories (the rest found no
 * problem), carried through the lifecycle on the dates it would have happened (DemoTime): notices, on-site records with
 * evidence, non-cooperation recorded before its result, approval, publication (one overdue, one awaiting approval),
 * feedback, an objection under review, an ordered correction whose deadline was amended, a listing and a referral that
 * follow from a result, two cases with published penalty decisions, an archived file on loan request; and notices of the
 * second batch's visits still to come. Enterprises on a credit list are skipped, so "no problem found" can be published.
 */
@Component
public class ResultDemo {

    private static final Logger log = LoggerFactory.getLogger(ResultDemo.class);
    static final String DEPARTMENT = "HRSS-430100";
    /** A batch's inspections for the department, those of enterprises on a list (RestrictionDemo) last. */
    static final String INSPECTIONS = "MATCH (i:Inspection {status: 'ACTIVE', drawId: $draw}) WHERE coalesce(i.inspectedBy, i.drawnBy) = $d"
            + " WITH i, EXISTS { (i)-[:TARGETS]->(:Enterprise)<-[:CONCERNS]-(:RestrictionTrigger) } AS listed"
            + " RETURN i.id AS id, listed ORDER BY listed, i.id";
    static final int NOTICES = 3;

    private final ResultService results;
    private final ObjectionService objections;
    private final FollowUpService followUps;
    private final ArchiveService archives;
    private final RecordService records;
    private final EvidenceService evidence;
    private final NoticeService notices;
    private final DrawRepository draws;
    private final AssignmentRepository assignments;
    private final RosterRepository roster;
    private final Neo4jClient client;
    private final Clock clock;
    private final DemoTime time;

    public ResultDemo(ResultService results, ObjectionService objections, FollowUpService followUps, ArchiveService archives, RecordService records,
                      EvidenceService evidence, NoticeService notices, DrawRepository draws, AssignmentRepository assignments, RosterRepository roster, Neo4jClient client, Clock clock,
                      DemoTime time) {
        this.time = time;
        this.results = results;
        this.objections = objections;
        this.followUps = followUps;
        this.archives = archives;
        this.records = records;
        this.evidence = evidence;
        this.notices = notices;
        this.draws = draws;
        this.assignments = assignments;
        this.roster = roster;
        this.client = client;
        this.clock = clock;
    }

    static Viewer demo(Role role) {
        return new Viewer("demo-" + role.name().toLowerCase() + "@" + DEPARTMENT, "demo", Set.of(role), DEPARTMENT, null, null, Set::of, Set::of);
    }

    /**
     * Replays the visits of Changsha's first batch on its day, each step on a working day after the one before: notices
     * three working days ahead, the visit and its record, the proposal the next day, approval, publication and what
     * follows; then notices of the second batch's visits still to come.
     */
    public void load(SamplingDemo.Year year) {
        List<String> inspections = inspections(year.visitedDraw());
        Set<String> listed = Set.copyOf(client.query(INSPECTIONS).bindAll(Map.of("d", DEPARTMENT, "draw", year.visitedDraw())).fetch().all()
                .stream().filter(m -> Boolean.TRUE.equals(m.get("listed"))).map(m -> (String) m.get("id")).toList());
        ResultCategory[] categories = ResultCategory.values();
        if (inspections.size() - listed.size() < categories.length) {
            log.warn("Only {} inspections of {} for demo results; none recorded", inspections.size() - listed.size(), DEPARTMENT);
            return;
        }
        Viewer officer = demo(Role.OFFICER);
        Viewer leader = demo(Role.LEADER);
        LocalDate visited = year.visitedOn();
        OffsetDateTime visitAt = time.instant(visited, LocalTime.of(9, 0));
        time.at(time.workingDays(visited, -3), LocalTime.of(10, 0), () -> inspections.forEach(id -> notice(id, visitAt, officer)));
        // Every target of the day is visited: one of each category on enterprises not on a list (FOLLOW-04: "no problem
        // found" is not published for a listed one); the others found in order, or pending follow-up where listed.
        Result[] proposed = new Result[inspections.size()];
        for (int i = 0; i < inspections.size(); i++) {
            String inspectionId = inspections.get(i);
            ResultCategory category = i < categories.length ? categories[i]
                    : listed.contains(inspectionId) ? ResultCategory.PROBLEM_FOUND_PENDING_FOLLOW_UP : ResultCategory.NO_PROBLEM_FOUND;
            boolean ordered = category == ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED;
            boolean refused = category == ResultCategory.SERIOUS_NON_COOPERATION;
            time.at(visited, LocalTime.of(17, 0), () -> {
                record(inspectionId, visited, category, refused, officer);
                String evidenceId = evidence(inspectionId, category, officer);
                if (refused) {
                    followUps.recordNonCooperation(new NonCooperationInput(inspectionId, List.of(NonCooperationCircumstance.REFUSED_ENTRY,
                            NonCooperationCircumstance.REFUSED_MATERIALS), "企业负责人拒绝检查人员进入现场，拒不提供工资支付记录", visited,
                            List.of(evidenceId)), officer);
                }
            });
            proposed[i] = time.at(time.workingDays(visited, 1), LocalTime.of(10, 0), () -> results.propose(new Proposal(inspectionId, category,
                    facts(category), visited, ordered ? visited.plusDays(30) : null, null), officer));
        }
        for (int i = 0; i < inspections.size(); i++) {
            Result r = proposed[i];
            if (i == 7) {
                continue; // left proposed, awaiting approval
            }
            time.at(time.workingDays(visited, 2), LocalTime.of(10, 0), () -> results.approve(r.id(), leader));
            if (i >= categories.length) {
                time.at(time.workingDays(visited, 3), LocalTime.of(10, 0), () -> results.publish(r.id(), officer));
                continue;
            }
            if (r.category() == ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED) {
                time.at(time.workingDays(visited, 2), LocalTime.of(11, 0), () -> results.amend(r.id(), AmendableField.RECTIFICATION_DEADLINE,
                        visited.plusDays(45).toString(), "企业申请延期整改，经批准延长15日", leader));
            } else if (i != 1) {
                // i == 1 stays approved and unpublished: overdue
                time.at(time.workingDays(visited, 3), LocalTime.of(10, 0), () -> results.publish(r.id(), officer));
            }
            followUp(i, r, visited, officer, leader);
        }
        // Visits still to come are announced today for the day the inspectors were assigned for (NOTICE-06), a day ahead at
        // least (NOTICE-05); once the windows are over there is nothing to announce.
        int announced = 0;
        if (year.upcomingDraw() != null) {
            List<String> upcoming = inspections(year.upcomingDraw());
            for (String inspectionId : upcoming.subList(0, Math.min(NOTICES, upcoming.size()))) {
                LocalDate planned = draws.inspections(List.of(inspectionId)).get(inspectionId).plannedOn();
                if (planned != null && notice(inspectionId, time.instant(planned, LocalTime.of(9, 0)), officer)) {
                    announced++;
                }
            }
        }
        log.info("Demo lifecycle: {} inspections of {} visited on {} with results in all eight categories, records, evidence, follow-up,"
                + " an objection, an archived file, published penalty decisions; {} notices of visits to come", inspections.size(), DEPARTMENT,
                visited, announced);
    }

    private List<String> inspections(String drawId) {
        return List.copyOf(client.query(INSPECTIONS).bindAll(Map.of("d", DEPARTMENT, "draw", drawId)).fetchAs(String.class)
                .mappedBy((t, r) -> r.get("id").asString()).all());
    }

    /** A notice of the visit at {@code visitAt}, issued now when that is more than a day ahead (NOTICE-05). */
    private boolean notice(String inspectionId, OffsetDateTime visitAt, Viewer officer) {
        if (!visitAt.isAfter(OffsetDateTime.now(clock).plusDays(1))) {
            return false;
        }
        notices.issue(new NoticeInput(inspectionId, visitAt, org.supervisionhub.domain.inspection.NoticeChannel.POST, List.of("劳动合同", "工资支付台账", "社会保险缴费凭证"),
                "请法定代表人或负责人在场，并提供相关资料", "0731-8888 0000"), officer);
        return true;
    }

    /** What happens after approval, by category, on the working days after the visit. */
    private void followUp(int i, Result r, LocalDate visited, Viewer officer, Viewer leader) {
        LocalDate after = time.workingDays(visited, 4);
        LocalTime ten = LocalTime.of(10, 0);
        switch (r.category()) {
            case NO_PROBLEM_FOUND -> {
                time.at(after, ten, () -> archives.archive(r.inspectionId(), null, officer));
                archives.requestBorrowing(new ArchiveService.BorrowingInput("ARC-" + r.inspectionId(), "王五", "年度执法案卷评查",
                        LocalDate.now(clock).plusDays(10)), officer);
            }
            case DISCLOSED_INFO_FALSIFIED -> {
                LocalDate lodged = time.workingDays(visited, 6);
                time.at(lodged, ten, () -> objections.lodge(r.id(), "企业法定代表人", "公示的参保人数差额系统统计口径不同所致，并非弄虚作假",
                        lodged, officer));
            }
            case UNREACHABLE_AT_REGISTERED_ADDRESS -> time.at(after, ten, () -> {
                results.list(r.id(), TriggerType.ABNORMAL_OPERATION_LIST, "《企业信息公示暂行条例》第十七条", "通过登记的住所无法联系", officer);
                followUps.refer(new ReferralInput(r.id(), ReferralDestination.OTHER_REGULATOR, null, "长沙市市场监督管理局",
                        "通过登记的住所无法联系，建议列入经营异常名录", false, after), officer);
            });
            case SERIOUS_NON_COOPERATION -> penalty(r, i, visited, "拒绝、阻碍劳动保障监察", "依据《劳动保障监察条例》第三十条，罚款人民币5000元",
                    officer, leader);
            case REQUIRED_INFO_NOT_DISCLOSED -> penalty(r, i, visited, "未按规定公示社会保险信息",
                    "依据《社会保险法》第八十六条，责令限期改正，给予警告", officer, leader);
            case NO_RELEVANT_BUSINESS_ACTIVITY -> time.at(after, ten, () -> results.feedback(r.id(), FeedbackChannel.WRITTEN, after,
                    "书面告知检查结果", officer));
            default -> {
            }
        }
    }

    /** FOLLOW-06, FOLLOW-10, PUB-06: a case opened on the result, a penalty decided in it two working days later and published two after that. */
    private void penalty(Result r, int i, LocalDate visited, String summary, String content, Viewer officer, Viewer leader) {
        LocalDate opened = time.workingDays(visited, 4);
        LocalDate decided = time.workingDays(opened, 2);
        String number = "〔" + visited.getYear() + "〕" + (i + 1) + "号";
        EnforcementCase c = time.at(opened, LocalTime.of(11, 0), () -> followUps.openCase(new CaseInput(r.id(), "长人社监立" + number, opened,
                summary), officer));
        PenaltyDecision d = time.at(decided, LocalTime.of(10, 0), () -> followUps.recordPenalty(new PenaltyInput(c.id(), "长人社监罚" + number,
                decided, PenaltyProcedure.GENERAL, content), leader));
        time.at(time.workingDays(decided, 2), LocalTime.of(10, 0), () -> followUps.publishPenalty(d.id(), officer));
    }

    /** ONSITE-01..05: the record, by the first two assigned inspectors with their certificates; refused where the target did not cooperate. */
    private void record(String inspectionId, LocalDate on, ResultCategory category, boolean refused, Viewer officer) {
        List<String> team = assignments.assignees(List.of(inspectionId)).getOrDefault(inspectionId, List.of()).stream().filter(a -> !a.dropped())
                .map(Assignee::inspectorId).limit(2).toList();
        Map<String, Inspector> inspectors = roster.inspectors(team);
        if (team.size() < 2 || team.stream().anyMatch(id -> inspectors.get(id) == null || inspectors.get(id).certificateNo() == null)) {
            return;
        }
        String item = draws.inspections(List.of(inspectionId)).get(inspectionId).itemCodes().get(0);
        records.record(new RecordInput(inspectionId, on.atTime(10, 0).atZone(clock.getZone()).toOffsetDateTime(), "ON_SITE",
                List.of(new FindingInput(item, facts(category))), team.stream().map(id -> new PresentInput(id, inspectors.get(id).certificateNo())).toList(),
                refused ? null : "张经理", refused ? null : SignerRole.PERSON_IN_CHARGE, refused ? "企业负责人拒绝签字" : null,
                refused ? List.of("社区网格员李四") : List.of()), officer);
    }

    /** EVID-02..06: a small file per inspection, stored content-addressed and recorded as evidence of its conclusion. */
    private String evidence(String inspectionId, ResultCategory category, Viewer officer) {
        byte[] content = ("检查现场照片说明 " + inspectionId + "\n" + facts(category)).getBytes(StandardCharsets.UTF_8);
        StoredFile stored = evidence.store(content, "text/plain", officer);
        return evidence.record(new EvidenceInput(inspectionId, stored.sha256(), "现场照片说明.txt", EvidenceType.AUDIOVISUAL_ELECTRONIC,
                CollectionMethod.ON_SITE, "检查现场照片及说明", category.name(), null), officer).id();
    }
    static String facts(ResultCategory category) {
        return switch (category) {
            case NO_PROBLEM_FOUND -> "抽查劳动合同20份、工资支付台账3个月，均符合规定。";
            case REQUIRED_INFO_NOT_DISCLOSED -> "未按规定公示上一年度社会保险信息。";
            case DISCLOSED_INFO_FALSIFIED -> "公示的参保人数与社保登记人数不符，差额37人。";
            case UNREACHABLE_AT_REGISTERED_ADDRESS -> "两次实地核查，登记住所无人办公，电话无法接通。";
            case PROBLEM_FOUND_RECTIFICATION_ORDERED -> "5名劳动者未签订书面劳动合同，已下达责令改正通知书。";
            case SERIOUS_NON_COOPERATION -> "拒绝提供工资支付记录，阻挠检查人员进入现场。";
            case NO_RELEVANT_BUSINESS_ACTIVITY -> "企业已停业，未发现本次抽查涉及的用工活动。";
            case PROBLEM_FOUND_PENDING_FOLLOW_UP -> "疑似存在克扣工资情形，需进一步调查。";
        };
    }
}
