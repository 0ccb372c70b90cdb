package org.supervisionhub.graph.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.supervisionhub.graph.synthetic.Province.Area;
import org.supervisionhub.graph.synthetic.Province.Line;
import org.supervisionhub.graph.synthetic.Province.Unit;

/** The inspector roster: about eight inspectors per implementing unit, their roster changes and, once enterprises exist, their person links and declared conflicts. */
final class Inspectors {

    private static final int INSPECTOR = 5;
    private static final int LINKS = 6;
    private static final int UNIT_SIZE = 7;

    private static final String[] POSITIONS_PROVINCE = {"一级主任科员", "二级主任科员", "四级调研员", "副处长", "处长"};
    private static final String[] POSITIONS_CITY = {"科员", "一级科员", "四级主任科员", "三级主任科员", "副科长", "科长"};
    private static final String[] POSITIONS_COUNTY = {"科员", "一级科员", "四级主任科员", "副股长", "股长"};
    private static final String[] ENTERPRISE_REASONS = {"配偶在该单位担任高级管理人员", "近亲属持有该单位股份",
            "曾在该单位工作，离职未满三年", "与该单位存在经济往来"};
    private static final String[] PERSON_REASONS = {"与该人员系近亲属关系", "与该人员系同学关系", "与该人员存在经济往来"};

    record Inspector(int seq, String id, Unit unit, Map<String, Object> props, Map<String, Object> change) {
    }

    private Inspectors() {
    }

    static List<Inspector> generate(long seed) {
        List<Inspector> all = new ArrayList<>();
        int seq = 0;
        for (int u = 0; u < Province.UNITS.size(); u++) {
            Unit unit = Province.UNITS.get(u);
            if (!"IMPLEMENTING".equals(unit.role())) {
                continue;
            }
            Area area = unit.department().area();
            int base = switch (area.level()) {
                case "PROVINCE" -> 10;
                case "CITY" -> 8;
                default -> 7;
            };
            int n = base - 1 + Draw.rng(seed, UNIT_SIZE, u).nextInt(3);
            for (int k = 0; k < n; k++) {
                all.add(inspector(seed, ++seq, unit));
            }
        }
        return all;
    }

    private static Inspector inspector(long seed, int seq, Unit unit) {
        SplittableRandom r = Draw.rng(seed, INSPECTOR, seq);
        Area area = unit.department().area();
        String id = "INS-" + Draw.pad(seq, 6);
        boolean female = r.nextInt(10) < 4;
        // A few certificates were issued 2018-2020 and have expired (five-year validity).
        LocalDate certFrom = r.nextInt(100) < 6 ? Draw.day(r, LocalDate.of(2018, 1, 1), LocalDate.of(2020, 12, 1))
                : Draw.day(r, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 10, 1));
        LocalDate onFrom = Draw.max(certFrom.plusDays(r.nextInt(60)), Draw.day(r, LocalDate.of(2016, 1, 1), LocalDate.of(2025, 10, 1)));
        LocalDate onTo = r.nextInt(100) < 3 ? Draw.day(r, Draw.max(onFrom.plusDays(30), LocalDate.of(2025, 1, 1)), LocalDate.of(2025, 12, 20)) : null;
        Set<String> expertise = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (Line l : unit.lines()) {
            expertise.add(l.code());
            tags.addAll(l.tags());
        }
        int t = 1 + r.nextInt(Math.min(3, tags.size()));
        for (int k = 0; k < t; k++) {
            expertise.add(tags.get(r.nextInt(tags.size())));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("inspectorId", id);
        p.put("name", Names.person(r, female));
        p.put("gender", female ? "FEMALE" : "MALE");
        p.put("birthYear", 1965 + r.nextInt(34));
        p.put("certificateNo", area.code() + Draw.pad(certFrom.getYear() % 100, 2) + Draw.pad(seq, 6));
        p.put("certificateValidFrom", certFrom);
        p.put("certificateValidTo", certFrom.plusYears(5).minusDays(1));
        p.put("enforcementCategory", unit.lines().get(0).code());
        p.put("expertise", List.copyOf(expertise));
        p.put("phone", "1" + "3578".charAt(r.nextInt(4)) + Draw.pad(r.nextLong(1_000_000_000L), 9));
        p.put("position", Draw.pick(r, switch (area.level()) {
            case "PROVINCE" -> POSITIONS_PROVINCE;
            case "CITY" -> POSITIONS_CITY;
            default -> POSITIONS_COUNTY;
        }));
        p.put("onRosterFrom", onFrom);
        if (onTo != null) {
            p.put("onRosterTo", onTo);
        }
        p.put("updatedAt", Draw.officeHours(r, Draw.day(r, onFrom, Draw.REFERENCE)));

        // Roster change records (~10%): leavers, a fifth of the 2025 joiners (the rest joined before
        // change records were kept), a few updates. The reporting clock starts at occurrence.
        String kind = null;
        LocalDate occurred = null;
        if (onTo != null) {
            kind = "REMOVED";
            occurred = onTo;
        } else if (!onFrom.isBefore(LocalDate.of(2025, 1, 1)) && r.nextInt(10) < 2) {
            kind = "ADDED";
            occurred = onFrom;
        } else if (r.nextInt(100) < 3) {
            kind = "UPDATED";
            occurred = Draw.day(r, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 12, 20));
        }
        Map<String, Object> change = null;
        if (kind != null) {
            int lag = r.nextInt(10) < 8 ? r.nextInt(5) : 8 + r.nextInt(13);
            change = new HashMap<>();
            change.put("id", "RC-I-" + Draw.pad(seq, 6));
            change.put("roster", "INSPECTOR");
            change.put("kind", kind);
            change.put("subjectKey", id);
            change.put("occurredOn", occurred);
            change.put("recordedAt", Draw.officeHours(r, occurred.plusDays(lag)));
        }
        return new Inspector(seq, id, unit, p, change);
    }

    static List<Map<String, Object>> rows(List<Inspector> inspectors) {
        List<Map<String, Object>> rows = new ArrayList<>(inspectors.size());
        for (Inspector i : inspectors) {
            Map<String, Object> row = new HashMap<>();
            row.put("unit", i.unit().id());
            row.put("props", i.props());
            if (i.change() != null) {
                row.put("changes", List.of(i.change()));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Links that need enterprises: IS_PERSON and DECLARED_CONFLICT, each within the inspector's jurisdiction. */
    record Links(List<Map<String, Object>> persons, List<Map<String, Object>> enterpriseConflicts,
                 List<Map<String, Object>> personConflicts) {
    }

    static Links links(long seed, List<Inspector> inspectors, Enterprises enterprises) {
        List<Map<String, Object>> persons = new ArrayList<>();
        List<Map<String, Object>> enterpriseConflicts = new ArrayList<>();
        List<Map<String, Object>> personConflicts = new ArrayList<>();
        if (enterprises.count() == 0) {
            return new Links(persons, enterpriseConflicts, personConflicts);
        }
        for (Inspector i : inspectors) {
            SplittableRandom r = Draw.rng(seed, LINKS, i.seq());
            Area area = i.unit().department().area();
            LocalDate onFrom = (LocalDate) i.props().get("onRosterFrom");
            // ~5% are themselves the legal representative of an enterprise in their jurisdiction;
            // only half of them declared it, so recusal must also walk the graph.
            if (r.nextInt(100) < 5) {
                Enterprises.Core e = enterprises.core(enterpriseIn(r, area, enterprises));
                persons.add(Map.of("inspector", i.id(), "person", enterprises.currentRepresentative(e.index())));
                if (r.nextBoolean()) {
                    enterpriseConflicts.add(conflict(r, i.id(), "uscc", e.uscc(), "本人担任该单位法定代表人", onFrom));
                }
            }
            if (r.nextInt(100) < 4) {
                Enterprises.Core e = enterprises.core(enterpriseIn(r, area, enterprises));
                if (r.nextInt(10) < 7) {
                    enterpriseConflicts.add(conflict(r, i.id(), "uscc", e.uscc(), Draw.pick(r, ENTERPRISE_REASONS), onFrom));
                } else {
                    personConflicts.add(conflict(r, i.id(), "person", enterprises.currentRepresentative(e.index()),
                            Draw.pick(r, PERSON_REASONS), onFrom));
                }
            }
        }
        return new Links(persons, enterpriseConflicts, personConflicts);
    }

    private static Map<String, Object> conflict(SplittableRandom r, String inspector, String key, String value, String reason,
                                                LocalDate onFrom) {
        LocalDate declared = Draw.day(r, Draw.max(onFrom, LocalDate.of(2024, 1, 1)), LocalDate.of(2025, 12, 20));
        return Map.of("inspector", inspector, key, value, "reason", reason, "declaredOn", declared);
    }

    /** An enterprise located in the area (any when the area is the province), by bounded rejection sampling. */
    private static int enterpriseIn(SplittableRandom r, Area area, Enterprises enterprises) {
        int k = 0;
        for (int t = 0; t < 200; t++) {
            k = r.nextInt(enterprises.count());
            Area county = enterprises.core(k).county();
            if (area.parent() == null || county == area || county.parent() == area) {
                return k;
            }
        }
        return k;
    }
}
