package org.supervisionhub.api.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.graphql.InputPaths;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.api.inspection.InspectionViews;
import org.supervisionhub.api.inspection.OverdueWork;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.graph.archive.Archives.ArchiveAmendment;
import org.supervisionhub.graph.archive.Archives.ArchiveFile;
import org.supervisionhub.graph.archive.Archives.Borrowing;
import org.supervisionhub.domain.archive.Consent;
import org.supervisionhub.domain.archive.ReturnCondition;

/** Archived files, their amendments and loans. Thin: the service decides. */
@Controller
public class ArchiveController {

    private final ArchiveService service;
    private final InspectionViews views;
    private final PageRequests pages;

    public ArchiveController(ArchiveService service, InspectionViews views, PageRequests pages) {
        this.service = service;
        this.views = views;
        this.pages = pages;
    }

    /** ARCH-08: files are seen by the archiving department, oversight above it and administrators. */
    @QueryMapping
    public ArchiveFile archiveFile(@Argument String inspectionId, @ContextValue Viewer viewer) {
        return service.fileOf(inspectionId, viewer);
    }

    @QueryMapping
    public List<ArchiveFile> archiveFiles(@Argument String departmentId, @Argument LocalDate retainedBefore, @Argument Integer first,
                                          @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return service.files(views.departmentTree(departmentId), retainedBefore, pages.size(first));
    }

    @MutationMapping
    public ArchiveFile archiveInspection(@Argument String inspectionId, @Argument Integer retentionYears, @ContextValue Viewer viewer) {
        return service.archive(inspectionId, retentionYears, viewer);
    }

    @MutationMapping
    public ArchiveAmendment requestArchiveAmendment(@Argument String fileId, @Argument String content, @Argument String reason,
                                                    @Argument AmendableField resultField, @Argument String resultValue, @ContextValue Viewer viewer) {
        return service.requestAmendment(fileId, content, reason, resultField, resultValue, viewer);
    }

    @MutationMapping
    public ArchiveAmendment decideArchiveAmendment(@Argument String id, @Argument boolean approve, @Argument String note, @ContextValue Viewer viewer) {
        return service.decideAmendment(id, approve, note, viewer);
    }

    @MutationMapping
    public Borrowing requestArchiveBorrowing(@Argument ArchiveService.BorrowingInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.requestBorrowing(input, viewer));
    }

    @MutationMapping
    public Borrowing consentArchiveBorrowing(@Argument String id, @Argument Consent consent, @ContextValue Viewer viewer) {
        return service.consent(id, consent, viewer);
    }

    @MutationMapping
    public Borrowing refuseArchiveBorrowing(@Argument String id, @Argument String reason, @ContextValue Viewer viewer) {
        return service.refuse(id, reason, viewer);
    }

    @MutationMapping
    public Borrowing returnArchiveFile(@Argument String id, @Argument LocalDate returnedOn, @Argument ReturnCondition condition,
                                       @Argument String notes, @ContextValue Viewer viewer) {
        return service.returned(id, returnedOn, condition, notes, viewer);
    }

    @BatchMapping(typeName = "ArchiveFile")
    public Map<ArchiveFile, List<ArchiveAmendment>> amendments(List<ArchiveFile> list) {
        return Batches.grouped(list, ArchiveFile::id, service.amendmentsOf(Batches.keys(list, ArchiveFile::id)));
    }

    @BatchMapping(typeName = "ArchiveFile")
    public Map<ArchiveFile, List<Borrowing>> borrowings(List<ArchiveFile> list) {
        return Batches.grouped(list, ArchiveFile::id, service.borrowingsOf(Batches.keys(list, ArchiveFile::id)));
    }

    @SchemaMapping(typeName = "OverdueWork", field = "loans")
    public List<Borrowing> overdueLoans(OverdueWork work) {
        return service.overdueLoans(work.departments());
    }
}
