package org.supervisionhub.api.demo;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.supervisionhub.api.inspection.EvidenceService.CollectionMethod;
import org.supervisionhub.api.inspection.EvidenceService.EvidenceInput;
import org.supervisionhub.api.inspection.EvidenceService.EvidenceType;
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
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.graph.followup.FollowUps.NonCooperationCircumstance;
import org.supervisionhub.graph.followup.FollowUps.PenaltyProcedure;
import org.supervisionhub.graph.followup.FollowUps.ReferralDestination;
import org.supervisionhub.graph.inspection.EvidenceRepository.StoredFile;
import org.supervisionhub.graph.inspection.Results.FeedbackChannel;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.inspection.Results.ResultCategory;
import org.supervisionhub.graph.restriction.Restrictions.TriggerType;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.DrawRepository.Assignee;

/**
 * Demo results on inspections of HRSS-430100's executed draws, one of each of the eight categories, carried through
 * the lifecycle: on-site records with evidence, non-cooperation recorded before its result, approval, publication (one
 * overdue, one awaiting approval), feedback, an objection under review, an ordered correction whose deadline was
 * amended, a listing and a referral that follow from a result, a case with a penalty decision, an archived file on loan
 * request; and notices for visits still to come. Enterprises on a credit list are skipped, so "no problem found" can be
 * published.
 */
@Component
public class ResultDemo {

    private static final Logger log = LoggerFactory.getLogger(ResultDemo.class);
    static final String DEPARTMENT = "HRSS-430100";
    static final String INSPECTIONS = "MATCH (i:Inspection {status: 'ACTIVE', drawnBy: $d}) WHERE coalesce(i.inspectedBy, i.drawnBy) = $d"
            + " AND NOT EXISTS { (i)-[:TARGETS]->(:Enterprise)<-[:CONCERNS]-(:RestrictionTrigger) }"
            + " RETURN i.id AS id ORDER BY i.id LIMIT 11";
    static final int NOTICES = 3;

    private final ResultService results;
    private final ObjectionService objections;
    private final FollowUpService followUps;
    private final ArchiveService archives;
    private final RecordService records;
    private final EvidenceService evidence;
    private final NoticeService notices;
    private final DrawRepository draws;
    private final RosterRepository roster;
    private final Neo4jClient client;
    private final Clock clock;

    public ResultDemo(ResultService results, ObjectionService objections, FollowUpService followUps, ArchiveService archives, RecordService records,
                      EvidenceService evidence, NoticeService notices, DrawRepository draws, RosterRepository roster, Neo4jClient client, Clock clock) {
        this.results = results;
        this.objections = objections;
        this.followUps = followUps;
        this.archives = archives;
        this.records = records;
        this.evidence = evidence;
        this.notices = notices;
        this.draws = draws;
        this.roster = roster;
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
        // Visits end inside the task windows and before today: counted back from today, or from the windows' end once
        // they are over (SamplingDemo.planYear), and after the visits' planned day.
        LocalDate lastDay = SamplingDemo.lastDay(today);
        for (int i = 0; i < categories.length; i++) {
            ResultCategory category = categories[i];
            String inspectionId = inspections.get(i);
            boolean ordered = category == ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED;
            // Two ended long ago (20 working days are past: overdue once approved), the rest recently.
            LocalDate ended = lastDay.minusDays(i < 2 ? 50 : 5 + i);
            boolean refused = category == ResultCategory.SERIOUS_NON_COOPERATION;
            record(inspectionId, ended, category, refused, officer);
            String evidenceId = evidence(inspectionId, category, officer);
            if (refused) {
                followUps.recordNonCooperation(new NonCooperationInput(inspectionId, List.of(NonCooperationCircumstance.REFUSED_ENTRY,
                        NonCooperationCircumstance.REFUSED_MATERIALS), "企业负责人拒绝检查人员进入现场，拒不提供工资支付记录", ended, List.of(evidenceId)), officer);
            }
            Result r = results.propose(new Proposal(inspectionId, category, facts(category), ended, ordered ? today.plusDays(30) : null, null),
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
            followUp(i, r, ended, officer, leader);
        }
        // Visits still to come are announced for the day the inspectors were assigned for (NOTICE-06), a day ahead at least
        // (NOTICE-05); once that day has passed (from January to April the windows are over) there is nothing to announce.
        int announced = 0;
        for (String inspectionId : inspections.subList(categories.length, inspections.size())) {
            LocalDate planned = draws.inspections(List.of(inspectionId)).get(inspectionId).plannedOn();
            OffsetDateTime visitAt = planned == null ? null : planned.atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime();
            if (visitAt != null && visitAt.isAfter(OffsetDateTime.now(clock).plusDays(1))) {
                notices.issue(new NoticeInput(inspectionId, visitAt, NoticeService.Channel.POST, List.of("劳动合同", "工资支付台账", "社会保险缴费凭证"),
                        "请法定代表人或负责人在场，并提供相关资料", "0731-8888 0000"), officer);
                announced++;
            }
        }
        log.info("Demo lifecycle: {} inspections of {} with results in all eight categories, records, evidence, follow-up, an objection,"
                + " an archived file; {} notices", categories.length, DEPARTMENT, announced);
    }

    /** What happens after publication, by category. */
    private void followUp(int i, Result r, LocalDate ended, Viewer officer, Viewer leader) {
        switch (r.category()) {
            case NO_PROBLEM_FOUND -> {
                archives.archive(r.inspectionId(), null, officer);
                archives.requestBorrowing(new ArchiveService.BorrowingInput("ARC-" + r.inspectionId(), "王五", "年度执法案卷评查",
                        LocalDate.now(clock).plusDays(10)), officer);
            }
            case DISCLOSED_INFO_FALSIFIED -> objections.lodge(r.id(), "企业法定代表人", "公示的参保人数差额系统统计口径不同所致，并非弄虚作假",
                    LocalDate.now(clock), officer);
            case UNREACHABLE_AT_REGISTERED_ADDRESS -> {
                results.list(r.id(), TriggerType.ABNORMAL_OPERATION_LIST, "《企业信息公示暂行条例》第十七条", "通过登记的住所无法联系", officer);
                followUps.refer(new ReferralInput(r.id(), ReferralDestination.OTHER_REGULATOR, null, "长沙市市场监督管理局",
                        "通过登记的住所无法联系，建议列入经营异常名录", false, ended.plusDays(1)), officer);
            }
            case SERIOUS_NON_COOPERATION -> {
                EnforcementCase c = followUps.openCase(new CaseInput(r.id(), "长人社监立〔" + ended.getYear() + "〕" + (i + 1) + "号", ended.plusDays(1),
                        "拒绝、阻碍劳动保障监察"), officer);
                followUps.recordPenalty(new PenaltyInput(c.id(), "长人社监罚〔" + ended.getYear() + "〕" + (i + 1) + "号", ended.plusDays(2),
                        PenaltyProcedure.GENERAL, "依据《劳动保障监察条例》第三十条，罚款人民币5000元"), leader);
            }
            case NO_RELEVANT_BUSINESS_ACTIVITY -> results.feedback(r.id(), FeedbackChannel.WRITTEN, LocalDate.now(clock), "书面告知检查结果", officer);
            default -> {
            }
        }
    }

    /** ONSITE-01..05: the record, by the first two assigned inspectors with their certificates; refused where the target did not cooperate. */
    private void record(String inspectionId, LocalDate on, ResultCategory category, boolean refused, Viewer officer) {
        List<String> team = draws.assignees(List.of(inspectionId)).getOrDefault(inspectionId, List.of()).stream().filter(a -> !a.dropped())
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
