package org.supervisionhub.api.restriction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.restriction.Restrictions.TriggerKind;
import org.supervisionhub.graph.restriction.Restrictions.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.api.graphql.ErrorCode;

/**
 * Records credit listings (FOLLOW-04, FOLLOW-05) and penalty decisions, and their removal (credit repair), in the
 * form the restriction checks consume. Each change goes to the change log in the same transaction.
 */
@Service
public class TriggerService {

    public record ListingInput(String uscc, TriggerType type, String issuingDepartmentId, String legalBasis, String reason,
                               OffsetDateTime listedAt, OffsetDateTime expiresAt, SourceSystem source, String sourceRef) {
    }

    public record SanctionInput(String uscc, String issuingDepartmentId, String decisionNo, String legalBasis, String reason,
                                List<String> penalties, String fineAmount, boolean major, OffsetDateTime decidedAt,
                                OffsetDateTime expiresAt, String sourceRef) {
    }

    static final int MAX_TEXT = 2000;

    private final TriggerRepository triggers;
    private final OrganisationRepository organisation;
    private final Clock clock;
    private final ZoneId zone;

    public TriggerService(TriggerRepository triggers, OrganisationRepository organisation, Clock clock) {
        this.triggers = triggers;
        this.organisation = organisation;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    @Transactional
    public Trigger recordListing(ListingInput in, String actor) {
        Checks checks = new Checks();
        String uscc = checks.uscc("input.uscc", in.uscc());
        checks.check(in.type() == null || in.type().kind() == TriggerKind.CREDIT_LISTING, "input.type", ErrorCode.INVALID_VALUE,
                "input.type: " + in.type() + " is a penalty decision; record it with recordSanction", null);
        OffsetDateTime now = now();
        OffsetDateTime from = in.listedAt() == null ? now : utc(in.listedAt());
        Department issuer = common(checks, in.issuingDepartmentId(), in.legalBasis(), in.reason(), from, in.expiresAt(), now, "input.listedAt");
        checks.throwIfAny();
        return create(new Trigger(nextListingId(), TriggerKind.CREDIT_LISTING, in.type(), uscc, issuer.id(), issuer.name(), in.legalBasis().strip(),
                in.reason().strip(), null, List.of(), null, from, from.atZoneSameInstant(zone).toLocalDate(),
                in.expiresAt() == null ? null : utc(in.expiresAt()), null, null, in.source() == null ? SourceSystem.HUB : in.source(),
                in.sourceRef(), now, actor));
    }

    @Transactional
    public Trigger recordSanction(SanctionInput in, String actor) {
        Checks checks = new Checks();
        String uscc = checks.uscc("input.uscc", in.uscc());
        checks.require("input.decisionNo", in.decisionNo());
        checks.check(in.penalties() != null && !in.penalties().isEmpty() && in.penalties().stream().noneMatch(String::isBlank),
                "input.penalties", ErrorCode.REQUIRED, "input.penalties: at least one penalty", null);
        BigDecimal fine = null;
        if (in.fineAmount() != null) {
            try {
                fine = new BigDecimal(in.fineAmount());
                checks.check(fine.signum() > 0, "input.fineAmount", ErrorCode.INVALID_VALUE, "input.fineAmount: a positive amount in yuan", null);
            } catch (NumberFormatException e) {
                checks.check(false, "input.fineAmount", ErrorCode.INVALID_VALUE, "input.fineAmount: a decimal amount in yuan", null);
            }
        }
        OffsetDateTime now = now();
        OffsetDateTime from = in.decidedAt() == null ? now : utc(in.decidedAt());
        Department issuer = common(checks, in.issuingDepartmentId(), in.legalBasis(), in.reason(), from, in.expiresAt(), now, "input.decidedAt");
        checks.throwIfAny();
        String id = "PEN-" + String.format("%06d", triggers.nextNumber("sanction"));
        return create(new Trigger(id, TriggerKind.SANCTION, in.major() ? TriggerType.MAJOR_ADMINISTRATIVE_PENALTY : TriggerType.ADMINISTRATIVE_PENALTY,
                uscc, issuer.id(), issuer.name(), in.legalBasis().strip(), in.reason().strip(), in.decisionNo().strip(),
                in.penalties(), fine, from, from.atZoneSameInstant(zone).toLocalDate(), in.expiresAt() == null ? null : utc(in.expiresAt()),
                null, null, SourceSystem.HUB, in.sourceRef(), now, actor));
    }

    /**
     * Records a listing another system issued (a court's or the tax authority's list), as a sync delivers it: the
     * issuer is named, not a hub department, and the caller has validated the record.
     */
    @Transactional
    public Trigger recordSynced(TriggerType type, String uscc, String issuer, String legalBasis, String reason, OffsetDateTime listedAt,
                                SourceSystem source, String sourceRef, String actor) {
        OffsetDateTime from = utc(listedAt);
        return create(new Trigger(nextListingId(), TriggerKind.CREDIT_LISTING, type, uscc, null, issuer, legalBasis, reason, null,
                List.of(), null, from, from.atZoneSameInstant(zone).toLocalDate(), null, null, null, source, sourceRef, now(), actor));
    }

    /** Ends a trigger from {@code removedAt} (default now, never in the future, never before it began); once. */
    @Transactional
    public Trigger remove(String id, String reason, OffsetDateTime removedAt, String actor) {
        Trigger t = triggers.lock(id).orElseThrow(() -> new NotFoundException("id", "no listing or penalty decision " + id));
        Checks checks = new Checks();
        checks.require("reason", reason);
        OffsetDateTime now = now();
        OffsetDateTime at = removedAt == null ? now : utc(removedAt);
        checks.check(t.removedAt() == null, "id", ErrorCode.ILLEGAL_TRANSITION, id + " was already removed at " + t.removedAt(), null);
        checks.check(!at.isAfter(now), "removedAt", ErrorCode.INVALID_VALUE, "removedAt is in the future; record a removal when it happens", null);
        checks.check(at.isAfter(t.activeFrom()), "removedAt", ErrorCode.INVALID_VALUE, "removedAt must be after the trigger began (" + t.activeFrom() + ")", null);
        checks.throwIfAny();
        triggers.remove(id, at, reason.strip(), actor, now);
        triggers.appendChange("REMOVED", id, t.uscc(), null, now);
        return triggers.byId(List.of(id)).get(id);
    }

    /** The issuing department of a trigger, for scope checks. */
    public String issuerOf(String id) {
        return triggers.byId(List.of(id)).values().stream().findFirst().map(Trigger::issuingDepartmentId)
                .orElseThrow(() -> new NotFoundException("id", "no listing or penalty decision " + id));
    }

    private String nextListingId() {
        return "LST-" + String.format("%06d", triggers.nextNumber("credit-listing"));
    }

    private Trigger create(Trigger t) {
        if (!triggers.create(t)) {
            throw new NotFoundException("input.uscc", "no enterprise " + t.uscc());
        }
        triggers.appendChange("LISTED", t.id(), t.uscc(), null, t.recordedAt());
        return triggers.byId(List.of(t.id())).get(t.id());
    }

    private Department common(Checks checks, String departmentId, String legalBasis, String reason, OffsetDateTime from,
                              OffsetDateTime expiresAt, OffsetDateTime now, String fromField) {
        checks.require("input.legalBasis", legalBasis);
        checks.require("input.reason", reason);
        checks.check(legalBasis == null || legalBasis.length() <= MAX_TEXT, "input.legalBasis", ErrorCode.INVALID_VALUE,
                "input.legalBasis: at most " + MAX_TEXT + " characters", null);
        checks.check(reason == null || reason.length() <= MAX_TEXT, "input.reason", ErrorCode.INVALID_VALUE,
                "input.reason: at most " + MAX_TEXT + " characters", null);
        checks.check(!from.isAfter(now), fromField, ErrorCode.INVALID_VALUE, fromField + " is in the future; record a listing when it takes effect", null);
        checks.check(expiresAt == null || expiresAt.isAfter(from), "input.expiresAt", ErrorCode.INVALID_VALUE,
                "input.expiresAt must be after " + fromField.substring("input.".length()), null);
        Department d = departmentId == null ? null : organisation.department(departmentId).orElse(null);
        checks.check(d != null, "input.issuingDepartmentId", ErrorCode.NOT_FOUND, "input.issuingDepartmentId: no department " + departmentId, null);
        return d;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
