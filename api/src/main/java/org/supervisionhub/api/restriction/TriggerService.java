package org.supervisionhub.api.restriction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.domain.restriction.RestrictionTrigger;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.restriction.Restrictions.TriggerEvent;
import org.supervisionhub.domain.restriction.TriggerKind;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.api.errors.ErrorCode;

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
        String uscc = checks.uscc("uscc", in.uscc());
        OffsetDateTime now = now();
        OffsetDateTime from = in.listedAt() == null ? now : utc(in.listedAt());
        RestrictionTrigger issued = issue(checks, TriggerKind.CREDIT_LISTING, in.type(), in.legalBasis(), in.reason(), from, in.expiresAt(), now,
                "listedAt");
        Department issuer = issuer(checks, in.issuingDepartmentId());
        checks.throwIfAny();
        return create(new Trigger(nextListingId(), TriggerKind.CREDIT_LISTING, issued.type(), uscc, issuer.id(), issuer.name(), in.legalBasis().strip(),
                in.reason().strip(), null, List.of(), null, from, from.atZoneSameInstant(zone).toLocalDate(), issued.expiresAt(), null, null,
                in.source() == null ? SourceSystem.HUB : in.source(), in.sourceRef(), now, actor));
    }

    @Transactional
    public Trigger recordSanction(SanctionInput in, String actor) {
        Checks checks = new Checks();
        String uscc = checks.uscc("uscc", in.uscc());
        checks.require("decisionNo", in.decisionNo());
        checks.check(in.penalties() != null && !in.penalties().isEmpty() && in.penalties().stream().noneMatch(String::isBlank),
                "penalties", ErrorCode.REQUIRED, "penalties: at least one penalty", null);
        BigDecimal fine = null;
        if (in.fineAmount() != null) {
            try {
                fine = new BigDecimal(in.fineAmount());
                checks.check(fine.signum() > 0, "fineAmount", ErrorCode.INVALID_VALUE, "fineAmount: a positive amount in yuan", null);
            } catch (NumberFormatException e) {
                checks.check(false, "fineAmount", ErrorCode.INVALID_VALUE, "fineAmount: a decimal amount in yuan", null);
            }
        }
        OffsetDateTime now = now();
        OffsetDateTime from = in.decidedAt() == null ? now : utc(in.decidedAt());
        TriggerType type = in.major() ? TriggerType.MAJOR_ADMINISTRATIVE_PENALTY : TriggerType.ADMINISTRATIVE_PENALTY;
        RestrictionTrigger issued = issue(checks, TriggerKind.SANCTION, type, in.legalBasis(), in.reason(), from, in.expiresAt(), now, "decidedAt");
        Department issuer = issuer(checks, in.issuingDepartmentId());
        checks.throwIfAny();
        String id = "PEN-" + String.format("%06d", triggers.nextNumber("sanction"));
        return create(new Trigger(id, TriggerKind.SANCTION, issued.type(), uscc, issuer.id(), issuer.name(), in.legalBasis().strip(), in.reason().strip(),
                in.decisionNo().strip(), in.penalties(), fine, from, from.atZoneSameInstant(zone).toLocalDate(), issued.expiresAt(), null, null,
                SourceSystem.HUB, in.sourceRef(), now, actor));
    }

    /**
     * Records a listing another system issued (a court's or the tax authority's list), as a sync delivers it: the
     * issuer is named, not a hub department, and the caller has validated the record.
     */
    @Transactional
    public Trigger recordSynced(TriggerType type, Uscc uscc, String issuer, String legalBasis, String reason, OffsetDateTime listedAt,
                                SourceSystem source, String sourceRef, String actor) {
        OffsetDateTime from = utc(listedAt);
        return create(new Trigger(nextListingId(), TriggerKind.CREDIT_LISTING, type, uscc.value(), null, issuer, legalBasis, reason, null,
                List.of(), null, from, from.atZoneSameInstant(zone).toLocalDate(), null, null, null, source, sourceRef, now(), actor));
    }

    /** Ends a trigger from {@code removedAt} (default now): credit repair, as the trigger allows it (once, after it began, not ahead of time). */
    @Transactional
    public Trigger remove(String id, String reason, OffsetDateTime removedAt, String actor) {
        Trigger t = triggers.lock(id).orElseThrow(() -> new NotFoundException("id", "no listing or penalty decision " + id));
        Checks checks = new Checks();
        checks.require("reason", reason);
        OffsetDateTime now = now();
        OffsetDateTime at = removedAt == null ? now : utc(removedAt);
        Outcome<RestrictionTrigger> removal = lifecycle(t).remove(at, now);
        DomainRefusals.violations(removal.violations(), UnaryOperator.identity()).forEach(checks::add);
        checks.throwIfAny();
        // Written only over the open trigger the removal was decided from (TriggerRepository.REMOVE).
        triggers.remove(id, at, reason.strip(), actor, now);
        triggers.appendChange("REMOVED", id, t.uscc(), null, now);
        return triggers.byId(List.of(id)).get(id);
    }

    /** A stored trigger as the domain sees it. */
    static RestrictionTrigger lifecycle(Trigger t) {
        return new RestrictionTrigger(t.type(), t.activeFrom(), t.expiresAt(), t.removedAt());
    }

    /** The issuing department of a trigger, for scope checks. */
    public String issuerOf(String id) {
        return triggers.byId(List.of(id)).values().stream().findFirst().map(Trigger::issuingDepartmentId)
                .orElseThrow(() -> new NotFoundException("id", "no listing or penalty decision " + id));
    }

    public Map<String, Trigger> byId(Collection<String> ids) {
        return triggers.byId(ids);
    }

    /** Triggers of each enterprise, newest first; with {@code asOf}, only those active then. */
    public Map<String, List<Trigger>> ofEnterprises(Collection<String> usccs, String kind, OffsetDateTime asOf) {
        return triggers.ofEnterprises(usccs, kind, asOf);
    }

    public Map<String, List<TriggerEvent>> events(Collection<String> ids) {
        return triggers.events(ids);
    }

    private String nextListingId() {
        return "LST-" + String.format("%06d", triggers.nextNumber("credit-listing"));
    }

    private Trigger create(Trigger t) {
        if (!triggers.create(t)) {
            throw new NotFoundException("uscc", "no enterprise " + t.uscc());
        }
        triggers.appendChange("LISTED", t.id(), t.uscc(), null, t.recordedAt());
        return triggers.byId(List.of(t.id())).get(t.id());
    }

    /** Input completeness here; the trigger decides the rest (its kind, dates and texts), with {@code from} named {@code fromField}. */
    private static RestrictionTrigger issue(Checks checks, TriggerKind kind, TriggerType type, String legalBasis, String reason, OffsetDateTime from,
                                            OffsetDateTime expiresAt, OffsetDateTime now, String fromField) {
        checks.require("legalBasis", legalBasis);
        checks.require("reason", reason);
        Outcome<RestrictionTrigger> issued = RestrictionTrigger.issue(kind, type, from, expiresAt == null ? null : utc(expiresAt), legalBasis, reason, now);
        DomainRefusals.violations(issued.violations(), s -> s.equals("from") ? fromField : s).forEach(checks::add);
        return issued instanceof Outcome.Done<RestrictionTrigger> d ? d.value() : null;
    }

    private Department issuer(Checks checks, String departmentId) {
        Department d = departmentId == null ? null : organisation.department(departmentId).orElse(null);
        checks.check(d != null, "issuingDepartmentId", ErrorCode.NOT_FOUND, "issuingDepartmentId: no department " + departmentId, null);
        return d;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
