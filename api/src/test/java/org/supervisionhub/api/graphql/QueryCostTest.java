package org.supervisionhub.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import graphql.ParseAndValidate;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The cost of documents against the hub's own schema, without starting the hub. */
class QueryCostTest {

    static final GraphQLSchema SCHEMA = schema();

    static GraphQLSchema schema() {
        try {
            TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
            SchemaParser parser = new SchemaParser();
            for (Resource sdl : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
                registry.merge(parser.parse(sdl.getContentAsString(StandardCharsets.UTF_8)));
            }
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long cost(String document, Map<String, Object> variables) {
        var input = graphql.ExecutionInput.newExecutionInput(document).variables(variables).build();
        var parsed = ParseAndValidate.parseAndValidate(SCHEMA, input);
        assertThat(parsed.getErrors()).as(document).isEmpty();
        Document doc = parsed.getDocument();
        var operation = graphql.language.NodeUtil.getOperation(doc, null).operationDefinition;
        var coerced = graphql.execution.ValuesResolver.coerceVariableValues(SCHEMA, operation.getVariableDefinitions(),
                graphql.execution.RawVariables.of(variables), graphql.GraphQLContext.getDefault(), java.util.Locale.ROOT);
        return QueryCost.of(SCHEMA, doc, null, coerced);
    }

    /** Fields on the longest path, as graphql-java's MaxQueryDepthInstrumentation counts them. */
    static int depth(String document) {
        Document doc = graphql.parser.Parser.parse(document);
        return graphql.analysis.QueryTraverser.newQueryTraverser().schema(SCHEMA).document(doc).operationName(null)
                .coercedVariables(CoercedVariables.emptyVariables()).build()
                .reducePreOrder((env, acc) -> {
                    int d = 1;
                    for (var p = env.getParentEnvironment(); p != null; p = p.getParentEnvironment()) {
                        d++;
                    }
                    return Math.max(acc, d);
                }, 0);
    }

    static long cost(String document) {
        return cost(document, Map.of());
    }

    /** hub.graphql.limits.max-cost by default. */
    static final long MAX_COST = 100_000;

    @Test
    void everyListOfObjectsDeclaresItsSize() {
        // A new list field: declare @listSize(assumedSize: N) with the most values it can hold, or a page (first).
        assertThat(QueryCost.undeclaredLists(SCHEMA)).isEmpty();
    }

    @Test
    void leavesCostOneEachAndTypenameNothing() {
        assertThat(cost("{ hubInfo { version embeddedStore __typename } }")).isEqualTo(3);
    }

    @Test
    void plainListsCountTheirDeclaredSize() {
        // departmentTree: 6 tops × (id 1 + subordinates (1 + 30 × id 1))
        assertThat(cost("{ departmentTree { id subordinates { id } } }")).isEqualTo(1 + 6 * (1 + 1 + 30));
        // superior is one department: the back-link costs 1 plus its selection, no fan-out.
        assertThat(cost("{ department(id: \"D\") { superior { id } } }")).isEqualTo(1 + 1 + 1);
    }

    @Test
    void pagesCountFirstAndTheirEdgesOnce() {
        assertThat(cost("{ enterprises(first: 10) { totalCount edges { node { uscc } } } }")).isEqualTo(1 + 10 * (1 + 1 + 2));
        // first's default (20) counts when the client gives none.
        assertThat(cost("{ enterprises { edges { node { uscc } } } }")).isEqualTo(1 + 20 * 3);
        assertThat(cost("query($n: Int) { enterprises(first: $n) { edges { node { uscc } } } }", Map.of("n", 7))).isEqualTo(1 + 7 * 3);
    }

    @Test
    void theDepartmentTreeBackLinkRecursionIsRefused() {
        // Security round 2: anonymous, depth 15, counted 15 while it returned 1.4 M departments.
        String bomb = "{ departmentTree { " + "subordinates { superior { ".repeat(6) + "subordinates { id }" + " } }".repeat(6) + " } }";
        assertThat(depth(bomb)).isEqualTo(15);
        // 6 tops × 30^7 subordinates at the bottom.
        assertThat(cost(bomb)).isGreaterThan(6L * 30 * 30 * 30 * 30 * 30 * 30 * 30);
    }

    @Test
    void explosionsSaturateInsteadOfWrappingAround() {
        String deeper = "{ departmentTree { " + "subordinates { superior { ".repeat(40) + "id" + " } }".repeat(40) + " } }";
        assertThat(cost(deeper)).isEqualTo(Long.MAX_VALUE);
        String wide = "{ " + ("departmentTree { " + "subordinates { superior { ".repeat(12) + "id" + " } }".repeat(12) + " } ").repeat(50) + "}";
        assertThat(cost(wide)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aBatchCountsTheRequestsItCarries() {
        String doc = "query($r: [RestrictionCheckInput!]!) { restrictionChecks(requests: $r) { restricted } }";
        Map<String, Object> one = Map.of("subject", Map.of("uscc", "X"), "domain", "HONOURS", "purpose", "p");
        assertThat(cost(doc, Map.of("r", java.util.Collections.nCopies(3, one)))).isEqualTo(1 + 3);
        assertThat(cost(doc, Map.of("r", java.util.Collections.nCopies(1000, one)))).isEqualTo(1 + 1000);
        // A partner's full batch (max-batch 1,000) asking for the whole answer with its paths, as the benchmark does, passes.
        assertThat(cost(CostedDocuments.RESTRICTION_CHECKS, Map.of("r", java.util.Collections.nCopies(1000, one))))
                .isLessThan(MAX_COST);
    }

    @Test
    void ordinaryQueriesStayUnderTheLimit() {
        assertThat(cost(CostedDocuments.DEEP_ENTERPRISES, Map.of("n", 200))).isLessThan(MAX_COST);
        // Province, cities, counties of every sector.
        assertThat(cost("{ departmentTree { id name subordinates { id name region { name } subordinates { id name } } } }"))
                .isLessThan(MAX_COST);
        assertThat(cost("{ departments(sector: TAX) { id name units { name role } } }")).isLessThan(MAX_COST);
        assertThat(cost("{ departments { id name sector level region { code name } superior { id } } }")).isLessThan(MAX_COST);
    }

    @Test
    void introspectionCountsEachFieldOnce() {
        // graphql-java's good-faith introspection limits bound it; the full introspection a client sends passes.
        assertThat(cost(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY)).isLessThan(1000);
        assertThat(cost("{ __schema { types { name fields { name type { name ofType { name } } args { name } } } } }")).isLessThan(100);
    }
}
