package org.supervisionhub.api.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.api.inspection.InspectionTimelines;
import org.supervisionhub.api.inspection.Inspections;
import org.supervisionhub.api.inspection.LifecycleDates;
import org.supervisionhub.api.inspection.Jurisdictions;
import org.supervisionhub.api.inspection.ResultService;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.graph.archive.ArchiveRepository;
import org.supervisionhub.graph.archive.Archives.AmendmentStatus;
import org.supervisionhub.graph.archive.Archives.ArchiveAmendment;
import org.supervisionhub.graph.archive.Archives.ArchiveFile;
import org.supervisionhub.graph.archive.Archives.Borrowing;
import org.supervisionhub.graph.archive.Archives.BorrowingStatus;
import org.supervisionhub.graph.archive.Archives.Consent;
import org.supervisionhub.graph.archive.Archives.ReturnCondition;
import org.supervisionhub.graph.inspection.ObjectionRepository;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.Results.ObjectionStatus;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.domain.inspection.ResultStatus;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.api.graphql.ErrorCode;

/**
 * An inspection's file once its result is approved: archived by the inspecting department with what it holds, kept
 * at least the retention period, changed only by an amendment a second person approves (where the jurisdiction allows
 * any), and lent only with two consents, checked on return.
 */
@Service
public class ArchiveService {

    public record BorrowingInput(String fileId, String borrower, String purpose, LocalDate dueOn) {
    }

    private final ArchiveRepository archives;
    private final Inspections inspections;
    private final ResultRepository results;
    private final ObjectionRepository objections;
    private final ResultService resultService;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final InspectionTimelines timelines;

    public ArchiveService(ArchiveRepository archives, Inspections inspections, ResultRepository results, ObjectionRepository objections,
                          ResultService resultService, Jurisdictions jurisdictions,
                          InspectionTimelines timelines, Clock clock) {
        this.timelines = timelines;
        this.archives = archives;
        this.inspections = inspections;
        this.results = results;
        this.objections = objections;
        this.resultService = resultService;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /**
     * ARCH-01, ARCH-02: the inspecting department archives the file once the result is approved and no re-examination is
     * open; ARCH-03: kept {@code retentionYears} (at least the configured minimum).
     */
    @Transactional
    public ArchiveFile archive(String inspectionId, Integer retentionYears, Viewer viewer) {
        Inspection inspection = inspections.actingOn(inspectionId, "inspectionId", viewer, "ARCH-02", Role.OFFICER, Role.LEADER);
        inspections.requireNotArchived(inspection.id(), "inspectionId");
        String resultId = ResultService.idOf(inspection.id());
        Result r = results.lock(resultId).orElse(null);
        Checks checks = new Checks();
        checks.check(r != null && (r.status() == ResultStatus.APPROVED || r.status() == ResultStatus.PUBLISHED), "inspectionId", ErrorCode.ILLEGAL_TRANSITION,
                "inspectionId: the file is archived once its result is approved", "ARCH-01");
        checks.check(r == null || objections.ofResults(List.of(resultId)).getOrDefault(resultId, List.of()).stream()
                .noneMatch(o -> o.status() == ObjectionStatus.UNDER_REVIEW), "inspectionId", ErrorCode.CONFLICT,
                "inspectionId: a re-examination of the result is under review", "OBJ-01");
        int minimum = jurisdictions.retentionYears();
        int years = retentionYears == null ? minimum : retentionYears;
        checks.check(years >= minimum, "retentionYears", ErrorCode.INVALID_VALUE, "retentionYears: at least " + minimum, "ARCH-03");
        if (r != null) {
            LifecycleDates.archive(timelines.of(r), "inspectionId", now()).forEach(checks::add);
        }
        checks.throwIfAny();
        LocalDate today = today();
        ArchiveFile file = new ArchiveFile("ARC-" + inspection.id(), inspection.id(), inspection.uscc(), Inspections.inspecting(inspection), today,
                today.plusYears(years), archives.contents(inspection.id()), viewer.actor(), now());
        archives.create(file);
        return file;
    }

    /**
     * ARCH-05: the handler (经办人) asks to change archived material, saying what and why; it may correct the result. Where
     * no change is allowed at all (HN, ARCH-04), refused.
     */
    @Transactional
    public ArchiveAmendment requestAmendment(String fileId, String content, String reason, AmendableField resultField, String resultValue,
                                             Viewer viewer) {
        ArchiveFile file = file(fileId);
        Inspections.requireDepartment(viewer, file.departmentId(), "fileId", "ARCH-05: asked by " + file.departmentId(), Role.OFFICER, Role.LEADER);
        if (!jurisdictions.of(file.departmentId()).archiveChangesAllowed()) {
            throw InvalidInputException.of("fileId", ErrorCode.FORBIDDEN_CHANGE, "fileId: no unit or individual may modify, add to or remove archived"
                    + " material in this jurisdiction", "ARCH-04");
        }
        Checks checks = new Checks();
        checks.require("content", content);
        checks.require("reason", reason);
        checks.check(resultField != null || resultValue == null, "resultField", ErrorCode.REQUIRED, "resultField: which field `resultValue` corrects", null);
        checks.throwIfAny();
        ArchiveAmendment m = new ArchiveAmendment("ARCA-" + UUID.randomUUID(), file.id(), content.strip(), reason.strip(),
                resultField == null ? null : resultField.name(), resultValue, AmendmentStatus.PENDING, viewer.actor(), now(), null, null, null);
        archives.create(m);
        return m;
    }

    /**
     * ARCH-05: a leader of the archiving department other than the handler approves (审定) or rejects; an approved
     * correction of the result is recorded as its amendment with both names.
     */
    @Transactional
    public ArchiveAmendment decideAmendment(String id, boolean approve, String note, Viewer viewer) {
        ArchiveAmendment m = archives.lockAmendment(id).orElseThrow(() -> new NotFoundException("id", "no archive amendment " + id));
        ArchiveFile file = file(m.fileId());
        Inspections.requireDepartment(viewer, file.departmentId(), "id", "ARCH-05: approved by a leader of " + file.departmentId(), Role.LEADER);
        if (m.status() != AmendmentStatus.PENDING) {
            throw InvalidInputException.of("id", ErrorCode.ILLEGAL_TRANSITION, "id: already " + m.status(), "ARCH-05");
        }
        if (viewer.actor().equals(m.handler())) {
            throw InvalidInputException.of("id", ErrorCode.SAME_PERSON, "id: the approver (审定人) is not the handler (经办人) " + m.handler(), "ARCH-05");
        }
        Checks checks = new Checks();
        checks.check(approve || (note != null && !note.isBlank()), "note", ErrorCode.REQUIRED, "note: why it is rejected", null);
        checks.throwIfAny();
        if (approve && m.resultField() != null) {
            Result r = results.lock(ResultService.idOf(file.inspectionId())).orElseThrow();
            resultService.applyArchivedAmendment(r, AmendableField.valueOf(m.resultField()), m.resultValue(),
                    "Archive amendment " + id + ": " + m.reason(), m.handler(), viewer.actor());
        }
        archives.decideAmendment(id, approve ? AmendmentStatus.APPROVED : AmendmentStatus.REJECTED, viewer.actor(), now(),
                note == null || note.isBlank() ? null : note.strip());
        return archives.lockAmendment(id).orElseThrow();
    }

    /** ARCH-08, ARCH-09: anyone of a department asks to borrow a file; the request is the borrowing registration. */
    @Transactional
    public Borrowing requestBorrowing(BorrowingInput in, Viewer viewer) {
        ArchiveFile file = file(in.fileId());
        Checks checks = new Checks();
        checks.require("input.borrower", in.borrower());
        checks.require("input.purpose", in.purpose());
        checks.require("input.dueOn", in.dueOn());
        checks.check(in.dueOn() == null || in.dueOn().isAfter(today()), "input.dueOn", ErrorCode.INVALID_VALUE, "input.dueOn: after today", null);
        checks.throwIfAny();
        Borrowing b = new Borrowing("LOAN-" + UUID.randomUUID(), file.id(), in.borrower().strip(), viewer.departmentId(), in.purpose().strip(),
                in.dueOn(), BorrowingStatus.REQUESTED, viewer.actor(), now(), null, null, null, null, null, null, null, null, null, null);
        archives.create(b, file.departmentId());
        return b;
    }

    /** ARCH-09: the department head and the leader in charge consent, two different leaders of the archiving department; the second lends. */
    @Transactional
    public Borrowing consent(String id, Consent consent, Viewer viewer) {
        Borrowing b = borrowing(id);
        ArchiveFile file = file(b.fileId());
        Inspections.requireDepartment(viewer, file.departmentId(), "id", "ARCH-09: consented by a leader of " + file.departmentId(), Role.LEADER);
        requested(b);
        Checks checks = new Checks();
        checks.require("consent", consent);
        String already = consent == Consent.DEPARTMENT_HEAD ? b.headConsentBy() : b.leaderConsentBy();
        String other = consent == Consent.DEPARTMENT_HEAD ? b.leaderConsentBy() : b.headConsentBy();
        checks.check(already == null, "consent", ErrorCode.ILLEGAL_TRANSITION, "consent: " + consent + " was given by " + already, "ARCH-09");
        checks.check(!viewer.actor().equals(other), "consent", ErrorCode.SAME_PERSON, "consent: the other consent is yours; ARCH-09 needs two people", "ARCH-09");
        checks.throwIfAny();
        archives.consent(id, consent, viewer.actor(), now());
        return borrowing(id);
    }

    @Transactional
    public Borrowing refuse(String id, String reason, Viewer viewer) {
        Borrowing b = borrowing(id);
        ArchiveFile file = file(b.fileId());
        Inspections.requireDepartment(viewer, file.departmentId(), "id", "ARCH-09: refused by a leader of " + file.departmentId(), Role.LEADER);
        requested(b);
        Checks checks = new Checks();
        checks.require("reason", reason);
        checks.throwIfAny();
        archives.refuse(id, viewer.actor(), reason.strip());
        return borrowing(id);
    }

    /** ARCH-11: the archivist checks a returned file; anything but INTACT is noted and reported. */
    @Transactional
    public Borrowing returned(String id, LocalDate returnedOn, ReturnCondition condition, String notes, Viewer viewer) {
        Borrowing b = borrowing(id);
        ArchiveFile file = file(b.fileId());
        Inspections.requireDepartment(viewer, file.departmentId(), "id", "ARCH-11: checked by the archivist of " + file.departmentId(),
                Role.OFFICER, Role.LEADER);
        if (b.status() != BorrowingStatus.LENT) {
            throw InvalidInputException.of("id", ErrorCode.ILLEGAL_TRANSITION, "id: the loan is " + b.status() + ", not LENT", "ARCH-11");
        }
        Checks checks = new Checks();
        checks.require("returnedOn", returnedOn);
        checks.require("condition", condition);
        checks.check(returnedOn == null || !returnedOn.isAfter(today()), "returnedOn", ErrorCode.INVALID_VALUE, "returnedOn: not in the future", null);
        checks.check(condition == null || condition == ReturnCondition.INTACT || (notes != null && !notes.isBlank()), "notes", ErrorCode.REQUIRED,
                "notes: the details of a file returned " + condition, "ARCH-11");
        checks.throwIfAny();
        archives.returned(id, returnedOn, condition, notes == null || notes.isBlank() ? null : notes.strip(), viewer.actor());
        return borrowing(id);
    }

    /** Loans of the departments' files not back by their due day. */
    public List<Borrowing> overdueLoans(java.util.Set<String> departments) {
        return archives.overdueLoans(departments, today());
    }

    private static void requested(Borrowing b) {
        if (b.status() != BorrowingStatus.REQUESTED) {
            throw InvalidInputException.of("id", ErrorCode.ILLEGAL_TRANSITION, "id: the loan is " + b.status() + ", not REQUESTED", "ARCH-09");
        }
    }

    private ArchiveFile file(String id) {
        ArchiveFile f = id == null ? null : archives.byId(List.of(id)).get(id);
        if (f == null) {
            throw new NotFoundException("fileId", "no archive file " + id);
        }
        return f;
    }

    private Borrowing borrowing(String id) {
        return archives.lockBorrowing(id).orElseThrow(() -> new NotFoundException("id", "no loan " + id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
