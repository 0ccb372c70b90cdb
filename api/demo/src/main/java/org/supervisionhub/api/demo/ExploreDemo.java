package org.supervisionhub.api.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.restriction.TriggerService;
import org.supervisionhub.api.restriction.TriggerService.ListingInput;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.domain.restriction.TriggerType;

/**
 * A holding group in Furong district (芙蓉区) worth exploring (issue 18, README "Exploring linked entities"): chains three
 * and four levels deep, a cross-holding, one person controlling several enterprises through others, a listed enterprise
 * two hops from clean ones, and a person representing forty enterprises. Fixed USCCs ({@code 93430102EXP…}) and person
 * seeds, so the README's queries work on every demo; dates count back from the clock.
 *
 * <p>Expected answers (by hand): beneficialOwners(岳麓建材) = 周建国 0.7·0.8·0.6·0.55 + 0.2 = 38.48%, 赵强 25%, untraced
 * 0.4·0.55 = 22%; beneficialOwners(天心物流): 王芳 0.6/0.9 = 66.67%, 周建国 0.5·0.4/0.9 = 22.22%, 陈刚 11.11%.
 */
@Component
public class ExploreDemo {

    private static final Logger log = LoggerFactory.getLogger(ExploreDemo.class);

    static final String ENTERPRISES = "UNWIND $rows AS row MATCH (r:Region {code: '430102'})"
            + " CREATE (e:Enterprise {uscc: row.uscc, name: row.name, orgType: row.orgType, industry: row.industry, scale: row.scale,"
            + "  status: 'ACTIVE', creditRiskClass: 'B', regionCode: '430102', establishedOn: row.since, rosterFrom: row.since, updatedAt: $now})"
            + " CREATE (e)-[:LOCATED_IN]->(r)";
    static final String PERSONS = "UNWIND $rows AS row MERGE (p:Person {personId: row.id}) SET p.name = row.name";
    /** One statement per relationship type ({@code %s}); {@code row.props}: validFrom and sharePct or role. */
    static final String LINKS = "UNWIND $rows AS row"
            + " MATCH (f) WHERE (f:Person AND f.personId = row.from) OR (f:Enterprise AND f.uscc = row.from)"
            + " MATCH (t:Enterprise {uscc: row.to}) CREATE (f)-[r:%s]->(t) SET r = row.props";

    /** What every USCC of the group starts with: 93 (other registration, 3), Furong, EXP. */
    public static final String USCC_PREFIX = "93430102EXP";

    /** Enterprise {@code n} of the group: {@link #USCC_PREFIX} + n, with its check character. */
    public static String uscc(int n) {
        String first17 = USCC_PREFIX + String.format("%06d", n);
        return first17 + Uscc.checkCharacter(first17);
    }

    public static String person(String name) {
        return PersonId.fromSeed("explore-demo-" + name).value();
    }

    /** The group's enterprises by short name. */
    public static final Map<String, Integer> GROUP = Map.of("湘江控股", 1, "星沙实业", 2, "麓谷科技", 3, "岳麓建材", 4, "芙蓉贸易", 5,
            "天心物流", 6, "橘洲餐饮", 7, "麓谷创投", 8);
    static final int HUB_CLIENTS = 40;

    private final Neo4jClient client;
    private final TriggerService triggers;
    private final Clock clock;

    public ExploreDemo(Neo4jClient client, TriggerService triggers, Clock clock) {
        this.client = client;
        this.triggers = triggers;
        this.clock = clock;
    }

    /** One transaction: statements outside one run as reads (docs/deployment-cluster.md). */
    @org.springframework.transaction.annotation.Transactional
    public void load() {
        LocalDate today = LocalDate.now(clock);
        LocalDate since = today.minusYears(3);
        List<Map<String, Object>> enterprises = new ArrayList<>();
        Map<Integer, String> names = Map.of(1, "湘江控股集团有限公司", 2, "星沙实业有限公司", 3, "麓谷科技有限公司", 4, "岳麓建材有限公司",
                5, "芙蓉贸易有限公司", 6, "天心物流有限公司", 7, "橘洲餐饮管理有限公司", 8, "麓谷创业投资合伙企业（有限合伙）");
        names.forEach((n, name) -> enterprises.add(enterprise(n, name, n == 8 ? "PARTNERSHIP" : "COMPANY", n == 1 ? "MEDIUM" : "SMALL",
                since.minusYears(2))));
        for (int i = 1; i <= HUB_CLIENTS; i++) {
            enterprises.add(enterprise(100 + i, "芙蓉便民商行第" + i + "店", "INDIVIDUAL_BUSINESS", "MICRO", since));
        }
        List<Map<String, Object>> persons = new ArrayList<>();
        for (String name : List.of("周建国", "李敏", "钱伟", "王芳", "陈刚", "赵强", "孙丽", "刘洋")) {
            persons.add(Map.of("id", person(name), "name", name));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        // Chain: 周建国 70% 湘江控股 -> 80% 星沙实业 -> 60% 麓谷科技 -> 55% 岳麓建材 (four levels), and 20% of 岳麓建材 directly.
        holds(links, person("周建国"), 70, 1, since);
        holds(links, person("李敏"), 30, 1, since);
        holds(links, uscc(1), 80, 2, since);
        holds(links, person("钱伟"), 20, 2, since);
        holds(links, uscc(2), 60, 3, since);
        holds(links, uscc(8), 40, 3, since);
        holds(links, uscc(3), 55, 4, since);
        holds(links, person("周建国"), 20, 4, since);
        holds(links, person("赵强"), 25, 4, since);
        // Cross-holding: 芙蓉贸易 holds 40% of 天心物流, which holds 25% of 芙蓉贸易.
        holds(links, person("周建国"), 50, 5, since);
        holds(links, person("陈刚"), 25, 5, since);
        holds(links, uscc(6), 25, 5, since);
        holds(links, uscc(5), 40, 6, since);
        holds(links, person("王芳"), 60, 6, since);
        holds(links, person("孙丽"), 100, 7, since);
        represents(links, person("周建国"), 1, since);
        represents(links, person("周建国"), 2, since);
        represents(links, person("李敏"), 3, since);
        represents(links, person("赵强"), 4, since);
        represents(links, person("陈刚"), 5, since);
        represents(links, person("王芳"), 6, since);
        // 赵强 also represents 橘洲餐饮, listed below: restricted two hops from 岳麓建材.
        represents(links, person("赵强"), 7, since);
        Map<String, Object> officer = link("OFFICER_OF", person("李敏"), uscc(1), since);
        officer.put("role", "DIRECTOR");
        links.add(officer);
        for (int i = 1; i <= HUB_CLIENTS; i++) {
            represents(links, person("刘洋"), 100 + i, since);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        client.query(ENTERPRISES).bindAll(Map.of("rows", enterprises, "now", now)).run();
        client.query(PERSONS).bindAll(Map.of("rows", persons)).run();
        for (String type : List.of("LEGAL_REPRESENTATIVE_OF", "OFFICER_OF", "SHAREHOLDER_OF")) {
            List<Map<String, Object>> rows = links.stream().filter(l -> type.equals(l.get("type"))).map(l -> {
                Map<String, Object> props = new HashMap<>();
                props.put("validFrom", l.get("since"));
                if (l.get("pct") != null) {
                    props.put("sharePct", l.get("pct"));
                }
                if (l.get("role") != null) {
                    props.put("role", l.get("role"));
                }
                return Map.of("from", l.get("from"), "to", l.get("to"), "props", props);
            }).toList();
            client.query(String.format(LINKS, type)).bindAll(Map.of("rows", rows)).run();
        }
        ZoneId zone = clock.getZone();
        triggers.recordListing(new ListingInput(uscc(7), TriggerType.SERIOUS_VIOLATION_LIST, "MS-430100",
                "《市场监督管理严重违法失信名单管理办法》第十条", "食品安全严重违法，拒不履行行政处罚决定",
                today.minusDays(60).atTime(9, 0).atZone(zone).toOffsetDateTime(), null, SourceSystem.HUB, null), RestrictionDemo.ACTOR);
        log.info("Explore demo: holding group 湘江控股 {} -> 星沙实业 {} -> 麓谷科技 {} -> 岳麓建材 {}; cross-holding 芙蓉贸易 {} / 天心物流 {};"
                        + " listed 橘洲餐饮 {}; 周建国 {}, 刘洋 {} (represents {} enterprises)", uscc(1), uscc(2), uscc(3), uscc(4), uscc(5), uscc(6),
                uscc(7), person("周建国"), person("刘洋"), HUB_CLIENTS);
    }

    private static Map<String, Object> enterprise(int n, String name, String orgType, String scale, LocalDate since) {
        Map<String, Object> m = new HashMap<>();
        m.put("uscc", uscc(n));
        m.put("name", name);
        m.put("orgType", orgType);
        m.put("industry", n >= 100 ? "F52" : "L72");
        m.put("scale", scale);
        m.put("since", since);
        return m;
    }

    private static Map<String, Object> link(String type, String from, String to, LocalDate since) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", type);
        m.put("from", from);
        m.put("to", to);
        m.put("since", since);
        return m;
    }

    private static void holds(List<Map<String, Object>> links, String from, double pct, int to, LocalDate since) {
        Map<String, Object> m = link("SHAREHOLDER_OF", from, uscc(to), since);
        m.put("pct", pct);
        links.add(m);
    }

    private static void represents(List<Map<String, Object>> links, String from, int to, LocalDate since) {
        links.add(link("LEGAL_REPRESENTATIVE_OF", from, uscc(to), since));
    }
}
