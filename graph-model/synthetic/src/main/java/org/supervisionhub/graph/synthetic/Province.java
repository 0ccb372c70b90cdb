package org.supervisionhub.graph.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed organisation of the synthetic province, modelled on Hunan: real GB/T 2260 codes for
 * the province, six cities and 2-4 counties each; five sectors with a department at every level;
 * units and business lines. None of this depends on the seed.
 */
final class Province {

    /** A region; {@code weight} steers how many enterprises a county gets. */
    record Area(String code, String name, String level, Area parent, int weight) {

        boolean isCounty() {
            return "COUNTY".equals(level);
        }

        Area city() {
            return isCounty() ? parent : this;
        }

        /** Name without its 省/市/区/县 suffix (芙蓉区 → 芙蓉, 长沙市 → 长沙); two-character names stay whole. */
        String shortName() {
            return name.length() > 2 ? name.substring(0, name.length() - 1) : name;
        }
    }

    enum Sector {
        HR_SOCIAL_SECURITY("HRSS"), MARKET_SUPERVISION("MS"), TAX("TAX"), EMERGENCY_MANAGEMENT("EM"),
        ECOLOGY_ENVIRONMENT("EE");

        final String prefix;

        Sector(String prefix) {
            this.prefix = prefix;
        }
    }

    record Line(String code, String name, Sector sector, List<String> tags) {
    }

    record Department(String id, String name, Sector sector, Area area, String superiorId) {
    }

    record Unit(String id, String name, String role, Department department, List<Line> lines) {
    }

    /** Unit template: role, names at province/city/county level, business lines run. */
    private record UnitSpec(String role, String province, String city, String county, String... lines) {
    }

    static final Area PROVINCE = new Area("430000", "湖南省", "PROVINCE", null, 0);
    static final List<Area> CITIES = new ArrayList<>();
    static final List<Area> COUNTIES = new ArrayList<>();
    static final List<Line> LINES = List.of(
            new Line("LABOUR_SECURITY_SUPERVISION", "劳动保障监察", Sector.HR_SOCIAL_SECURITY,
                    List.of("WAGES", "LABOUR_CONTRACT", "WORKING_HOURS", "CHILD_LABOUR", "SPECIAL_PROTECTION", "LABOUR_DISPATCH")),
            new Line("SOCIAL_INSURANCE_AUDIT", "社会保险稽核", Sector.HR_SOCIAL_SECURITY, List.of("SOCIAL_INSURANCE", "CONTRIBUTION_BASE")),
            new Line("HR_MARKET", "人力资源市场", Sector.HR_SOCIAL_SECURITY, List.of("HR_AGENCY", "RECRUITMENT")),
            new Line("VOCATIONAL_TRAINING", "职业能力建设", Sector.HR_SOCIAL_SECURITY, List.of("TRAINING", "SKILL_ASSESSMENT")),
            new Line("MARKET_REGISTRATION", "登记注册监管", Sector.MARKET_SUPERVISION, List.of("ENTERPRISE_DISCLOSURE", "REGISTRATION")),
            new Line("PRODUCT_QUALITY", "产品质量监督", Sector.MARKET_SUPERVISION, List.of("PRODUCT_SAMPLING", "STANDARDS")),
            new Line("TAX_INSPECTION", "税务稽查", Sector.TAX, List.of("INVOICES", "TAX_AUDIT")),
            new Line("TAX_COLLECTION", "税收征管", Sector.TAX, List.of("TAX_RETURNS", "TAX_RISK")),
            new Line("WORK_SAFETY", "安全生产执法", Sector.EMERGENCY_MANAGEMENT, List.of("WORK_SAFETY", "FIRE_SAFETY")),
            new Line("HAZARDOUS_CHEMICALS", "危险化学品安全监管", Sector.EMERGENCY_MANAGEMENT, List.of("HAZARDOUS_CHEMICALS")),
            new Line("POLLUTION_DISCHARGE", "排污许可和污染源监管", Sector.ECOLOGY_ENVIRONMENT, List.of("EMISSIONS", "WASTE")),
            new Line("ENVIRONMENTAL_IMPACT", "环境影响评价监管", Sector.ECOLOGY_ENVIRONMENT, List.of("EIA")));

    private static final Map<Sector, List<UnitSpec>> UNIT_SPECS = new LinkedHashMap<>();
    static final List<Department> DEPARTMENTS = new ArrayList<>();
    static final List<Unit> UNITS = new ArrayList<>();
    private static final Map<String, Department> DEPARTMENT_BY_ID = new LinkedHashMap<>();

    static {
        city("430100", "长沙市", "430102 芙蓉区 8", "430103 天心区 7", "430104 岳麓区 9", "430121 长沙县 8");
        city("430200", "株洲市", "430202 荷塘区 4", "430203 芦淞区 4", "430281 醴陵市 4");
        city("430300", "湘潭市", "430302 雨湖区 3", "430304 岳塘区 3", "430321 湘潭县 3");
        city("430400", "衡阳市", "430405 珠晖区 3", "430406 雁峰区 3", "430481 耒阳市 4");
        city("430600", "岳阳市", "430602 岳阳楼区 4", "430681 汨罗市 3");
        city("430700", "常德市", "430702 武陵区 4", "430703 鼎城区 3");

        UNIT_SPECS.put(Sector.HR_SOCIAL_SECURITY, List.of(
                new UnitSpec("LEAD", "劳动保障监察处", "劳动保障监察科", "劳动保障监察股"),
                new UnitSpec("IMPLEMENTING", "劳动保障监察局", "劳动保障监察支队", "劳动保障监察大队", "LABOUR_SECURITY_SUPERVISION"),
                new UnitSpec("IMPLEMENTING", "社会保险稽核中心", "社会保险稽核科", "社会保险稽核股", "SOCIAL_INSURANCE_AUDIT"),
                new UnitSpec("IMPLEMENTING", "人力资源流动管理和职业能力建设处", "就业促进和职业能力建设科", "就业和职业能力建设股",
                        "HR_MARKET", "VOCATIONAL_TRAINING"),
                new UnitSpec("LEGAL_SUPERVISION", "政策法规处", "政策法规科", "法规股"),
                new UnitSpec("INFORMATION_CENTRE", "信息中心", "信息中心", "信息中心")));
        UNIT_SPECS.put(Sector.MARKET_SUPERVISION, List.of(
                new UnitSpec("LEAD", "信用监督管理处", "信用监督管理科", "信用监管股"),
                new UnitSpec("IMPLEMENTING", "登记注册局", "登记注册科", "登记注册股", "MARKET_REGISTRATION"),
                new UnitSpec("IMPLEMENTING", "产品质量安全监督管理处", "产品质量安全监督管理科", "质量监督股", "PRODUCT_QUALITY"),
                new UnitSpec("LEGAL_SUPERVISION", "法规处", "法规科", "法制股"),
                new UnitSpec("INFORMATION_CENTRE", "信息中心", "信息中心", "信息中心")));
        UNIT_SPECS.put(Sector.TAX, List.of(
                new UnitSpec("LEAD", "征收管理处", "征收管理科", "征收管理股"),
                new UnitSpec("IMPLEMENTING", "第一稽查局", "稽查局", "稽查股", "TAX_INSPECTION"),
                new UnitSpec("IMPLEMENTING", "税收风险管理局", "税收风险管理科", "税源管理股", "TAX_COLLECTION"),
                new UnitSpec("LEGAL_SUPERVISION", "法制处", "法制科", "法制股"),
                new UnitSpec("INFORMATION_CENTRE", "信息中心", "信息中心", "信息中心")));
        UNIT_SPECS.put(Sector.EMERGENCY_MANAGEMENT, List.of(
                new UnitSpec("LEAD", "安全生产综合协调处", "综合协调科", "综合协调股"),
                new UnitSpec("IMPLEMENTING", "安全生产执法总队", "安全生产执法支队", "安全生产执法大队", "WORK_SAFETY"),
                new UnitSpec("IMPLEMENTING", "危险化学品安全监督管理处", "危险化学品安全监督管理科", "危化股", "HAZARDOUS_CHEMICALS"),
                new UnitSpec("LEGAL_SUPERVISION", "政策法规处", "政策法规科", "法规股"),
                new UnitSpec("INFORMATION_CENTRE", "应急指挥信息中心", "信息中心", "信息中心")));
        UNIT_SPECS.put(Sector.ECOLOGY_ENVIRONMENT, List.of(
                new UnitSpec("LEAD", "环境执法监督处", "环境执法监督科", "执法监督股"),
                new UnitSpec("IMPLEMENTING", "生态环境保护综合行政执法局", "生态环境保护综合行政执法支队", "生态环境保护综合行政执法大队",
                        "POLLUTION_DISCHARGE"),
                new UnitSpec("IMPLEMENTING", "环境影响评价与排放管理处", "环境影响评价科", "环评股", "ENVIRONMENTAL_IMPACT"),
                new UnitSpec("LEGAL_SUPERVISION", "法规与标准处", "法规科", "法规股"),
                new UnitSpec("INFORMATION_CENTRE", "生态环境监控中心", "信息中心", "信息中心")));

        for (Sector sector : Sector.values()) {
            for (Area area : areas()) {
                String superior = area.parent() == null ? null : departmentId(sector, area.parent());
                Department d = new Department(departmentId(sector, area), departmentName(sector, area), sector, area, superior);
                DEPARTMENTS.add(d);
                DEPARTMENT_BY_ID.put(d.id(), d);
                int n = 1;
                for (UnitSpec spec : UNIT_SPECS.get(sector)) {
                    String name = switch (area.level()) {
                        case "PROVINCE" -> spec.province();
                        case "CITY" -> spec.city();
                        default -> spec.county();
                    };
                    List<Line> lines = new ArrayList<>();
                    for (String code : spec.lines()) {
                        lines.add(line(code));
                    }
                    UNITS.add(new Unit(d.id() + "-U" + n++, name, spec.role(), d, List.copyOf(lines)));
                }
            }
        }
    }

    private Province() {
    }

    private static void city(String code, String name, String... counties) {
        Area city = new Area(code, name, "CITY", PROVINCE, 0);
        CITIES.add(city);
        for (String c : counties) {
            String[] f = c.split(" ");
            COUNTIES.add(new Area(f[0], f[1], "COUNTY", city, Integer.parseInt(f[2])));
        }
    }

    /** Province, then each city followed by its counties. */
    static List<Area> areas() {
        List<Area> all = new ArrayList<>();
        all.add(PROVINCE);
        for (Area city : CITIES) {
            all.add(city);
            for (Area county : COUNTIES) {
                if (county.parent() == city) {
                    all.add(county);
                }
            }
        }
        return Collections.unmodifiableList(all);
    }

    static String departmentId(Sector sector, Area area) {
        return sector.prefix + "-" + area.code();
    }

    static Department department(Sector sector, Area area) {
        return DEPARTMENT_BY_ID.get(departmentId(sector, area));
    }

    static Line line(String code) {
        return LINES.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    /** The implementing unit of a department that runs a business line. */
    static Unit implementingUnit(Department d, String lineCode) {
        return UNITS.stream()
                .filter(u -> u.department() == d && u.lines().stream().anyMatch(l -> l.code().equals(lineCode)))
                .findFirst().orElseThrow();
    }

    static String departmentName(Sector sector, Area a) {
        boolean province = a == PROVINCE;
        return switch (sector) {
            case HR_SOCIAL_SECURITY -> a.name() + (province ? "人力资源和社会保障厅" : "人力资源和社会保障局");
            case MARKET_SUPERVISION -> a.name() + "市场监督管理局";
            case TAX -> "国家税务总局" + (a.isCounty() ? a.parent().name() : "") + a.name() + "税务局";
            case EMERGENCY_MANAGEMENT -> a.name() + (province ? "应急管理厅" : "应急管理局");
            case ECOLOGY_ENVIRONMENT -> province ? "湖南省生态环境厅"
                    : a.isCounty() ? a.parent().name() + "生态环境局" + (a.name().endsWith("区") ? a.shortName() : a.name()) + "分局"
                    : a.name() + "生态环境局";
        };
    }

    // ---- rows for the loader ----

    static List<Map<String, Object>> regionRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Area a : areas()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", a.code());
            row.put("name", a.name());
            row.put("level", a.level());
            if (a.parent() != null) {
                row.put("parent", a.parent().code());
            }
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, Object>> lineRows() {
        return LINES.stream().map(l -> Map.<String, Object>of("code", l.code(), "name", l.name(), "sector", l.sector().name())).toList();
    }

    static List<Map<String, Object>> departmentRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Department d : DEPARTMENTS) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("name", d.name());
            row.put("sector", d.sector().name());
            row.put("level", d.area().level());
            row.put("region", d.area().code());
            if (d.superiorId() != null) {
                row.put("superior", d.superiorId());
            }
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, Object>> unitRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Unit u : UNITS) {
            rows.add(Map.of("id", u.id(), "name", u.name(), "role", u.role(), "department", u.department().id(),
                    "lines", u.lines().stream().map(Line::code).toList()));
        }
        return rows;
    }
}
