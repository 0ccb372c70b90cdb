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
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.inspection.InspectionTimelines;
import org.supervisionhub.api.inspection.Inspections;
import org.supervisionhub.domain.inspection.LifecycleDates;
import org.supervisionhub.api.inspection.Jurisdictions;
import org.supervisionhub.api.inspection.ResultService;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.graph.archive.ArchiveRepository;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.domain.archive.AmendmentId;
import org.supervisionhub.domain.archive.AmendmentStatus;
import org.supervisionhub.domain.archive.ArchiveFileId;
import org.supervisionhub.domain.archive.ArchivedFile;
import org.supervisionhub.domain.archive.BorrowingId;
import org.supervisionhub.domain.archive.Consent;
import org.supervisionhub.domain.archive.FileAmendment;
import org.supervisionhub.domain.archive.Loan;
import org.supervisionhub.domain.archive.ReturnCondition;
import org.supervisionhub.domain.inspection.DepartmentId;
import org.supervisionhub.domain.inspection.InspectionId;
import org.supervisionhub.graph.archive.Archives.ArchiveAmendment;
import org.supervisionhub.graph.archive.Archives.ArchiveFile;
import org.supervisionhub.graph.archive.Archives.Borrowing;
import org.supervisionhub.graph.inspection.ObjectionRepository;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.domain.inspection.ResultObjection;
import org.supervisionhub.graph.inspection.Results.Objection;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.domain.Outcome;

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
        InspectionId id = new InspectionId(inspection.id());
        String resultId = id.result().value();
        Result r = results.lock(resultId).orElse(null);
        boolean underReview = r != null && ResultObjection.anyUnderReview(objections.ofResults(List.of(resultId))
                .getOrDefault(resultId, List.of()).stream().map(Objection::lifecycle).toList());
        // ARCH-01, ARCH-03, OBJ-01: the file decides whether it is archived and until when.
        Outcome<ArchivedFile> archived = ArchivedFile.archive(ArchiveFileId.ofInspection(id), new DepartmentId(Inspections.inspecting(inspection)),
                r == null ? null : r.lifecycle(false), underReview, retentionYears, jurisdictions.retentionYears(), today());
        Checks checks = new Checks();
        checks.addAll(archived.violations());
        if (r != null) {
            checks.addAll(LifecycleDates.archive(timelines.of(r), "inspectionId", now()));
        }
        checks.throwIfAny();
        ArchivedFile f = archived.orElseThrow(DomainRefusals.asArguments());
        ArchiveFile file = new ArchiveFile(f.id().value(), inspection.id(), inspection.uscc(), f.department().value(), f.archivedOn(),
                f.retainUntil(), archives.contents(inspection.id()), viewer.actor(), now());
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
        // ARCH-04: where the jurisdiction allows no change at all, none is asked for.
        throwIfAny(ArchivedFile.amendable(jurisdictions.of(file.departmentId()).archiveChangesAllowed()));
        Checks checks = new Checks();
        checks.require("content", content);
        checks.require("reason", reason);
        checks.check(resultField != null || resultValue == null, "resultField", ErrorCode.REQUIRED, "resultField: which field `resultValue` corrects", null);
        checks.throwIfAny();
        FileAmendment asked = FileAmendment.request(new AmendmentId("ARCA-" + UUID.randomUUID()), viewer.actor());
        ArchiveAmendment m = new ArchiveAmendment(asked.id().value(), file.id(), content.strip(), reason.strip(),
                resultField == null ? null : resultField.name(), resultValue, asked.status(), asked.handler(), now(), null, null, null);
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
        // ARCH-05: decided once, by another person than the handler; a rejection says why.
        FileAmendment decided = m.lifecycle().decide(approve, viewer.actor(), note).orElseThrow(DomainRefusals.asArguments());
        if (decided.status() == AmendmentStatus.APPROVED && m.resultField() != null) {
            Result r = results.lock(ResultService.idOf(file.inspectionId())).orElseThrow();
            resultService.applyArchivedAmendment(r, AmendableField.valueOf(m.resultField()), m.resultValue(),
                    "Archive amendment " + id + ": " + m.reason(), m.handler(), viewer.actor());
        }
        archives.decideAmendment(m.status(), decided, now(), note == null || note.isBlank() ? null : note.strip());
        return archives.lockAmendment(id).orElseThrow();
    }

    /**
     * ARCH-08, ARCH-09: anyone of a department asks to borrow a file; the request is the borrowing registration. Refusals
     * name the fields of {@code in}.
     */
    @Transactional
    public Borrowing requestBorrowing(BorrowingInput in, Viewer viewer) {
        ArchiveFile file = file(in.fileId());
        Checks checks = new Checks();
        checks.require("borrower", in.borrower());
        checks.require("purpose", in.purpose());
        checks.require("dueOn", in.dueOn());
        // ARCH-09: the request is the registration, due back after today.
        Outcome<Loan> requested = Loan.request(new BorrowingId("LOAN-" + UUID.randomUUID()), in.dueOn(), today());
        checks.addAll(requested.violations());
        checks.throwIfAny();
        Loan loan = requested.orElseThrow(DomainRefusals.asArguments());
        Borrowing b = new Borrowing(loan.id().value(), file.id(), in.borrower().strip(), viewer.departmentId(), in.purpose().strip(),
                in.dueOn(), loan.status(), viewer.actor(), now(), null, null, null, null, null, null, null, null, null, null);
        archives.create(b, file.departmentId());
        return b;
    }

    /** ARCH-09: the department head and the leader in charge consent, two different leaders of the archiving department; the second lends. */
    @Transactional
    public Borrowing consent(String id, Consent consent, Viewer viewer) {
        Borrowing b = borrowing(id);
        ArchiveFile file = file(b.fileId());
        Inspections.requireDepartment(viewer, file.departmentId(), "id", "ARCH-09: consented by a leader of " + file.departmentId(), Role.LEADER);
        Loan loan = b.lifecycle();
        throwIfAny(loan.awaitingConsent());
        Checks checks = new Checks();
        checks.require("consent", consent);
        checks.throwIfAny();
        // ARCH-09: each consent once, by two people; the loan decides whether this one lends the file.
        Loan next = loan.consent(consent, viewer.actor()).orElseThrow(DomainRefusals.asArguments());
        archives.consent(b.status(), next, consent, viewer.actor(), now());
        return borrowing(id);
    }

    @Transactional
    public Borrowing refuse(String id, String reason, Viewer viewer) {
        Borrowing b = borrowing(id);
        ArchiveFile file = file(b.fileId());
        Inspections.requireDepartment(viewer, file.departmentId(), "id", "ARCH-09: refused by a leader of " + file.departmentId(), Role.LEADER);
        Loan loan = b.lifecycle();
        throwIfAny(loan.awaitingConsent());
        Checks checks = new Checks();
        checks.require("reason", reason);
        checks.throwIfAny();
        archives.refuse(b.status(), loan.refuse().orElseThrow(DomainRefusals.asArguments()), viewer.actor(), reason.strip());
        return borrowing(id);
    }

    /** ARCH-11: the archivist checks a returned file; anything but INTACT is noted and reported. */
    @Transactional
    public Borrowing returned(String id, LocalDate returnedOn, ReturnCondition condition, String notes, Viewer viewer) {
        Borrowing b = borrowing(id);
        ArchiveFile file = file(b.fileId());
        Inspections.requireDepartment(viewer, file.departmentId(), "id", "ARCH-11: checked by the archivist of " + file.departmentId(),
                Role.OFFICER, Role.LEADER);
        Loan loan = b.lifecycle();
        throwIfAny(loan.returnable());
        Checks checks = new Checks();
        checks.require("returnedOn", returnedOn);
        checks.require("condition", condition);
        // ARCH-11: the loan decides whether the check is complete.
        Outcome<Loan> back = loan.giveBack(returnedOn, condition, notes, today());
        checks.addAll(back.violations());
        checks.throwIfAny();
        archives.returned(b.status(), back.orElseThrow(DomainRefusals.asArguments()), notes == null || notes.isBlank() ? null : notes.strip(),
                viewer.actor());
        return borrowing(id);
    }

    /** ARCH-08: files are seen by the archiving department, oversight above it and administrators. */
    public ArchiveFile fileOf(String inspectionId, Viewer viewer) {
        ArchiveFile f = archives.ofInspections(List.of(inspectionId)).get(inspectionId);
        return f == null || !Inspections.mayRead(viewer, f.departmentId(), null) ? null : f;
    }

    /** Files of the departments, newest first; with {@code retainedBefore}, only those whose retention ends before that day. */
    public List<ArchiveFile> files(java.util.Collection<String> departments, LocalDate retainedBefore, int limit) {
        return archives.ofDepartments(departments, retainedBefore, limit);
    }

    public java.util.Map<String, List<ArchiveAmendment>> amendmentsOf(List<String> fileIds) {
        return archives.amendmentsOf(fileIds);
    }

    public java.util.Map<String, List<Borrowing>> borrowingsOf(List<String> fileIds) {
        return archives.borrowingsOf(fileIds);
    }

    /** Loans of the departments' files not back by their due day. */
    public List<Borrowing> overdueLoans(java.util.Set<String> departments) {
        return archives.overdueLoans(departments, today());
    }

    private static void throwIfAny(List<org.supervisionhub.domain.Violation> refusals) {
        if (!refusals.isEmpty()) {
            throw DomainRefusals.asArguments().apply(refusals);
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
