package org.supervisionhub.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.Role;

/**
 * 10,000 requests generated from the schema with a fixed seed: well-formed operations with random
 * arguments and selections, wrong variable types, broken documents and malformed bodies, sent as
 * every role. None may answer 5xx, and every GraphQL error must carry a code other than INTERNAL.
 * The requests are generated first (the same ones on every run), then sent on two lanes of about
 * 5,000 so that both cores work, each lane in the order generated: every mutation on the first (one
 * mutation at a time, as when all were sent in one sequence), the other requests on the lane with fewer.
 */
class FuzzTest extends HubIntegrationTest {

    static final int REQUESTS = 10_000;
    static final long SEED = 20261122L;
    static final String[] STRINGS = {"", "x", "430102", "HRSS-430100", "91430102MA0000001X", "\"quoted\"", "中文名称", "' OR 1=1 --",
            "}{", "\u0000", "a".repeat(300), "2025-02-30", "-1", "MATCH (n) DETACH DELETE n"};

    @Autowired
    GraphQlSource source;

    final Random random = new Random(SEED);
    /** Whether the last body generated is a mutation. */
    boolean mutation;

    @Test
    void tenThousandGeneratedRequestsNeverAnswer5xxAndEveryErrorIsTyped() throws Exception {
        GraphQLSchema schema = source.schema();
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add(token(officer("HRSS-430100")));
        tokens.add(token(officer("HRSS-430102")));
        tokens.add(token(leader("HRSS-430100")));
        tokens.add(token(as(Role.OVERSIGHT, "HRSS-430000")));
        tokens.add(token(as(Role.PARTNER, "PARTNER-BIDDING-430000")));
        tokens.add(token(analyst()));
        tokens.add(token(admin()));
        tokens.add(token(inspector("INS-000001", "HRSS-430100")));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // Generated in one sequence from the seed, as when each was sent right after it was made.
        List<Fuzzed> first = new ArrayList<>();
        List<Fuzzed> second = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            String body = body(schema, n % 4);
            Fuzzed request = new Fuzzed(body, tokens.get(random.nextInt(tokens.size())));
            (mutation || first.size() < second.size() ? first : second).add(request);
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> codes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        java.util.concurrent.ExecutorService lanes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (List<Fuzzed> lane : List.of(first, second)) {
                sent.add(lanes.submit(() -> {
                    for (Fuzzed f : lane) {
                        send(http, f, statuses, codes, failures);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> lane : sent) {
                lane.get();
            }
        } finally {
            lanes.shutdownNow();
        }
        System.out.println("Fuzz seed " + SEED + ": HTTP statuses " + statuses + ", error codes " + codes);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(failures).isEmpty();
    }

    /** A generated request: its body and the token it is sent with (null: anonymous). */
    record Fuzzed(String body, String token) {
    }

    void send(HttpClient http, Fuzzed f, Map<Integer, Integer> statuses, Map<String, Integer> codes, List<String> failures) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(f.body()));
        if (f.token() != null) {
            request.header("Authorization", "Bearer " + f.token());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        var matcher = java.util.regex.Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(response.body());
        boolean untypedError = response.body().contains("\"errors\"") && !response.body().contains("\"code\"");
        synchronized (statuses) {
            statuses.merge(response.statusCode(), 1, Integer::sum);
            while (matcher.find()) {
                codes.merge(matcher.group(1), 1, Integer::sum);
            }
            if ((response.statusCode() >= 500 || response.body().contains("\"INTERNAL\"") || untypedError) && failures.size() < 20) {
                failures.add(response.statusCode() + " " + f.body() + " -> " + response.body());
            }
        }
    }

    /** Kinds: 0 a generated operation, 1 the same with wrongly typed variables, 2 a broken document, 3 a malformed body. */
    String body(GraphQLSchema schema, int kind) {
        mutation = false;
        switch (kind) {
            case 0, 1 -> {
                mutation = random.nextInt(4) == 0;
                GraphQLObjectType root = mutation ? schema.getMutationType() : schema.getQueryType();
                List<GraphQLFieldDefinition> fields = root.getFieldDefinitions();
                GraphQLFieldDefinition field = fields.get(random.nextInt(fields.size()));
                Map<String, Object> variables = new LinkedHashMap<>();
                List<String> declarations = new ArrayList<>();
                List<String> arguments = new ArrayList<>();
                for (GraphQLArgument argument : field.getArguments()) {
                    if (GraphQLTypeUtil.isNonNull(argument.getType()) || random.nextBoolean()) {
                        declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
                        arguments.add(argument.getName() + ": $" + argument.getName());
                        variables.put(argument.getName(), kind == 1 && random.nextInt(3) == 0 ? wrong() : value(argument.getType(), 0));
                    }
                }
                String document = (mutation ? "mutation" : "query") + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")")
                        + " { " + field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
                        + selection(field.getType(), 0) + " }";
                return json(Map.of("query", document, "variables", variables));
            }
            case 2 -> {
                String document = "{ enterprises(first: 3) { edges { node { uscc name region { code } } } } }";
                int cut = random.nextInt(document.length());
                String broken = switch (random.nextInt(3)) {
                    case 0 -> document.substring(0, cut);
                    case 1 -> document.substring(0, cut) + STRINGS[random.nextInt(STRINGS.length)] + document.substring(cut);
                    default -> document.replace("first: 3", "first: " + STRINGS[random.nextInt(STRINGS.length)]);
                };
                return json(Map.of("query", broken));
            }
            default -> {
                return switch (random.nextInt(6)) {
                    case 0 -> "{}";
                    case 1 -> "{\"query\": 42}";
                    case 2 -> "{\"query\": \"{ hubInfo { version } }\", \"variables\": \"not an object\"}";
                    case 3 -> "[{\"query\": \"{ hubInfo { version } }\"}]";
                    case 4 -> "{\"query\": \"{ hubInfo { version } }\", \"operationName\": \"Missing\"}";
                    default -> "{\"query\": \"" + "{".repeat(random.nextInt(50)) + "\"";
                };
            }
        }
    }

    Object wrong() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt();
            case 1 -> List.of("x", 1);
            case 2 -> Map.of("unexpected", true);
            default -> STRINGS[random.nextInt(STRINGS.length)];
        };
    }

    Object value(GraphQLType type, int depth) {
        if (type instanceof GraphQLNonNull nn) {
            return value(nn.getWrappedType(), depth);
        }
        if (type instanceof GraphQLList list) {
            List<Object> values = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                values.add(value(list.getWrappedType(), depth + 1));
            }
            return values;
        }
        if (type instanceof GraphQLEnumType e) {
            return e.getValues().get(random.nextInt(e.getValues().size())).getName();
        }
        if (type instanceof GraphQLInputObjectType object) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (GraphQLInputObjectField f : object.getFieldDefinitions()) {
                if ((GraphQLTypeUtil.isNonNull(f.getType()) || random.nextBoolean()) && depth < 4) {
                    m.put(f.getName(), value(f.getType(), depth + 1));
                }
            }
            return m;
        }
        return switch (((GraphQLScalarType) type).getName()) {
            case "Int" -> random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(30) - 5;
            case "Float" -> random.nextDouble() * 200 - 50;
            case "Boolean" -> random.nextBoolean();
            case "Date" -> random.nextInt(4) == 0 ? STRINGS[random.nextInt(STRINGS.length)]
                    : "20" + (10 + random.nextInt(20)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
            case "DateTime" -> random.nextInt(4) == 0 ? STRINGS[random.nextInt(STRINGS.length)] : "2025-0" + (1 + random.nextInt(9)) + "-01T08:00:00Z";
            default -> STRINGS[random.nextInt(STRINGS.length)];
        };
    }

    /** A random selection: a few fields of the type, objects nested up to depth 3, required arguments generated as literals. */
    String selection(GraphQLType type, int depth) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        if (unwrapped instanceof GraphQLUnionType) {
            return " { __typename }";
        }
        if (!(unwrapped instanceof GraphQLFieldsContainer container)) {
            return "";
        }
        List<GraphQLFieldDefinition> fields = container.getFieldDefinitions();
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            GraphQLFieldDefinition f = fields.get(random.nextInt(fields.size()));
            boolean object = !(GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLScalarType
                    || GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLEnumType);
            if (object && depth >= 3) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (GraphQLArgument a : f.getArguments()) {
                if (GraphQLTypeUtil.isNonNull(a.getType()) || ("first".equals(a.getName()) && random.nextBoolean())) {
                    args.add(a.getName() + ": " + literal(value(a.getType(), 2)));
                }
            }
            picked.add("f" + i + ": " + f.getName() + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")") + selection(f.getType(), depth + 1));
        }
        return " { __typename " + String.join(" ", picked) + " }";
    }

    static String literal(Object v) {
        if (v instanceof String s) {
            return json(s);
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(FuzzTest::literal).toList()) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + ": " + literal(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(v);
    }

    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + JsonErrors.escape(s) + "\"";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(json(String.valueOf(k)) + ":" + json(x)));
            return "{" + String.join(",", parts) + "}";
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(",", l.stream().map(FuzzTest::json).toList()) + "]";
        }
        return String.valueOf(v);
    }
}
