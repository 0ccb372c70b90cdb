package org.supervisionhub.api.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Node;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps parsed and validated documents by their text, so clients that send the same operation with other variables
 * (a partner's restriction check, thousands a minute) skip parsing and validation, a fifth of such a request's CPU.
 * Validation depends on the document and the schema only; the hub's limits (depth, cost, aliases, time) are checked
 * per execution, with the variables, and still apply. Only valid documents are kept.
 * <p>
 * The cache is bounded by an estimate of its bytes, not by entries ({@code hub.graphql.limits.document-cache-bytes}), and
 * documents longer than {@code hub.graphql.limits.max-cached-document-chars} are parsed each time and never kept: repeated
 * operations are small, and distinct huge documents must not fill the heap (a thousand 1 MB documents held ~1.7 GB).
 */
@Configuration(proxyBeanMethods = false)
public class DocumentCache implements PreparsedDocumentProvider {

    /** Estimated heap per AST node (node object, source location, name, lists), in bytes; generous on purpose. */
    static final int BYTES_PER_NODE = 200;
    /** Estimated heap per character of the key (a String, at worst UTF-16) and of the entry's overhead. */
    static final int BYTES_PER_CHAR = 2;

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final int maxCachedChars;

    public DocumentCache(QueryLimits.Settings limits) {
        this.maxCachedChars = limits.maxCachedDocumentChars();
        this.documents = Caffeine.newBuilder()
                .maximumWeight(limits.documentCacheBytes().toBytes())
                .weigher((String text, PreparsedDocumentEntry entry) -> weight(text, entry))
                // Eviction on the caller's thread: the bound holds when put returns, with no pool to wait for.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                     Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        if (text == null || text.length() > maxCachedChars) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry entry = documents.getIfPresent(text);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                documents.put(text, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** Estimated bytes of the text and its parsed document. */
    static int weight(String text, PreparsedDocumentEntry entry) {
        long nodes = entry.getDocument() == null ? 0 : countNodes(entry.getDocument());
        long bytes = (long) text.length() * BYTES_PER_CHAR + nodes * BYTES_PER_NODE;
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long countNodes(Node<?> node) {
        long n = 1;
        for (Node<?> child : node.getChildren()) {
            n += countNodes(child);
        }
        return n;
    }

    /** The estimated bytes held now (after pending evictions). */
    long weightedBytes() {
        documents.cleanUp();
        return documents.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }
}
