package org.supervisionhub.api.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.graph.inspection.ObjectionRepository;
import org.supervisionhub.graph.inspection.Results.Objection;
import org.supervisionhub.domain.inspection.LifecycleDates;
import org.supervisionhub.domain.inspection.ObjectionId;
import org.supervisionhub.domain.inspection.ObjectionKind;
import org.supervisionhub.domain.inspection.ResultId;
import org.supervisionhub.domain.inspection.ResultObjection;
import org.supervisionhub.graph.inspection.Results.Result;

/**
 * Re-examination (复查复核) of results: the target's objection to a publication (OBJ-01; in TJ during the public period,
 * PUB-08; elsewhere a department corrects what it published wrongly, PUB-12) and a superior's own review (OBJ-02). The
 * decision upholds it, correcting the result by recorded amendments and publishing it again, or dismisses it.
 */
@Service
public class ObjectionService {

    public enum Outcome { UPHELD, DISMISSED }

    public record Correction(AmendableField field, String value) {
    }

    private final ResultService results;
    private final ObjectionRepository objections;
    private final Jurisdictions jurisdictions;

    public ObjectionService(ResultService results, ObjectionRepository objections, Jurisdictions jurisdictions) {
        this.results = results;
        this.objections = objections;
        this.jurisdictions = jurisdictions;
    }

    /** OBJ-01: the inspecting department records the target's objection to a published result; the approving department reviews it. */
    @Transactional
    public Objection lodge(String resultId, String objector, String grounds, LocalDate receivedOn, Viewer viewer) {
        Result r = results.locked(resultId);
        Inspections.requireDepartment(viewer, r.inspectingDepartment(), "resultId", "OBJ-01: recorded by the inspecting department "
                + r.inspectingDepartment(), Role.OFFICER, Role.LEADER);
        // OBJ-01 first: an objection is to a publication; then the inputs; then PUB-08 where the result is published first.
        ResultService.throwIfAny(ResultObjection.objectable(r.lifecycle(false)));
        Checks checks = new Checks();
        checks.require("objector", objector);
        checks.require("grounds", grounds);
        checks.require("receivedOn", receivedOn);
        checks.addAll(LifecycleDates.objection(results.timeline(r), "receivedOn", receivedOn, results.now()));
        boolean period = jurisdictions.of(r.inspectingDepartment()).publishBeforeFeedback();
        checks.addAll(ResultObjection.inPublicPeriod(period, receivedOn, r.publicUntil()));
        checks.throwIfAny();
        return create(r, ObjectionKind.TARGET_OBJECTION, objector.strip(), grounds.strip(), receivedOn, r.approvingDepartment(), viewer);
    }

    /** OBJ-02, OVER-01: a superior department re-examines a subordinate's approved or published result of its own motion. */
    @Transactional
    public Objection superiorReview(String resultId, String grounds, Viewer viewer) {
        Result r = results.locked(resultId);
        boolean superior = (viewer.has(Role.LEADER) || viewer.has(Role.OVERSIGHT)) && viewer.departmentId() != null
                && !viewer.departmentId().equals(r.inspectingDepartment()) && viewer.departmentTree().get().contains(r.inspectingDepartment());
        if (!superior) {
            throw new ForbiddenException("resultId", "OBJ-02: a leader or oversight of a department above " + r.inspectingDepartment()
                    + "; the caller is " + viewer.roles() + " of " + viewer.departmentId(), !viewer.authenticated());
        }
        ResultService.throwIfAny(ResultObjection.reviewable(r.lifecycle(false)));
        Checks checks = new Checks();
        checks.require("grounds", grounds);
        checks.throwIfAny();
        return create(r, ObjectionKind.SUPERIOR_REVIEW, viewer.departmentId(), grounds.strip(), results.today(), viewer.departmentId(), viewer);
    }

    /**
     * A leader of the reviewing department decides once. UPHELD needs corrections, each recorded as an amendment
     * (handled by who lodged it, approved by the decider, ARCH-05) and the corrected result published again (PUB-12).
     */
    @Transactional
    public Objection decide(String id, Outcome outcome, String decision, List<Correction> corrections, Viewer viewer) {
        Objection o = objections.lock(id).orElseThrow(() -> new NotFoundException("id", "no objection " + id));
        Inspections.requireDepartment(viewer, o.reviewingDepartment(), "id", "OBJ-01, OBJ-02: decided by a leader of the reviewing department "
                + o.reviewingDepartment(), Role.LEADER);
        // OBJ-01 first: decided once; then the inputs; then what the decision needs (PUB-12, OBJ-01).
        ResultObjection objection = o.lifecycle();
        ResultService.throwIfAny(objection.decidable());
        List<Correction> fixes = corrections == null ? List.of() : corrections;
        Checks checks = new Checks();
        checks.require("outcome", outcome);
        checks.require("decision", decision);
        org.supervisionhub.domain.Outcome<ResultObjection> asked = outcome == null ? null
                : objection.decide(outcome == Outcome.UPHELD, fixes.size());
        if (asked != null) {
            checks.addAll(asked.violations());
        }
        checks.throwIfAny();
        ResultObjection decided = asked.orElseThrow(DomainRefusals.asArguments());
        Result r = results.locked(o.resultId());
        if (!fixes.isEmpty()) {
            results.requireNotArchivedFor(r);
        }
        for (int i = 0; i < fixes.size(); i++) {
            results.applyAmendment(r, fixes.get(i).field(), fixes.get(i).value(), "Objection " + id + " upheld: " + decision.strip(),
                    o.lodgedBy(), viewer.actor(), "corrections[" + i + "].");
            r = results.reload(r.id());
        }
        // PUB-12: an upheld objection to a published result publishes it again, corrected.
        if (decided.republishes(r.lifecycle(false))) {
            results.republish(r);
        }
        objections.decide(o.status(), decided, decision.strip(), viewer.actor(), results.now());
        return objections.lock(id).orElseThrow();
    }

    private Objection create(Result r, ObjectionKind kind, String objector, String grounds, LocalDate receivedOn, String reviewing, Viewer viewer) {
        // OBJ-01: one of each kind under review at a time.
        ResultObjection opened = ResultObjection.open(new ObjectionId("OBJ-" + UUID.randomUUID()), new ResultId(r.id()), kind,
                objections.ofResults(List.of(r.id())).getOrDefault(r.id(), List.of()).stream().map(Objection::lifecycle).toList())
                .orElseThrow(DomainRefusals.asArguments());
        Objection o = new Objection(opened.id().value(), r.id(), kind, objector, grounds, receivedOn, reviewing, viewer.actor(),
                results.now(), opened.status(), null, null, null);
        objections.create(o);
        return o;
    }
}
