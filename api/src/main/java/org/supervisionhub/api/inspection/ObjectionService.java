package org.supervisionhub.api.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.graph.inspection.ObjectionRepository;
import org.supervisionhub.graph.inspection.Results.Objection;
import org.supervisionhub.graph.inspection.Results.ObjectionKind;
import org.supervisionhub.graph.inspection.Results.ObjectionStatus;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.domain.inspection.ResultStatus;
import org.supervisionhub.api.graphql.ErrorCode;

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
        ResultService.transition(r.status() == ResultStatus.PUBLISHED, "resultId", "the result is " + r.status()
                + ": an objection is to a publication", "OBJ-01");
        Checks checks = new Checks();
        checks.require("objector", objector);
        checks.require("grounds", grounds);
        checks.require("receivedOn", receivedOn);
        LifecycleDates.objection(results.timeline(r), "receivedOn", receivedOn, results.now()).forEach(checks::add);
        boolean period = jurisdictions.of(r.inspectingDepartment()).publishBeforeFeedback();
        checks.check(!period || receivedOn == null || !receivedOn.isAfter(r.publicUntil()), "receivedOn", ErrorCode.CONFLICT,
                "receivedOn: objections are received during the public period, which ended on " + r.publicUntil(), "PUB-08");
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
        ResultService.transition(r.status() == ResultStatus.APPROVED || r.status() == ResultStatus.PUBLISHED, "resultId",
                "the result is " + r.status() + ": a review is of an approved result", "OBJ-02");
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
        ResultService.transition(o.status() == ObjectionStatus.UNDER_REVIEW, "id", "the objection was already decided: " + o.status(), "OBJ-01");
        List<Correction> fixes = corrections == null ? List.of() : corrections;
        Checks checks = new Checks();
        checks.require("outcome", outcome);
        checks.require("decision", decision);
        checks.check(outcome != Outcome.UPHELD || !fixes.isEmpty(), "corrections", ErrorCode.REQUIRED,
                "corrections: an upheld objection corrects the result", "PUB-12");
        checks.check(outcome != Outcome.DISMISSED || fixes.isEmpty(), "corrections", ErrorCode.INVALID_VALUE,
                "corrections: a dismissed objection changes nothing", "OBJ-01");
        checks.throwIfAny();
        Result r = results.locked(o.resultId());
        if (!fixes.isEmpty()) {
            results.requireNotArchivedFor(r);
        }
        for (int i = 0; i < fixes.size(); i++) {
            results.applyAmendment(r, fixes.get(i).field(), fixes.get(i).value(), "Objection " + id + " upheld: " + decision.strip(),
                    o.lodgedBy(), viewer.actor(), "corrections[" + i + "].");
            r = results.reload(r.id());
        }
        if (outcome == Outcome.UPHELD && r.status() == ResultStatus.PUBLISHED) {
            results.republish(r);
        }
        objections.decide(id, outcome == Outcome.UPHELD ? ObjectionStatus.UPHELD : ObjectionStatus.DISMISSED, decision.strip(), viewer.actor(),
                results.now());
        return objections.lock(id).orElseThrow();
    }

    private Objection create(Result r, ObjectionKind kind, String objector, String grounds, LocalDate receivedOn, String reviewing, Viewer viewer) {
        boolean open = objections.ofResults(List.of(r.id())).getOrDefault(r.id(), List.of()).stream()
                .anyMatch(o -> o.status() == ObjectionStatus.UNDER_REVIEW && o.kind() == kind);
        if (open) {
            throw InvalidInputException.of("resultId", ErrorCode.CONFLICT, "resultId: a " + kind + " of " + r.id() + " is already under review", "OBJ-01");
        }
        Objection o = new Objection("OBJ-" + UUID.randomUUID(), r.id(), kind, objector, grounds, receivedOn, reviewing, viewer.actor(),
                results.now(), ObjectionStatus.UNDER_REVIEW, null, null, null);
        objections.create(o);
        return o;
    }
}
