package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.graph.inspection.RecordRepository;
import org.supervisionhub.graph.inspection.RecordRepository.Finding;
import org.supervisionhub.graph.inspection.RecordRepository.InspectionRecord;
import org.supervisionhub.graph.inspection.RecordRepository.Present;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.DrawRepository.Assignee;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.api.graphql.ErrorCode;

/**
 * The on-site record of an inspection (ONSITE-01..08): facts per item, at least two of the assigned inspectors present
 * with the certificates they showed, and the target's signature, or the reason there is none with its witnesses.
 */
@Service
public class RecordService {

    public enum SignerRole { LEGAL_REPRESENTATIVE, PERSON_IN_CHARGE, AUTHORISED_PERSON }

    public record FindingInput(String itemCode, String facts) {
    }

    public record PresentInput(String inspectorId, String certificateNo) {
    }

    public record RecordInput(String inspectionId, OffsetDateTime conductedAt, String method, List<FindingInput> findings,
                              List<PresentInput> present, String signedBy, SignerRole signerRole, String refusalReason, List<String> witnesses) {
    }

    static final int MIN_INSPECTORS = 2;

    private final RecordRepository records;
    private final DrawRepository draws;
    private final Inspections inspections;
    private final RosterRepository roster;
    private final Clock clock;

    private final Jurisdictions jurisdictions;
    private final InspectionTimelines timelines;
    private final JointInspections joint;

    public RecordService(RecordRepository records, DrawRepository draws, Inspections inspections, RosterRepository roster,
                         Jurisdictions jurisdictions, InspectionTimelines timelines, JointInspections joint, Clock clock) {
        this.joint = joint;
        this.jurisdictions = jurisdictions;
        this.timelines = timelines;
        this.records = records;
        this.draws = draws;
        this.inspections = inspections;
        this.roster = roster;
        this.clock = clock;
    }

    @Transactional
    public InspectionRecord record(RecordInput in, Viewer viewer) {
        Inspection inspection = inspections.actingOn(in.inspectionId(), "input.inspectionId", viewer, "ONSITE-03", Role.INSPECTOR, Role.OFFICER);
        inspections.requireNotArchived(inspection.id(), "input.inspectionId");
        joint.requireVisit(inspection, "input.inspectionId", "ONSITE-03");
        if (records.ofInspections(List.of(inspection.id())).containsKey(inspection.id())) {
            throw InvalidInputException.of("input.inspectionId", ErrorCode.IMMUTABLE, "the record of " + inspection.id() + " exists and is not changed",
                    "ONSITE-03");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Checks checks = new Checks();
        checks.require("input.conductedAt", in.conductedAt());
        // In the task's window, after the draw and the notified visit, not in the future (LifecycleDates).
        LifecycleDates.record(timelines.of(inspection), "input.conductedAt", in.conductedAt(), now).forEach(checks::add);
        // ONSITE-01, ONSITE-08: facts found, item by item, for the items of this inspection.
        // A joint inspection's one record covers every participant's items, by the union of the teams (GEN-15).
        Set<String> items = new HashSet<>(joint.itemCodes(inspection));
        List<FindingInput> findings = in.findings() == null ? List.of() : in.findings();
        checks.check(!findings.isEmpty(), "input.findings", ErrorCode.REQUIRED, "input.findings: the facts found, per item", "ONSITE-01");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            FindingInput f = findings.get(i);
            checks.check(items.contains(f.itemCode()), "input.findings[" + i + "].itemCode", ErrorCode.INVALID_VALUE,
                    "input.findings[" + i + "].itemCode: not an item of this inspection " + items, "ONSITE-01");
            checks.check(seen.add(f.itemCode()), "input.findings[" + i + "].itemCode", ErrorCode.CONFLICT, "input.findings[" + i + "].itemCode: twice", null);
            checks.require("input.findings[" + i + "].facts", f.facts());
        }
        // ONSITE-02: at least two inspectors, assigned to this inspection, each showing a valid certificate.
        List<PresentInput> present = in.present() == null ? List.of() : in.present();
        checks.check(present.stream().map(PresentInput::inspectorId).distinct().count() >= MIN_INSPECTORS, "input.present", ErrorCode.INVALID_VALUE,
                "input.present: at least " + MIN_INSPECTORS + " inspectors take part", "ONSITE-02");
        Set<String> assigned = joint.team(inspection);
        Map<String, Inspector> inspectors = roster.inspectors(present.stream().map(PresentInput::inspectorId).toList());
        for (int i = 0; i < present.size(); i++) {
            PresentInput p = present.get(i);
            String field = "input.present[" + i + "]";
            Inspector inspector = inspectors.get(p.inspectorId());
            checks.check(assigned.contains(p.inspectorId()), field + ".inspectorId", ErrorCode.INVALID_VALUE,
                    field + ".inspectorId: not assigned to this inspection", "ONSITE-02");
            checks.check(inspector != null && inspector.certificateNo() != null && inspector.certificateNo().equals(p.certificateNo()),
                    field + ".certificateNo", ErrorCode.INVALID_VALUE, field + ".certificateNo: not the inspector's enforcement certificate", "ONSITE-02");
            checks.check(inspector == null || in.conductedAt() == null || inspector.certificateValidTo() == null
                            || !in.conductedAt().toLocalDate().isAfter(inspector.certificateValidTo()),
                    field + ".certificateNo", ErrorCode.INVALID_VALUE, field + ".certificateNo: expired on the day of the inspection", "ONSITE-02");
        }
        // ONSITE-04, ONSITE-05: signed by the target, or the reason why not, with witnesses where there are any.
        boolean signed = in.signedBy() != null && !in.signedBy().isBlank();
        boolean refused = in.refusalReason() != null && !in.refusalReason().isBlank();
        checks.check(signed != refused, "input.signedBy", ErrorCode.INVALID_VALUE,
                "input.signedBy: either the target's signatory or the reason there is no signature", "ONSITE-04");
        checks.check(!signed || in.signerRole() != null, "input.signerRole", ErrorCode.REQUIRED, "input.signerRole: who signed for the target", "ONSITE-04");
        if (refused && jurisdictions.of(Inspections.inspecting(inspection)).refusalSignedByWholeTeam()) {
            Set<String> missing = new java.util.TreeSet<>(assigned);
            present.forEach(p -> missing.remove(p.inspectorId()));
            checks.check(missing.isEmpty(), "input.present", ErrorCode.INVALID_VALUE, "input.present: the target refused to sign, so every member of the team"
                    + " signs the record; missing " + missing, "ONSITE-06");
        }
        checks.throwIfAny();
        InspectionRecord record = new InspectionRecord("REC-" + inspection.id(), inspection.id(), in.conductedAt().withOffsetSameInstant(ZoneOffset.UTC),
                in.method(), findings.stream().map(f -> new Finding(f.itemCode(), f.facts().strip())).toList(),
                present.stream().map(p -> new Present(p.inspectorId(), p.certificateNo())).toList(), signed ? in.signedBy().strip() : null,
                signed ? in.signerRole().name() : null, refused ? in.refusalReason().strip() : null,
                in.witnesses() == null ? List.of() : in.witnesses().stream().map(String::strip).toList(), now, viewer.actor());
        records.create(record);
        return records.ofInspections(List.of(inspection.id())).get(inspection.id());
    }
}
