package org.supervisionhub.api.upload;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.supervisionhub.api.access.AccessAudit;
import org.supervisionhub.api.access.AccessPolicy;
import org.supervisionhub.api.access.AccessRule;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.access.Viewers;
import org.supervisionhub.api.audit.MutationAudit;
import org.supervisionhub.api.inspection.EvidenceService;
import org.supervisionhub.graph.inspection.EvidenceRepository.StoredFile;

/**
 * Evidence files: {@code curl -H "Authorization: Bearer $TOKEN" -F file=@photo.jpg http://localhost:8080/evidence/files} stores a
 * file content-addressed and answers its SHA-256, which {@code recordEvidence} then records against an inspection. Uploads
 * follow {@code Mutation.recordEvidence}'s roles and are audited (naming the file's hash); {@code GET /evidence/files/{sha256}}
 * returns a file to the departments whose evidence holds it, as a download that no browser renders (attachment, nosniff,
 * a sandboxing Content-Security-Policy), and answers 404 alike for a missing file and another department's.
 */
@RestController
public class EvidenceUploadController {

    private final EvidenceService evidence;
    private final AccessPolicy policy;
    private final Viewers viewers;
    private final MutationAudit audit;

    public EvidenceUploadController(EvidenceService evidence, AccessPolicy policy, Viewers viewers, MutationAudit audit) {
        this.evidence = evidence;
        this.policy = policy;
        this.viewers = viewers;
        this.audit = audit;
    }

    @PostMapping(path = "/evidence/files", consumes = "multipart/form-data")
    public Map<String, Object> upload(@RequestPart("file") MultipartFile file, HttpServletRequest request) throws IOException {
        Viewer viewer = viewer(request);
        AccessRule rule = policy.field("Mutation", "recordEvidence").orElseThrow();
        byte[] content = file.getBytes();
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("fileName", file.getOriginalFilename());
        arguments.put("size", content.length);
        // The file is named in the audit trail (affected on success, requested on refusal) by its hash.
        arguments.put("sha256", EvidenceService.sha256(content));
        arguments.put("contentType", file.getContentType());
        StoredFile stored = audit.record("uploadEvidenceFile", arguments, viewer, AccessAudit.reasonFromHeader(request.getHeader("X-Hub-Reason")),
                () -> {
                    if (!rule.allowsRoleOf(viewer)) {
                        throw new ForbiddenException("file", "uploading evidence requires one of the roles " + new java.util.TreeSet<>(rule.roles()),
                                !viewer.authenticated());
                    }
                    return evidence.store(content, file.getContentType(), viewer);
                });
        return Map.of("sha256", stored.sha256(), "size", stored.size(), "mediaType", stored.mediaType());
    }

    @GetMapping("/evidence/files/{sha256}")
    public ResponseEntity<byte[]> download(@PathVariable String sha256, HttpServletRequest request) {
        StoredFile file = evidence.download(sha256, viewer(request));
        // A stored type that is not one (kept from before uploads were checked) is served as bytes, not as a server error.
        MediaType type = EvidenceService.parse(file.mediaType());
        return ResponseEntity.ok().contentType(type == null || !type.isConcrete() ? MediaType.APPLICATION_OCTET_STREAM : type)
                .header("ETag", "\"" + file.sha256() + "\"")
                // Never rendered by a browser in the hub's origin: an uploaded HTML or SVG file is evidence, not a page.
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.sha256()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(file.content());
    }

    private Viewer viewer(HttpServletRequest request) {
        return viewers.of(SecurityContextHolder.getContext().getAuthentication(), request.getRemoteAddr());
    }
}
