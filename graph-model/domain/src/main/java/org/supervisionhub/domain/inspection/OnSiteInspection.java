package org.supervisionhub.domain.inspection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;
import org.supervisionhub.domain.inspection.OnSiteRecord.Certificate;
import org.supervisionhub.domain.inspection.OnSiteRecord.Finding;
import org.supervisionhub.domain.inspection.OnSiteRecord.Presence;

/**
 * One inspection's visit to its target, guarding what happens there: one notice, where the task is announced, served on
 * the channels its target needs (NOTICE-01..07); one on-site record, made by at least two of its team with valid certificates,
 * with facts per item and the target's signature or the reason there is none (ONSITE-01..06). {@code team} is the current
 * team (for a joint inspection, the union of the teams); {@code items} the items it inspects. Dates against the rest of
 * the lifecycle are the lifecycle's date rules; who may act is the access layer's. Violations name the subject {@code id}
 * (the inspection) or the field of the notice or record ({@code materials}, {@code delivery}, {@code findings[0].itemCode}, ...).
 */
public record OnSiteInspection(InspectionId id, boolean announced, boolean noticed, boolean recorded, Set<String> team, Set<String> items) {

    /** ONSITE-02: inspectors present at least. */
    public static final int MIN_INSPECTORS = 2;

    public OnSiteInspection {
        java.util.Objects.requireNonNull(id, "id");
        team = team == null ? Set.of() : Set.copyOf(team);
        items = items == null ? Set.of() : Set.copyOf(items);
    }

    /** NOTICE-07: a task not announced in advance gets no notice; NOTICE-01: an inspection has one notice. */
    public List<Violation> noticeable(String task) {
        if (!announced) {
            return List.of(new Violation(Kind.CONFLICT, "id", "the task " + task
                    + " is not announced in advance: no notice is issued and nothing is revealed to the target", "NOTICE-07"));
        }
        if (noticed) {
            return List.of(new Violation(Kind.CONFLICT, "id", "a notice of " + id + " was already issued", "NOTICE-01"));
        }
        return List.of();
    }

    /**
     * NOTICE-02: the materials to submit, none blank (an empty list: none). NOTICE-04: a notice on products, projects or
     * behaviours is published only; NOTICE-05: one to a {@code marketSubject} is also served, directly or by post. Returns
     * the channels it goes on.
     */
    public Outcome<List<NoticeChannel>> notice(boolean marketSubject, NoticeChannel delivery, List<String> materials) {
        if (!noticeable("").isEmpty()) {
            return new Outcome.Refused<>(noticeable(""));
        }
        List<Violation> all = new ArrayList<>();
        if (materials == null || materials.stream().anyMatch(m -> m == null || m.isBlank())) {
            all.add(new Violation(Kind.INVALID_VALUE, "materials", "the materials to submit, none blank (an empty list: none)", "NOTICE-02"));
        }
        List<NoticeChannel> channels = new ArrayList<>(List.of(NoticeChannel.PUBLICITY_SYSTEM));
        if (marketSubject) {
            if (delivery == NoticeChannel.DIRECT_SERVICE || delivery == NoticeChannel.POST) {
                channels.add(delivery);
            } else {
                all.add(new Violation(Kind.REQUIRED, "delivery", "a market subject is also served the notice, directly or by post", "NOTICE-05"));
            }
        } else if (delivery != null && delivery != NoticeChannel.PUBLICITY_SYSTEM) {
            all.add(new Violation(Kind.INVALID_VALUE, "delivery", "a notice on products, projects or behaviours is published only", "NOTICE-04"));
        }
        return all.isEmpty() ? Outcome.done(List.copyOf(channels)) : new Outcome.Refused<>(all);
    }

    /** ONSITE-03: the record is made once and not changed. */
    public List<Violation> recordable() {
        return recorded ? List.of(new Violation(Kind.IMMUTABLE, "id", "the record of " + id + " exists and is not changed", "ONSITE-03"))
                : List.of();
    }

    /**
     * ONSITE-01..06: what is wrong with the record {@code r}, the inspectors' {@code certificates} as the roster holds them;
     * ONSITE-06 ({@code wholeTeamSignsRefusal}, QD): where the target refused to sign, every member of the team is present.
     */
    public List<Violation> recordViolations(OnSiteRecord r, Map<String, Certificate> certificates, boolean wholeTeamSignsRefusal) {
        List<Violation> out = new ArrayList<>(recordable());
        if (!out.isEmpty()) {
            return out;
        }
        // ONSITE-01, ONSITE-08: facts found, item by item, for the items of this inspection.
        if (r.findings().isEmpty()) {
            out.add(new Violation(Kind.REQUIRED, "findings", "the facts found, per item", "ONSITE-01"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            String at = "findings[" + i + "]";
            if (!items.contains(f.itemCode())) {
                out.add(new Violation(Kind.INVALID_VALUE, at + ".itemCode", "not an item of this inspection " + new TreeSet<>(items), "ONSITE-01"));
            }
            if (!seen.add(f.itemCode())) {
                out.add(new Violation(Kind.CONFLICT, at + ".itemCode", "twice", null));
            }
            if (f.facts() == null || f.facts().isBlank()) {
                out.add(new Violation(Kind.REQUIRED, at + ".facts", "required", null));
            }
        }
        // ONSITE-02: at least two inspectors, of the team, each showing their valid certificate.
        if (r.present().stream().map(Presence::inspectorId).distinct().count() < MIN_INSPECTORS) {
            out.add(new Violation(Kind.INVALID_VALUE, "present", "at least " + MIN_INSPECTORS + " inspectors take part", "ONSITE-02"));
        }
        for (int i = 0; i < r.present().size(); i++) {
            Presence p = r.present().get(i);
            String at = "present[" + i + "]";
            Certificate c = certificates.get(p.inspectorId());
            if (!team.contains(p.inspectorId())) {
                out.add(new Violation(Kind.INVALID_VALUE, at + ".inspectorId", "not assigned to this inspection", "ONSITE-02"));
            }
            if (c == null || c.number() == null || !c.number().equals(p.certificateNo())) {
                out.add(new Violation(Kind.INVALID_VALUE, at + ".certificateNo", "not the inspector's enforcement certificate", "ONSITE-02"));
            }
            if (c != null && r.conductedOn() != null && c.validTo() != null && r.conductedOn().isAfter(c.validTo())) {
                out.add(new Violation(Kind.INVALID_VALUE, at + ".certificateNo", "expired on the day of the inspection", "ONSITE-02"));
            }
        }
        // ONSITE-04, ONSITE-05: signed by the target, or the reason why not.
        if (r.signed() == r.refused()) {
            out.add(new Violation(Kind.INVALID_VALUE, "signedBy", "either the target's signatory or the reason there is no signature", "ONSITE-04"));
        }
        if (r.signed() && !r.signerRoleGiven()) {
            out.add(new Violation(Kind.REQUIRED, "signerRole", "who signed for the target", "ONSITE-04"));
        }
        if (r.refused() && wholeTeamSignsRefusal) {
            Set<String> missing = new TreeSet<>(team);
            r.present().forEach(p -> missing.remove(p.inspectorId()));
            if (!missing.isEmpty()) {
                out.add(new Violation(Kind.INVALID_VALUE, "present", "the target refused to sign, so every member of the team signs the record; missing "
                        + missing, "ONSITE-06"));
            }
        }
        return List.copyOf(out);
    }
}
