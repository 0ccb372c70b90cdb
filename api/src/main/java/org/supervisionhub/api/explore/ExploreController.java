package org.supervisionhub.api.explore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.explore.ExploreViews.BeneficialOwnership;
import org.supervisionhub.api.explore.ExploreViews.CommonController;
import org.supervisionhub.api.explore.ExploreViews.Dossier;
import org.supervisionhub.api.explore.ExploreViews.PathSearch;
import org.supervisionhub.api.explore.ExploreViews.RestrictionExposure;
import org.supervisionhub.api.explore.ExploreViews.SubjectGraph;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.ErrorCode;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.api.restriction.RestrictionController.SubjectInput;
import org.supervisionhub.graph.complaint.ComplaintRepository.Complaint;
import org.supervisionhub.graph.directory.Directory.LinkType;
import org.supervisionhub.graph.explore.Explore.Node;

/** Exploration (explore.graphqls): validates the arguments, finds the subjects, and leaves the walking to the services. */
@Controller
public class ExploreController {

    static final int MAX_HOPS = 3;
    static final int MAX_PATH_HOPS = 6;
    static final int MAX_LIMIT = 500;
    static final int MAX_PER_NODE = 200;
    static final int MAX_PATHS = 50;
    static final int MIN_SUBJECTS = 2;
    static final int MAX_SUBJECTS = 20;

    private final ExploreService explore;
    private final DossierService dossiers;
    private final PageRequests pages;

    public ExploreController(ExploreService explore, DossierService dossiers, PageRequests pages) {
        this.explore = explore;
        this.dossiers = dossiers;
        this.pages = pages;
    }

    @QueryMapping
    public SubjectGraph subjectGraph(@Argument SubjectInput subject, @Argument int hops, @Argument List<LinkType> linkTypes,
                                     @Argument LocalDate asOf, @Argument int limit, @Argument int perNode) {
        Checks checks = new Checks();
        String id = subject(checks, "subject", subject);
        range(checks, "hops", hops, 1, MAX_HOPS);
        range(checks, "limit", limit, 1, MAX_LIMIT);
        range(checks, "perNode", perNode, 1, MAX_PER_NODE);
        checks.throwIfAny();
        return explore.subjectGraph(find("subject", id), hops, types(linkTypes), day(asOf), limit, perNode);
    }

    @QueryMapping
    public Connection<ExploreViews.Neighbour> subjectNeighbours(@Argument SubjectInput subject, @Argument List<LinkType> linkTypes,
                                                                @Argument LocalDate asOf, @Argument Integer first, @Argument String after) {
        Checks checks = new Checks();
        String id = subject(checks, "subject", subject);
        checks.throwIfAny();
        int size = pages.size(first);
        pages.checkCursor(after);
        return explore.neighbours(find("subject", id), types(linkTypes), day(asOf), size, after);
    }

    @QueryMapping
    public PathSearch paths(@Argument SubjectInput from, @Argument SubjectInput to, @Argument int maxHops, @Argument List<LinkType> linkTypes,
                            @Argument LocalDate asOf, @Argument int first) {
        Checks checks = new Checks();
        String a = subject(checks, "from", from);
        String b = subject(checks, "to", to);
        checks.check(a == null || !a.equals(b), "to", ErrorCode.INVALID_VALUE, "to: the same subject as from; ask for two different subjects", null);
        range(checks, "maxHops", maxHops, 1, MAX_PATH_HOPS);
        range(checks, "first", first, 1, MAX_PATHS);
        checks.throwIfAny();
        Node na = find("from", a);
        Node nb = find("to", b);
        return explore.paths(na, nb, maxHops, types(linkTypes), day(asOf), first);
    }

    @QueryMapping
    public BeneficialOwnership beneficialOwners(@Argument String uscc, @Argument LocalDate asOf, @Argument double threshold) {
        Checks checks = new Checks();
        String u = checks.uscc("uscc", uscc);
        threshold(checks, threshold);
        checks.throwIfAny();
        return explore.beneficialOwners(find("uscc", u), day(asOf), threshold);
    }

    @QueryMapping
    public List<CommonController> commonControllers(@Argument List<SubjectInput> subjects, @Argument LocalDate asOf, @Argument double threshold) {
        Checks checks = new Checks();
        checks.check(subjects.size() >= MIN_SUBJECTS && subjects.size() <= MAX_SUBJECTS, "subjects", ErrorCode.INVALID_VALUE,
                "subjects: give " + MIN_SUBJECTS + " to " + MAX_SUBJECTS + " subjects, got " + subjects.size(), null);
        threshold(checks, threshold);
        List<String> ids = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < subjects.size() && i < MAX_SUBJECTS; i++) {
            String id = subject(checks, "subjects[" + i + "]", subjects.get(i));
            if (id != null) {
                Integer earlier = seen.putIfAbsent(id, i);
                checks.check(earlier == null, "subjects[" + i + "]", ErrorCode.DUPLICATE, "subjects[" + i + "]: the same subject as subjects["
                        + earlier + "]", null);
                ids.add(id);
            }
        }
        checks.throwIfAny();
        Map<String, Node> found = explore.nodes(ids);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Node n = found.get(ids.get(i));
            if (n == null) {
                throw new NotFoundException("subjects[" + i + "]", "no enterprise or person " + ids.get(i));
            }
            nodes.add(n);
        }
        return explore.commonControllers(nodes, day(asOf), threshold);
    }

    @QueryMapping
    public RestrictionExposure restrictionExposure(@Argument SubjectInput subject, @Argument int hops, @Argument LocalDate asOf) {
        Checks checks = new Checks();
        String id = subject(checks, "subject", subject);
        range(checks, "hops", hops, 1, MAX_HOPS);
        checks.throwIfAny();
        return explore.exposure(find("subject", id), hops, day(asOf));
    }

    @QueryMapping
    public Dossier preInspectionDossier(@Argument String uscc, @ContextValue Viewer viewer) {
        Checks checks = new Checks();
        String u = checks.uscc("uscc", uscc);
        checks.throwIfAny();
        return dossiers.dossier(u, viewer);
    }

    /** Only when asked, and only for the roles the field's own rule admits. */
    @SchemaMapping(typeName = "PreInspectionDossier")
    public List<Complaint> complaints(Dossier dossier) {
        return dossiers.complaints(dossier);
    }

    // ---- arguments

    /** Exactly one of uscc and personId, valid; null after recording the violation. */
    static String subject(Checks checks, String field, SubjectInput s) {
        if (s == null || (s.uscc() == null) == (s.personId() == null)) {
            checks.check(false, field, ErrorCode.INVALID_VALUE, field + ": give exactly one of uscc and personId", null);
            return null;
        }
        return s.uscc() != null ? checks.uscc(field + ".uscc", s.uscc()) : checks.personId(field + ".personId", s.personId());
    }

    static void range(Checks checks, String field, int value, int min, int max) {
        checks.check(value >= min && value <= max, field, ErrorCode.INVALID_VALUE, field + ": between " + min + " and " + max + ", got " + value, null);
    }

    static void threshold(Checks checks, double t) {
        checks.check(t > 0 && t <= 1, "threshold", ErrorCode.INVALID_VALUE, "threshold: a share above 0 and at most 1 (0.25 is 25%), got " + t, null);
    }

    private Node find(String field, String id) {
        Node n = explore.nodes(List.of(id)).get(id);
        if (n == null) {
            throw new NotFoundException(field, "no " + (id.startsWith("P") && id.length() == 17 ? "person " : "enterprise ") + id);
        }
        return n;
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : explore.today();
    }

    private static List<LinkType> types(List<LinkType> linkTypes) {
        return linkTypes == null || linkTypes.isEmpty() ? ExploreService.ALL_TYPES : List.copyOf(new LinkedHashSet<>(linkTypes));
    }
}
