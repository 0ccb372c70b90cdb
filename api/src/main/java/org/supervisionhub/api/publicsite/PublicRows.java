package org.supervisionhub.api.publicsite;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supervisionhub.graph.publicsite.PublicSite;

/**
 * The public read model as rows of named columns, shared by the JSON pages and the CSV exports so both say the same.
 * Times are Beijing time to the second ({@link PublicTime}), dates ISO.
 */
final class PublicRows {

    private PublicRows() {
    }

    static String time(OffsetDateTime t) {
        return PublicTime.format(t);
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static Map<String, Object> department(PublicSite.Department d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("level", d.level());
        m.put("sector", d.sector());
        m.put("regionCode", d.regionCode());
        m.put("regionName", d.regionName());
        m.put("superiorId", d.superiorId());
        return m;
    }

    static Map<String, Object> result(PublicSite.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("uscc", r.uscc());
        m.put("enterpriseName", r.enterpriseName());
        m.put("departmentId", r.departmentId());
        m.put("departmentName", r.departmentName());
        m.put("category", r.category());
        m.put("endedOn", str(r.endedOn()));
        m.put("publishedAt", time(r.publishedAt()));
        m.put("correctedAt", time(r.correctedAt()));
        m.put("publicUntil", str(r.publicUntil()));
        m.put("underReview", r.underReview());
        m.put("jointInspectionId", r.jointInspectionId());
        return m;
    }

    static Map<String, Object> penalty(PublicSite.Penalty p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("uscc", p.uscc());
        m.put("enterpriseName", p.enterpriseName());
        m.put("departmentId", p.departmentId());
        m.put("departmentName", p.departmentName());
        m.put("decisionNumber", p.decisionNumber());
        m.put("decidedOn", str(p.decidedOn()));
        m.put("content", p.content());
        m.put("publishedAt", time(p.publishedAt()));
        return m;
    }

    static Map<String, Object> notice(PublicSite.Notice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("uscc", n.uscc());
        m.put("enterpriseName", n.enterpriseName());
        m.put("departmentId", n.departmentId());
        m.put("departmentName", n.departmentName());
        m.put("issuedAt", time(n.issuedAt()));
        m.put("visitAt", time(n.visitAt()));
        m.put("basis", n.basis());
        m.put("content", n.content());
        m.put("materials", n.materials());
        return m;
    }

    static Map<String, Object> checklist(PublicSite.Checklist c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("scope", c.scope());
        m.put("kind", c.kind());
        m.put("edition", c.edition());
        m.put("departmentId", c.departmentId());
        m.put("departmentName", c.departmentName());
        m.put("publishedAt", time(c.publishedAt()));
        m.put("supersedesId", c.supersedesId());
        m.put("items", c.items().stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", i.code());
            x.put("title", i.title());
            x.put("legalBasis", i.legalBasis());
            x.put("content", i.content());
            return x;
        }).toList());
        return m;
    }

    static Map<String, Object> plan(PublicSite.Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("year", p.year());
        m.put("title", p.title());
        m.put("departmentId", p.departmentId());
        m.put("departmentName", p.departmentName());
        m.put("publishedAt", time(p.publishedAt()));
        m.put("revision", p.revision());
        m.put("tasks", p.tasks().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", t.id());
            x.put("title", t.title());
            x.put("method", t.method());
            x.put("windowStart", str(t.windowStart()));
            x.put("windowEnd", str(t.windowEnd()));
            x.put("status", t.status());
            x.put("items", t.items());
            return x;
        }).toList());
        return m;
    }

    static Map<String, Object> draw(PublicSite.Draw d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("taskId", d.taskId());
        m.put("taskTitle", d.taskTitle());
        m.put("departmentId", d.departmentId());
        m.put("departmentName", d.departmentName());
        m.put("batchNo", d.batchNo());
        m.put("committedAt", time(d.committedAt()));
        m.put("executedAt", time(d.executedAt()));
        m.put("poolSize", d.poolSize());
        m.put("document", "/public/draws/" + d.id());
        return m;
    }

    /** The CSV columns of each list, so an empty list still has its header line. */
    static final Map<String, List<String>> COLUMNS = Map.of(
            "results", List.of("id", "uscc", "enterpriseName", "departmentId", "departmentName", "category", "endedOn", "publishedAt",
                    "correctedAt", "publicUntil", "underReview", "jointInspectionId"),
            "penalties", List.of("id", "uscc", "enterpriseName", "departmentId", "departmentName", "decisionNumber", "decidedOn", "content",
                    "publishedAt"),
            "notices", List.of("id", "uscc", "enterpriseName", "departmentId", "departmentName", "issuedAt", "visitAt", "basis", "content",
                    "materials"),
            "checklists", List.of("id", "title", "scope", "kind", "edition", "departmentId", "departmentName", "publishedAt", "supersedesId",
                    "items.code", "items.title", "items.legalBasis", "items.content"),
            "plans", List.of("id", "year", "title", "departmentId", "departmentName", "publishedAt", "revision", "tasks.id", "tasks.title",
                    "tasks.method", "tasks.windowStart", "tasks.windowEnd", "tasks.status", "tasks.items"),
            "draws", List.of("id", "taskId", "taskTitle", "departmentId", "departmentName", "batchNo", "committedAt", "executedAt", "poolSize",
                    "document"));

    /** CSV rows: nested lists (checklist items, plan tasks) become one line per nested entry, lists of strings joined by "；". */
    static List<Map<String, Object>> flatten(List<Map<String, Object>> rows, String nested) {
        if (nested == null) {
            return rows;
        }
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> children = (List<Map<String, Object>>) row.get(nested);
            Map<String, Object> parent = new LinkedHashMap<>(row);
            parent.remove(nested);
            if (children.isEmpty()) {
                out.add(parent);
            }
            for (Map<String, Object> child : children) {
                Map<String, Object> line = new LinkedHashMap<>(parent);
                child.forEach((k, v) -> line.put(nested + "." + k, v));
                out.add(line);
            }
        }
        return out;
    }
}
