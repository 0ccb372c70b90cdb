package org.supervisionhub.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.supervisionhub.api.access.AccessAudit;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.graph.audit.AuditTrail;
import org.supervisionhub.graph.store.Cursor;

/**
 * Runs a mutation and records it (GEN-11 full-process traceability; ARCH-05 who, when, what, why):
 * on success the change and its audit event commit in one transaction (neither exists without the
 * other); on failure the change rolls back and the refusal is recorded on its own, with the error
 * code as outcome.
 */
@Component
public class MutationAudit implements AccessAudit {

    /** Most ids one event lists; an import of more names its first ones. */
    static final int MAX_AFFECTED = 10_000;
    /**
     * Most ids a refusal lists of what it asked for (with their total count): a refusal changed nothing, and whatever an
     * anonymous caller names must not become thousands of audit nodes under the trail's global lock.
     */
    static final int MAX_REQUESTED = 10;

    private static final Logger log = LoggerFactory.getLogger(MutationAudit.class);
    // sha256: evidence files are named by their hash.
    private static final Set<String> ID_KEYS = Set.of("id", "uscc", "personId", "inspectorId", "sha256");
    // Identifiers that are personal data are never copied into the audit trail.
    private static final Set<String> NEVER_RECORDED = Set.of("nationalId");

    private final AuditTrail trail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MutationAudit(AuditTrail trail, PlatformTransactionManager transactionManager, Clock clock) {
        this.trail = trail;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A GraphQL mutation field: its name is the operation, its arguments are digested. */
    @Override
    public Object record(DataFetchingEnvironment env, Viewer viewer, Supplier<Object> mutation) {
        Map<String, Object> arguments = env.getArguments();
        Object reasonArgument = arguments.get("reason");
        String reason = reasonArgument != null ? String.valueOf(reasonArgument) : env.getGraphQlContext().get(REASON);
        return record(env.getFieldDefinition().getName(), arguments, viewer, reason, mutation);
    }

    public <T> T record(String operation, Map<String, Object> arguments, Viewer viewer, String reason, Supplier<T> mutation) {
        String digest = digest(arguments);
        try {
            return transactions.execute(status -> {
                T result = mutation.get();
                append(viewer, operation, digest, affected(arguments, result), reason, "SUCCESS");
                return result;
            });
        } catch (RuntimeException e) {
            try {
                Requested requested = requested(arguments);
                trail.append(actor(viewer), viewer.departmentId(), operation, digest, List.of(), requested.ids(), requested.count(), reason,
                        outcome(e), OffsetDateTime.now(clock));
            } catch (RuntimeException auditFailure) {
                log.error("Could not record the failed {} by {}", operation, viewer.actor(), auditFailure);
                e.addSuppressed(auditFailure);
            }
            throw e;
        }
    }

    /**
     * Records a write refused before any hub code saw its arguments: a GraphQL mutation document over the query limits,
     * an upload without a valid token. {@code request} is what is known of it (digested, never stored); the event names no
     * ids. Callers refuse first by rate limit, so that this cannot be driven faster than the caller's quota.
     */
    @Override
    public void refused(Viewer viewer, String operation, Map<String, Object> request, String outcome) {
        try {
            trail.append(actor(viewer), viewer.departmentId(), operation, digest(request), List.of(), List.of(), 0, null, outcome,
                    OffsetDateTime.now(clock));
        } catch (RuntimeException auditFailure) {
            log.error("Could not record the refused {} by {}", operation, actor(viewer), auditFailure);
        }
    }

    private void append(Viewer viewer, String operation, String digest, List<String> affected, String reason, String outcome) {
        trail.append(actor(viewer), viewer.departmentId(), operation, digest, affected, reason, outcome, OffsetDateTime.now(clock));
    }

    private static String actor(Viewer viewer) {
        return viewer.actor() == null ? "anonymous@" + viewer.client() : viewer.actor();
    }

    /** What a refusal asked for: the first {@link #MAX_REQUESTED} distinct ids its arguments name, and how many they name. */
    record Requested(List<String> ids, int count) {
    }

    static Requested requested(Map<String, Object> arguments) {
        Set<String> all = new LinkedHashSet<>();
        collect(arguments, all, Integer.MAX_VALUE);
        return new Requested(all.stream().limit(MAX_REQUESTED).toList(), all.size());
    }

    static String outcome(RuntimeException e) {
        if (e instanceof ForbiddenException f) {
            return f.code().name();
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.violations().isEmpty() ? "INVALID_VALUE" : invalid.violations().get(0).code().name();
        }
        if (e instanceof NotFoundException) {
            return "NOT_FOUND";
        }
        if (e instanceof Cursor.InvalidCursorException) {
            return "INVALID_CURSOR";
        }
        return "INTERNAL";
    }

    /** SHA-256 of the arguments in a canonical form: map keys sorted, lists in order, nulls explicit. */
    static String digest(Map<String, Object> arguments) {
        StringBuilder b = new StringBuilder();
        canonical(arguments, b);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(Object value, StringBuilder b) {
        if (value instanceof Map<?, ?> map) {
            b.append('{');
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sorted.forEach((k, v) -> {
                quote(k, b);
                b.append(':');
                canonical(v, b);
                b.append(',');
            });
            b.append('}');
        } else if (value instanceof Collection<?> list) {
            b.append('[');
            list.forEach(v -> {
                canonical(v, b);
                b.append(',');
            });
            b.append(']');
        } else if (value == null) {
            b.append("null");
        } else {
            quote(String.valueOf(value), b);
        }
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }

    /** Ids named in the arguments (keys id, uscc, *Id, *Uscc) and on the result, in first-seen order. */
    static List<String> affected(Map<String, Object> arguments, Object result) {
        Set<String> ids = new LinkedHashSet<>();
        collect(arguments, ids, MAX_AFFECTED);
        if (result instanceof AffectsIds affects) {
            affects.affectedIds().forEach(id -> add(ids, id, MAX_AFFECTED));
        } else if (result != null && result.getClass().isRecord()) {
            for (var component : result.getClass().getRecordComponents()) {
                if (ID_KEYS.contains(component.getName())) {
                    try {
                        add(ids, component.getAccessor().invoke(result), MAX_AFFECTED);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    private static void collect(Object value, Set<String> ids, int max) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (NEVER_RECORDED.contains(key)) {
                    return;
                }
                if (ID_KEYS.contains(key) || key.endsWith("Id") || key.endsWith("Uscc")) {
                    add(ids, v, max);
                } else {
                    collect(v, ids, max);
                }
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collect(v, ids, max));
        }
    }

    private static void add(Set<String> ids, Object id, int max) {
        if (id instanceof String s && !s.isBlank() && ids.size() < max) {
            ids.add(s);
        }
    }

    /** A mutation result that knows which records it touched (imports: the keys of the rows loaded). */
    public interface AffectsIds {
        List<String> affectedIds();
    }
}
