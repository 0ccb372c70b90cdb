package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.api.graphql.NotFoundException;
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
import org.supervisionhub.graph.sampling.Sampling.InspectionStatus;
import org.supervisionhub.graph.sampling.Sampling.Task;
import org.supervisionhub.api.graphql.ErrorCode;

/**
 * Inspection notices (NOTICE-01..07). The notice is composed from the task, its checklist items and the draw, plus what
 * the department adds (materials, cooperation, contact); it is never composed from the assignment, so it cannot name
 * an inspector (NOTICE-03). Tasks not to be announced get no notice (NOTICE-07).
 */
@Service
public class NoticeService {

    public enum Channel { PUBLICITY_SYSTEM, DIRECT_SERVICE, POST }

    public record NoticeInput(String inspectionId, OffsetDateTime visitAt, Channel delivery, List<String> materials, String cooperation,
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
        Inspection inspection = inspections.actingOn(in.inspectionId(), "input.inspectionId", viewer, "NOTICE-01", Role.OFFICER, Role.LEADER);
        String department = Inspections.inspecting(inspection);
        joint.requireVisit(inspection, "input.inspectionId", "NOTICE-01");
        Task task = plans.task(inspection.taskId()).orElseThrow(() -> new NotFoundException("input.inspectionId", "no task " + inspection.taskId()));
        if (!task.data().announced()) {
            throw InvalidInputException.of("input.inspectionId", ErrorCode.CONFLICT, "the task " + task.id()
                    + " is not announced in advance: no notice is issued and nothing is revealed to the target", "NOTICE-07");
        }
        if (notices.ofInspections(List.of(inspection.id())).containsKey(inspection.id())) {
            throw InvalidInputException.of("input.inspectionId", ErrorCode.CONFLICT, "a notice of " + inspection.id() + " was already issued", "NOTICE-01");
        }
        // PLAN-15: one notice of a joint inspection lists every participant's items too.
        List<Item> items = List.copyOf(checklists.itemsById(joint.itemIds(inspection, task)).values());
        boolean marketSubject = items.isEmpty() || items.stream().anyMatch(i -> MARKET_SUBJECT.equals(i.targetKind()));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Checks checks = new Checks();
        checks.check(inspection.status() == InspectionStatus.ACTIVE, "input.inspectionId", ErrorCode.ILLEGAL_TRANSITION,
                "input.inspectionId: the inspection is " + inspection.status(), null);
        checks.require("input.visitAt", in.visitAt());
        checks.require("input.cooperation", in.cooperation());
        checks.require("input.contact", in.contact());
        checks.check(in.materials() != null && in.materials().stream().noneMatch(String::isBlank), "input.materials", ErrorCode.INVALID_VALUE,
                "input.materials: the materials to submit, none blank (an empty list: none)", "NOTICE-02");
        List<String> channels = new ArrayList<>(List.of(Channel.PUBLICITY_SYSTEM.name()));
        if (marketSubject) {
            checks.check(in.delivery() == Channel.DIRECT_SERVICE || in.delivery() == Channel.POST, "input.delivery", ErrorCode.REQUIRED,
                    "input.delivery: a market subject is also served the notice, directly or by post", "NOTICE-05");
            if (in.delivery() != null) {
                channels.add(in.delivery().name());
            }
        } else {
            checks.check(in.delivery() == null || in.delivery() == Channel.PUBLICITY_SYSTEM, "input.delivery", ErrorCode.INVALID_VALUE,
                    "input.delivery: a notice on products, projects or behaviours is published only", "NOTICE-04");
        }
        // The day the inspectors were assigned for, in the window, after the draw, ahead of time (LifecycleDates).
        LifecycleDates.notice(timelines.of(inspection), "input.visitAt", in.visitAt(), now, marketSubject).forEach(checks::add);
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
                : "PRODUCT_PROJECT_BEHAVIOUR", List.copyOf(channels), List.copyOf(basis), draw == null ? null : draw.executedAt(),
                items.stream().map(Item::title).toList(), List.copyOf(methods), in.materials().stream().map(String::strip).toList(),
                in.cooperation().strip(), in.contact().strip());
        notices.create(notice);
        return notice;
    }
}
