package org.supervisionhub.api.upload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.supervisionhub.api.inspection.ExternalEvidence;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.errors.ErrorCode;

/** The hub's typed errors for its REST uploads, in the shape of GraphQL's: {@code {"errors": [{code, field, message}]}}. */
@RestControllerAdvice(assignableTypes = {CsvUploadController.class, EvidenceUploadController.class})
public class UploadErrors {

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        List<Map<String, Object>> errors = e.violations().stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", v.code());
            m.put("field", v.field());
            m.put("message", v.message());
            if (v.rule() != null) {
                m.put("rule", v.rule());
            }
            return m;
        }).toList();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errors", errors));
    }

    @ExceptionHandler(ForbiddenException.class)
    public ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("field", e.field());
        m.put("message", e.getMessage());
        if (e.rule() != null) {
            m.put("rule", e.rule());
        }
        return ResponseEntity.status(e.anonymous() ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN).body(Map.of("errors", List.of(m)));
    }

    /** Evidence bytes kept outside the graph that no longer hash to what the graph keeps are never served. */
    @ExceptionHandler(ExternalEvidence.Mismatch.class)
    public ResponseEntity<Map<String, Object>> mismatch(ExternalEvidence.Mismatch e) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("errors", List.of(Map.of("code", ErrorCode.INTERNAL, "field", "sha256", "message", e.getMessage()))));
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("errors", List.of(Map.of("code", ErrorCode.NOT_FOUND, "field", e.field(), "message", e.getMessage()))));
    }
}
