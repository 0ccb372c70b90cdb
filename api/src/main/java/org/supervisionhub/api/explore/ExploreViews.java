package org.supervisionhub.api.explore;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.api.restriction.RestrictionViews.AppliedTrigger;
import org.supervisionhub.api.restriction.RestrictionViews.SourceFreshness;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.explore.Explore.Edge;
import org.supervisionhub.graph.explore.Explore.Kind;
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.sampling.Sampling.Inspection;

/** Exploration answers as the schema (explore.graphqls) shows them; edges are {@link Edge} as read. */
public final class ExploreViews {

    private ExploreViews() {
    }

    public record OmittedLinks(LinkType type, int count) {
    }

    public record GraphNode(Kind kind, String id, String name, String status, int hops, boolean restricted, List<AppliedTrigger> triggers,
                            int degree, List<OmittedLinks> omitted) {
    }

    public record SubjectGraph(GraphNode subject, LocalDate asOf, int hops, List<GraphNode> nodes, List<Edge> edges, boolean truncated) {
    }

    public record Neighbour(Edge edge, GraphNode node) {
    }

    /** One page of a node's links, and how many it has in all ({@code degree}). */
    public record Neighbours(org.supervisionhub.graph.store.Page<Neighbour> page, int degree) {
    }

    public record SubjectPath(int length, List<GraphNode> nodes, List<Edge> edges) {
    }

    public record PathSearch(GraphNode from, GraphNode to, LocalDate asOf, Integer shortestLength, List<SubjectPath> paths, boolean truncated) {
    }

    public record OwnershipChain(double share, SubjectPath path) {
    }

    public record BeneficialOwner(GraphNode person, double effectiveShare, List<OwnershipChain> chains) {
    }

    public enum ControllerBasis { LARGEST_EFFECTIVE_SHARE, LEGAL_REPRESENTATIVE, UNKNOWN }

    public record ActualController(GraphNode person, ControllerBasis basis, Double effectiveShare) {
    }

    public record BeneficialOwnership(GraphNode enterprise, LocalDate asOf, double threshold, List<BeneficialOwner> owners,
                                      ActualController actualController, double untracedShare) {
    }

    public record ControlledSubject(GraphNode subject, LinkType via, Double effectiveShare, SubjectPath path) {
    }

    public record CommonController(GraphNode controller, List<ControlledSubject> controls) {
    }

    public record ExposedSubject(GraphNode node, SubjectPath path) {
    }

    public record RestrictionExposure(GraphNode subject, LocalDate asOf, int hops, List<ExposedSubject> exposed, boolean truncated) {
    }

    /** METH-07; complaints are resolved by their own field (it carries its own access rule). */
    public record Dossier(Enterprise enterprise, OffsetDateTime asOf, List<Trigger> listingsAndSanctions, List<Inspection> inspections,
                          List<Result> results, List<EnforcementCase> openCases, List<ExposedSubject> linkedRestricted,
                          List<SourceFreshness> freshness) {
    }
}
