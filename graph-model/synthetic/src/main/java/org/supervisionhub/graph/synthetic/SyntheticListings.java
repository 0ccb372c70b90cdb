package org.supervisionhub.graph.synthetic;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Credit listings and penalty decisions on a loaded synthetic province, for benchmarks of restriction checks: about
 * {@code fraction} of enterprises listed, a tenth of them twice, with the mix of trigger types a province's credit
 * platform shows (abnormal-operation listings dominate), a quarter removed by credit repair, penalties whose publicity
 * ends. Deterministic for a seed and the province's enterprises. Stored as {@code TriggerRepository} stores them.
 */
public final class SyntheticListings {

    /** @param enterprises listed enterprises; {@code triggers} listings and decisions created, {@code removed} of them repaired */
    public record Report(List<String> listed, int triggers, int removed) {
    }

    static final String ENTERPRISES = "MATCH (e:Enterprise) RETURN e.uscc AS uscc ORDER BY uscc";
    static final String CREATE = """
            UNWIND $rows AS row
            MATCH (e:Enterprise {uscc: row.uscc})-[:LOCATED_IN]->(region:Region)
            OPTIONAL MATCH (d:Department {id: row.sector + '-' + region.code})
            CREATE (t:RestrictionTrigger {id: row.id, kind: row.kind, triggerType: row.type, uscc: row.uscc,
                    issuingDepartmentId: CASE WHEN row.source = 'HUB' THEN d.id END, issuingDepartment: coalesce(d.name, row.issuer),
                    legalBasis: row.basis, reason: row.reason, decisionNo: row.decisionNo, penalties: row.penalties,
                    fineAmount: row.fine, activeFrom: row.from, activeOn: date(row.from), expiresAt: row.expires, source: row.source,
                    recordedAt: row.from, recordedBy: 'synthetic', removedAt: row.removed, removalRecordedAt: row.removed, removalReason: row.removalReason,
                    removedBy: CASE WHEN row.removed IS NULL THEN null ELSE 'synthetic' END})-[:CONCERNS]->(e)
            FOREACH (_ IN CASE WHEN row.kind = 'SANCTION' THEN [1] ELSE [] END | SET t:Sanction)
            FOREACH (_ IN CASE WHEN row.kind = 'CREDIT_LISTING' THEN [1] ELSE [] END | SET t:CreditListing)
            CREATE (t)-[:HAD]->(:TriggerEvent {kind: 'LISTED', at: row.from, effectiveAt: row.from, actor: 'synthetic', reason: row.reason})
            FOREACH (_ IN CASE WHEN row.removed IS NULL THEN [] ELSE [1] END |
              CREATE (t)-[:HAD]->(:TriggerEvent {kind: 'REMOVED', at: row.removed, effectiveAt: row.removed, actor: 'synthetic',
                                                 reason: row.removalReason}))""";

    /** Trigger type, share of triggers (per mille), issuing sector or outside source. */
    private record Kind(String type, int perMille, String kind, String sector, String source, String issuer, String basis) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("ABNORMAL_OPERATION_LIST", 550, "CREDIT_LISTING", "MS", "HUB", null, "《企业经营异常名录管理暂行办法》第四条"),
            new Kind("SERIOUS_VIOLATION_LIST", 100, "CREDIT_LISTING", "MS", "HUB", null, "《市场监督管理严重违法失信名单管理办法》第二条"),
            new Kind("MAJOR_TAX_VIOLATION_LIST", 100, "CREDIT_LISTING", "TAX", "TAX", null, "《重大税收违法失信主体信息公布管理办法》第六条"),
            new Kind("DISHONEST_JUDGMENT_DEBTOR_LIST", 100, "CREDIT_LISTING", "COURT", "CREDIT_PLATFORM", "湖南省高级人民法院",
                    "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条"),
            new Kind("ADMINISTRATIVE_PENALTY", 100, "SANCTION", "MS", "HUB", null, "《中华人民共和国行政处罚法》第九条"),
            new Kind("MAJOR_ADMINISTRATIVE_PENALTY", 50, "SANCTION", "MS", "HUB", null, "《中华人民共和国行政处罚法》第五十七条"));

    private static final int BATCH = 5_000;

    private SyntheticListings() {
    }

    /** Lists about {@code fraction} of the province's enterprises as of {@code today}; returns what was created. */
    public static Report load(Driver driver, long seed, double fraction, LocalDate today, String database) {
        SessionConfig config = database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
        List<String> usccs = driver.executableQuery(ENTERPRISES).execute().records().stream().map(r -> r.get("uscc").asString()).toList();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_115L);
        List<String> listed = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        int removed = 0;
        for (String uscc : usccs) {
            if (random.nextDouble() >= fraction) {
                continue;
            }
            listed.add(uscc);
            int count = random.nextInt(10) == 0 ? 2 : 1;
            for (int i = 0; i < count; i++) {
                Map<String, Object> row = row(random, uscc, rows.size() + 1, today);
                removed += row.get("removed") == null ? 0 : 1;
                rows.add(row);
            }
        }
        try (Session session = driver.session(config)) {
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                session.executeWrite(tx -> tx.run(CREATE, Map.of("rows", batch)).consume());
            }
        }
        return new Report(List.copyOf(listed), rows.size(), removed);
    }

    private static Map<String, Object> row(SplittableRandom random, String uscc, int n, LocalDate today) {
        Kind kind = kind(random.nextInt(1000));
        // Active from some day of the last five years, during office hours in the province (UTC+8).
        LocalDate day = today.minusDays(1 + random.nextInt(5 * 365));
        OffsetDateTime from = OffsetDateTime.of(day, LocalTime.of(9 + random.nextInt(8), random.nextInt(60)), ZoneOffset.ofHours(8));
        Map<String, Object> row = new HashMap<>();
        row.put("id", (kind.kind().equals("SANCTION") ? "SYN-PEN-" : "SYN-LST-") + String.format("%07d", n));
        row.put("uscc", uscc);
        row.put("kind", kind.kind());
        row.put("type", kind.type());
        row.put("sector", kind.sector());
        row.put("source", kind.source());
        row.put("issuer", kind.issuer());
        row.put("basis", kind.basis());
        row.put("reason", "synthetic " + kind.type().toLowerCase());
        row.put("from", from);
        if (kind.kind().equals("SANCTION")) {
            row.put("decisionNo", "湘市监罚〔" + day.getYear() + "〕" + n + "号");
            boolean major = kind.type().startsWith("MAJOR");
            row.put("penalties", major ? List.of("FINE", "SUSPENSION") : List.of("FINE"));
            row.put("fine", String.valueOf(major ? 200_000 + random.nextInt(800_000) : 1_000 + random.nextInt(50_000)));
            // Publicity of a penalty decision ends after one year (ordinary) or three (major).
            row.put("expires", from.plusYears(major ? 3 : 1));
        }
        // A quarter of the listings were repaired since, some days after they began (and not after today).
        if (!kind.kind().equals("SANCTION") && random.nextInt(4) == 0) {
            OffsetDateTime repaired = from.plusDays(30 + random.nextInt(700));
            if (repaired.toLocalDate().isBefore(today)) {
                row.put("removed", repaired);
                row.put("removalReason", "信用修复");
            }
        }
        return row;
    }

    private static Kind kind(int perMille) {
        int upTo = 0;
        for (Kind k : KINDS) {
            upTo += k.perMille();
            if (perMille < upTo) {
                return k;
            }
        }
        return KINDS.get(0);
    }
}
