package org.supervisionhub.api.checklist;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.supervisionhub.api.checklist.ChecklistInputs.CreateChecklistVersionInput;
import org.supervisionhub.api.checklist.ChecklistInputs.UpdateChecklistDraftInput;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.AccessScope;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.graphql.InputPaths;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.GroupedLoader;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.Checklist.Version;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.organisation.Organisation.BusinessLine;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.store.Page;
import reactor.core.publisher.Mono;

/** Checklist versions and items. */
@Controller
public class ChecklistController {

    record ItemPageKey(String versionId, int first, String after) {
        ItemPageKey shape() {
            return new ItemPageKey(null, first, after);
        }
    }

    /** Wrapper so the loader is registered under a distinct value type. */
    record ItemPage(Page<Item> page) {
    }

    private static final Set<Role> DRAFT_READERS = Set.of(Role.OFFICER, Role.LEADER, Role.OVERSIGHT);

    private final ChecklistRepository checklists;
    private final OrganisationRepository organisation;
    private final ChecklistService service;
    private final PageRequests pages;

    public ChecklistController(ChecklistRepository checklists, OrganisationRepository organisation, ChecklistService service,
                               PageRequests pages, BatchLoaderRegistry registry) {
        this.checklists = checklists;
        this.organisation = organisation;
        this.service = service;
        this.pages = pages;
        registry.forTypePair(ItemPageKey.class, ItemPage.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() ->
                GroupedLoader.load(keys, ItemPageKey::shape, ItemPageKey::versionId, (shape, ids) -> {
                    Map<String, ItemPage> out = new java.util.HashMap<>();
                    checklists.items(ids, shape.first(), shape.after()).forEach((id, page) -> out.put(id, new ItemPage(page)));
                    return out;
                })));
    }

    /** A draft is visible to the department tree above its issuer (officers, leaders, oversight); published ones to all. */
    @QueryMapping
    public Version checklistVersion(@Argument String id, @ContextValue Viewer viewer) {
        return checklists.version(id).filter(v -> !"DRAFT".equals(v.status()) || seesDraftsOf(viewer, v.departmentId())).orElse(null);
    }

    @QueryMapping
    public Connection<Version> checklistVersions(@Argument String departmentId, @Argument String kind, @Argument String status,
                                                 @Argument Integer first, @Argument String after, @ContextValue Viewer viewer) {
        Set<String> draftsOf = viewer.hasAny(DRAFT_READERS) ? viewer.departmentTree().get() : Set.of();
        return Connection.of(checklists.list(departmentId, kind, status, draftsOf, pages.size(first), after), after);
    }

    @MutationMapping
    public Version createChecklistVersion(@Argument CreateChecklistVersionInput input, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, input.departmentId(), "input.departmentId");
        return InputPaths.under("input", () -> service.create(input));
    }

    @MutationMapping
    public Version deriveChecklistVersion(@Argument String fromId, @Argument String title, @ContextValue Viewer viewer) {
        requireIssuer(viewer, fromId, "fromId");
        return service.derive(fromId, title);
    }

    @MutationMapping
    public Version updateChecklistDraft(@Argument UpdateChecklistDraftInput input, @ContextValue Viewer viewer) {
        requireIssuer(viewer, input.id(), "input.id");
        return InputPaths.under("input", () -> service.updateDraft(input));
    }

    @MutationMapping
    public Version publishChecklistVersion(@Argument String id, @ContextValue Viewer viewer) {
        requireIssuer(viewer, id, "id");
        return service.publish(id);
    }

    private void requireIssuer(Viewer viewer, String versionId, String field) {
        Version version = checklists.version(versionId).filter(v -> !"DRAFT".equals(v.status()) || seesDraftsOf(viewer, v.departmentId()))
                .orElseThrow(() -> new NotFoundException(field, "no checklist version " + versionId));
        Access.requireDepartment(viewer, version.departmentId(), field);
    }

    private static boolean seesDraftsOf(Viewer viewer, String departmentId) {
        return viewer.hasAny(DRAFT_READERS) && viewer.reaches(departmentId, AccessScope.DEPARTMENT_TREE);
    }

    @BatchMapping(typeName = "ChecklistVersion")
    public Map<Version, Department> department(List<Version> versions) {
        return Batches.byKey(versions, Version::departmentId, organisation.departments(Batches.keys(versions, Version::departmentId)));
    }

    @BatchMapping(typeName = "ChecklistVersion")
    public Map<Version, Version> supersedes(List<Version> versions) {
        return Batches.byKey(versions, Version::supersedesId, checklists.versions(Batches.keys(versions, Version::supersedesId)));
    }

    @BatchMapping(typeName = "ChecklistVersion")
    public Map<Version, Integer> itemCount(List<Version> versions) {
        Map<String, Integer> counts = checklists.itemCounts(Batches.keys(versions, Version::id));
        Map<Version, Integer> out = new java.util.LinkedHashMap<>();
        versions.forEach(v -> out.put(v, counts.getOrDefault(v.id(), 0)));
        return out;
    }

    @SchemaMapping(typeName = "ChecklistVersion")
    public CompletableFuture<Connection<Item>> items(Version version, @Argument Integer first, @Argument String after,
                                                     DataLoader<ItemPageKey, ItemPage> loader) {
        int size = pages.size(first);
        pages.checkCursor(after);
        return loader.load(new ItemPageKey(version.id(), size, after))
                .thenApply(p -> Connection.of(p == null ? Page.<Item>empty() : p.page(), after));
    }

    @BatchMapping(typeName = "InspectionItem")
    public Map<Item, BusinessLine> businessLine(List<Item> items) {
        Map<String, BusinessLine> lines = new java.util.HashMap<>();
        organisation.businessLines().forEach(l -> lines.put(l.code(), l));
        return Batches.byKey(items, Item::businessLine, lines);
    }
}
