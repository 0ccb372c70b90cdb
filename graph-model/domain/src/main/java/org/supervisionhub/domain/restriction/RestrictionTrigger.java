package org.supervisionhub.domain.restriction;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A credit listing (FOLLOW-04, FOLLOW-05, or another system's list) or a penalty decision, as restriction checks consume
 * it, guarding its own lifecycle: issued in effect from {@code activeFrom} (never in the future), ending at
 * {@code expiresAt} or when removed (credit repair, 信用修复), once, never before it began and never ahead of time. Active at
 * {@code t} when it began at or before {@code t} and neither ended at or before {@code t} (restriction-propagation
 * invariant 1); the restriction check's Cypher ({@code RestrictionQuery}, {@code TriggerRepository.activeAt}) applies that
 * rule inside the database, for speed.
 *
 * The trigger's id is the graph's (given when it is recorded).
 *
 * <p>Violations name the subjects {@code id} (the trigger as a whole), {@code type}, {@code from} (when it takes effect),
 * {@code expiresAt}, {@code removedAt}, {@code legalBasis} and {@code reason}.
 */
public record RestrictionTrigger(TriggerType type, OffsetDateTime activeFrom, OffsetDateTime expiresAt, OffsetDateTime removedAt) {

    /** Longest legal basis and reason a trigger records. */
    public static final int MAX_TEXT = 2000;

    public RestrictionTrigger {
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(activeFrom, "activeFrom");
    }

    /**
     * Issues a trigger {@code recordedAs} a listing or a penalty decision (FOLLOW-04, FOLLOW-05: a listing is one of the
     * lists; a penalty decision is recorded as such), in effect {@code from} (not after {@code now}) until {@code expiresAt}
     * (after {@code from}, or open), with its legal basis and reason within {@link #MAX_TEXT}.
     */
    public static Outcome<RestrictionTrigger> issue(TriggerKind recordedAs, TriggerType type, OffsetDateTime from,
                                                    OffsetDateTime expiresAt, String legalBasis, String reason, OffsetDateTime now) {
        List<Violation> all = new ArrayList<>();
        if (type != null && type.kind() != recordedAs) {
            all.add(new Violation(Kind.INVALID_VALUE, "type", type + " is a " + (type.kind() == TriggerKind.SANCTION
                    ? "penalty decision; record it with recordSanction" : "credit listing; record it with recordCreditListing"), null));
        }
        if (legalBasis != null && legalBasis.length() > MAX_TEXT) {
            all.add(new Violation(Kind.INVALID_VALUE, "legalBasis", "at most " + MAX_TEXT + " characters", null));
        }
        if (reason != null && reason.length() > MAX_TEXT) {
            all.add(new Violation(Kind.INVALID_VALUE, "reason", "at most " + MAX_TEXT + " characters", null));
        }
        if (from.isAfter(now)) {
            all.add(new Violation(Kind.INVALID_VALUE, "from", "in the future; record a listing when it takes effect", null));
        }
        if (expiresAt != null && !expiresAt.isAfter(from)) {
            all.add(new Violation(Kind.INVALID_VALUE, "expiresAt", "after the trigger takes effect (" + from + ")", null));
        }
        if (!all.isEmpty() || type == null) {
            return all.isEmpty() ? Outcome.refused(new Violation(Kind.REQUIRED, "type", "required", null)) : new Outcome.Refused<>(all);
        }
        return Outcome.done(new RestrictionTrigger(type, from, expiresAt, null));
    }

    /** Invariant 1: in effect at {@code t}. */
    public boolean activeAt(OffsetDateTime t) {
        OffsetDateTime end = end();
        return !activeFrom.isAfter(t) && (end == null || end.isAfter(t));
    }

    /** When it ends or ended: the earlier of its removal and its expiry, or null while open. */
    public OffsetDateTime end() {
        return removedAt == null ? expiresAt : expiresAt == null || removedAt.isBefore(expiresAt) ? removedAt : expiresAt;
    }

    /** Credit repair: removed {@code at} (not after {@code now}, after it began), once. */
    public Outcome<RestrictionTrigger> remove(OffsetDateTime at, OffsetDateTime now) {
        List<Violation> all = new ArrayList<>();
        if (removedAt != null) {
            all.add(Violation.illegalTransition("id", "already removed at " + removedAt, null));
        }
        if (at.isAfter(now)) {
            all.add(new Violation(Kind.INVALID_VALUE, "removedAt", "in the future; record a removal when it happens", null));
        }
        if (!at.isAfter(activeFrom)) {
            all.add(new Violation(Kind.INVALID_VALUE, "removedAt", "after the trigger began (" + activeFrom + ")", null));
        }
        return all.isEmpty() ? Outcome.done(new RestrictionTrigger(type, activeFrom, expiresAt, at)) : new Outcome.Refused<>(all);
    }
}
