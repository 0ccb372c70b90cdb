package org.supervisionhub.api.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.supervisionhub.api.directory.EnterpriseImportService;
import org.supervisionhub.api.directory.ImportReport;
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.api.roster.RosterService;

/**
 * {@code curl -F enterprises=@e.csv -F links=@l.csv http://localhost:8080/import/enterprises}: the
 * same imports as the GraphQL mutations, reading UTF-8 files from a multipart request.
 */
@RestController
public class CsvUploadController {

    private final EnterpriseImportService enterprises;
    private final RosterService roster;

    public CsvUploadController(EnterpriseImportService enterprises, RosterService roster) {
        this.enterprises = enterprises;
        this.roster = roster;
    }

    @PostMapping(path = "/import/enterprises", consumes = "multipart/form-data")
    public ImportReport importEnterprises(@RequestPart("enterprises") MultipartFile enterprisesCsv,
                                          @RequestPart(name = "links", required = false) MultipartFile linksCsv) throws IOException {
        return enterprises.importEnterprises(text(enterprisesCsv), linksCsv == null ? null : text(linksCsv));
    }

    @PostMapping(path = "/import/inspectors", consumes = "multipart/form-data")
    public ImportReport importInspectors(@RequestPart("inspectors") MultipartFile csv) throws IOException {
        return roster.importInspectors(text(csv));
    }

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        List<Map<String, Object>> errors = e.violations().stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", v.code());
            m.put("field", v.field());
            m.put("message", v.message());
            return m;
        }).toList();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errors", errors));
    }

    private static String text(MultipartFile file) throws IOException {
        return new String(file.getBytes(), StandardCharsets.UTF_8);
    }
}
