package org.supervisionhub.api.access;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.supervisionhub.graph.inspection.RecordRepository;
import org.supervisionhub.graph.roster.Roster;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.Sampling;
import reactor.core.publisher.Mono;

/**
 * Enforces {@code @access} on every field fetch, root or nested, batch-loaded or not: the role
 * check, the scope check against the record's owner, and refusal of hidden arguments and input
 * fields (filters, sort keys) before anything is read. Mutations additionally run in one
 * transaction together with their audit event ({@link AccessAudit}).
 */
@Component
public class AccessInstrumentation extends SimplePerformantInstrumentation {

    // The policy is read from the built schema, which needs this instrumentation: both resolved on first use.
    private final ObjectProvider<AccessPolicy> policy;
    private final ObjectProvider<AccessAudit> audit;

    public AccessInstrumentation(ObjectProvider<AccessPolicy> policy, ObjectProvider<AccessAudit> audit) {
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment env = parameters.getEnvironment();
        if (!(env.getParentType() instanceof GraphQLObjectType parent) || env.getFieldDefinition().getName().startsWith("__")) {
            return fetcher;
        }
        GraphQLFieldDefinition field = env.getFieldDefinition();
        AccessPolicy policy = this.policy.getObject();
        Optional<AccessRule> rule = policy.field(parent.getName(), field.getName());
        boolean root = AccessPolicy.ROOTS.contains(parent.getName());
        boolean mutation = "Mutation".equals(parent.getName());
        if (rule.isEmpty() && !root && !policy.hasInputRules(parent.getName(), field.getName())) {
            return fetcher;
        }
        String coordinates = parent.getName() + "." + field.getName();
        DataFetcher<Object> guarded = e -> {
            Viewer viewer = viewerOf(e);
            check(policy, rule.orElse(null), root, coordinates, parent, e, viewer);
            if (root && rule.isPresent() && rule.get().scope() != AccessScope.ANY) {
                return Access.scoped(rule.get(), coordinates, () -> now(fetch(fetcher, e)));
            }
            return fetcher.get(e);
        };
        if (mutation) {
            return e -> audit.getObject().record(e, viewerOf(e), () -> now(fetch(guarded, e)));
        }
        return guarded;
    }

    private static void check(AccessPolicy policy, AccessRule rule, boolean root, String coordinates, GraphQLObjectType parent,
                              DataFetchingEnvironment env, Viewer viewer) {
        if (rule == null && root) {
            throw new ForbiddenException(coordinates, coordinates + " declares no access rule", !viewer.authenticated());
        }
        if (rule != null && !rule.allowsRoleOf(viewer)) {
            throw new ForbiddenException(coordinates, path(env) + ": " + coordinates + " requires one of the roles " + new java.util.TreeSet<>(rule.roles()),
                    !viewer.authenticated());
        }
        if (rule != null && !root && rule.scope() != AccessScope.ANY && !rule.reaches(viewer, ownerOf(env.getSource()))) {
            throw new ForbiddenException(coordinates, path(env) + ": " + coordinates + " is visible only "
                    + (rule.scope() == AccessScope.OWN_DEPARTMENT ? "within the record's own department" : "within the record's department tree")
                    + " or to the inspector themself", !viewer.authenticated());
        }
        Map<String, Object> arguments = env.getArguments();
        policy.refusedInput(parent, env.getFieldDefinition(), arguments, viewer).ifPresent(input -> {
            throw new ForbiddenException(input, path(env) + ": the argument " + input + " is not available to the caller's roles"
                    + " (filtering or sorting on a hidden field)", !viewer.authenticated());
        });
    }

    private static String path(DataFetchingEnvironment env) {
        return env.getExecutionStepInfo().getPath().toString();
    }

    /**
     * The department and inspector a scoped nested field is checked against; null (deny) for unknown
     * types. Inspector entries carry the personal fields of ROS-09 that only their department sees. Types of the
     * capabilities above access name their owner themselves ({@link Owned}).
     */
    static AccessRule.Owner ownerOf(Object source) {
        if (source instanceof Roster.Inspector inspector) {
            return new AccessRule.Owner(inspector.departmentId(), inspector.inspectorId(), null);
        }
        if (source instanceof Sampling.Inspection inspection) {
            // The team of an inspection is the business of the department that carries it out (and its superiors).
            return AccessRule.Owner.department(inspection.inspectedBy() != null ? inspection.inspectedBy() : inspection.drawnBy());
        }
        if (source instanceof Owned owned) {
            return owned.accessOwner();
        }
        if (source instanceof RosterRepository.InspectorState state) {
            // A past state of a roster entry is as personal as the entry: the inspector's department (now) and the inspector.
            return new AccessRule.Owner(state.departmentId(), state.inspectorId(), null);
        }
        if (source instanceof RecordRepository.Present present) {
            // The certificate shown on site is the roster entry's certificate: scoped by its owner, not by the record's reader.
            return new AccessRule.Owner(present.departmentId(), present.inspectorId(), null);
        }
        return null;
    }

    private static Object fetch(DataFetcher<?> fetcher, DataFetchingEnvironment env) {
        try {
            return fetcher.get(env);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Viewer viewerOf(DataFetchingEnvironment env) {
        Viewer viewer = env.getGraphQlContext().get(Viewer.KEY);
        return viewer != null ? viewer : Viewer.anonymous("unknown");
    }

    /** Settles a controller's result on this thread, so scope checks and transactions see its outcome. */
    static Object now(Object result) {
        if (result instanceof Mono<?> mono) {
            return mono.block();
        }
        if (result instanceof CompletionStage<?> stage) {
            try {
                return stage.toCompletableFuture().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return result;
    }
}
