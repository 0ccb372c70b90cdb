package org.supervisionhub.api.publicsite;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.supervisionhub.graph.publicsite.PublicSite;

/** RFC 4287 Atom for a department's publications; entry ids are stable tag URIs, so readers never show one twice. */
final class AtomFeed {

    static final Map<String, String> KIND = Map.of("RESULT", "检查结果", "PENALTY", "行政处罚决定", "CHECKLIST", "抽查事项清单",
            "PLAN", "年度抽查计划", "DRAW", "随机抽取");
    static final Map<String, String> LINK = Map.of("RESULT", "/site/results.html", "PENALTY", "/site/penalties.html",
            "CHECKLIST", "/site/checklists.html", "PLAN", "/site/plans.html", "DRAW", "/site/draws.html");

    private AtomFeed() {
    }

    static String write(PublicSite.Department d, List<PublicSite.Publication> entries, OffsetDateTime updated) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
        x.append("  <id>tag:supervision-hub,2026:feed:").append(escape(d.id())).append("</id>\n");
        x.append("  <title>").append(escape(d.name())).append(" · 双随机、一公开</title>\n");
        x.append("  <updated>").append(PublicRows.time(updated)).append("</updated>\n");
        x.append("  <author><name>").append(escape(d.name())).append("</name></author>\n");
        x.append("  <link rel=\"self\" href=\"/public/feeds/").append(escape(d.id())).append(".atom\"/>\n");
        for (PublicSite.Publication p : entries) {
            String href = LINK.get(p.kind()) + "?department=" + escape(d.id())
                    + (p.kind().equals("DRAW") ? "&amp;draw=" + escape(p.id()) : "");
            x.append("  <entry>\n    <id>tag:supervision-hub,2026:").append(p.kind().toLowerCase()).append(':').append(escape(p.id()))
                    .append(':').append(PublicRows.time(p.at())).append("</id>\n");
            x.append("    <title>").append(KIND.get(p.kind())).append("：").append(escape(p.title() == null ? p.id() : p.title())).append("</title>\n");
            x.append("    <updated>").append(PublicRows.time(p.at())).append("</updated>\n");
            x.append("    <link href=\"").append(href.replace("&amp;", "&").replace("&", "&amp;")).append("\"/>\n  </entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
