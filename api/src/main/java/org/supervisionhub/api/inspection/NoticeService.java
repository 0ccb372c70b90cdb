package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.inspection.NoticeRepository;
import org.supervisionhub.graph.inspection.NoticeRepository.Notice;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.PlanRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.graph.sampling.Sampling.Task;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.inspection.InspectionId;
import org.supervisionhub.domain.inspection.LifecycleDates;
import org.supervisionhub.domain.inspection.NoticeChannel;
import org.supervisionhub.domain.inspection.OnSiteInspection;

/**
 * Inspection notices (NOTICE-01..07). The notice is composed from the task, its checklist items and the draw, plus what
 * the department adds (materials, cooperation, contact); it is never composed from the assignment, so it cannot name
 * an inspector (NOTICE-03). Tasks not to be announced get no notice (NOTICE-07).
 */
@Service
public class NoticeService {

    public record NoticeInput(String inspectionId, OffsetDateTime visitAt, NoticeChannel delivery, List<String> materials, String cooperation,
                              String contact) {
    }

    static final String MARKET_SUBJECT = "MARKET_SUBJECT";

    private final NoticeRepository notices;
    private final DrawRepository draws;
    private final Inspections inspections;
    private final PlanRepository plans;
    private final ChecklistRepository checklists;
    private final DirectoryRepository directory;
    private final Clock clock;
    private final InspectionTimelines timelines;
    private final JointInspections joint;

    public NoticeService(NoticeRepository notices, DrawRepository draws, Inspections inspections, PlanRepository plans, ChecklistRepository checklists,
                         DirectoryRepository directory, InspectionTimelines timelines, JointInspections joint, Clock clock) {
        this.joint = joint;
        this.timelines = timelines;
        this.notices = notices;
        this.draws = draws;
        this.inspections = inspections;
        this.plans = plans;
        this.checklists = checklists;
        this.directory = directory;
        this.clock = clock;
    }

    /** NOTICE-01: the inspecting department's officer or leader issues the notice of one drawn inspection. */
    @Transactional
    public Notice issue(NoticeInput in, Viewer viewer) {
        Inspection inspection = inspections.actingOn(in.inspectionId(), "inspectionId", viewer, "NOTICE-01", Role.OFFICER, Role.LEADER);
        String department = Inspections.inspecting(inspection);
        joint.requireVisit(inspection, "inspectionId", "NOTICE-01");
        Task task = plans.task(inspection.taskId()).orElseThrow(() -> new NotFoundException("inspectionId", "no task " + inspection.taskId()));
        // NOTICE-07, NOTICE-01: the inspection decides whether a notice is issued at all.
        OnSiteInspection visit = new OnSiteInspection(new InspectionId(inspection.id()), task.data().announced(),
                notices.ofInspections(List.of(inspection.id())).containsKey(inspection.id()), false, null, null);
        List<org.supervisionhub.domain.Violation> refused = visit.noticeable(task.id());
        if (!refused.isEmpty()) {
            throw DomainRefusals.at(s -> "inspectionId").apply(refused);
        }
        // PLAN-15: one notice of a joint inspection lists every participant's items too.
        List<Item> items = List.copyOf(checklists.itemsById(joint.itemIds(inspection, task)).values());
        boolean marketSubject = items.isEmpty() || items.stream().anyMatch(i -> MARKET_SUBJECT.equals(i.targetKind()));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Checks checks = new Checks();
        checks.check(inspection.status() == InspectionStatus.ACTIVE, "inspectionId", ErrorCode.ILLEGAL_TRANSITION,
                "inspectionId: the inspection is " + inspection.status(), null);
        checks.require("visitAt", in.visitAt());
        checks.require("cooperation", in.cooperation());
        checks.require("contact", in.contact());
        // NOTICE-02, NOTICE-04, NOTICE-05: the inspection decides the notice's content and channels.
        Outcome<List<NoticeChannel>> served = visit.notice(marketSubject, in.delivery(), in.materials());
        checks.addAll(served.violations());
        // The day the inspectors were assigned for, in the window, after the draw, ahead of time (LifecycleDates).
        checks.addAll(LifecycleDates.notice(timelines.of(inspection), "visitAt", in.visitAt(), now, marketSubject));
        checks.throwIfAny();
        Draw draw = draws.draw(inspection.drawId()).orElse(null);
        Enterprise enterprise = directory.enterprises(List.of(inspection.uscc())).get(inspection.uscc());
        LinkedHashSet<String> basis = new LinkedHashSet<>();
        basis.add(task.data().title());
        items.forEach(i -> basis.add(i.legalBasis()));
        LinkedHashSet<String> methods = new LinkedHashSet<>();
        if (task.data().method() != null) {
            methods.add(task.data().method().name());
        } else {
            items.forEach(i -> methods.addAll(i.methods()));
        }
        Notice notice = new Notice("NTC-" + inspection.id(), inspection.id(), inspection.uscc(), enterprise == null ? null : enterprise.name(),
                department, now, viewer.actor(), in.visitAt().withOffsetSameInstant(ZoneOffset.UTC), marketSubject ? MARKET_SUBJECT
                : "PRODUCT_PROJECT_BEHAVIOUR", served.orElseThrow(DomainRefusals.asArguments()).stream().map(Enum::name).toList(), List.copyOf(basis), draw == null ? null : draw.executedAt(),
                items.stream().map(Item::title).toList(), List.copyOf(methods), in.materials().stream().map(String::strip).toList(),
                in.cooperation().strip(), in.contact().strip());
        notices.create(notice);
        return notice;
    }
}
