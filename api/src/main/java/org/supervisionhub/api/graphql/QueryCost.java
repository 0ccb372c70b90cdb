package org.supervisionhub.api.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The cost of an operation, before it runs: each field costs 1 plus the cost of its selection times its fan-out, the
 * number of values it may return. A field with a {@code first} argument fans out {@code first} times (a connection's
 * {@code edges} then count once: the page is already counted). Any other list fans out its declared
 * {@code @listSize(assumedSize:)} (or the length of its {@code slicingArgument}, a list argument, when given), or {@link #UNDECLARED_LIST_SIZE} when it declares none, so a list nobody sized
 * is never cheap. Introspection is bounded by graphql-java's good-faith limits and counts each field once.
 * Computed in {@code long}, saturating: an explosion cannot wrap around to a small number.
 */
public final class QueryCost {

    /** The directive a list field declares its size with: {@code @listSize(assumedSize: 30)}. */
    public static final String LIST_SIZE = "listSize";
    /** Fan-out of a list of objects that declares no size: the largest page a client may ask for. */
    public static final int UNDECLARED_LIST_SIZE = 200;
    static final String FIRST = "first";

    private QueryCost() {
    }

    /** The cost of the named (or only) operation of a valid document. */
    public static long of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        Map<QueryVisitorFieldEnvironment, Long> selections = new HashMap<>();
        long[] total = {0};
        QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
                .coercedVariables(variables == null ? CoercedVariables.emptyVariables() : variables).build()
                .visitPostOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.isTypeNameIntrospectionField()) {
                            return;
                        }
                        long selection = selections.getOrDefault(env, 0L);
                        long cost = add(1, multiply(selection, fanOut(env.getFieldDefinition(), env.getFieldsContainer(), env.getArguments())));
                        QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
                        if (parent == null) {
                            total[0] = add(total[0], cost);
                        } else {
                            selections.merge(parent, cost, QueryCost::add);
                        }
                    }
                });
        return total[0];
    }

    /** How many times a field repeats its selection. */
    static long fanOut(GraphQLFieldDefinition field, GraphQLFieldsContainer parent, Map<String, Object> arguments) {
        if (parent.getName().startsWith("__") || field.getName().startsWith("__")) {
            return 1;
        }
        if (arguments != null && arguments.get(FIRST) instanceof Integer first) {
            return Math.max(first, 1);
        }
        if (isConnection(parent) || !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
            return 1;
        }
        GraphQLAppliedDirective listSize = field.getAppliedDirective(LIST_SIZE);
        Object slicing = listSize == null || listSize.getArgument("slicingArgument") == null ? null
                : listSize.getArgument("slicingArgument").getValue();
        if (slicing instanceof String name && arguments != null && arguments.get(name) instanceof java.util.Collection<?> values) {
            return Math.max(values.size(), 1);
        }
        Integer declared = declaredSize(field);
        return declared != null ? Math.max(declared, 1) : UNDECLARED_LIST_SIZE;
    }

    /**
     * Every list of objects the schema has that declares no size, as {@code Type.field}, and every connection field
     * without a {@code first}: each would fan out {@link #UNDECLARED_LIST_SIZE} times, or unbounded.
     */
    public static List<String> undeclaredLists(GraphQLSchema schema) {
        List<String> missing = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__") || !(type instanceof GraphQLFieldsContainer container) || isConnection(container)) {
                continue;
            }
            for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(field.getType());
                GraphQLArgument first = field.getArgument(FIRST);
                boolean paged = first != null && first.hasSetDefaultValue();
                if (unwrapped instanceof GraphQLFieldsContainer target && isConnection(target) && !paged) {
                    missing.add(container.getName() + "." + field.getName() + " (a connection without a first default)");
                } else if (isList(field.getType()) && unwrapped instanceof GraphQLCompositeType && !paged && declaredSize(field) == null) {
                    missing.add(container.getName() + "." + field.getName());
                }
            }
        }
        return missing;
    }

    static boolean isConnection(GraphQLFieldsContainer type) {
        return type.getName().endsWith("Connection");
    }

    private static boolean isList(GraphQLType type) {
        return GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type)) || type instanceof GraphQLList;
    }

    private static Integer declaredSize(GraphQLFieldDefinition field) {
        GraphQLAppliedDirective listSize = field.getAppliedDirective(LIST_SIZE);
        if (listSize == null || listSize.getArgument("assumedSize") == null) {
            return null;
        }
        Object value = listSize.getArgument("assumedSize").getValue();
        return value instanceof Number n ? n.intValue() : null;
    }

    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
