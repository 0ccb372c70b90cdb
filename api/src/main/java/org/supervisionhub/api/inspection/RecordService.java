package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.graph.inspection.RecordRepository;
import org.supervisionhub.graph.inspection.RecordRepository.Finding;
import org.supervisionhub.graph.inspection.RecordRepository.InspectionRecord;
import org.supervisionhub.graph.inspection.RecordRepository.Present;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.domain.inspection.InspectionId;
import org.supervisionhub.domain.inspection.LifecycleDates;
import org.supervisionhub.domain.inspection.OnSiteInspection;
import org.supervisionhub.domain.inspection.OnSiteRecord;
import org.supervisionhub.domain.inspection.OnSiteRecord.Certificate;

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
        Inspection inspection = inspections.actingOn(in.inspectionId(), "inspectionId", viewer, "ONSITE-03", Role.INSPECTOR, Role.OFFICER);
        inspections.requireNotArchived(inspection.id(), "inspectionId");
        joint.requireVisit(inspection, "inspectionId", "ONSITE-03");
        // ONSITE-03 first: the record is made once. A joint inspection's one record covers every participant's items, by the union of the teams (GEN-15).
        Set<String> assigned = joint.team(inspection);
        OnSiteInspection visit = new OnSiteInspection(new InspectionId(inspection.id()), true, false,
                records.ofInspections(List.of(inspection.id())).containsKey(inspection.id()), assigned, Set.copyOf(joint.itemCodes(inspection)));
        if (!visit.recordable().isEmpty()) {
            throw DomainRefusals.at(s -> "inspectionId").apply(visit.recordable());
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Checks checks = new Checks();
        checks.require("conductedAt", in.conductedAt());
        // In the task's window, after the draw and the notified visit, not in the future (LifecycleDates).
        checks.addAll(LifecycleDates.record(timelines.of(inspection), "conductedAt", in.conductedAt(), now));
        // ONSITE-01, ONSITE-02, ONSITE-04..06: the inspection decides whether the record is complete; the roster holds the certificates.
        List<FindingInput> findings = in.findings() == null ? List.of() : in.findings();
        List<PresentInput> present = in.present() == null ? List.of() : in.present();
        Map<String, Certificate> certificates = new HashMap<>();
        roster.inspectors(present.stream().map(PresentInput::inspectorId).toList())
                .forEach((id, inspector) -> certificates.put(id, new Certificate(inspector.certificateNo(), inspector.certificateValidTo())));
        OnSiteRecord made = new OnSiteRecord(in.conductedAt() == null ? null : in.conductedAt().toLocalDate(),
                findings.stream().map(f -> new OnSiteRecord.Finding(f.itemCode(), f.facts())).toList(),
                present.stream().map(p -> new OnSiteRecord.Presence(p.inspectorId(), p.certificateNo())).toList(), in.signedBy(),
                in.signerRole() != null, in.refusalReason());
        checks.addAll(visit.recordViolations(made, certificates, jurisdictions.of(Inspections.inspecting(inspection)).refusalSignedByWholeTeam()));
        boolean signed = in.signedBy() != null && !in.signedBy().isBlank();
        boolean refused = in.refusalReason() != null && !in.refusalReason().isBlank();
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
