package org.supervisionhub.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The parsed-document cache is bounded by estimated bytes and keeps no large documents, yet still reuses small ones. */
class DocumentCacheTest {

    final AtomicInteger parsed = new AtomicInteger();
    final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    static DocumentCache cache(DataSize bytes, int maxChars) {
        return new DocumentCache(new QueryLimits.Settings(15, 50000, 30, Duration.ofSeconds(30), 16777216, bytes, maxChars));
    }

    PreparsedDocumentEntry get(DocumentCache cache, String query) {
        return cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse).join();
    }

    /** A valid document of about {@code fields} fields, distinct by {@code n}. */
    static String document(int n, int fields) {
        return "query Q" + n + " { " + "hubInfo { version } ".repeat(fields) + "}";
    }

    @Test
    void aRepeatedSmallDocumentIsParsedOnce() {
        DocumentCache cache = cache(DataSize.ofMegabytes(1), 16384);
        PreparsedDocumentEntry first = get(cache, document(1, 3));
        assertThat(get(cache, document(1, 3))).isSameAs(first);
        assertThat(get(cache, document(1, 3))).isSameAs(first);
        assertThat(parsed).hasValue(1);
    }

    @Test
    void documentsAboveTheSizeLimitAreNeverCached() {
        DocumentCache cache = cache(DataSize.ofMegabytes(64), 16384);
        String big = document(1, 1000);  // ~20,000 characters
        assertThat(big.length()).isGreaterThan(16384);
        get(cache, big);
        get(cache, big);
        assertThat(parsed).hasValue(2);
        assertThat(cache.size()).isZero();
        assertThat(cache.weightedBytes()).isZero();
    }

    @Test
    void manyDistinctDocumentsStayWithinTheByteBound() {
        DataSize bound = DataSize.ofMegabytes(1);
        DocumentCache cache = cache(bound, 16384);
        long unbounded = 0;
        for (int i = 0; i < 300; i++) {
            String doc = document(i, 700);  // ~14,000 characters, ~2,100 nodes: ~450 KB estimated each
            assertThat(doc.length()).isLessThanOrEqualTo(16384);
            PreparsedDocumentEntry entry = get(cache, doc);
            unbounded += DocumentCache.weight(doc, entry);
            assertThat(cache.weightedBytes()).isLessThanOrEqualTo(bound.toBytes());
        }
        assertThat(unbounded).as("what an entry-bounded cache would hold").isGreaterThan(100 * bound.toBytes());
        assertThat(cache.size()).isBetween(1L, 4L);
    }

    @Test
    void theEstimateGrowsWithTheDocumentNotJustItsText() {
        String small = document(1, 1);
        String large = document(1, 100);
        long s = DocumentCache.weight(small, new PreparsedDocumentEntry(Parser.parse(small)));
        long l = DocumentCache.weight(large, new PreparsedDocumentEntry(Parser.parse(large)));
        assertThat(l).isGreaterThan(50 * s / 2).isGreaterThanOrEqualTo((long) large.length() * 2);
    }
}
