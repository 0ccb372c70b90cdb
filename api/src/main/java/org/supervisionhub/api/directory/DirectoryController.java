package org.supervisionhub.api.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.AccessRule;
import org.supervisionhub.api.access.AccessScope;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.directory.DirectoryInputs.EndLinkInput;
import org.supervisionhub.api.directory.DirectoryInputs.EnterpriseFilterInput;
import org.supervisionhub.api.directory.DirectoryInputs.EnterpriseInput;
import org.supervisionhub.api.directory.DirectoryInputs.LinkInput;
import org.supervisionhub.api.directory.DirectoryInputs.PersonInput;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.GroupedLoader;
import org.supervisionhub.api.graphql.InputPaths;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.graph.directory.Directory.Direction;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.Directory.EnterpriseFilter;
import org.supervisionhub.graph.directory.Directory.EnterpriseOrder;
import org.supervisionhub.graph.directory.Directory.Link;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.directory.Directory.Person;
import org.supervisionhub.graph.directory.Directory.TaxCreditGrade;
import org.supervisionhub.graph.directory.DirectoryRepository.LinkPage;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.Organisation.Region;
import reactor.core.publisher.Mono;

/** Enterprises, persons and links: queries, mutations and batch-loaded nested fields. */
@Controller
public class DirectoryController {

    /** A page of links of one owner; owners with equal other components load together. */
    record LinkPageKey(String owner, Direction direction, List<LinkType> types, LocalDate asOf, int first, String after) {
        LinkPageKey shape() {
            return new LinkPageKey(null, direction, types, asOf, first, after);
        }
    }

    /** An enterprise's legal representative on a day. */
    record LegalRepresentativeKey(String uscc, LocalDate day) {
    }

    /** What a connection needs to count its total on demand. */
    public record EnterpriseConnection(Connection<Enterprise> page, EnterpriseFilter filter, EnterpriseOrder order) {
        public List<Connection.Edge<Enterprise>> edges() {
            return page.edges();
        }

        public Connection.PageInfo pageInfo() {
            return page.pageInfo();
        }
    }

    private final DirectoryService service;
    private final EnterpriseImportService importer;
    private final PageRequests pages;
    private final Clock clock;

    public DirectoryController(DirectoryService service, EnterpriseImportService importer, PageRequests pages, Clock clock,
                               BatchLoaderRegistry registry) {
        this.service = service;
        this.importer = importer;
        this.pages = pages;
        this.clock = clock;
        registry.forTypePair(LinkPageKey.class, LinkPage.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() ->
                GroupedLoader.load(keys, LinkPageKey::shape, LinkPageKey::owner, (shape, owners) ->
                        service.links(owners, shape.direction(), shape.types(), shape.asOf(), shape.first(), shape.after()))));
        registry.forTypePair(LegalRepresentativeKey.class, Person.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() ->
                GroupedLoader.load(keys, LegalRepresentativeKey::day, LegalRepresentativeKey::uscc, (day, usccs) ->
                        service.legalRepresentatives(usccs, day))));
    }

    /**
     * An enterprise by USCC. When the selection asks for its legal representative on one day, both come from one
     * statement and the field's loader is primed with the answer, so the field adds no statement of its own.
     */
    @QueryMapping
    public Enterprise enterprise(@Argument String uscc, DataFetchingEnvironment env, DataLoader<LegalRepresentativeKey, Person> representatives) {
        Checks checks = new Checks();
        String code = checks.uscc("uscc", uscc);
        checks.throwIfAny();
        List<LocalDate> days = env.getSelectionSet().getFields("legalRepresentative").stream()
                .map(f -> representativeDay((LocalDate) f.getArguments().get("asOf"))).distinct().toList();
        if (days.size() != 1) {
            return service.enterprise(Uscc.of(code)).orElse(null);
        }
        return service.enterpriseWithLegalRepresentative(Uscc.of(code), days.get(0)).map(read -> {
            representatives.prime(new LegalRepresentativeKey(read.enterprise().uscc(), days.get(0)), read.legalRepresentative());
            return read.enterprise();
        }).orElse(null);
    }

    private LocalDate representativeDay(LocalDate asOf) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }

    @QueryMapping
    public EnterpriseConnection enterprises(@Argument EnterpriseFilterInput filter, @Argument EnterpriseOrder orderBy,
                                            @Argument Integer first, @Argument String after) {
        int size = pages.size(first);
        EnterpriseFilter f = service.filter(filter);
        if (f.regionCodes() != null && f.regionCodes().isEmpty()) {
            throw new NotFoundException("filter.regionCode", "no region " + filter.regionCode());
        }
        EnterpriseOrder order = orderBy == null ? EnterpriseOrder.USCC : orderBy;
        return new EnterpriseConnection(Connection.of(service.search(f, order, size, after), after), f, order);
    }

    @SchemaMapping(typeName = "EnterpriseConnection")
    public long totalCount(EnterpriseConnection connection) {
        return service.count(connection.filter(), connection.order());
    }

    @QueryMapping
    public Person person(@Argument String personId) {
        return service.person(personId).orElse(null);
    }

    @MutationMapping
    public Enterprise upsertEnterprise(@Argument EnterpriseInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.upsertEnterprise(input, jurisdiction(viewer)));
    }

    /**
     * A person is one record behind every enterprise it is linked to (and behind an inspector's entry): renaming it
     * changes what each of them shows, the public included. So the caller must reach every owner: each region of an
     * enterprise the person is or was linked to (JURISDICTION, as upsertEnterprise and upsertLink on it), and the own
     * department of an inspector who is this person (as Inspector.person). A new or unlinked person has no owner yet.
     */
    @MutationMapping
    public Person upsertPerson(@Argument PersonInput input, @ContextValue Viewer viewer) {
        String personId = InputPaths.under("input", () -> service.resolvePersonId(input));
        String field = input.personId() != null && !input.personId().isBlank() ? "input.personId" : "input.nationalId";
        Access.rows(viewer); // the check is made here, owner by owner; a person nobody owns yet needs none
        service.personOwners(personId).ifPresent(owners -> {
            new java.util.TreeSet<>(owners.enterpriseRegions()).forEach(region ->
                    Access.requireRegion(viewer, region.isEmpty() ? null : region, field));
            for (String department : new java.util.TreeSet<>(owners.inspectorDepartments())) {
                boolean own = viewer.has(Role.ADMIN) || viewer.has(Role.OFFICER) && !department.isEmpty()
                        && viewer.reaches(department, AccessScope.OWN_DEPARTMENT);
                if (!own) {
                    throw new ForbiddenException(field, "upsertPerson: " + field + " is an inspector of " + (department.isEmpty() ? "(unknown)" : department)
                            + ", whose person only that department may change", !viewer.authenticated());
                }
            }
        });
        return InputPaths.under("input", () -> service.upsertPerson(input));
    }

    @MutationMapping
    public Link upsertLink(@Argument LinkInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.upsertLink(input, jurisdiction(viewer)));
    }

    @MutationMapping
    public Link endLink(@Argument EndLinkInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.endLink(input, jurisdiction(viewer)));
    }

    @MutationMapping
    public ImportReport importEnterprises(@Argument String enterprisesCsv, @Argument String linksCsv, @ContextValue Viewer viewer) {
        var rows = Access.rows(viewer);
        return importer.importEnterprises(enterprisesCsv, linksCsv, region -> rows.test(AccessRule.Owner.region(region)));
    }

    private static DirectoryService.Jurisdiction jurisdiction(Viewer viewer) {
        return (region, field) -> Access.requireRegion(viewer, region, field);
    }

    @BatchMapping(typeName = "Enterprise", field = "region")
    public Map<Enterprise, Region> enterpriseRegion(List<Enterprise> enterprises) {
        return Batches.byKey(enterprises, Enterprise::regionCode,
                service.regions(Batches.keys(enterprises, Enterprise::regionCode)));
    }

    @BatchMapping(typeName = "Enterprise")
    public Map<Enterprise, List<TaxCreditGrade>> taxCreditGrades(List<Enterprise> enterprises) {
        Map<String, List<TaxCreditGrade>> grades = service.taxCreditGrades(Batches.keys(enterprises, Enterprise::uscc));
        Map<Enterprise, List<TaxCreditGrade>> out = new LinkedHashMap<>();
        enterprises.forEach(e -> out.put(e, grades.getOrDefault(e.uscc(), List.of())));
        return out;
    }

    @BatchMapping(typeName = "Enterprise")
    public Map<Enterprise, Department> registrationAuthority(List<Enterprise> enterprises) {
        return Batches.byKey(enterprises, Enterprise::registeredWith,
                service.departments(Batches.keys(enterprises, Enterprise::registeredWith)));
    }

    @SchemaMapping(typeName = "Enterprise", field = "links")
    public CompletableFuture<Connection<Link>> enterpriseLinks(Enterprise enterprise, @Argument Direction direction,
                                                               @Argument List<LinkType> types, @Argument LocalDate asOf,
                                                               @Argument Integer first, @Argument String after,
                                                               DataLoader<LinkPageKey, LinkPage> loader) {
        return links(enterprise.uscc(), direction == null ? Direction.INBOUND : direction, types, asOf, first, after, loader);
    }

    @SchemaMapping(typeName = "Person", field = "links")
    public CompletableFuture<Connection<Link>> personLinks(Person person, @Argument List<LinkType> types, @Argument LocalDate asOf,
                                                           @Argument Integer first, @Argument String after,
                                                           DataLoader<LinkPageKey, LinkPage> loader) {
        return links(person.personId(), Direction.OUTBOUND, types, asOf, first, after, loader);
    }

    @SchemaMapping(typeName = "Enterprise")
    public CompletableFuture<Person> legalRepresentative(Enterprise enterprise, @Argument LocalDate asOf,
                                                         DataLoader<LegalRepresentativeKey, Person> loader) {
        return loader.load(new LegalRepresentativeKey(enterprise.uscc(), representativeDay(asOf)));
    }

    private CompletableFuture<Connection<Link>> links(String owner, Direction direction, List<LinkType> types, LocalDate asOf,
                                                      Integer first, String after, DataLoader<LinkPageKey, LinkPage> loader) {
        int size = pages.size(first);
        List<LinkType> wanted = types == null || types.isEmpty() ? Arrays.asList(LinkType.values()) : List.copyOf(types);
        pages.checkCursor(after);
        return loader.load(new LinkPageKey(owner, direction, wanted, asOf, size, after))
                .thenApply(p -> p == null
                        ? new Connection<>(List.of(), new Connection.PageInfo(false, after != null, null, null), 0)
                        : Connection.of(p.page(), after != null, p.totalCount()));
    }
}
