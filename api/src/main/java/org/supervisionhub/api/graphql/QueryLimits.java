package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.Node;
import graphql.language.VariableDefinition;
import graphql.ExecutionResult;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Limits every GraphQL request: depth, cost with list fan-out, aliases and execution time. Each
 * refusal aborts before (or, for time, during) execution with a typed error.
 */
@Configuration(proxyBeanMethods = false)
public class QueryLimits {

    /**
     * @param maxDepth      deepest field nesting
     * @param maxCost       cost budget: each field costs 1 plus its selection, times its list size ({@link QueryCost})
     * @param maxAliases    aliased fields per document, fragments included
     * @param timeout       wall-clock budget of one execution, checked before each field is fetched
     * @param maxRequestBytes largest request body accepted on the GraphQL endpoint
     * @param documentCacheBytes estimated heap the cache of parsed documents may hold ({@link DocumentCache})
     * @param maxCachedDocumentChars longest document text that is cached; longer ones are parsed each time
     */
    @ConfigurationProperties("hub.graphql.limits")
    public record Settings(@DefaultValue("15") int maxDepth, @DefaultValue("100000") int maxCost,
                           @DefaultValue("30") int maxAliases, @DefaultValue("30s") Duration timeout,
                           @DefaultValue("16777216") long maxRequestBytes, @DefaultValue("32MB") DataSize documentCacheBytes,
                           @DefaultValue("16384") int maxCachedDocumentChars) {
    }

    /** A refused request: an aborted execution that carries the hub's error code and the limit. */
    static final class LimitExceeded extends AbortExecutionException {
        private final ErrorCode code;
        private final long limit;

        LimitExceeded(ErrorCode code, long limit, String message) {
            super(message);
            this.code = code;
            this.limit = limit;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", code.name(), "limit", limit);
        }
    }

    /**
     * The operations that passed a limit, so a client sending the same document again (a partner's restriction check,
     * thousands a minute) is not walked again: depth and cost traversals were ~8% of such a request's CPU
     * (bench/README.md). An operation passes or fails a limit by its document, its name and only those variables that
     * can change the walk: booleans ({@code @skip}, {@code @include}), numbers ({@code first}) and the sizes of lists
     * (slicing arguments). The key holds exactly those, so every other request is checked as before. Parsed documents
     * come from {@link DocumentCache} (the same instance for the same text); held weakly, and bounded.
     */
    static final class Passed {

        /** Shapes kept per document: a client varying {@code first} gets at most this many remembered. */
        static final int MAX_SHAPES = 64;

        private final Cache<Document, Set<List<Object>>> passed = Caffeine.newBuilder().weakKeys().maximumSize(10_000)
                .executor(Runnable::run).build();

        /** The key of an operation for {@code limit}: its name and the variables' values (or list sizes) that can change the walk. */
        static List<Object> key(ExecutionContext context, String limit) {
            List<Object> key = new ArrayList<>();
            key.add(limit);
            key.add(context.getExecutionInput().getOperationName());
            Map<String, Object> variables = context.getCoercedVariables().toMap();
            for (VariableDefinition v : context.getOperationDefinition().getVariableDefinitions()) {
                Object value = variables.get(v.getName());
                key.add(v.getName());
                key.add(value instanceof Boolean || value instanceof Number ? value : value instanceof Collection<?> c ? "size:" + c.size()
                        : value == null ? "null" : "-");
            }
            return key;
        }

        boolean has(ExecutionContext context, List<Object> key) {
            Set<List<Object>> keys = passed.getIfPresent(context.getDocument());
            return keys != null && keys.contains(key);
        }

        void add(ExecutionContext context, List<Object> key) {
            Set<List<Object>> keys = passed.get(context.getDocument(), d -> ConcurrentHashMap.newKeySet());
            if (keys.size() < MAX_SHAPES) {
                keys.add(key);
            }
        }
    }

    @Bean
    Passed passedLimits() {
        return new Passed();
    }

    @Bean
    MaxQueryDepthInstrumentation depthLimit(Settings limits, Passed passed) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                                 InstrumentationState state) {
                var context = parameters.getExecutionContext();
                List<Object> key = Passed.key(context, "depth");
                if (passed.has(context, key)) {
                    return SimpleInstrumentationContext.noOp();
                }
                // Throws when too deep; reached only when the operation passed.
                InstrumentationContext<ExecutionResult> result = super.beginExecuteOperation(parameters, state);
                passed.add(context, key);
                return result;
            }

            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new LimitExceeded(ErrorCode.QUERY_TOO_DEEP, maxDepth, "query depth " + depth + " exceeds the maximum of " + maxDepth);
            }
        };
    }

    @Bean
    CostLimit costLimit(Settings limits, Passed passed) {
        return new CostLimit(limits.maxCost(), passed);
    }

    /** Refuses an operation whose {@link QueryCost} exceeds the budget, before any field runs. */
    static final class CostLimit extends SimplePerformantInstrumentation {

        private final int maxCost;
        private final Passed passed;

        CostLimit(int maxCost, Passed passed) {
            this.maxCost = maxCost;
            this.passed = passed;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                             InstrumentationState state) {
            var context = parameters.getExecutionContext();
            List<Object> key = Passed.key(context, "cost");
            if (passed.has(context, key)) {
                return SimpleInstrumentationContext.noOp();
            }
            long cost = QueryCost.of(context.getGraphQLSchema(), context.getDocument(), context.getExecutionInput().getOperationName(),
                    context.getCoercedVariables());
            if (cost > maxCost) {
                throw new LimitExceeded(ErrorCode.QUERY_TOO_COSTLY, maxCost, "query cost " + (cost == Long.MAX_VALUE ? "beyond counting" : cost)
                        + " exceeds the maximum of " + maxCost + " (each field costs 1 plus its selection times its list size:"
                        + " first for pages, @listSize for other lists)");
            }
            passed.add(context, key);
            return SimpleInstrumentationContext.noOp();
        }
    }

    @Bean
    AliasAndTimeLimits aliasAndTimeLimits(Settings limits) {
        return new AliasAndTimeLimits(limits.maxAliases(), limits.timeout());
    }

    /** Counts aliases before execution and enforces the time budget between field fetches. */
    static final class AliasAndTimeLimits extends SimplePerformantInstrumentation {

        private final int maxAliases;
        private final long timeoutNanos;

        AliasAndTimeLimits(int maxAliases, Duration timeout) {
            this.maxAliases = maxAliases;
            this.timeoutNanos = timeout.toNanos();
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                             InstrumentationState state) {
            var context = parameters.getExecutionContext();
            int aliases = countAliases(context.getOperationDefinition());
            for (FragmentDefinition fragment : context.getFragmentsByName().values()) {
                aliases += countAliases(fragment);
            }
            if (aliases > maxAliases) {
                throw new LimitExceeded(ErrorCode.TOO_MANY_ALIASES, maxAliases, "the document uses " + aliases
                        + " aliases; at most " + maxAliases + " are allowed");
            }
            context.getGraphQLContext().put(AliasAndTimeLimits.class, System.nanoTime());
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            Long started = parameters.getExecutionContext().getGraphQLContext().get(AliasAndTimeLimits.class);
            if (started != null && System.nanoTime() - started > timeoutNanos) {
                throw new LimitExceeded(ErrorCode.TIMEOUT, timeoutNanos / 1_000_000,
                        "execution exceeded its time budget of " + timeoutNanos / 1_000_000 + " ms");
            }
            return SimpleInstrumentationContext.noOp();
        }

        private static int countAliases(Node<?> node) {
            int n = node instanceof Field field && field.getAlias() != null ? 1 : 0;
            for (Node<?> child : node.getChildren()) {
                n += countAliases(child);
            }
            return n;
        }
    }
}
