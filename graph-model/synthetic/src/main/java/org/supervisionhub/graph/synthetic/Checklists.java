package org.supervisionhub.graph.synthetic;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supervisionhub.graph.synthetic.Province.Area;
import org.supervisionhub.graph.synthetic.Province.Department;
import org.supervisionhub.graph.synthetic.Province.Sector;

/**
 * Checklist versions modelled on the seed documents (HN editions, a city-level list as in QD, LY's
 * triggered list) with items after 《劳动保障监察条例》第十一条. Fixed content, independent of the seed.
 */
final class Checklists {

    private record Item(String code, String title, String legalBasis, String content, String line, String targetKind,
                        String ratioCap, List<String> methods) {

        Item withBasis(String basis, String newContent, List<String> newMethods) {
            return new Item(code, title, basis, newContent, line, targetKind, ratioCap, newMethods);
        }
    }

    private record Version(String id, Department department, String title, String scope, String kind, int edition,
                           String status, OffsetDateTime createdAt, OffsetDateTime publishedAt, List<Item> items,
                           String supersedes) {
    }

    private static final String SUBJECT = "MARKET_SUBJECT";
    private static final String PRODUCT = "PRODUCT_PROJECT_BEHAVIOUR";
    private static final String LSS = "LABOUR_SECURITY_SUPERVISION";

    private static final Item CONTRACT = new Item("HRSS-01", "用人单位遵守劳动合同制度情况",
            "《劳动保障监察条例》第十一条第（二）项；《中华人民共和国劳动合同法》第七十四条",
            "检查用人单位与劳动者订立、履行、变更、解除和终止劳动合同的情况", LSS, SUBJECT, null, List.of("ON_SITE", "WRITTEN"));
    private static final Item WAGES = new Item("HRSS-02", "用人单位支付劳动者工资和执行最低工资标准情况",
            "《劳动保障监察条例》第十一条第（六）项；《最低工资规定》",
            "检查用人单位按时足额支付劳动者工资及执行当地最低工资标准的情况", LSS, SUBJECT, null, List.of("ON_SITE", "WRITTEN"));
    private static final Item INSURANCE = new Item("HRSS-03", "用人单位参加社会保险和缴纳社会保险费情况",
            "《中华人民共和国社会保险法》第七十七条；《劳动保障监察条例》第十一条第（七）项",
            "检查用人单位依法参加各项社会保险和按时足额缴纳社会保险费的情况", LSS, SUBJECT, "0.05",
            List.of("DATA_COMPARISON", "WRITTEN"));
    private static final Item HOURS = new Item("HRSS-04", "用人单位遵守工作时间和休息休假规定情况",
            "《劳动保障监察条例》第十一条第（五）项；《中华人民共和国劳动法》第三十六条、第四十一条",
            "检查用人单位执行工时制度、延长工作时间及支付加班工资、落实休息休假的情况", LSS, SUBJECT, "0.05",
            List.of("ON_SITE", "WRITTEN"));
    private static final Item CHILD = new Item("HRSS-05", "用人单位遵守禁止使用童工规定情况",
            "《劳动保障监察条例》第十一条第（三）项；《禁止使用童工规定》",
            "检查用人单位招用人员核验身份证件、有无招用未满十六周岁未成年人的情况", LSS, SUBJECT, null, List.of("ON_SITE"));
    private static final Item WOMEN = new Item("HRSS-06", "用人单位遵守女职工和未成年工特殊劳动保护规定情况",
            "《劳动保障监察条例》第十一条第（四）项；《女职工劳动保护特别规定》",
            "检查用人单位落实女职工孕期、产期、哺乳期保护及未成年工定期健康检查、禁忌劳动范围规定的情况", LSS, SUBJECT,
            "0.03", List.of("ON_SITE", "WRITTEN"));
    private static final Item AGENCY = new Item("HRSS-07", "人力资源服务机构遵守有关规定情况",
            "《人力资源市场暂行条例》；《劳动保障监察条例》第十一条第（八）项",
            "检查人力资源服务机构取得许可或备案、开展职业中介活动、发布招聘信息及收费的情况", "HR_MARKET", SUBJECT, "0.05",
            List.of("ON_SITE", "ONLINE"));
    private static final Item TRAINING = new Item("HRSS-08", "职业技能培训机构遵守国家有关职业技能培训规定情况",
            "《劳动保障监察条例》第十一条第（八）项",
            "检查职业技能培训机构办学许可、招生宣传、培训收费及培训质量的情况", "VOCATIONAL_TRAINING", SUBJECT, "0.05",
            List.of("ON_SITE", "WRITTEN"));
    private static final Item BASE = new Item("HRSS-09", "用人单位申报社会保险缴费基数情况",
            "《中华人民共和国社会保险法》第六十条；《社会保险稽核办法》",
            "稽核用人单位申报的缴费人数、缴费基数与工资总额、参保人员是否一致", "SOCIAL_INSURANCE_AUDIT", SUBJECT, "0.03",
            List.of("DATA_COMPARISON", "WRITTEN", "COMMISSIONED_PROFESSIONAL"));
    private static final Item DISPATCH = new Item("HRSS-10", "劳务派遣单位和用工单位遵守劳务派遣有关规定情况",
            "《中华人民共和国劳动合同法》第七十四条第（三）项；《劳务派遣暂行规定》",
            "检查劳务派遣单位取得行政许可、用工单位使用被派遣劳动者的岗位和比例的情况", LSS, SUBJECT, "0.05",
            List.of("ON_SITE", "WRITTEN", "DATA_COMPARISON"));
    /** Edition 2 changed the wages item: new legal basis (2020 regulation) and data comparison. */
    private static final Item WAGES_2 = WAGES.withBasis("《劳动保障监察条例》第十一条第（六）项；《最低工资规定》；《保障农民工工资支付条例》",
            "检查用人单位按时足额支付劳动者工资、执行最低工资标准及落实农民工工资支付保障制度的情况",
            List.of("ON_SITE", "WRITTEN", "DATA_COMPARISON"));
    private static final Item LEDGER = new Item("HRSS-C01", "用人单位建立工资支付台账情况",
            "《湖南省工资支付监督管理办法》", "检查用人单位按规定建立并保存工资支付台账、向劳动者提供工资清单的情况", LSS,
            SUBJECT, "0.05", List.of("WRITTEN", "ON_SITE"));
    private static final Item RECRUIT = new Item("HRSS-C02", "用人单位招用人员遵守就业歧视禁止性规定情况",
            "《中华人民共和国就业促进法》", "检查用人单位发布招聘信息、招用人员时有无性别、地域等就业歧视的情况", "HR_MARKET",
            SUBJECT, "0.03", List.of("ONLINE", "WRITTEN"));

    private static final Item DISCLOSURE = new Item("MS-01", "企业公示信息情况", "《企业信息公示暂行条例》第十四条",
            "检查企业年度报告及即时信息公示内容的真实性", "MARKET_REGISTRATION", SUBJECT, "0.03",
            List.of("ONLINE", "WRITTEN", "ON_SITE"));
    private static final Item LICENCE = new Item("MS-02", "营业执照（登记证）规范使用情况", "《中华人民共和国市场主体登记管理条例》",
            "检查市场主体在住所醒目位置悬挂营业执照、规范使用登记证照的情况", "MARKET_REGISTRATION", SUBJECT, "0.05",
            List.of("ON_SITE"));
    private static final Item PRODUCTS = new Item("MS-03", "生产领域产品质量监督抽查", "《中华人民共和国产品质量法》第十五条",
            "对生产企业的产品实施监督抽查并由检验机构出具检验报告", "PRODUCT_QUALITY", PRODUCT, null,
            List.of("ON_SITE", "COMMISSIONED_PROFESSIONAL"));
    private static final Item DOMICILE = new Item("MS-04", "登记住所（经营场所）真实性情况", "《中华人民共和国市场主体登记管理条例》",
            "核查市场主体通过登记的住所或经营场所能否取得联系", "MARKET_REGISTRATION", SUBJECT, "0.03",
            List.of("ON_SITE", "EXTERNAL_CONCLUSION"));

    private Checklists() {
    }

    private static List<Version> versions() {
        Department hnHr = Province.department(Sector.HR_SOCIAL_SECURITY, Province.PROVINCE);
        Area changsha = Province.CITIES.get(0);
        Area xiangtan = Province.CITIES.get(2);
        Department csHr = Province.department(Sector.HR_SOCIAL_SECURITY, changsha);
        Department xtHr = Province.department(Sector.HR_SOCIAL_SECURITY, xiangtan);
        Department hnMs = Province.department(Sector.MARKET_SUPERVISION, Province.PROVINCE);
        List<Item> first = List.of(CONTRACT, WAGES, INSURANCE, HOURS, CHILD, WOMEN, AGENCY, TRAINING, BASE);
        List<Item> second = List.of(CONTRACT, WAGES_2, INSURANCE, HOURS, CHILD, WOMEN, AGENCY, TRAINING, BASE, DISPATCH);
        List<Item> city = new ArrayList<>(second);
        city.add(LEDGER);
        List<Item> cityDraft = new ArrayList<>(city);
        cityDraft.add(RECRUIT);
        return List.of(
                new Version(id(hnHr, "REGULAR", "PROVINCE", 1), hnHr, "湖南省人力资源和社会保障厅随机抽查事项清单（第一版）",
                        "PROVINCE", "REGULAR", 1, "PUBLISHED", Draw.utc(2019, 5, 6, 2), Draw.utc(2019, 5, 20, 2), first, null),
                new Version(id(hnHr, "REGULAR", "PROVINCE", 2), hnHr, "湖南省人力资源和社会保障厅随机抽查事项清单（第二版）",
                        "PROVINCE", "REGULAR", 2, "PUBLISHED", Draw.utc(2021, 3, 1, 2), Draw.utc(2021, 3, 22, 2), second,
                        id(hnHr, "REGULAR", "PROVINCE", 1)),
                new Version(id(csHr, "REGULAR", "CITY", 1), csHr, "长沙市人力资源和社会保障局随机抽查事项清单（第一版）",
                        "CITY", "REGULAR", 1, "PUBLISHED", Draw.utc(2022, 4, 11, 2), Draw.utc(2022, 4, 25, 2), city, null),
                new Version(id(csHr, "REGULAR", "CITY", 2), csHr, "长沙市人力资源和社会保障局随机抽查事项清单（第二版，征求意见稿）",
                        "CITY", "REGULAR", 2, "DRAFT", Draw.utc(2025, 11, 17, 2), null, cityDraft, null),
                new Version(id(xtHr, "TRIGGERED", "CITY", 1), xtHr, "湘潭市人力资源和社会保障局触发式“双随机、一公开”监管抽查事项清单",
                        "CITY", "TRIGGERED", 1, "PUBLISHED", Draw.utc(2023, 2, 6, 2), Draw.utc(2023, 2, 20, 2),
                        List.of(WAGES_2, CONTRACT, INSURANCE, CHILD, AGENCY), null),
                new Version(id(hnMs, "REGULAR", "PROVINCE", 1), hnMs, "湖南省市场监督管理局随机抽查事项清单（第一版）",
                        "PROVINCE", "REGULAR", 1, "PUBLISHED", Draw.utc(2020, 6, 1, 2), Draw.utc(2020, 6, 15, 2),
                        List.of(DISCLOSURE, LICENCE, PRODUCTS, DOMICILE), null));
    }

    /** e.g. {@code CL-HRSS-430000-REGULAR-PROVINCE-2}. */
    static String id(Department d, String kind, String scope, int edition) {
        return "CL-" + d.id() + "-" + kind + "-" + scope + "-" + edition;
    }

    static List<Map<String, Object>> versionRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Version v : versions()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", v.id());
            props.put("title", v.title());
            props.put("scope", v.scope());
            props.put("kind", v.kind());
            props.put("edition", v.edition());
            props.put("status", v.status());
            props.put("createdAt", v.createdAt());
            if (v.publishedAt() != null) {
                props.put("publishedAt", v.publishedAt());
            }
            List<Map<String, Object>> items = new ArrayList<>();
            int position = 1;
            for (Item it : v.items()) {
                Map<String, Object> ip = new LinkedHashMap<>();
                ip.put("id", v.id() + "-" + it.code());
                ip.put("code", it.code());
                ip.put("title", it.title());
                ip.put("legalBasis", it.legalBasis());
                ip.put("content", it.content());
                ip.put("implementingBody", v.department().name()
                        + Province.implementingUnit(v.department(), it.line()).name());
                ip.put("targetKind", it.targetKind());
                ip.put("itemClass", it.ratioCap() == null ? "KEY" : "GENERAL");
                if (it.ratioCap() != null) {
                    ip.put("ratioCap", it.ratioCap());
                }
                ip.put("methods", it.methods());
                ip.put("businessLine", it.line());
                items.add(Map.of("position", position++, "props", ip));
            }
            rows.add(Map.of("department", v.department().id(), "props", props, "items", items));
        }
        return rows;
    }

    static List<Map<String, Object>> supersedesRows() {
        return versions().stream().filter(v -> v.supersedes() != null)
                .map(v -> Map.<String, Object>of("newer", v.id(), "older", v.supersedes())).toList();
    }
}
