package org.supervisionhub.api.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps parsed and validated documents by their text, so clients that send the same operation with other variables
 * (a partner's restriction check, thousands a minute) skip parsing and validation, a fifth of such a request's CPU.
 * Validation depends on the document and the schema only; the hub's limits (depth, cost, aliases, time) are checked
 * per execution, with the variables, and still apply. Only valid documents are kept; least recently used go first.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentCache implements PreparsedDocumentProvider {

    private final Map<String, PreparsedDocumentEntry> documents;

    public DocumentCache(@Value("${hub.graphql.document-cache-size:1000}") int size) {
        this.documents = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > size;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                     Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry entry;
        synchronized (documents) {
            entry = documents.get(text);
        }
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                synchronized (documents) {
                    documents.put(text, entry);
                }
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }
}
