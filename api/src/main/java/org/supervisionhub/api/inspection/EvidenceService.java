package org.supervisionhub.api.inspection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.inspection.EvidenceRepository.Evidence;
import org.supervisionhub.graph.inspection.EvidenceRepository.StoredFile;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.api.graphql.ErrorCode;

/**
 * Inspection evidence (EVID-01..07): files stored content-addressed (SHA-256) in the graph, then recorded against an
 * inspection with their type, how they were collected, and the conclusion they support. The hub keeps no state outside
 * Neo4j, so files live there too, up to {@code hub.evidence.max-bytes}.
 */
@Service
public class EvidenceService {

    /** EVID-02. */
    public enum EvidenceType { DOCUMENTARY, PHYSICAL, AUDIOVISUAL_ELECTRONIC, THIRD_PARTY_CERTIFICATION, STATEMENT, OTHER }

    /** EVID-03. */
    public enum CollectionMethod { ON_SITE, OFF_SITE, COMMISSIONED, INQUIRY_OF_RELATED_PARTIES, HEARING_STATEMENT }

    public record EvidenceInput(String inspectionId, String sha256, String fileName, EvidenceType type, CollectionMethod method,
                                String description, String supports, Boolean sealed) {
    }

    /** EVID-05: copies must carry the target's seal; third-party certifications must be sealed or signed. */
    static final Set<EvidenceType> MUST_BE_SEALED = Set.of(EvidenceType.DOCUMENTARY, EvidenceType.THIRD_PARTY_CERTIFICATION);
    private static final HexFormat HEX = HexFormat.of();

    private final EvidenceRepository evidence;
    private final Inspections inspections;
    private final Clock clock;
    private final long maxBytes;
    private final InspectionTimelines timelines;

    public EvidenceService(EvidenceRepository evidence, Inspections inspections, InspectionTimelines timelines, Clock clock,
                           @Value("${hub.evidence.max-bytes:16777216}") long maxBytes) {
        this.timelines = timelines;
        this.evidence = evidence;
        this.inspections = inspections;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Stores a file under its SHA-256 (the same content twice is stored once) and returns its hash. */
    @Transactional
    public StoredFile store(byte[] content, String mediaType) {
        Checks checks = new Checks();
        checks.check(content.length > 0, "file", ErrorCode.REQUIRED, "file: empty", null);
        checks.check(content.length <= maxBytes, "file", ErrorCode.INVALID_VALUE, "file: at most " + maxBytes + " bytes", null);
        checks.throwIfAny();
        String sha = sha256(content);
        evidence.store(sha, content, mediaType == null ? "application/octet-stream" : mediaType, now());
        return evidence.file(sha, false).orElseThrow();
    }

    /** Records a stored file as evidence of an inspection, by the inspecting department's inspectors or officers. */
    @Transactional
    public Evidence record(EvidenceInput in, Viewer viewer) {
        Inspection inspection = inspections.actingOn(in.inspectionId(), "input.inspectionId", viewer, "EVID-01", Role.INSPECTOR, Role.OFFICER);
        inspections.requireNotArchived(inspection.id(), "input.inspectionId");
        Checks checks = new Checks();
        String sha = in.sha256() == null ? null : in.sha256().strip().toLowerCase();
        checks.check(sha != null && sha.matches("[0-9a-f]{64}"), "input.sha256", ErrorCode.INVALID_VALUE, "input.sha256: 64 hex digits", null);
        checks.require("input.description", in.description());
        checks.require("input.supports", in.supports());
        checks.check(!MUST_BE_SEALED.contains(in.type()) || Boolean.TRUE.equals(in.sealed()), "input.sealed", ErrorCode.REQUIRED,
                "input.sealed: a copy carries the target's seal, a third-party certification its seal or signature", "EVID-05");
        // Collected now: once the window opened, after the draw; on site, not before the notified visit (LifecycleDates).
        LifecycleDates.evidence(timelines.of(inspection), "input.inspectionId", now(), in.method() == CollectionMethod.ON_SITE).forEach(checks::add);
        checks.throwIfAny();
        StoredFile file = evidence.file(sha, false)
                .orElseThrow(() -> new NotFoundException("input.sha256", "no stored file " + sha + ": upload it to /evidence/files first"));
        // Size and media type are the stored file's.
        Evidence e = new Evidence("EVD-" + UUID.randomUUID(), inspection.id(), sha, in.fileName(), file.size(), file.mediaType(),
                in.type().name(), in.method().name(), in.description().strip(), in.supports().strip(), in.sealed(), now(), viewer.actor());
        evidence.record(e);
        return e;
    }

    /** A stored file, to a department that holds evidence with it (or an administrator). */
    public StoredFile download(String sha256, Viewer viewer) {
        StoredFile file = evidence.file(sha256.toLowerCase(), true).orElseThrow(() -> new NotFoundException("sha256", "no stored file " + sha256));
        if (!viewer.has(Role.ADMIN) && (viewer.departmentId() == null || !evidence.fileDepartments(file.sha256()).contains(viewer.departmentId()))) {
            throw new ForbiddenException("sha256", "the file is evidence of another department's inspection", !viewer.authenticated());
        }
        return file;
    }

    static String sha256(byte[] content) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
