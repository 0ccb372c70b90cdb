package org.supervisionhub.api.sampling;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supervisionhub.api.access.AccessScope;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.access.Viewers;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.graphql.JsonErrors;
import org.supervisionhub.api.publicsite.PublicTime;
import org.supervisionhub.api.sampling.Vdraw1.Candidate;
import org.supervisionhub.graph.sampling.AssignmentRepository.Assignee;
import org.supervisionhub.graph.sampling.AssignmentRepository.EligibleGroup;
import org.supervisionhub.graph.sampling.Sampling.Assignment;
import org.supervisionhub.graph.sampling.Sampling.Deferral;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.DrawStratum;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Participation;
import org.supervisionhub.graph.sampling.Sampling.Replacement;
import org.supervisionhub.graph.sampling.Sampling.Skip;
import org.supervisionhub.graph.sampling.Sampling.Substitution;
import org.supervisionhub.graph.store.Page;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verification documents of vdraw-1, in the exact shape of {@code verifiable-draw-v1.md}: the public
 * one (DRAW-18) and the assignment part for oversight. Written as a stream, so a pool of a million
 * candidates is never held as one JSON tree.
 */
@RestController
public class DrawDocumentController {

    /** Times are shown in Beijing time to the second, as the spec's examples are ({@link PublicTime}). */
    static final ZoneId BEIJING = PublicTime.BEIJING;
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    private final SamplingReads reads;
    private final DrawService service;
    private final Viewers viewers;
    private final JsonMapper json = JsonMapper.builder().build();

    public DrawDocumentController(SamplingReads reads, DrawService service, Viewers viewers) {
        this.reads = reads;
        this.service = service;
        this.viewers = viewers;
    }

    /** Draws with a commitment, newest first; {@code page} counts from 0. */
    @GetMapping("/public/draws")
    public void list(@RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "100") String size,
                     HttpServletResponse response) throws IOException {
        Integer p = parse(page);
        Integer s = parse(size);
        if (p == null || p < 0 || s == null || s < 1 || s > MAX_SIZE) {
            JsonErrors.write(response, 400, ErrorCode.INVALID_VALUE, "page is a number from 0; size from 1 to " + MAX_SIZE);
            return;
        }
        Page<Draw> rows = reads.newest(null, null, s, null, p * s);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (rows.hasNext()) {
            response.setHeader(HttpHeaders.LINK, "</public/draws?page=" + (p + 1) + "&size=" + s + ">; rel=\"next\"");
        }
        try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
            g.writeStartArray();
            for (Draw d : rows.items()) {
                g.writeStartObject();
                g.writeStringProperty("drawId", d.id());
                g.writeStringProperty("taskId", d.taskId());
                g.writeStringProperty("committedAt", time(d.committedAt()));
                writeTimeOrNull(g, "executedAt", d.executedAt());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /**
     * The public verification document (DRAW-18). A confidential stratification (Amendment 1) is published with
     * opaque stratum labels, no per-enterprise stratum and no ratios, plus {@code stratumDigests}.
     */
    @GetMapping("/public/draws/{drawId}")
    public void document(@PathVariable String drawId, HttpServletResponse response) throws IOException {
        Draw draw = reads.draw(drawId).orElse(null);
        if (draw == null) {
            JsonErrors.write(response, 404, ErrorCode.NOT_FOUND, "no draw " + drawId);
            return;
        }
        write(service.disclosed(draw), !StratumDisclosure.confidential(draw), response);
    }

    /**
     * The complete document exactly as vdraw-1 specifies it, from which the whole draw is recomputed, plus the
     * mapping of opaque labels to real ones (Amendment 1): oversight of the draw's department tree (OVER-01), of a joint
     * draw also of each confirmed participant's tree (PLAN-15: the task, its strata and its one selection are theirs too),
     * and administrators. The security filter admits only those two roles to {@code /oversight/**}.
     */
    @GetMapping("/oversight/draws/{drawId}")
    public void completeDocument(@PathVariable String drawId, Authentication authentication, HttpServletRequest request,
                                 HttpServletResponse response) throws IOException {
        Overseen o = overseen(drawId, authentication, request, response);
        if (o != null) {
            write(service.disclosed(o.draw()), true, response);
        }
    }

    /** A draw the viewer oversees, and the departments whose assignment groups it sees; null: every group. */
    record Overseen(Draw draw, Set<String> groupsOf) {
        boolean sees(String department) {
            return groupsOf == null || groupsOf.contains(department);
        }
    }

    /**
     * The draw, when the viewer oversees it; otherwise the error is written and null returned. The oversight of the
     * draw's department (and administrators) sees every group; a joint draw's participant's oversight sees its own
     * department tree's groups only (PLAN-15: each department inside its own part, never another's inspectors).
     */
    private Overseen overseen(String drawId, Authentication authentication, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Viewer viewer = viewers.of(authentication, request.getRemoteAddr());
        Draw draw = reads.draw(drawId).orElse(null);
        if (draw == null) {
            JsonErrors.write(response, 404, ErrorCode.NOT_FOUND, "no draw " + drawId);
            return null;
        }
        if (viewer.has(Role.ADMIN) || viewer.reaches(draw.departmentId(), AccessScope.DEPARTMENT_TREE)) {
            return new Overseen(draw, null);
        }
        // The participant's own groups: its department's, and its subordinates' should one take part too.
        Set<String> own = new HashSet<>();
        reads.ofTask(draw.taskId()).stream().filter(Participation::confirmed).map(Participation::departmentId)
                .filter(d -> viewer.reaches(d, AccessScope.DEPARTMENT_TREE)).forEach(own::add);
        if (own.isEmpty()) {
            JsonErrors.write(response, 403, ErrorCode.FORBIDDEN, "draw " + drawId + " is outside your department tree (OVER-01)", ",\"rule\":\"OVER-01\"");
            return null;
        }
        return new Overseen(draw, own);
    }

    private void write(Draw draw, boolean complete, HttpServletResponse response) throws IOException {
        boolean confidential = StratumDisclosure.confidential(draw);
        Map<String, String> opaque = StratumDisclosure.opaque(draw);
        List<Candidate> pool = service.frozenPool(draw);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (OutputStream out = response.getOutputStream(); JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("algorithm", draw.algorithm());
            g.writeStringProperty("drawId", draw.id());
            g.writeStringProperty("taskId", draw.taskId());
            g.writeNumberProperty("batchNo", draw.batchNo());
            g.writeStringProperty("status", draw.status().name());
            g.writeStringProperty("committedAt", time(draw.committedAt()));
            g.writeStringProperty("commitment", draw.commitment());
            g.writeStringProperty("poolDigest", draw.poolDigest());
            g.writeNumberProperty("poolSize", draw.poolSize());
            g.writeArrayPropertyStart("strata");
            List<DrawStratum> strata = complete ? draw.strata()
                    : draw.strata().stream().sorted(Comparator.comparing(DrawStratum::opaqueLabel, StratumDisclosure.OPAQUE_ORDER)).toList();
            for (DrawStratum s : strata) {
                g.writeStartObject();
                g.writeStringProperty("label", complete ? s.label() : s.opaqueLabel());
                g.writeNumberProperty("size", s.size());
                if (complete) {
                    g.writeStringProperty("ratio", s.ratio());
                }
                g.writeNumberProperty("selectedCount", s.selectedCount());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (confidential) {
                g.writeObjectPropertyStart("stratumDigests");
                for (DrawStratum s : strata) {
                    g.writeStringProperty(s.opaqueLabel(), s.digest());
                }
                g.writeEndObject();
                if (complete) {
                    g.writeObjectPropertyStart("opaqueLabels");
                    for (DrawStratum s : strata) {
                        g.writeStringProperty(s.opaqueLabel(), s.label());
                    }
                    g.writeEndObject();
                }
            }
            g.writeArrayPropertyStart("pool");
            for (Candidate c : pool) {
                g.writeStartObject();
                g.writeStringProperty("uscc", c.uscc());
                if (complete) {
                    g.writeStringProperty("stratum", c.stratum());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (draw.executed()) {
                writeExecution(g, draw, complete);
            }
            g.writeEndObject();
        }
    }

    /** Steps 11 and 12, and what is published of the assignment (step 18: skip reasons in aggregate only). */
    private void writeExecution(JsonGenerator g, Draw draw, boolean complete) {
        g.writeStringProperty("executedAt", time(draw.executedAt()));
        g.writeStringProperty("entropy", draw.entropy());
        g.writeStringProperty("secret", draw.secret());
        g.writeStringProperty("seed", draw.seed());
        List<Inspection> inspections = reads.inspectionsOfDraw(draw.id(), null);
        // Without strata, grouping the list by stratum would still show who shares one: order by USCC instead.
        Comparator<Inspection> order = complete
                ? Comparator.comparing((Inspection i) -> i.stratum(), Vdraw1::compareUtf8).thenComparingInt(Inspection::drawOrder)
                : Comparator.comparing(Inspection::uscc, Vdraw1::compareUtf8);
        // One selection, also of a joint draw: the participants' parts are not selected again (PLAN-15).
        List<Inspection> selected = inspections.stream().filter(i -> i.replacementOf() == null && !i.part()).sorted(order).toList();
        g.writeArrayPropertyStart("selected");
        for (Inspection i : selected) {
            g.writeStartObject();
            g.writeStringProperty("uscc", i.uscc());
            if (complete) {
                g.writeStringProperty("stratum", i.stratum());
            }
            g.writeNumberProperty("order", i.drawOrder());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("replacements");
        for (Replacement r : reads.replacements(draw.id())) {
            g.writeStartObject();
            g.writeStringProperty("replaced", r.replaced());
            g.writeStringProperty("replacement", r.replacement());
            if (complete) {
                g.writeStringProperty("stratum", r.stratum());
            }
            g.writeStringProperty("reason", r.reason());
            g.writeStringProperty("replacedAt", time(r.at()));
            g.writeEndObject();
        }
        g.writeEndArray();
        // DRAW-13: which selections the lower level inspects, on both sides.
        g.writeArrayPropertyStart("lowerLevelInspects");
        for (Deferral d : reads.deferrals(draw.id())) {
            g.writeStartObject();
            g.writeStringProperty("uscc", d.uscc());
            g.writeStringProperty("superiorInspection", d.superiorInspectionId());
            g.writeStringProperty("lowerInspection", d.lowerInspectionId());
            g.writeArrayPropertyStart("items");
            for (String code : d.itemCodes()) {
                g.writeString(code);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        Map<String, Integer> reasons = new TreeMap<>();
        int flagged = 0;
        for (Assignment a : reads.assignments(draw.id(), Map.of())) {
            a.skipped().forEach(s -> reasons.merge(s.reason(), 1, Integer::sum));
            flagged += a.flagged() ? 1 : 0;
        }
        g.writeObjectPropertyStart("assignmentSkips");
        reasons.forEach((reason, n) -> g.writeNumberProperty(reason, n));
        g.writeEndObject();
        g.writeNumberProperty("flaggedForDirectOrNeighbouringAssignment", flagged);
    }

    /**
     * The assignment part (steps 13 to 17), for oversight of the draw's department tree, and administrators; of a joint
     * draw, to a participant's oversight with its own groups only (their assignments and substitutions).
     */
    @GetMapping("/oversight/draws/{drawId}/assignments")
    public void assignments(@PathVariable String drawId, Authentication authentication, HttpServletRequest request,
                            HttpServletResponse response) throws IOException {
        Overseen o = overseen(drawId, authentication, request, response);
        if (o == null) {
            return;
        }
        Draw draw = o.draw();
        Map<String, List<String>> eligible = new java.util.HashMap<>();
        Map<String, EligibleGroup> groups = new java.util.HashMap<>();
        reads.eligibleGroups(drawId).stream().filter(gr -> o.sees(gr.inspectedBy())).forEach(gr -> {
            eligible.put(gr.id(), gr.inspectors());
            groups.put(gr.id(), gr);
        });
        List<Assignment> assignments = reads.assignments(drawId, eligible).stream().filter(a -> o.sees(a.inspectedBy())).toList();
        Set<String> shown = new HashSet<>(assignments.stream().map(Assignment::inspectionId).toList());
        Map<String, List<Assignee>> assignees = reads.assignees(shown);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (OutputStream out = response.getOutputStream(); JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("algorithm", draw.algorithm());
            g.writeStringProperty("drawId", draw.id());
            g.writeStringProperty("taskId", draw.taskId());
            if (draw.executed()) {
                g.writeStringProperty("seed", draw.seed());
            }
            g.writeArrayPropertyStart("groups");
            for (EligibleGroup gr : groups.values().stream().sorted(Comparator.comparing(EligibleGroup::id)).toList()) {
                g.writeStartObject();
                g.writeStringProperty("group", gr.id());
                g.writeStringProperty("department", gr.inspectedBy());
                g.writeStringProperty("inspectionDate", gr.on().toString());
                g.writeNumberProperty("inspections", gr.inspections());
                g.writeNumberProperty("eligibleCount", gr.inspectors().size());
                g.writeNumberProperty("required", gr.required());
                g.writeNumberProperty("workloadCap", gr.workloadCap());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("assignments");
            for (Assignment a : assignments) {
                List<Assignee> all = assignees.getOrDefault(a.inspectionId(), List.of());
                g.writeStartObject();
                g.writeStringProperty("uscc", a.uscc());
                g.writeNumberProperty("processingOrder", a.processingOrder());
                g.writeNumberProperty("required", a.required());
                g.writeNumberProperty("workloadCap", a.workloadCap());
                writeStrings(g, "eligible", a.eligible());
                // Step 15's result, in order, including inspectors who later dropped out (see substitutions).
                writeStrings(g, "assigned", all.stream().filter(x -> "RANDOM".equals(x.mode())).map(Assignee::inspectorId).toList());
                writeStrings(g, "current", all.stream().filter(x -> !x.dropped()).map(Assignee::inspectorId).toList());
                g.writeArrayPropertyStart("skipped");
                for (Skip s : a.skipped()) {
                    g.writeStartObject();
                    g.writeStringProperty("inspector", s.inspector());
                    g.writeStringProperty("reason", s.reason());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeBooleanProperty("flagged", a.flagged());
                g.writeStringProperty("mode", a.mode());
                g.writeStringProperty("department", a.inspectedBy());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("substitutions");
            for (Substitution s : reads.substitutions(drawId).stream().filter(x -> shown.contains(x.inspectionId())).toList()) {
                g.writeStartObject();
                g.writeStringProperty("uscc", s.uscc());
                g.writeStringProperty("replaced", s.dropped());
                g.writeStringProperty("replacement", s.substitute());
                g.writeStringProperty("reason", s.reason());
                g.writeStringProperty("at", time(s.at()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeTimeOrNull(JsonGenerator g, String name, OffsetDateTime t) {
        if (t == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, time(t));
        }
    }

    static String time(OffsetDateTime t) {
        return PublicTime.format(t);
    }

    private static Integer parse(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
