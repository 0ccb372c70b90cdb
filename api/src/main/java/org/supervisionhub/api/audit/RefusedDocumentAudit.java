package org.supervisionhub.api.audit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * Records mutation documents that the query limits (depth, cost, aliases) refuse before execution: no mutation field runs,
 * so {@link MutationAudit} never sees them. As an instrumentation it notes the operation about to run (before any limit
 * is checked); as an interceptor it records, once per refused document, a bounded event: the actor, the mutation fields
 * named (at most {@value #MAX_FIELDS}), the digest of the request, and the limit's code. The GraphQL endpoint's rate limit
 * applies before, so these events come no faster than the caller's quota.
 */
@Component
public class RefusedDocumentAudit extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    static final Set<String> LIMIT_CODES = Set.of(ErrorCode.QUERY_TOO_DEEP.name(), ErrorCode.QUERY_TOO_COSTLY.name(),
            ErrorCode.TOO_MANY_ALIASES.name());
    static final int MAX_FIELDS = 5;
    private static final String OPERATION = RefusedDocumentAudit.class.getName() + ".operation";

    // Resolved on first use, like AccessInstrumentation's: instrumentations are needed to build the schema.
    private final ObjectProvider<MutationAudit> audit;

    public RefusedDocumentAudit(ObjectProvider<MutationAudit> audit) {
        this.audit = audit;
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext context, InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        if (context.getOperationDefinition() != null) {
            context.getGraphQLContext().put(OPERATION, context.getOperationDefinition());
        }
        return context;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            OperationDefinition operation = response.getExecutionInput().getGraphQLContext().get(OPERATION);
            if (operation == null || operation.getOperation() != OperationDefinition.Operation.MUTATION) {
                return response;
            }
            response.getErrors().stream().map(e -> String.valueOf(e.getExtensions().get("code"))).filter(LIMIT_CODES::contains)
                    .findFirst().ifPresent(code -> {
                        Viewer viewer = response.getExecutionInput().getGraphQLContext().get(Viewer.KEY);
                        Map<String, Object> asked = new LinkedHashMap<>();
                        asked.put("document", request.getDocument());
                        asked.put("operationName", request.getOperationName());
                        asked.put("variables", request.getVariables());
                        audit.getObject().refused(viewer != null ? viewer : Viewer.anonymous("unknown"), fields(operation), asked, code);
                    });
            return response;
        });
    }

    /** The mutation fields the document names at its top level, at most {@value #MAX_FIELDS} of them. */
    static String fields(OperationDefinition operation) {
        Set<String> names = new LinkedHashSet<>();
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field && names.size() < MAX_FIELDS) {
                names.add(field.getName());
            }
        }
        return names.isEmpty() ? "mutation" : String.join(",", names);
    }
}
