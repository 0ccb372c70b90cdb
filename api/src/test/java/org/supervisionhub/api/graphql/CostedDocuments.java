package org.supervisionhub.api.graphql;

/**
 * Documents that tests and benchmarks in other modules send and {@link QueryCostTest} keeps under the cost limit: one
 * definition, so the cost test follows what they really send.
 */
public final class CostedDocuments {

    /** A partner's batch of restriction checks asking for the whole answer with its paths (RestrictionBenchmark). */
    public static final String RESTRICTION_CHECKS = "query($r: [RestrictionCheckInput!]!) { restrictionChecks(requests: $r) { restricted digest receiptId"
            + " restrictions { effect measureId trigger { id } path { nodes { id } } } alerts { measureId } } }";

    /** A page of enterprises with every nested field batch-loaded (NestedLoadingTest). */
    public static final String DEEP_ENTERPRISES = """
            query($n: Int) { enterprises(first: $n) { edges { node {
              uscc region { name parent { name } } registrationAuthority { name superior { name } }
              legalRepresentative { personId links { totalCount } }
              complaintCount complaints(first: 3) { totalCount edges { node { receivedOn receivedBy { name } } } }
              links(first: 5) { totalCount edges { node { type counterpart {
                ... on Person { personId } ... on Enterprise { uscc region { code } } } } } }
              branches: links(types: [BRANCH], first: 5) { totalCount }
            } } } }
            """;

    private CostedDocuments() {
    }
}
