package org.supervisionhub.graph.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.synthetic.Province.Area;
import org.supervisionhub.graph.synthetic.Province.Sector;

/**
 * Streams enterprises, their persons and links in batches of loader rows. Enterprise {@code i} is a
 * pure function of (seed, i) plus a little sequential state (who represents what, holding depth),
 * so batches can be generated ahead of the writer and nothing but two small arrays is kept.
 * Anything about an earlier enterprise (USCC, name, founding day) is recomputed, not remembered.
 */
final class Enterprises {

    static final String[] ORG_TYPES = {"COMPANY", "INDIVIDUAL_BUSINESS", "PRIVATE_NON_ENTERPRISE_UNIT", "PARTNERSHIP",
            "FOUNDATION", "STATE_ORGAN", "PUBLIC_INSTITUTION", "SOCIAL_ORGANISATION"};
    static final int COMPANY = 0;
    static final int INDIVIDUAL = 1;
    static final int PNEU = 2;
    static final int PARTNERSHIP = 3;
    static final int FOUNDATION = 4;
    static final int STATE_ORGAN = 5;
    static final int PUBLIC_INSTITUTION = 6;
    static final int SOCIAL_ORGANISATION = 7;
    private static final int[] ORG_WEIGHTS = {560, 370, 20, 15, 5, 5, 10, 15};
    private static final int BRANCH = 8;

    // Random-stream ids, so that each kind of value has its own generator per enterprise.
    private static final int KIND = 1;
    private static final int CORE = 2;
    private static final int REST = 3;

    /** 31^9: the number of values of the nine organisation-code characters of a USCC. */
    private static final long CODE_SPACE = 26_439_622_160_671L;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final LocalDate ROSTER_START = LocalDate.of(2019, 3, 1);
    private static final LocalDate LATE_2025 = LocalDate.of(2025, 12, 1);

    /** Industry (GB/T 4754 division), weight, words used in names. */
    private record Trade(String industry, int weight, String... words) {
    }

    private static final Trade[] COMPANY_TRADES = {
            new Trade("C13", 6, "食品", "农产品开发", "粮油"), new Trade("C18", 4, "服饰", "制衣"),
            new Trade("C26", 3, "化工", "新材料"), new Trade("C34", 5, "机械设备", "机电"),
            new Trade("C36", 3, "汽车零部件"), new Trade("C39", 5, "电子科技", "智能科技"),
            new Trade("E47", 8, "建筑工程", "建设工程"), new Trade("E48", 4, "路桥建设", "市政工程"),
            new Trade("F51", 14, "贸易", "商贸", "供应链管理"), new Trade("F52", 8, "商业连锁", "百货"),
            new Trade("G54", 5, "物流", "运输"), new Trade("H61", 2, "酒店管理"), new Trade("H62", 6, "餐饮管理", "餐饮服务"),
            new Trade("I64", 4, "网络科技"), new Trade("I65", 6, "信息技术", "软件科技"), new Trade("K70", 3, "房地产开发", "置业"),
            new Trade("L72", 8, "企业管理咨询", "人力资源服务", "劳务服务"), new Trade("M74", 3, "检测技术", "工程设计"),
            new Trade("O80", 3, "家政服务", "物业管理")};
    private static final Trade[] SHOP_TRADES = {
            new Trade("F52", 40, "便利店", "商行", "副食店", "烟酒店"), new Trade("H62", 30, "餐馆", "小吃店", "粉店", "面馆"),
            new Trade("O80", 12, "理发店", "洗衣店", "家政服务部"), new Trade("O81", 10, "汽车修理店", "电器维修部"),
            new Trade("H61", 4, "旅社"), new Trade("F51", 4, "批发部")};
    private static final Trade[] PNEU_TRADES = {
            new Trade("P83", 3, "职业技能培训学校", "幼儿园", "艺术培训学校"), new Trade("Q85", 2, "养老服务中心", "社会工作服务中心")};
    private static final Trade[] INSTITUTION_TRADES = {
            new Trade("P83", 4, "第一中学", "第二中学", "实验小学", "职业中专学校"), new Trade("Q84", 3, "人民医院", "中医医院", "疾病预防控制中心"),
            new Trade("S94", 2, "社会保险服务中心", "就业服务中心")};
    private static final String[] ORGANS = {"司法局", "统计局", "档案馆", "退役军人事务局", "住房和城乡建设局", "交通运输局",
            "农业农村局", "民政局", "审计局", "水利局", "自然资源局", "发展和改革局"};
    private static final String[] ASSOCIATIONS = {"餐饮行业协会", "建筑业协会", "物流与采购协会", "软件行业协会", "家政服务协会",
            "人力资源服务行业协会", "个体劳动者协会", "江西商会", "浙江商会", "福建商会"};
    private static final String[] CHANNELS = {"HOTLINE_12333", "HOTLINE_12345", "ONLINE_PLATFORM", "LETTER", "VISIT"};
    private static final String[] COMPLAINT_SUMMARIES = {"拖欠劳动者工资", "未依法签订书面劳动合同", "未依法缴纳社会保险费",
            "超时加班且未支付加班费", "疑似使用童工", "违法解除劳动合同未支付经济补偿", "女职工孕期被降低工资", "低于当地最低工资标准支付工资",
            "职业中介收取押金", "培训机构虚假宣传", "未按规定安排带薪年休假", "克扣劳动者工资"};

    /** What the loader needs to keep about an enterprise once written: recomputable from its index. */
    record Core(int index, int orgType, int head, Area county, String industry, String scale, LocalDate establishedOn,
                String name, String uscc) {
    }

    /** One batch of loader rows plus the links that may point into earlier batches. */
    record Batch(int seq, List<Map<String, Object>> rows, List<Map<String, Object>> reps,
                 List<Map<String, Object>> holders, List<Map<String, Object>> branches) {
    }

    private final long seed;
    private final int count;
    private final long codeMultiplier;
    private final long codeOffset;
    private final int[] countyWeights;
    /** Index of the enterprise whose "LR" person currently represents enterprise i. */
    private final int[] repOwner;
    /** Levels of enterprise shareholders above enterprise i (0: none). */
    private final byte[] depth;
    /** Recent companies that already have an enterprise shareholder: picking them lengthens chains. */
    private final int[] recentHeld = new int[64];
    private int recentCount;
    private int next;
    private int batches;
    private long persons;

    Enterprises(long seed, int count) {
        this.seed = seed;
        this.count = count;
        SplittableRandom r = Draw.rng(seed, 0, 0);
        long m;
        do {
            m = CODE_SPACE / 3 + r.nextLong(CODE_SPACE / 3);
        } while (m % 31 == 0);
        codeMultiplier = m;
        codeOffset = r.nextLong(CODE_SPACE);
        countyWeights = Province.COUNTIES.stream().mapToInt(Area::weight).toArray();
        repOwner = new int[count];
        depth = new byte[count];
    }

    int count() {
        return count;
    }

    long persons() {
        return persons;
    }

    /** Org type (0-7), plus {@link #BRANCH} when the enterprise is a branch of a company. */
    int kind(int i) {
        if (i < ORG_TYPES.length) {
            return i; // the first eight cover every org type, so even a tiny province has all of them
        }
        SplittableRandom r = Draw.rng(seed, KIND, i);
        int type = Draw.weighted(r, ORG_WEIGHTS);
        return type == COMPANY && i >= 16 && r.nextInt(100) < 6 ? COMPANY | BRANCH : type;
    }

    private boolean isPlainCompany(int i) {
        return kind(i) == COMPANY;
    }

    Core core(int i) {
        SplittableRandom r = Draw.rng(seed, CORE, i);
        int kind = kind(i);
        int type = kind & 7;
        Area county = Province.COUNTIES.get(Draw.weighted(r, countyWeights));
        Area city = county.parent();
        LocalDate established = switch (type) {
            case COMPANY -> recent(r, LocalDate.of(1993, 1, 1));
            case INDIVIDUAL -> recent(r, LocalDate.of(2005, 1, 1));
            case STATE_ORGAN, PUBLIC_INSTITUTION -> Draw.day(r, LocalDate.of(1978, 1, 1), LocalDate.of(2006, 1, 1));
            default -> recent(r, LocalDate.of(1995, 1, 1));
        };
        Trade trade;
        String name;
        String scale;
        String prefix;
        int head = -1;
        switch (type) {
            case COMPANY -> {
                trade = pick(r, COMPANY_TRADES);
                int s = r.nextInt(1000);
                scale = s < 15 ? "LARGE" : s < 85 ? "MEDIUM" : s < 385 ? "SMALL" : "MICRO";
                prefix = "91";
                if ((kind & BRANCH) != 0) {
                    head = 0; // index 0 is always a non-branch company: the fallback head office
                    for (int t = 0; t < 16; t++) {
                        int j = r.nextInt(i);
                        if (isPlainCompany(j)) {
                            head = j;
                            break;
                        }
                    }
                    Core h = core(head);
                    trade = new Trade(h.industry(), 1, "");
                    scale = r.nextBoolean() ? "SMALL" : "MICRO";
                    established = Draw.max(established, h.establishedOn().plusDays(30));
                    name = h.name() + county.shortName() + "分公司";
                } else {
                    int p = r.nextInt(10);
                    String place = p < 2 ? "湖南" : p < 8 ? city.shortName() : county.name();
                    String form = "LARGE".equals(scale) && r.nextBoolean() ? "股份有限公司"
                            : r.nextInt(10) == 0 ? "有限责任公司" : "有限公司";
                    name = place + Names.trade(r) + Draw.pick(r, trade.words()) + form;
                }
            }
            case INDIVIDUAL -> {
                trade = pick(r, SHOP_TRADES);
                scale = "MICRO";
                prefix = "92";
                String owner = r.nextBoolean() ? Names.surname(r) + "记" : Names.trade(r);
                name = county.name() + owner + Draw.pick(r, trade.words());
            }
            case PNEU -> {
                trade = pick(r, PNEU_TRADES);
                scale = r.nextBoolean() ? "SMALL" : "MICRO";
                prefix = "52";
                name = city.name() + Names.trade(r) + Draw.pick(r, trade.words());
            }
            case PARTNERSHIP -> {
                trade = new Trade("L72", 1);
                scale = r.nextInt(4) == 0 ? "MEDIUM" : "SMALL";
                int p = r.nextInt(3);
                prefix = p == 0 ? "31" : "91"; // law firms are registered by the justice administration (31)
                name = switch (p) {
                    case 0 -> "湖南" + Names.trade(r) + "律师事务所";
                    case 1 -> "湖南" + Names.trade(r) + "会计师事务所（特殊普通合伙）";
                    default -> city.shortName() + Names.trade(r) + "企业管理咨询合伙企业（有限合伙）";
                };
            }
            case FOUNDATION -> {
                trade = new Trade("S95", 1);
                scale = "SMALL";
                prefix = "53";
                name = (r.nextBoolean() ? "湖南省" : city.name()) + Names.trade(r) + (r.nextBoolean() ? "慈善基金会" : "教育基金会");
            }
            case STATE_ORGAN -> {
                trade = new Trade("S92", 1);
                scale = r.nextInt(3) == 0 ? "MEDIUM" : "SMALL";
                prefix = "11";
                name = county.name() + Draw.pick(r, ORGANS);
            }
            case PUBLIC_INSTITUTION -> {
                trade = pick(r, INSTITUTION_TRADES);
                scale = r.nextInt(3) == 0 ? "MEDIUM" : "SMALL";
                prefix = "12";
                name = county.name() + Draw.pick(r, trade.words());
            }
            default -> {
                trade = new Trade("S95", 1);
                scale = "MICRO";
                prefix = "51";
                name = city.name() + Draw.pick(r, ASSOCIATIONS);
            }
        }
        return new Core(i, type, head, county, trade.industry(), scale, established, name, uscc(prefix, county, i));
    }

    /** A founding day skewed towards recent years (the max of two uniform draws), before 2026. */
    private static LocalDate recent(SplittableRandom r, LocalDate from) {
        LocalDate a = Draw.day(r, from, Draw.REFERENCE);
        LocalDate b = Draw.day(r, from, Draw.REFERENCE);
        return Draw.max(a, b);
    }

    private static Trade pick(SplittableRandom r, Trade[] trades) {
        int[] w = new int[trades.length];
        for (int t = 0; t < trades.length; t++) {
            w[t] = trades[t].weight();
        }
        return trades[Draw.weighted(r, w)];
    }

    /**
     * Registration-authority and category code, county division code, nine organisation-code
     * characters and the GB 32100 check character. The nine characters are an affine bijection of
     * the index modulo 31^9, so codes look random but never collide.
     */
    private String uscc(String prefix, Area county, int i) {
        long v = mulMod((i + codeOffset) % CODE_SPACE, codeMultiplier, CODE_SPACE);
        char[] code = new char[17];
        code[0] = prefix.charAt(0);
        code[1] = prefix.charAt(1);
        county.code().getChars(0, 6, code, 2);
        for (int p = 16; p >= 8; p--) {
            code[p] = ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
        String first17 = new String(code);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** a*b mod m for m < 2^52: the double quotient is off by at most one, fixed up in exact long arithmetic. */
    private static long mulMod(long a, long b, long m) {
        long q = (long) ((double) a * b / m);
        long r = (a * b - q * m) % m;
        return r < 0 ? r + m : r;
    }

    String personId(int owner, String role) {
        return PersonId.fromSeed(seed + "/E" + owner + "/" + role).value();
    }

    /** Person id of the current legal representative of enterprise i (after i has been generated). */
    String currentRepresentative(int i) {
        return personId(repOwner[i], "LR");
    }

    /** The next batch, or {@code null} when all enterprises have been generated. */
    Batch next(int size) {
        if (next >= count) {
            return null;
        }
        int end = (int) Math.min((long) next + size, count);
        List<Map<String, Object>> rows = new ArrayList<>(end - next);
        List<Map<String, Object>> reps = new ArrayList<>();
        List<Map<String, Object>> holders = new ArrayList<>();
        List<Map<String, Object>> branches = new ArrayList<>();
        for (int i = next; i < end; i++) {
            rows.add(row(core(i), reps, holders, branches));
        }
        next = end;
        return new Batch(batches++, rows, reps, holders, branches);
    }

    private Map<String, Object> row(Core c, List<Map<String, Object>> reps, List<Map<String, Object>> holders,
                                    List<Map<String, Object>> branches) {
        int i = c.index();
        SplittableRandom r = Draw.rng(seed, REST, i);
        LocalDate est = c.establishedOn();
        boolean governmental = c.orgType() == STATE_ORGAN || c.orgType() == PUBLIC_INSTITUTION;
        int s = r.nextInt(1000);
        String status = governmental || s < 880 ? "ACTIVE" : s < 940 ? "DEREGISTERED" : s < 970 ? "REVOKED" : "SUSPENDED";
        boolean closed = "DEREGISTERED".equals(status) || "REVOKED".equals(status);
        LocalDate rosterFrom = est.isBefore(ROSTER_START) ? ROSTER_START.plusDays(r.nextInt(120))
                : Draw.min(est.plusDays(1 + r.nextInt(15)), Draw.REFERENCE.minusDays(1));
        Area county = c.county();

        Map<String, Object> props = new HashMap<>(20);
        props.put("uscc", c.uscc());
        props.put("name", c.name());
        props.put("orgType", ORG_TYPES[c.orgType()]);
        props.put("industry", c.industry());
        props.put("scale", c.scale());
        props.put("status", status);
        props.put("creditRiskClass", String.valueOf("ABCD".charAt(Draw.weighted(r, new int[]{30, 45, 18, 7}))));
        props.put("integrityGrade", String.valueOf("ABC".charAt(Draw.weighted(r, new int[]{60, 30, 10}))));
        props.put("regionCode", county.code());
        props.put("establishedOn", est);
        props.put("address", "湖南省" + county.parent().name() + county.name() + Names.street(r));
        props.put("rosterFrom", rosterFrom);
        props.put("updatedAt", Draw.officeHours(r, Draw.day(r, rosterFrom, Draw.REFERENCE)));

        Map<String, Object> row = new HashMap<>(8);
        row.put("props", props);
        row.put("region", county.code());
        // Large enterprises register with the city, the rest with their county (登记管辖).
        Area registrar = "LARGE".equals(c.scale()) ? county.parent() : county;
        row.put("registrar", Province.departmentId(Sector.MARKET_SUPERVISION, registrar));

        List<Map<String, Object>> people = new ArrayList<>(4);
        // Legal representative, possibly replaced once (the old link ends the day the new one starts).
        LocalDate repFrom = est;
        if (c.orgType() != INDIVIDUAL && est.isBefore(LATE_2025.minusDays(200)) && r.nextInt(100) < 6) {
            repFrom = Draw.day(r, est.plusDays(30), LATE_2025);
            Map<String, Object> former = person(i, "LR0", r);
            former.put("rep", List.of(link(est, repFrom)));
            people.add(former);
        }
        Map<String, Object> rep = null;
        if (i >= 20 && r.nextInt(100) < 10) {
            int j = r.nextInt(i);
            repOwner[i] = repOwner[j];
            Map<String, Object> l = link(repFrom, null);
            l.put("person", personId(repOwner[j], "LR"));
            l.put("uscc", c.uscc());
            reps.add(l);
        } else {
            repOwner[i] = i;
            rep = person(i, "LR", r);
            rep.put("rep", List.of(link(repFrom, null)));
            people.add(rep);
        }

        boolean branch = c.head() >= 0;
        if (branch) {
            Map<String, Object> b = link(est, closed ? Draw.day(r, est.plusDays(1), Draw.REFERENCE) : null);
            b.put("branch", c.uscc());
            b.put("head", core(c.head()).uscc());
            branches.add(b);
        }
        if (c.orgType() == COMPANY && !branch) {
            officers(i, r, est, repFrom, rep, people);
        }
        if ((c.orgType() == COMPANY && !branch) || c.orgType() == PARTNERSHIP) {
            shareholders(c, r, rep, people, holders);
        }
        row.put("persons", people);

        if (r.nextInt(1000) < 30) {
            row.put("complaints", complaints(c, r));
        }
        if (r.nextInt(1000) < 20) {
            row.put("changes", List.of(rosterChange(c, r, closed)));
        }
        return row;
    }

    private void officers(int i, SplittableRandom r, LocalDate est, LocalDate repFrom, Map<String, Object> rep,
                          List<Map<String, Object>> people) {
        int k = 1 + r.nextInt(3);
        List<String> roles = new ArrayList<>(List.of("DIRECTOR"));
        if (k == 3) {
            roles.add("MANAGER");
            roles.add("SUPERVISOR");
        } else if (k == 2) {
            roles.add(r.nextBoolean() ? "MANAGER" : "SUPERVISOR");
        }
        int n = 1;
        for (String role : roles) {
            Map<String, Object> l = link("DIRECTOR".equals(role) && rep != null ? repFrom : est, null);
            l.put("role", role);
            if ("DIRECTOR".equals(role) && rep != null && r.nextBoolean()) {
                rep.put("off", List.of(l)); // 执行董事 who is also the legal representative
            } else {
                Map<String, Object> p = person(i, "O" + n++, r);
                p.put("off", List.of(l));
                people.add(p);
            }
        }
    }

    /** Shares in half-percent units (exact in binary floating point), summing to exactly 100. */
    private void shareholders(Core c, SplittableRandom r, Map<String, Object> rep, List<Map<String, Object>> people,
                              List<Map<String, Object>> holders) {
        int i = c.index();
        LocalDate est = c.establishedOn();
        int units = 200;
        if (c.orgType() == COMPANY && i >= 16 && r.nextInt(100) < 15) {
            int h = holdingCompany(r, i);
            if (h >= 0) {
                Core holder = core(h);
                int share = r.nextInt(10) < 4 ? 200 : 102 + r.nextInt(79);
                Map<String, Object> l = link(Draw.max(est, holder.establishedOn()), null);
                l.put("holder", holder.uscc());
                l.put("uscc", c.uscc());
                l.put("pct", share / 2.0);
                holders.add(l);
                units -= share;
                depth[i] = (byte) (depth[h] + 1);
                if (depth[i] < 3) {
                    recentHeld[recentCount++ % recentHeld.length] = i;
                }
            }
        }
        if (units == 0) {
            return;
        }
        int m = Math.min(units, c.orgType() == PARTNERSHIP ? 2 + r.nextInt(2) : 1 + r.nextInt(3));
        boolean changed = est.isBefore(LATE_2025.minusDays(200)) && r.nextInt(100) < 5;
        for (int q = 0; q < m; q++) {
            int share = q == m - 1 ? units : 1 + r.nextInt(units - (m - 1 - q));
            units -= share;
            boolean last = q == m - 1;
            LocalDate from = est;
            if (last && changed) {
                // The last holder bought the stake from a former holder whose link ends that day.
                from = Draw.day(r, est.plusDays(30), LATE_2025);
                Map<String, Object> former = person(i, "S0", r);
                Map<String, Object> old = link(est, from);
                old.put("pct", share / 2.0);
                former.put("sh", List.of(old));
                people.add(former);
            }
            Map<String, Object> l = link(from, null);
            l.put("pct", share / 2.0);
            if (q == 0 && rep != null && r.nextInt(10) < 7) {
                rep.put("sh", List.of(l));
            } else {
                Map<String, Object> p = person(i, "S" + (q + 1), r);
                p.put("sh", List.of(l));
                people.add(p);
            }
        }
    }

    /** An earlier non-branch company, preferring recently held ones so that chains of 2-4 levels form. */
    private int holdingCompany(SplittableRandom r, int i) {
        for (int t = 0; t < 16; t++) {
            int j = recentCount > 0 && r.nextBoolean()
                    ? recentHeld[r.nextInt(Math.min(recentCount, recentHeld.length))]
                    : r.nextInt(i);
            if (j < i && depth[j] < 3 && isPlainCompany(j)) {
                return j;
            }
        }
        return -1;
    }

    private List<Map<String, Object>> complaints(Core c, SplittableRandom r) {
        int n = 1 + Draw.weighted(r, new int[]{40, 25, 15, 10, 6, 4});
        Area county = c.county();
        String receiver = Province.departmentId(Sector.HR_SOCIAL_SECURITY, "LARGE".equals(c.scale()) ? county.parent() : county);
        LocalDate from = Draw.max(c.establishedOn(), LocalDate.of(2023, 1, 1));
        List<Map<String, Object>> list = new ArrayList<>(n);
        for (int q = 1; q <= n; q++) {
            int k = r.nextInt(10);
            String kind = k < 6 ? "COMPLAINT" : k < 9 ? "REPORT" : "REFERRAL";
            Map<String, Object> m = new HashMap<>(8);
            m.put("id", "CMP-" + Draw.pad(c.index(), 7) + "-" + q);
            m.put("kind", kind);
            m.put("receivedOn", Draw.day(r, from, Draw.REFERENCE));
            m.put("channel", "REFERRAL".equals(kind) ? "SUPERIOR_REFERRAL" : Draw.pick(r, CHANNELS));
            m.put("summary", Draw.pick(r, COMPLAINT_SUMMARIES) + (r.nextBoolean() ? "（涉及" + (1 + r.nextInt(40)) + "名劳动者）" : ""));
            m.put("department", receiver);
            list.add(m);
        }
        return list;
    }

    /** Target-roster change; most are recorded within days of discovery, one in five 8-20 days late. */
    private Map<String, Object> rosterChange(Core c, SplittableRandom r, boolean closed) {
        LocalDate est = c.establishedOn();
        String kind = closed ? "REMOVED" : !est.isBefore(LocalDate.of(2025, 1, 1)) ? "ADDED" : "UPDATED";
        LocalDate occurred = "ADDED".equals(kind) ? est : Draw.day(r, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 12, 20));
        LocalDate discovered = occurred.plusDays(r.nextInt(10) < 7 ? 0 : 1 + r.nextInt(10));
        int lag = r.nextInt(10) < 8 ? r.nextInt(5) : 8 + r.nextInt(13);
        Map<String, Object> m = new HashMap<>(8);
        m.put("id", "RC-T-" + Draw.pad(c.index(), 7));
        m.put("roster", "TARGET");
        m.put("kind", kind);
        m.put("subjectKey", c.uscc());
        m.put("occurredOn", occurred);
        m.put("discoveredOn", discovered);
        m.put("recordedAt", Draw.officeHours(r, discovered.plusDays(lag)));
        return m;
    }

    private Map<String, Object> person(int i, String role, SplittableRandom r) {
        persons++;
        Map<String, Object> p = new HashMap<>(8);
        p.put("id", personId(i, role));
        p.put("name", Names.person(r, r.nextInt(10) < 3));
        return p;
    }

    private static Map<String, Object> link(LocalDate from, LocalDate to) {
        Map<String, Object> l = new HashMap<>(8);
        l.put("from", from);
        if (to != null) {
            l.put("to", to);
        }
        return l;
    }
}
