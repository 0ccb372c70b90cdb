package org.supervisionhub.api.audit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.graphql.RequestedOperation;
import reactor.core.publisher.Mono;

/**
 * Records mutation documents refused before execution, by the query limits (depth, cost, aliases) or as invalid (syntax,
 * validation): no mutation field runs,
 * so {@link MutationAudit} never sees them. As an instrumentation it notes the operation about to run (before any limit
 * is checked); as an interceptor it records, once per refused document, a bounded event: the actor, the mutation fields
 * named (at most {@value #MAX_FIELDS}), the digest of the request, and the limit's code. The GraphQL endpoint's rate limit
 * applies before, so these events come no faster than the caller's quota.
 */
@Component
public class RefusedDocumentAudit extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    static final Set<String> REFUSAL_CODES = Set.of(ErrorCode.QUERY_TOO_DEEP.name(), ErrorCode.QUERY_TOO_COSTLY.name(),
            ErrorCode.TOO_MANY_ALIASES.name(), ErrorCode.GRAPHQL_VALIDATION.name(), ErrorCode.GRAPHQL_SYNTAX.name());
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
            String code = refusal(response);
            if (code == null) {
                return response;
            }
            OperationDefinition operation = response.getExecutionInput().getGraphQLContext().get(OPERATION);
            String fields;
            if (operation != null) {
                fields = operation.getOperation() == OperationDefinition.Operation.MUTATION ? fields(operation) : null;
            } else {
                // Refused before execution (syntax, validation): the document is read again here to see what it asked.
                fields = askedMutation(request.getDocument(), request.getOperationName());
            }
            if (fields != null) {
                Viewer viewer = response.getExecutionInput().getGraphQLContext().get(Viewer.KEY);
                Map<String, Object> asked = new LinkedHashMap<>();
                asked.put("document", request.getDocument());
                asked.put("operationName", request.getOperationName());
                asked.put("variables", request.getVariables());
                audit.getObject().refused(viewer != null ? viewer : Viewer.anonymous("unknown"), fields, asked, code);
            }
            return response;
        });
    }

    /** The code of the first error that refused the whole document, if any. */
    private static String refusal(WebGraphQlResponse response) {
        for (var error : response.getErrors()) {
            Object code = error.getExtensions().get("code");
            String name = code != null ? String.valueOf(code) : ErrorCode.ofClassification(String.valueOf(error.getErrorType())).name();
            if (REFUSAL_CODES.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * The mutation fields a document refused before execution asks for; {@code "mutation"} when it does not parse but
     * begins with the keyword, or names no single operation but holds a mutation; null when it asks for no mutation.
     */
    static String askedMutation(String document, String operationName) {
        if (document == null) {
            return null;
        }
        Optional<List<OperationDefinition>> operations = RequestedOperation.operations(document);
        if (operations.isEmpty()) {
            return LEADING_MUTATION.matcher(document).lookingAt() ? "mutation" : null;
        }
        Optional<OperationDefinition> chosen = RequestedOperation.chosen(operations.get(), operationName);
        if (chosen.isEmpty()) {
            return operations.get().stream().anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION) ? "mutation" : null;
        }
        return chosen.get().getOperation() == OperationDefinition.Operation.MUTATION ? fields(chosen.get()) : null;
    }

    /** The keyword {@code mutation} after any whitespace, commas and comments. */
    private static final Pattern LEADING_MUTATION = Pattern.compile("(?:[\\s,\\uFEFF]|#[^\\n\\r]*)*mutation\\b");

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
