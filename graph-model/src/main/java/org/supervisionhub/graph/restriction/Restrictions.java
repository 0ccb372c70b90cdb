package org.supervisionhub.graph.restriction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.supervisionhub.domain.restriction.Effect;
import org.supervisionhub.domain.restriction.Reach;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.domain.restriction.TriggerKind;
import org.supervisionhub.domain.restriction.TriggerType;

/** Value types of restriction checks ({@code docs/specs/restriction-propagation.md}). */
public final class Restrictions {

    private Restrictions() {
    }

    /** Systems whose data the answers rest on; HUB is what the hub's own departments record. */
    public enum SourceSystem { HUB, MARKET_SUPERVISION, TAX, CREDIT_PLATFORM }

    /** What a partner did with an answer. */
    public enum DecisionKind { APPLIED, EXEMPTED, DISPUTED }

    /** Longest chain any measure may state; the check query's patterns are bounded by it. */
    public static final int MAX_HOPS = Reach.MAX_HOPS;

    /**
     * One version of a restriction measure. A version is in force from {@code inForceFrom} until the next
     * version's, and applies only within the measure's own {@code validFrom}/{@code validTo} (exclusive).
     */
    public record Measure(String id, int version, TriggerType triggerType, RestrictionDomain domain, Effect effect, Reach reach,
                          List<Reach> via, int maxHops, BigDecimal minShare, String maxDuration, String legalBasis,
                          String issuingAuthority, LocalDate validFrom, LocalDate validTo, String description,
                          OffsetDateTime inForceFrom, OffsetDateTime supersededAt, String changedBy, String changeReason) {

        /** Same rule, whatever its version and bookkeeping. */
        public boolean sameContent(Measure o) {
            return triggerType == o.triggerType && domain == o.domain && effect == o.effect && reach == o.reach
                    && Objects.equals(via, o.via) && maxHops == o.maxHops
                    && (minShare == null ? o.minShare == null : o.minShare != null && minShare.compareTo(o.minShare) == 0)
                    && Objects.equals(maxDuration, o.maxDuration) && Objects.equals(legalBasis, o.legalBasis)
                    && Objects.equals(issuingAuthority, o.issuingAuthority) && Objects.equals(validFrom, o.validFrom)
                    && Objects.equals(validTo, o.validTo) && Objects.equals(description, o.description);
        }
    }

    /**
     * A listing or sanction. Active at {@code t} when {@code activeFrom <= t} and neither {@code removedAt} nor
     * {@code expiresAt} is at or before {@code t}. {@code activeOn} is the local date it became active: the day
     * the links of "at that time" reaches are evaluated on.
     */
    public record Trigger(String id, TriggerKind kind, TriggerType type, String uscc, String issuingDepartmentId,
                          String issuingDepartment, String legalBasis, String reason, String decisionNo,
                          List<String> penalties, BigDecimal fineAmount, OffsetDateTime activeFrom, LocalDate activeOn,
                          OffsetDateTime expiresAt, OffsetDateTime removedAt, String removalReason, SourceSystem source,
                          String sourceRef, OffsetDateTime recordedAt, String recordedBy) {
    }

    /** A step in a trigger's history: LISTED, REMOVED. */
    public record TriggerEvent(String triggerId, String kind, OffsetDateTime at, OffsetDateTime effectiveAt, String actor,
                               String reason) {
    }

    /**
     * An entry of the change log: something that may alter restriction answers (LISTED, REMOVED, MEASURE_CHANGED).
     * {@code seq} increases in commit order: the sequence node's lock is held until the writing transaction ends.
     */
    public record Change(long seq, OffsetDateTime at, String kind, String triggerId, String uscc, String measureId) {
    }

    /** A node of a restriction's path. */
    public record PathNode(String kind, String id, String name) {
    }

    /** A relationship of a restriction's path, as stored: {@code from} holds it towards {@code to}. */
    public record PathLink(String type, String from, String to, String role, Double sharePct, LocalDate validFrom,
                           LocalDate validTo) {
    }

    /**
     * A trigger that reaches the subject along {@code nodes}/{@code links} (subject first, listed enterprise
     * last) in the way {@code reach} names; {@code via} is the listed enterprise's person the path runs through
     * for ENTERPRISES_OF_PERSON; {@code share} the lowest shareholding on the path (null when none).
     */
    public record Candidate(Trigger trigger, Reach reach, Reach via, Double share, List<PathNode> nodes, List<PathLink> links) {
        public int hops() {
            return links.size();
        }
    }

    /** One question of a batch: exactly one of {@code uscc}, {@code personId}. */
    public record CheckRequest(int index, String uscc, String personId, RestrictionDomain domain, OffsetDateTime asOf, LocalDate asOfDate,
                               OffsetDateTime knownAt) {
        /** Without knowledge time: every recorded fact counts, whenever it was recorded. */
        public CheckRequest(int index, String uscc, String personId, RestrictionDomain domain, OffsetDateTime asOf, LocalDate asOfDate) {
            this(index, uscc, personId, domain, asOf, asOfDate, null);
        }
    }

    /** What the graph holds for one question: whether the subject exists (and its name), the measures in force, the candidates. */
    public record CheckRows(int index, boolean found, String name, List<Measure> measures, List<Candidate> candidates) {
    }

    /** When each source system last synced successfully. */
    public record Freshness(SourceSystem source, OffsetDateTime lastSuccessAt, OffsetDateTime lastAttemptAt, String state) {
    }

    /** A check as recorded (OVER-*): who asked what, when, for which purpose, and what the hub answered. */
    public record Receipt(String id, OffsetDateTime checkedAt, String actor, String client, String departmentId, String purpose,
                          String subjectKind, String subjectId, RestrictionDomain domain, OffsetDateTime asOf, boolean restricted,
                          String digest, String answer, OffsetDateTime knownAt) {
        public Receipt(String id, OffsetDateTime checkedAt, String actor, String client, String departmentId, String purpose,
                       String subjectKind, String subjectId, RestrictionDomain domain, OffsetDateTime asOf, boolean restricted, String digest,
                       String answer) {
            this(id, checkedAt, actor, client, departmentId, purpose, subjectKind, subjectId, domain, asOf, restricted, digest, answer, null);
        }

        /** The knowledge time the answer was given at: recorded since knowledge time was kept, else the time of the check. */
        public OffsetDateTime answeredKnowing() {
            return knownAt != null ? knownAt : checkedAt;
        }
    }

    /** A partner's decision recorded on a receipt. */
    public record Decision(String receiptId, DecisionKind decision, String reference, String note, OffsetDateTime at,
                           String actor) {
    }
}
