package org.supervisionhub.api.graphql;

import java.util.List;
import java.util.Optional;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/**
 * What a request asks for before it runs: the operation its document and {@code operationName} select, read outside
 * execution (for requests refused before it, and for GET, which must not run a write).
 */
public final class RequestedOperation {

    private RequestedOperation() {
    }

    /** The document's operations; empty when it does not parse. */
    public static Optional<List<OperationDefinition>> operations(String document) {
        try {
            return Optional.of(Parser.parse(document).getDefinitionsOfType(OperationDefinition.class));
        } catch (RuntimeException unparsable) {
            return Optional.empty();
        }
    }

    /** The operation that would run: the one named, else the only one; empty when none is selected. */
    public static Optional<OperationDefinition> chosen(List<OperationDefinition> operations, String operationName) {
        return operations.stream()
                .filter(o -> operationName == null ? operations.size() == 1 : operationName.equals(o.getName()))
                .findFirst();
    }
}
