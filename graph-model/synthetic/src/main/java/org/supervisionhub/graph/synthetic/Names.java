package org.supervisionhub.graph.synthetic;

import java.util.SplittableRandom;

/** Pools of Chinese words for plausible person, enterprise and street names. */
final class Names {

    private Names() {
    }

    // Common surnames, the Hunan-frequent ones (刘 李 陈 谭 彭 曾 邓 ...) listed twice for weight.
    private static final String[] SURNAMES = ("刘 李 陈 王 张 杨 黄 周 吴 胡 谭 彭 曾 邓 罗 唐 朱 廖 欧阳 易 "
            + "刘 李 陈 王 张 杨 黄 周 谭 彭 曾 邓 赵 徐 孙 马 高 林 何 郭 梁 宋 郑 谢 韩 冯 董 程 曹 袁 "
            + "许 沈 吕 苏 卢 蒋 蔡 贾 丁 魏 叶 余 潘 杜 戴 夏 钟 汪 田 任 姜 范 方 石 姚 邹 熊 金 陆 "
            + "孔 白 崔 毛 邱 秦 江 史 顾 侯 龙 万 段 雷 汤 尹 黎 常 贺 龚 文 肖 颜 向 伍 聂 符 匡 左 司马").split(" ");
    private static final String[] MALE = ("伟 强 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 波 俊 峰 磊 浩 "
            + "建 国 志 文 海 宇 晨 凯 毅 锋 亮 彬 东 红 林 龙 新 春 德 湘 楚 岳 衡 立 成 军 兵 振 宏").split(" ");
    private static final String[] FEMALE = ("芳 娟 敏 静 丽 艳 燕 玲 霞 婷 慧 莉 萍 红 琴 云 洁 琳 颖 倩 "
            + "雪 梅 兰 欣 怡 蓉 佳 月 晶 丹 湘 薇 瑶 璐 蕾 秀 英 凤 荣 婉 思 雅 诗 梦").split(" ");
    /** Characters for trade names (字号). */
    static final String[] TRADE = ("华 盛 鑫 恒 达 宏 远 泰 新 创 智 联 天 金 博 正 和 信 德 瑞 祥 丰 源 通 广 海 星 "
            + "辰 润 弘 腾 湘 楚 麓 岳 潇 蓉 晟 昊 嘉 悦 豪 卓 越 宸 凯 锦 旺 隆 兴 荣 辉 明 诚 安 康 顺 益 佳 "
            + "汇 聚 峰 宇 航 力 美 优 尚 道 睿 龙 凤 欣 启 融 众 协 大 鼎 坤 中 方 圆 易 程 拓 科").split(" ");
    static final String[] ROADS = ("人民路 解放路 建设路 五一大道 芙蓉路 韶山路 劳动路 中山路 新华路 长江路 湘江路 "
            + "车站路 东风路 胜利路 和平路 八一路 迎宾路 书院路 金星路 岳麓大道 万家丽路 红旗路 建设北路 "
            + "桐梓坡路 雨花路 香樟路").split(" ");

    static String person(SplittableRandom r, boolean female) {
        String[] given = female ? FEMALE : MALE;
        String name = Draw.pick(r, SURNAMES) + Draw.pick(r, given);
        return r.nextInt(10) < 7 ? name + Draw.pick(r, given) : name;
    }

    static String trade(SplittableRandom r) {
        String a = Draw.pick(r, TRADE);
        String b;
        do {
            b = Draw.pick(r, TRADE);
        } while (b.equals(a));
        return a + b;
    }

    static String surname(SplittableRandom r) {
        return Draw.pick(r, SURNAMES);
    }

    static String street(SplittableRandom r) {
        return Draw.pick(r, ROADS) + (1 + r.nextInt(998)) + "号";
    }
}
