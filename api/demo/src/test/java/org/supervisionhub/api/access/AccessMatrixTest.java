package org.supervisionhub.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * The role × operation matrix, generated from the schema: every Query, Mutation and Subscription
 * field, and every field, argument and input field with an {@code @access} rule, is called as each
 * role against the running hub, and the outcome must match {@code access-matrix.csv}. A new
 * operation without a row fails the test, as does a row the schema no longer has.
 */
class AccessMatrixTest extends HubIntegrationTest {

    /** How a nested field's type is reached from a root field; {@code %s} takes the selection or filter. */
    static final Map<String, String> REACH = merged(Map.of(
            "Enterprise", "query($u: ID!) { enterprise(uscc: $u) { %s } }",
            "EnterpriseState", "query($u: ID!) { enterprise(uscc: $u) { stateAsOf(date: \"2099-01-01\") { %s } } }",
            "Inspector", "query($i: ID!) { inspector(inspectorId: $i) { %s } }",
            "InspectorState", "query($i: ID!) { inspector(inspectorId: $i) { stateAsOf(date: \"2099-01-01\") { %s } } }",
            "EnterpriseFilter", "{ enterprises(filter: {%s}, first: 1) { totalCount } }",
            "InspectorFilter", "{ inspectors(scope: {departmentId: \"HRSS-430100\"}, filter: {%s}, first: 1) { edges { cursor } } }",
            // The demo's Changsha plan has an adjustment, and its own executed draw assigned inspectors.
            "PlanAdjustment", "{ samplingPlan(id: \"PLAN-HRSS-430100-" + org.supervisionhub.api.demo.SamplingDemo.planYear(
                    org.supervisionhub.api.TestClock.configuredStart().toLocalDate()) + "\") { adjustments { %s } } }",
            "Inspection", "{ draws(departmentId: \"HRSS-430100\", status: EXECUTED, first: 1) { edges { node {"
                    + " inspections(first: 1) { edges { node { %s } } } } } } }"), Map.of(
            "RestrictionMeasure", "{ restrictionMeasure(id: \"SV-BID-SELF\") { %s } }",
            // The fixture's visit and on-site record of HRSS-430100, whose team is the matrix inspector.
            "JointVisit", "query($v: ID!) { enterpriseJointVisits(uscc: $v) { %s } }",
            "PresentInspector", "query($r: ID!) { inspectionRecord(inspectionId: $r) { present { %s } } }",
            // The demo's first listing.
            "RestrictionTriggerEvent", "{ restrictionTrigger(id: \"LST-000001\") { history { %s } } }",
            // METH-07: the fixture's enterprise, inspected by HRSS-430100 with the matrix inspector on the team.
            "PreInspectionDossier", "query($v: ID!) { preInspectionDossier(uscc: $v) { %s } }"));

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new java.util.HashMap<>(a);
        out.putAll(b);
        return Map.copyOf(out);
    }

    @Autowired
    GraphQlSource source;

    @Autowired
    org.neo4j.driver.Driver driver;

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSaysOnEveryOperationNestedFieldAndFilter() throws IOException {
        GraphQLSchema schema = source.schema();
        Map<String, Map<Role, Boolean>> matrix = matrix();
        Set<String> governed = governed(schema);
        assertThat(new TreeSet<>(matrix.keySet())).as("rows of access-matrix.csv vs the schema's operations and rules")
                .isEqualTo(new TreeSet<>(governed));

        // An inspector of HRSS-430100 with a recorded roster change, so its past states exist to be read.
        String inspectorId = "MATRIX-" + nextKey();
        String unit = graphQl().document("{ department(id: \"HRSS-430100\") { units { id } } }").execute()
                .path("department.units[0].id").entity(String.class).get();
        graphQl(officer("HRSS-430100")).document("mutation($in: InspectorInput!) { upsertInspector(input: $in) { inspectorId } }")
                .variable("in", Map.of("inspectorId", inspectorId, "name", "矩阵检查员", "certificateNo", inspectorId, "phone", "13800000000",
                        "certificateValidFrom", "2024-01-01", "certificateValidTo", "2030-12-31", "unitId", unit))
                .execute().path("upsertInspector.inspectorId").entity(String.class).isEqualTo(inspectorId);
        String uscc = graphQl().document("{ enterprises(first: 1) { edges { node { uscc } } } }").execute()
                .path("enterprises.edges[0].node.uscc").entity(String.class).get();
        // Two inspections of HRSS-430100 on an enterprise nobody inspects, both with the matrix inspector on the team: one
        // still to visit (a joint visit), one recorded on site (the certificate shown there). Written with Cypher: the hub puts
        // teams together at random (vdraw-1 steps 13 to 16), so no API call puts this inspector on a chosen team.
        String visited = driver.executableQuery("MATCH (e:Enterprise) WHERE e.regionCode STARTS WITH '4301'"
                + " AND NOT EXISTS { (e)<-[:TARGETS]-(:Inspection) } RETURN e.uscc AS uscc LIMIT 1").execute().records().get(0).get("uscc").asString();
        String run = "MATRIX-JV-" + nextKey();
        driver.executableQuery("""
                MATCH (e:Enterprise {uscc: $uscc}), (p:Inspector {inspectorId: $inspector})
                UNWIND [1, 2] AS n
                CREATE (t:SamplingTask {id: $run + '-' + n, windowStart: $from, windowEnd: $to})
                CREATE (i:Inspection {id: $run + '-I' + n, taskId: t.id, drawId: $run, uscc: $uscc, status: 'ACTIVE', drawnBy: 'HRSS-430100',
                        itemCodes: ['LABOUR-CONTRACTS'], stratum: 'ALL', drawOrder: n, rank: '00', flagged: false})-[:TARGETS]->(e)
                CREATE (i)-[:ASSIGNED {position: 1, at: $at}]->(p)
                WITH i, p, n WHERE n = 2
                CREATE (x:InspectionRecord {id: i.id + '-R', inspectionId: i.id, conductedAt: $at, method: 'ON_SITE', itemCodes: ['LABOUR-CONTRACTS'],
                        facts: ['矩阵'], signedBy: '矩阵', signerRole: 'LEGAL_REPRESENTATIVE', witnesses: [], recordedAt: $at, recordedBy: 'matrix'})-[:OF]->(i)
                CREATE (x)-[:PRESENT {position: 0, certificateNo: p.certificateNo}]->(p)""")
                .withParameters(Map.of("uscc", visited, "inspector", inspectorId, "run", run, "at", clock.now(),
                        "from", clock.today().plusDays(1), "to", clock.today().plusDays(30))).execute();
        Map<String, Object> reach = Map.of("u", uscc, "i", inspectorId, "v", visited, "r", run + "-I2");
        Map<Role, DemoIssuer.Subject> subjects = new EnumMap<>(Role.class);
        subjects.put(Role.OFFICER, officer("HRSS-430100"));
        subjects.put(Role.INSPECTOR, inspector(inspectorId, "HRSS-430100"));
        subjects.put(Role.LEADER, leader("HRSS-430100"));
        subjects.put(Role.OVERSIGHT, as(Role.OVERSIGHT, "HRSS-430000"));
        subjects.put(Role.PARTNER, as(Role.PARTNER, "PARTNER-BIDDING-430000"));
        subjects.put(Role.ANALYST, analyst());
        subjects.put(Role.ADMIN, admin());
        // Queries and mutations over HTTP; subscriptions over WebSocket, the token in connection_init.
        Map<Role, GraphQlTester> callers = new EnumMap<>(Role.class);
        Map<Role, GraphQlTester> subscribers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            DemoIssuer.Subject subject = subjects.get(role);
            callers.put(role, subject == null ? graphQl() : graphQl(subject));
            subscribers.put(role, webSocket(subject == null ? null : token(subject)));
        }

        List<String> mismatches = new ArrayList<>();
        for (var row : matrix.entrySet()) {
            String coordinates = row.getKey();
            for (var cell : row.getValue().entrySet()) {
                Role role = cell.getKey();
                Request request = request(schema, coordinates, reach);
                List<ResponseError> errors = new ArrayList<>();
                boolean subscription = coordinates.startsWith("Subscription.");
                var spec = (subscription ? subscribers : callers).get(role).document(request.document());
                request.variables().forEach(spec::variable);
                if (subscription) {
                    // The generated arguments are invalid, so an admitted subscription ends at once with a validation error.
                    try {
                        GraphQlTester.Response first = spec.executeSubscription().toFlux().blockFirst(Duration.ofSeconds(30));
                        if (first != null) {
                            first.errors().satisfy(errors::addAll);
                        }
                    } catch (SubscriptionErrorException e) {
                        errors.addAll(e.getErrors());
                    }
                } else {
                    spec.execute().errors().satisfy(errors::addAll);
                }
                boolean refused = request.root()
                        ? errors.stream().anyMatch(e -> coordinates.equals(e.getExtensions().get("field")))
                        : errors.stream().anyMatch(e -> Set.of("FORBIDDEN", "UNAUTHENTICATED").contains(e.getExtensions().get("code")));
                boolean typed = errors.stream().filter(e -> coordinates.equals(e.getExtensions().get("field")))
                        .allMatch(e -> (role == Role.PUBLIC ? "UNAUTHENTICATED" : "FORBIDDEN").equals(e.getExtensions().get("code")));
                if (refused == cell.getValue() || !typed) {
                    mismatches.add(coordinates + " as " + role + ": expected " + (cell.getValue() ? "allowed" : "refused")
                            + ", got " + errors.stream().map(e -> e.getExtensions().get("code") + " " + e.getMessage())
                            .collect(Collectors.joining("; ", "[", "]")));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    record Request(String document, Map<String, Object> variables, boolean root) {
    }

    /** A request that touches exactly {@code coordinates}: a root field with generated arguments, or a nested field via {@link #REACH}. */
    static Request request(GraphQLSchema schema, String coordinates, Map<String, Object> reach) {
        String type = coordinates.substring(0, coordinates.indexOf('.'));
        String field = coordinates.substring(coordinates.indexOf('.') + 1);
        if (AccessPolicy.ROOTS.contains(type)) {
            GraphQLObjectType root = (GraphQLObjectType) schema.getType(type);
            GraphQLFieldDefinition def = root.getFieldDefinition(field);
            Map<String, Object> variables = new LinkedHashMap<>();
            List<String> declarations = new ArrayList<>();
            List<String> arguments = new ArrayList<>();
            for (GraphQLArgument argument : def.getArguments()) {
                if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
                    String name = "a_" + argument.getName();
                    declarations.add("$" + name + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
                    arguments.add(argument.getName() + ": $" + name);
                    variables.put(name, plain(sample(argument.getType())));
                }
            }
            String operation = type.toLowerCase(java.util.Locale.ROOT);
            return new Request(operation + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")") + " { " + field
                    + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")") + selection(def.getType()) + " }", variables, true);
        }
        String template = REACH.get(type);
        if (template == null) {
            throw new AssertionError("no way to reach " + type + " for " + coordinates + ": add it to REACH");
        }
        GraphQLNamedType named = (GraphQLNamedType) schema.getType(type);
        if (named instanceof GraphQLInputObjectType input) {
            GraphQLInputObjectField f = input.getFieldDefinition(field);
            return new Request(template.formatted(field + ": " + literal(sample(f.getType()))), reachVariables(template, reach), false);
        }
        GraphQLFieldDefinition def = ((GraphQLObjectType) named).getFieldDefinition(field);
        List<String> arguments = def.getArguments().stream().filter(a -> GraphQLTypeUtil.isNonNull(a.getType()))
                .map(a -> a.getName() + ": " + literal(sample(a.getType()))).toList();
        return new Request(template.formatted(field + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
                + selection(def.getType())), reachVariables(template, reach), false);
    }

    /** The variables a REACH template declares ({@code $u} enterprise, {@code $i} inspector, {@code $v} visited enterprise, {@code $r} recorded inspection). */
    static Map<String, Object> reachVariables(String template, Map<String, Object> reach) {
        Map<String, Object> variables = new LinkedHashMap<>();
        reach.forEach((name, value) -> {
            if (template.contains("$" + name + ":")) {
                variables.put(name, value);
            }
        });
        return variables;
    }

    static String selection(GraphQLType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType || GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLEnumType
                ? "" : " { __typename }";
    }

    /** A value of the type: required input fields only, one list element, the first enum value. */
    static Object sample(GraphQLInputType type) {
        if (type instanceof GraphQLNonNull nn) {
            return sample((GraphQLInputType) nn.getWrappedType());
        }
        if (type instanceof GraphQLList list) {
            return List.of(sample((GraphQLInputType) list.getWrappedType()));
        }
        if (type instanceof GraphQLEnumType e) {
            return new EnumValue(e.getValues().get(0).getName());
        }
        if (type instanceof GraphQLInputObjectType object) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (GraphQLInputObjectField f : object.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue()) {
                    m.put(f.getName(), sample(f.getType()));
                }
            }
            return m;
        }
        return switch (((GraphQLScalarType) type).getName()) {
            case "Int" -> 1;
            case "Float" -> 1.5;
            case "Boolean" -> false;
            case "Date" -> "2025-01-01";
            case "DateTime" -> "2025-01-01T00:00:00Z";
            case "ID" -> "MATRIX-1";
            default -> "matrix";
        };
    }

    /** An enum value: a bare name as a literal, its name as a variable. */
    record EnumValue(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The sample as a JSON variable value: enum values by name. */
    static Object plain(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(AccessMatrixTest::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), plain(v)));
            return m;
        }
        return value instanceof EnumValue e ? e.name() : value;
    }

    static String literal(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(AccessMatrixTest::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + literal(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }

    /** Root fields, and every field, argument and input field that declares a rule. */
    static Set<String> governed(GraphQLSchema schema) {
        Set<String> out = new TreeSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition f : object.getFieldDefinitions()) {
                    if (AccessPolicy.ROOTS.contains(object.getName()) || f.hasAppliedDirective(AccessPolicy.DIRECTIVE)) {
                        out.add(object.getName() + "." + f.getName());
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
                    if (f.hasAppliedDirective(AccessPolicy.DIRECTIVE)) {
                        out.add(input.getName() + "." + f.getName());
                    }
                }
            }
        }
        return out;
    }

    static Map<String, Map<Role, Boolean>> matrix() throws IOException {
        List<String> lines = new ClassPathResource("access-matrix.csv").getContentAsString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        String[] header = lines.get(0).split(",");
        Map<String, Map<Role, Boolean>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<Role, Boolean> row = new EnumMap<>(Role.class);
            for (int i = 1; i < header.length; i++) {
                row.put(Role.valueOf(header[i]), "Y".equals(cells[i].strip()));
            }
            out.put(cells[0], row);
        }
        return out;
    }
}
