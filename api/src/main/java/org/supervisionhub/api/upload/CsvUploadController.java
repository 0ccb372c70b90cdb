package org.supervisionhub.api.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.AccessAudit;
import org.supervisionhub.api.access.AccessPolicy;
import org.supervisionhub.api.access.AccessRule;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.access.Viewers;
import org.supervisionhub.api.audit.MutationAudit;
import org.supervisionhub.api.directory.EnterpriseImportService;
import org.supervisionhub.api.directory.ImportReport;
import org.supervisionhub.api.roster.RosterService;

/**
 * {@code curl -H "Authorization: Bearer $TOKEN" -F enterprises=@e.csv -F links=@l.csv http://localhost:8080/import/enterprises}:
 * the same imports as the GraphQL mutations, reading UTF-8 files from a multipart request, under
 * the same access rules ({@code Mutation.importEnterprises}, {@code Mutation.importInspectors}) and
 * audited the same way.
 */
@RestController
public class CsvUploadController {

    private final EnterpriseImportService enterprises;
    private final RosterService roster;
    private final AccessPolicy policy;
    private final Viewers viewers;
    private final MutationAudit audit;

    public CsvUploadController(EnterpriseImportService enterprises, RosterService roster, AccessPolicy policy, Viewers viewers,
                               MutationAudit audit) {
        this.enterprises = enterprises;
        this.roster = roster;
        this.policy = policy;
        this.viewers = viewers;
        this.audit = audit;
    }

    @PostMapping(path = "/import/enterprises", consumes = "multipart/form-data")
    public ImportReport importEnterprises(@RequestPart("enterprises") MultipartFile enterprisesCsv,
                                          @RequestPart(name = "links", required = false) MultipartFile linksCsv,
                                          HttpServletRequest request) throws IOException {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("enterprisesCsv", text(enterprisesCsv));
        arguments.put("linksCsv", linksCsv == null ? null : text(linksCsv));
        return run("importEnterprises", arguments, request, viewer -> {
            var rows = Access.rows(viewer);
            return enterprises.importEnterprises((String) arguments.get("enterprisesCsv"), (String) arguments.get("linksCsv"),
                    region -> rows.test(AccessRule.Owner.region(region)));
        });
    }

    @PostMapping(path = "/import/inspectors", consumes = "multipart/form-data")
    public ImportReport importInspectors(@RequestPart("inspectors") MultipartFile csv, HttpServletRequest request) throws IOException {
        Map<String, Object> arguments = Map.of("csv", text(csv));
        return run("importInspectors", arguments, request, viewer -> {
            var rows = Access.rows(viewer);
            return roster.importInspectors((String) arguments.get("csv"), department -> rows.test(AccessRule.Owner.department(department)));
        });
    }

    private ImportReport run(String field, Map<String, Object> arguments, HttpServletRequest request, Function<Viewer, ImportReport> body) {
        Viewer viewer = viewers.of(SecurityContextHolder.getContext().getAuthentication(), request.getRemoteAddr());
        AccessRule rule = policy.field("Mutation", field).orElseThrow();
        return audit.record(field, arguments, viewer, AccessAudit.reasonFromHeader(request.getHeader("X-Hub-Reason")), () -> {
            if (!rule.allowsRoleOf(viewer)) {
                throw new ForbiddenException(field, field + " requires one of the roles " + new java.util.TreeSet<>(rule.roles()), !viewer.authenticated());
            }
            return Access.scoped(rule, "Mutation." + field, () -> body.apply(viewer));
        });
    }

    private static String text(MultipartFile file) throws IOException {
        return new String(file.getBytes(), StandardCharsets.UTF_8);
    }
}
