package org.supervisionhub.api.complaint;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.graph.complaint.ComplaintRepository;
import org.supervisionhub.graph.complaint.ComplaintRepository.Complaint;
import org.supervisionhub.graph.complaint.ComplaintRepository.RosterEntry;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.store.Page;
import reactor.core.publisher.Mono;
import org.supervisionhub.api.errors.ErrorCode;

/** Complaints, the complaint roster and the complaint fields of an enterprise. */
@Controller
public class ComplaintController {

    /** Complaints of one enterprise, newest first. */
    record ComplaintList(List<Complaint> complaints) {
    }

    public record ComplaintInput(String uscc, String receivedByDepartmentId, String kind, LocalDate receivedOn, String channel,
                                 String summary) {
    }

    private final ComplaintRepository complaints;
    private final DirectoryRepository directory;
    private final OrganisationRepository organisation;
    private final PageRequests pages;
    private final Clock clock;

    public ComplaintController(ComplaintRepository complaints, DirectoryRepository directory, OrganisationRepository organisation,
                               PageRequests pages, Clock clock, BatchLoaderRegistry registry) {
        this.complaints = complaints;
        this.directory = directory;
        this.organisation = organisation;
        this.pages = pages;
        this.clock = clock;
        registry.forTypePair(String.class, ComplaintList.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> {
            Map<String, ComplaintList> out = new java.util.HashMap<>();
            complaints.ofEnterprises(keys).forEach((k, v) -> out.put(k, new ComplaintList(v)));
            return out;
        }));
    }

    @QueryMapping
    public Connection<RosterEntry> complaintRoster(@Argument String departmentId, @Argument Boolean includeSubordinates,
                                                   @Argument LocalDate from, @Argument LocalDate to, @Argument Integer minCount,
                                                   @Argument Integer first, @Argument String after, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        int size = pages.size(first);
        List<String> departments = includeSubordinates == null || includeSubordinates
                ? organisation.departmentAndSubordinates(departmentId) : List.of(departmentId);
        if (departments.isEmpty() || organisation.department(departmentId).isEmpty()) {
            throw new NotFoundException("departmentId", "no department " + departmentId);
        }
        new Checks().notBefore("to", to, "from", from)
                .check(minCount == null || minCount >= 1, "minCount", ErrorCode.INVALID_VALUE, "minCount must be at least 1", "ROS-07")
                .throwIfAny();
        // ROS-07: the roster tags each enterprise with how often it was complained about.
        return Connection.of(complaints.roster(departments, from, to, minCount == null ? 1 : minCount, size, after), after);
    }

    @MutationMapping
    @Transactional
    public Complaint recordComplaint(@Argument ComplaintInput input, @ContextValue Viewer viewer) {
        Checks checks = new Checks();
        String uscc = checks.uscc("input.uscc", input.uscc());
        checks.require("input.receivedByDepartmentId", input.receivedByDepartmentId()).require("input.receivedOn", input.receivedOn())
                .check(input.receivedOn() == null || !input.receivedOn().isAfter(LocalDate.now(clock)), "input.receivedOn",
                        ErrorCode.INVALID_VALUE, "input.receivedOn is in the future", null)
                .throwIfAny();
        Access.requireDepartment(viewer, input.receivedByDepartmentId(), "input.receivedByDepartmentId");
        if (directory.enterprise(uscc).isEmpty()) {
            throw new NotFoundException("input.uscc", "no enterprise " + uscc);
        }
        if (organisation.department(input.receivedByDepartmentId()).isEmpty()) {
            throw new NotFoundException("input.receivedByDepartmentId", "no department " + input.receivedByDepartmentId());
        }
        return complaints.record("CMP-" + UUID.randomUUID(), uscc, input.receivedByDepartmentId(),
                input.kind() == null ? "COMPLAINT" : input.kind(), input.receivedOn(), input.channel(), input.summary());
    }

    @BatchMapping(typeName = "Enterprise")
    public Map<Enterprise, Integer> complaintCount(List<Enterprise> enterprises) {
        Map<String, Integer> counts = complaints.counts(Batches.keys(enterprises, Enterprise::uscc));
        Map<Enterprise, Integer> out = new java.util.LinkedHashMap<>();
        enterprises.forEach(e -> out.put(e, counts.getOrDefault(e.uscc(), 0)));
        return out;
    }

    @SchemaMapping(typeName = "Enterprise", field = "complaints")
    public CompletableFuture<Connection<Complaint>> enterpriseComplaints(Enterprise enterprise, @Argument Integer first,
                                                                         @Argument String after,
                                                                         DataLoader<String, ComplaintList> loader) {
        int size = pages.size(first);
        pages.checkCursor(after);
        return loader.load(enterprise.uscc()).thenApply(list -> {
            List<Complaint> all = list == null ? List.of() : list.complaints();
            return Connection.of(Page.after(all, ComplaintController::sortKey, after, size), after != null, all.size());
        });
    }

    /** Newest first, then by id: the order the repository returns. */
    private static String sortKey(Complaint c) {
        return Page.newestFirst(c.receivedOn().atStartOfDay(java.time.ZoneOffset.UTC)) + "|" + c.id();
    }

    @BatchMapping(typeName = "Complaint")
    public Map<Complaint, Enterprise> enterprise(List<Complaint> list) {
        return Batches.byKey(list, Complaint::uscc, directory.enterprises(Batches.keys(list, Complaint::uscc)));
    }

    @BatchMapping(typeName = "Complaint")
    public Map<Complaint, Department> receivedBy(List<Complaint> list) {
        return Batches.byKey(list, Complaint::departmentId, organisation.departments(Batches.keys(list, Complaint::departmentId)));
    }

    @BatchMapping(typeName = "ComplaintRosterEntry", field = "enterprise")
    public Map<RosterEntry, Enterprise> rosterEnterprise(List<RosterEntry> entries) {
        return Batches.byKey(entries, RosterEntry::uscc, directory.enterprises(Batches.keys(entries, RosterEntry::uscc)));
    }
}
