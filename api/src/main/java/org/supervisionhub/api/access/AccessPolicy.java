package org.supervisionhub.api.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The schema's {@code @access} declarations, read once from the built schema. Construction fails
 * (and with it the application) when a root field has no rule (deny by default) or when a field
 * that a rule may hide is non-null (a denial must hide only that field, not its parents).
 */
public final class AccessPolicy {

    public static final String DIRECTIVE = "access";
    public static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    private final Map<String, AccessRule> fields = new HashMap<>();
    private final Map<String, AccessRule> inputs = new HashMap<>();
    // Fields whose arguments, or input fields within them, carry a rule: the only ones whose inputs are checked.
    private final Set<String> fieldsWithInputRules = new java.util.HashSet<>();

    public AccessPolicy(GraphQLSchema schema) {
        List<String> problems = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLObjectType object) {
                boolean root = ROOTS.contains(object.getName());
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    String key = object.getName() + "." + field.getName();
                    Optional<AccessRule> rule = rule(field.getAppliedDirective(DIRECTIVE));
                    rule.ifPresent(r -> fields.put(key, r));
                    if (root && rule.isEmpty()) {
                        problems.add(key + " declares no @access rule");
                    }
                    if (!root && rule.isPresent() && GraphQLTypeUtil.isNonNull(field.getType())) {
                        problems.add(key + " may be hidden by @access but is non-null");
                    }
                    for (GraphQLArgument argument : field.getArguments()) {
                        rule(argument.getAppliedDirective(DIRECTIVE)).ifPresent(r -> inputs.put(key + "(" + argument.getName() + ")", r));
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    Optional<AccessRule> rule = rule(field.getAppliedDirective(DIRECTIVE));
                    rule.ifPresent(r -> inputs.put(input.getName() + "." + field.getName(), r));
                    if (rule.isPresent() && GraphQLTypeUtil.isNonNull(field.getType())) {
                        problems.add(input.getName() + "." + field.getName() + " may be refused by @access but is required");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Access rules incomplete (deny by default):\n  " + String.join("\n  ", problems));
        }
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !type.getName().startsWith("__")) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    String key = object.getName() + "." + field.getName();
                    if (field.getArguments().stream().anyMatch(a -> inputs.containsKey(key + "(" + a.getName() + ")")
                            || hasRules(a.getType(), new java.util.HashSet<>()))) {
                        fieldsWithInputRules.add(key);
                    }
                }
            }
        }
    }

    /** The rule of {@code Type.field}, if it declares one. */
    public Optional<AccessRule> field(String typeName, String fieldName) {
        return Optional.ofNullable(fields.get(typeName + "." + fieldName));
    }

    /** Every declared field rule, keyed {@code Type.field}. */
    public Map<String, AccessRule> fieldRules() {
        return Map.copyOf(fields);
    }

    /**
     * The first argument or input field, among the values given to {@code field}, that the viewer
     * may not use: its path ({@code filter.creditRiskClasses}) and rule; empty when all are allowed.
     */
    public Optional<String> refusedInput(GraphQLObjectType parent, GraphQLFieldDefinition field, Map<String, Object> arguments,
                                         Viewer viewer) {
        String key = parent.getName() + "." + field.getName();
        if (!fieldsWithInputRules.contains(key)) {
            return Optional.empty();
        }
        for (GraphQLArgument argument : field.getArguments()) {
            Object value = arguments.get(argument.getName());
            if (value == null) {
                continue;
            }
            AccessRule rule = inputs.get(key + "(" + argument.getName() + ")");
            if (rule != null && !rule.allowsRoleOf(viewer)) {
                return Optional.of(argument.getName());
            }
            Optional<String> nested = refused(argument.getType(), value, argument.getName(), viewer);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    private Optional<String> refused(GraphQLInputType type, Object value, String path, Viewer viewer) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
        if (value == null) {
            return Optional.empty();
        }
        if (unwrapped instanceof GraphQLList list && value instanceof List<?> values) {
            for (int i = 0; i < values.size(); i++) {
                Optional<String> r = refused((GraphQLInputType) list.getWrappedType(), values.get(i), path + "[" + i + "]", viewer);
                if (r.isPresent()) {
                    return r;
                }
            }
        } else if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> map) {
            for (GraphQLInputObjectField f : object.getFieldDefinitions()) {
                Object v = map.get(f.getName());
                if (v == null) {
                    continue;
                }
                AccessRule rule = inputs.get(object.getName() + "." + f.getName());
                if (rule != null && !rule.allowsRoleOf(viewer)) {
                    return Optional.of(path + "." + f.getName());
                }
                Optional<String> r = refused(f.getType(), v, path + "." + f.getName(), viewer);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether any argument or input field reachable from {@code Type.field} carries a rule (most carry none). */
    public boolean hasInputRules(String typeName, String fieldName) {
        return fieldsWithInputRules.contains(typeName + "." + fieldName);
    }

    private boolean hasRules(GraphQLType type, Set<String> seen) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        if (unwrapped instanceof GraphQLInputObjectType object && seen.add(object.getName())) {
            for (GraphQLInputObjectField f : object.getFieldDefinitions()) {
                if (inputs.containsKey(object.getName() + "." + f.getName()) || hasRules(f.getType(), seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Optional<AccessRule> rule(GraphQLAppliedDirective directive) {
        if (directive == null) {
            return Optional.empty();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : (List<Object>) directive.getArgument("roles").getValue()) {
            roles.add(Role.valueOf(String.valueOf(role)));
        }
        var scopeArgument = directive.getArgument("scope");
        Object scope = scopeArgument == null ? null : scopeArgument.getValue();
        return Optional.of(new AccessRule(Set.copyOf(roles), scope == null ? AccessScope.ANY : AccessScope.valueOf(String.valueOf(scope))));
    }
}
