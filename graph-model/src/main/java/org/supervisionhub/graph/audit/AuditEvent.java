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
 */
public record AuditEvent(long seq, OffsetDateTime at, String actor, String department, String operation,
                         String argumentsDigest, List<String> affectedIds, String reason, String outcome,
                         String prevHash, String hash) {

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    /** What is hashed: every field, in a fixed order, with the instant in UTC to the microsecond. */
    public String canonical() {
        return String.join("|", Long.toString(seq),
                at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")),
                nz(actor), nz(department), nz(operation), nz(argumentsDigest), String.join(",", affectedIds), nz(reason),
                nz(outcome), prevHash);
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
