package org.supervisionhub.graph.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * One audited action. {@code hash} is SHA-256 over {@link #canonical()}, which includes the
 * previous event's hash, so changing, removing or reordering any past event breaks every later link.
 * {@code affectedIds} are the records a successful action changed; a refusal changes nothing and names instead, bounded,
 * what it asked for: {@code requestedIds} (the first few ids its arguments named) and {@code requestedCount} (how many
 * they named in all). Both are null-free: events without a request record have no ids and a null count.
 */
public record AuditEvent(long seq, OffsetDateTime at, String actor, String department, String operation,
                         String argumentsDigest, List<String> affectedIds, String reason, String outcome,
                         String prevHash, String hash, List<String> requestedIds, Integer requestedCount) {

    public AuditEvent {
        affectedIds = affectedIds == null ? List.of() : List.copyOf(affectedIds);
        requestedIds = requestedIds == null ? List.of() : List.copyOf(requestedIds);
    }

    /** An event without a request record (successes, and every event recorded before refusals named their request). */
    public AuditEvent(long seq, OffsetDateTime at, String actor, String department, String operation, String argumentsDigest,
                      List<String> affectedIds, String reason, String outcome, String prevHash, String hash) {
        this(seq, at, actor, department, operation, argumentsDigest, affectedIds, reason, outcome, prevHash, hash, List.of(), null);
    }

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * What is hashed: every field, in a fixed order, with the instant in UTC to the microsecond. The request record is
     * appended only when there is one ({@code requestedCount} set), so events recorded before it existed hash as they did.
     */
    public String canonical() {
        String base = String.join("|", Long.toString(seq),
                at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")),
                nz(actor), nz(department), nz(operation), nz(argumentsDigest), String.join(",", affectedIds), nz(reason),
                nz(outcome), prevHash);
        return requestedCount == null ? base : base + "|requested:" + String.join(",", requestedIds) + "|" + requestedCount;
    }

    public String computeHash() {
        return sha256(canonical());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    // Escapes the separator so that two different field lists never hash alike.
    private static String nz(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|");
    }
}
