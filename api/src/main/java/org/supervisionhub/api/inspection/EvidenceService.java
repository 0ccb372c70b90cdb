package org.supervisionhub.api.inspection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.inspection.EvidenceRepository.Evidence;
import org.supervisionhub.graph.inspection.EvidenceRepository.StoredFile;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.domain.inspection.CollectionMethod;
import org.supervisionhub.domain.inspection.EvidenceType;
import org.supervisionhub.domain.inspection.LifecycleDates;

/**
 * Inspection evidence (EVID-01..07): files stored content-addressed (SHA-256) in the graph, then recorded against an
 * inspection with their type, how they were collected, and the conclusion they support. The hub keeps no state outside
 * Neo4j, so files live there too, up to {@code hub.evidence.max-bytes}.
 */
@Service
public class EvidenceService {

    public record EvidenceInput(String inspectionId, String sha256, String fileName, EvidenceType type, CollectionMethod method,
                                String description, String supports, Boolean sealed) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final EvidenceRepository evidence;
    private final Inspections inspections;
    private final Clock clock;
    private final long maxBytes;
    private final InspectionTimelines timelines;
    private final ExternalEvidence external;

    public EvidenceService(EvidenceRepository evidence, Inspections inspections, InspectionTimelines timelines, ExternalEvidence external,
                           Clock clock, @Value("${hub.evidence.max-bytes:16777216}") long maxBytes) {
        this.external = external;
        this.timelines = timelines;
        this.evidence = evidence;
        this.inspections = inspections;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Longest media type kept for a file. */
    static final int MAX_MEDIA_TYPE = 200;

    /**
     * Stores a file under its SHA-256 (the same content twice is stored once) and returns its hash. The file is noted as
     * the uploader's department's: holding its content is what lets a department record it as evidence. Its media type
     * must be a concrete type ({@code file.contentType}); none is {@code application/octet-stream}.
     */
    @Transactional
    public StoredFile store(byte[] content, String mediaType, Viewer uploader) {
        Checks checks = new Checks();
        checks.check(content.length > 0, "file", ErrorCode.REQUIRED, "file: empty", null);
        checks.check(content.length <= maxBytes, "file", ErrorCode.INVALID_VALUE, "file: at most " + maxBytes + " bytes", null);
        String type = mediaType == null || mediaType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM_VALUE : mediaType.strip();
        MediaType parsed = parse(type);
        checks.check(parsed != null && parsed.isConcrete() && type.length() <= MAX_MEDIA_TYPE, "file.contentType", ErrorCode.INVALID_VALUE,
                "file.contentType: a concrete media type such as application/pdf, at most " + MAX_MEDIA_TYPE + " characters", null);
        checks.throwIfAny();
        String sha = sha256(content);
        evidence.store(sha, content, parsed.toString(), uploader.departmentId(), now());
        return evidence.file(sha, false).orElseThrow();
    }

    /** The media type, or null when it is not one (a stored file's type from before uploads were checked). */
    public static MediaType parse(String mediaType) {
        try {
            return mediaType == null ? null : MediaType.parseMediaType(mediaType);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /** Records a stored file as evidence of an inspection, by the inspecting department's inspectors or officers. */
    @Transactional
    public Evidence record(EvidenceInput in, Viewer viewer) {
        Inspection inspection = inspections.actingOn(in.inspectionId(), "inspectionId", viewer, "EVID-01", Role.INSPECTOR, Role.OFFICER);
        inspections.requireNotArchived(inspection.id(), "inspectionId");
        Checks checks = new Checks();
        String sha = in.sha256() == null ? null : in.sha256().strip().toLowerCase();
        checks.check(sha != null && sha.matches("[0-9a-f]{64}"), "sha256", ErrorCode.INVALID_VALUE, "sha256: 64 hex digits", null);
        checks.require("description", in.description());
        checks.require("supports", in.supports());
        checks.check(in.type() == null || !in.type().mustBeSealed() || Boolean.TRUE.equals(in.sealed()), "sealed", ErrorCode.REQUIRED,
                "sealed: a copy carries the target's seal, a third-party certification its seal or signature", "EVID-05");
        // Collected now: once the window opened, after the draw; on site, not before the notified visit (LifecycleDates).
        checks.addAll(LifecycleDates.evidence(timelines.of(inspection), "inspectionId", now(), in.method() == CollectionMethod.ON_SITE));
        checks.throwIfAny();
        // Only a file the caller's department holds: one it uploaded, or one already evidence it may read. A hash alone is no
        // claim to a file (another department's hash could be recorded and then downloaded), and a file held by others is
        // answered like a missing one, so that the answer does not tell whether someone stored it.
        StoredFile file = evidence.file(sha, false).filter(f -> holds(viewer, f.sha256()))
                .orElseThrow(() -> new NotFoundException("sha256", "no stored file " + sha
                        + " of your department: upload it to /evidence/files first"));
        // Size and media type are the stored file's.
        Evidence e = new Evidence("EVD-" + UUID.randomUUID(), inspection.id(), sha, in.fileName(), file.size(), file.mediaType(),
                in.type().name(), in.method().name(), in.description().strip(), in.supports().strip(), in.sealed(), now(), viewer.actor());
        evidence.record(e);
        return e;
    }

    private boolean holds(Viewer viewer, String sha) {
        return viewer.departmentId() != null
                && (evidence.uploadedBy(sha).contains(viewer.departmentId()) || evidence.fileDepartments(sha).contains(viewer.departmentId()));
    }

    /**
     * A stored file, to a department that holds evidence with it (or an administrator). Another department's file is
     * answered like a missing one (404), and checked before its content is read: the answer does not tell whether it exists.
     */
    public StoredFile download(String sha256, Viewer viewer) {
        String sha = sha256.strip().toLowerCase();
        boolean readable = viewer.has(Role.ADMIN)
                || (viewer.departmentId() != null && sha.matches("[0-9a-f]{64}") && evidence.fileDepartments(sha).contains(viewer.departmentId()));
        StoredFile file = (readable ? evidence.file(sha, true) : Optional.<StoredFile>empty())
                .orElseThrow(() -> new NotFoundException("sha256", "no stored file " + sha256 + " that you may read"));
        // Bytes retention moved out of the graph are read back and checked against the hash the graph keeps.
        return file.content() != null || file.external() == null ? file
                : new StoredFile(file.sha256(), file.size(), file.mediaType(), external.read(file), file.external());
    }

    public static String sha256(byte[] content) {
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
