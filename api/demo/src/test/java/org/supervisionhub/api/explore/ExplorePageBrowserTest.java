package org.supervisionhub.api.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.BrowserTest;
import org.supervisionhub.api.demo.ExploreDemo;

/**
 * The /explore page in headless Chromium (Debian's chromium and chromium-driver) against the real hub and its demo data:
 * an analyst signs in with the demo issuer, searches the demo holding group, expands nodes, finds paths and reads the
 * owners.
 * Counts are read from Cytoscape itself, not the DOM. Screenshots go to target/screenshots/. Without the browser
 * binaries the browser tests are skipped (JUnit assumption); .ci/run installs them.
 */
class ExplorePageBrowserTest extends BrowserTest {

    @Autowired
    Driver neo4j;

    @Override
    protected String page() {
        return "/explore";
    }

    // The demo's holding group in Furong (ExploreDemo, README "Exploring linked entities"): 岳麓建材 is held 55% by 麓谷科技
    // (itself at the end of 周建国 70% 湘江控股 80% 星沙实业 60% 麓谷科技), 20% by 周建国 directly and 25% by 赵强, its legal
    // representative, who also represents the listed 橘洲餐饮; 刘洋 represents forty shops.
    static final String YUELU = ExploreDemo.uscc(ExploreDemo.GROUP.get("岳麓建材"));
    static final String JUZHOU = ExploreDemo.uscc(ExploreDemo.GROUP.get("橘洲餐饮"));
    static final String ZHAO = ExploreDemo.person("赵强");
    static final String ZHOU = ExploreDemo.person("周建国");
    static final String LIU = ExploreDemo.person("刘洋");

    @Test
    void analystSearchesExpandsFindsAPathAndReadsTheOwners() {
        browser.get(base() + "/explore");
        signInAsDemoAnalyst();

        // Search by name, open the enterprise one hop deep: it and its holders and representative are drawn.
        new Select(browser.findElement(By.id("hops"))).selectByValue("1");
        type(By.id("search-q"), "岳麓建材");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor(By.xpath("//ul[@id='results']//button[.//small[starts-with(normalize-space(.), '" + YUELU + "')]]")).click();
        waitIdle();
        assertThat(ids("return hubExplore.cy.nodes().map(n => n.id())"))
                .containsExactlyInAnyOrder(YUELU, ExploreDemo.uscc(ExploreDemo.GROUP.get("麓谷科技")), ZHOU, ZHAO);
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).hasClass('root')", YUELU)).isTrue();
        // Enterprises and persons are drawn apart.
        assertThat(string("return hubExplore.cy.getElementById(arguments[0]).style('shape')", YUELU)).isEqualTo("round-rectangle");
        assertThat(string("return hubExplore.cy.getElementById(arguments[0]).style('shape')", ZHAO)).isEqualTo("ellipse");
        screenshot("explore-1-graph");

        // Expand 赵强 the keyboard way (pick it in the node list, press 展开): the listed 橘洲餐饮 appears, marked restricted.
        new Select(browser.findElement(By.id("node-pick"))).selectByValue(ZHAO);
        browser.findElement(By.id("expand")).click();
        waitIdle();
        assertThat(number("return hubExplore.cy.nodes().length")).as("expanding adds 赵强's other enterprise").isEqualTo(5);
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).data('restricted')", JUZHOU)).isTrue();
        screenshot("explore-2-expanded");

        // Paths from 橘洲餐饮 to 岳麓建材: through 赵强, over either of his two links to 岳麓建材 (shares and representation).
        type(By.id("path-from"), JUZHOU);
        type(By.id("path-to"), YUELU);
        browser.findElement(By.cssSelector("#path-form button[type=submit]")).click();
        waitIdle();
        assertThat(browser.findElement(By.id("path-status")).getText()).startsWith("最短 2 跳，共 2 条");
        assertThat(browser.findElements(By.cssSelector("#path-list li"))).hasSize(2);
        assertThat(number("return hubExplore.cy.edges('.path').length")).as("the two paths' three links are highlighted").isEqualTo(3);
        assertThat(ids("return hubExplore.cy.nodes('.path').map(n => n.id())")).containsExactlyInAnyOrder(JUZHOU, ZHAO, YUELU);
        screenshot("explore-3-path");
        // The CSV export is the drawn view: a header and one line per node; the paths' links flagged (WebDriver hands
        // line ends back as \n, so any line break splits).
        assertThat(string("return hubExplore.csv('nodes')").split("\\R")).hasSize(6);
        assertThat(string("return hubExplore.csv('edges')").split("\\R")).filteredOn(line -> line.endsWith(",true")).hasSize(3);

        // The owners of 岳麓建材 (hand-computed in ExploreDemo): 周建国 0.7·0.8·0.6·0.55 + 0.2 = 38.48% over two chains,
        // 赵强 25%, the actual controller 周建国 by the largest share, 22% untraced (麓谷创投's 40% of 麓谷科技).
        new Select(browser.findElement(By.id("node-pick"))).selectByValue(YUELU);
        browser.findElement(By.id("owners-btn")).click();
        waitIdle();
        WebElement zhou = ownerRow("周建国");
        assertThat(zhou.findElement(By.cssSelector("td.share")).getText()).isEqualTo("38.48%");
        assertThat(zhou.findElements(By.cssSelector("span.chain"))).hasSize(2);
        assertThat(ownerRow("赵强").findElement(By.cssSelector("td.share")).getText()).isEqualTo("25%");
        assertThat(browser.findElements(By.cssSelector("#owners-table tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("actual-controller")).getText()).contains("实际控制人：周建国").contains("有效持股最大")
                .contains("38.48%");
        assertThat(browser.findElement(By.id("owners-body")).getText()).contains("未穿透到自然人的持股：22%");
        // Its four-level chain, shown in the picture: four links highlighted.
        zhou.findElement(By.xpath(".//span[contains(., '湘江控股')]/button")).click();
        assertThat(number("return hubExplore.cy.edges('.path').length")).isEqualTo(4);
        assertThat(errors()).isEmpty();
        screenshot("explore-4-owners");

        // The day before the group's links began: the picture is asked again for that day and holds 岳麓建材 alone.
        LocalDate linked = neo4j.executableQuery("MATCH (:Person {personId: $p})-[r:LEGAL_REPRESENTATIVE_OF]->(:Enterprise {uscc: $e})"
                + " RETURN r.validFrom AS d").withParameters(Map.of("p", ZHAO, "e", YUELU)).execute().records().get(0).get("d").asLocalDate();
        String dayBefore = linked.minusDays(1).toString();
        js("var d = document.getElementById('asof'); d.value = arguments[0]; d.dispatchEvent(new Event('change'));", dayBefore);
        waitIdle();
        assertThat(string("return hubExplore.state.asOfShown")).isEqualTo(dayBefore);
        assertThat(ids("return hubExplore.cy.nodes().map(n => n.id())")).containsExactly(YUELU);
        assertNoPolicyViolations();
    }

    @Test
    void analystFindsTheCommonControllerOfTwoSubjectsAndTheRestrictedSubjectNearOne() {
        browser.get(base() + "/explore");
        signInAsDemoAnalyst();
        new Select(browser.findElement(By.id("hops"))).selectByValue("1");
        type(By.id("search-q"), YUELU);
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor(By.xpath("//ul[@id='results']//button")).click();
        waitIdle();

        // Common controllers, the keyboard way: 岳麓建材 from the node list (选中), 橘洲餐饮 typed and entered. 赵强 holds 25% of
        // the one (at the threshold) and represents the other; his two links are drawn and highlighted.
        new Select(browser.findElement(By.id("node-pick"))).selectByValue(YUELU);
        browser.findElement(By.id("common-add-sel")).click();
        type(By.id("common-add"), JUZHOU);
        browser.findElement(By.id("common-add")).sendKeys(Keys.ENTER);
        assertThat(browser.findElements(By.cssSelector("#common-subjects li"))).hasSize(2);
        browser.findElement(By.cssSelector("#common-form button[type=submit]")).click();
        waitIdle();
        assertThat(ids("return hubExplore.state.common.result.map(c => c.controller.id)")).containsExactly(ZHAO);
        assertThat(ids("return hubExplore.state.common.result[0].controls.map(c => c.via)"))
                .containsExactlyInAnyOrder("SHAREHOLDER", "LEGAL_REPRESENTATIVE");
        assertThat(ids("return hubExplore.cy.nodes('.path').map(n => n.id())")).containsExactlyInAnyOrder(YUELU, ZHAO, JUZHOU);
        assertThat(number("return hubExplore.cy.edges('.path').length")).isEqualTo(2);
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).nonempty()", JUZHOU)).as("the controlled subject is drawn").isTrue();
        assertThat(browser.findElement(By.id("common-status")).getText()).startsWith("共 1 个共同控制人");
        assertThat(browser.findElement(By.id("common-subjects")).getText()).as("the typed code named once drawn").contains("橘洲餐饮");
        assertThat(browser.findElement(By.id("common-list")).getText()).contains("赵强（自然人）：控制 2 个主体")
                .contains("有效持股 25%").contains("法定代表人");
        screenshot("explore-8-common-controllers");

        // Risk exposure of 岳麓建材 within two hops: the listed 橘洲餐饮 through 赵强, with its trigger, the path highlighted.
        new Select(browser.findElement(By.id("node-pick"))).selectByValue(YUELU);
        browser.findElement(By.id("exposure-btn")).click();
        waitIdle();
        assertThat(ids("return hubExplore.state.exposure.exposed.map(e => e.node.id)")).containsExactly(JUZHOU);
        assertThat(ids("return hubExplore.state.exposure.exposed[0].path.nodes.map(n => n.id)")).containsExactly(YUELU, ZHAO, JUZHOU);
        assertThat(ids("return hubExplore.cy.nodes('.path').map(n => n.id())")).containsExactlyInAnyOrder(YUELU, ZHAO, JUZHOU);
        assertThat(number("return hubExplore.cy.edges('.path').length")).isEqualTo(2);
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).data('restricted')", JUZHOU)).isTrue();
        WebElement row = waitFor(By.cssSelector("#exposure-list li"));
        assertThat(row.getText()).contains("橘洲餐饮").contains("2 跳").contains("严重违法失信名单").contains("路径：岳麓建材有限公司 → 赵强");
        // Its path alone, from the list (pressed, as the path list marks it).
        row.findElement(By.cssSelector("button.path-btn")).click();
        assertThat(row.findElement(By.cssSelector("button.path-btn")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.findElement(By.id("exposure-status")).getText()).contains("2 层内受限主体 1 个");
        // One hop only: nothing restricted next to it.
        new Select(browser.findElement(By.id("exposure-hops"))).selectByValue("1");
        browser.findElement(By.cssSelector("#exposure-form button[type=submit]")).click();
        waitIdle();
        assertThat(number("return hubExplore.state.exposure.exposed.length")).isZero();
        assertThat(browser.findElement(By.id("exposure-status")).getText()).contains("没有受限主体");
        new Select(browser.findElement(By.id("exposure-hops"))).selectByValue("2");
        browser.findElement(By.cssSelector("#exposure-form button[type=submit]")).click();
        waitIdle();
        assertThat(number("return hubExplore.cy.edges('.path').length")).isEqualTo(2);
        assertThat(errors()).isEmpty();
        screenshot("explore-9-exposure");
        assertNoPolicyViolations();
    }

    @Test
    void expandingAHubLoadsItsLinksPageByPage() {
        browser.get(base() + "/explore");
        signInAsDemoAnalyst();
        new Select(browser.findElement(By.id("hops"))).selectByValue("1");
        type(By.id("search-q"), "芙蓉便民商行第1店");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor(By.xpath("//ul[@id='results']//button[starts-with(normalize-space(.), '芙蓉便民商行第1店')]")).click();
        waitIdle();
        assertThat(number("return hubExplore.cy.nodes().length")).isEqualTo(2);
        new Select(browser.findElement(By.id("node-pick"))).selectByValue(LIU);
        assertThat(browser.findElement(By.id("omitted")).getText()).as("39 links not drawn").contains("法定代表人 39");

        browser.findElement(By.id("expand")).click();
        waitIdle();
        long first = number("return hubExplore.cy.nodes().length");
        assertThat(first).as("one page of 25 links, the drawn shop perhaps among them").isBetween(26L, 27L);
        assertThat(browser.findElement(By.id("expand")).getText()).isEqualTo("展开更多");
        assertThat(browser.findElement(By.id("omitted")).getText()).contains("已分页载入 25 / 40 条关系");

        browser.findElement(By.id("expand")).click();
        waitIdle();
        assertThat(number("return hubExplore.cy.nodes().length")).as("all forty shops and 刘洋").isEqualTo(41);
        assertThat(browser.findElement(By.id("expand")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("omitted")).getText()).contains("已分页载入 40 / 40 条关系（全部）");
        screenshot("explore-5-pages");
    }

    @Test
    void restrictedSubjectsAreMarkedWithTheirTriggers() {
        browser.get(base() + "/explore");
        signInAsDemoAnalyst();
        type(By.id("search-q"), JUZHOU);
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor(By.xpath("//ul[@id='results']//button")).click();
        waitIdle();
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).data('restricted')", JUZHOU)).isTrue();
        // Restricted nodes wear a red border; the others none.
        assertThat(string("return hubExplore.cy.getElementById(arguments[0]).style('border-color')", JUZHOU)).isEqualTo("rgb(198,40,40)");
        assertThat(number("return hubExplore.cy.nodes('[!restricted]').length")).isPositive();
        assertThat(number("return hubExplore.cy.nodes('[!restricted]').filter(n => n.style('border-width') !== '0px').length")).isZero();
        assertThat(browser.findElement(By.id("triggers")).getText()).contains("严重违法失信名单")
                .contains("《市场监督管理严重违法失信名单管理办法》第十条");
        js("hubExplore.cy.getElementById(arguments[0]).emit('mouseover')", JUZHOU);
        assertThat(browser.findElement(By.id("tooltip")).getText()).contains("受限").contains("严重违法失信名单");
        screenshot("explore-6-restricted");
        // The PNG export renders the picture (cy.png, as the 导出 PNG button downloads it).
        assertThat(string("return hubExplore.cy.png({full: true})")).startsWith("data:image/png;base64,");
        assertNoPolicyViolations();
    }

    @Test
    void aJointInspectionIsShownAsOneVisitWithItsDepartments_PLAN15() {
        // The demo's joint inspection (JointDemo): Zhuzhou HR&SS leads, Zhuzhou market supervision takes part.
        var r = neo4j.executableQuery("MATCH (p:Inspection {inspectedBy: 'MS-430200'}) WHERE p.jointOf IS NOT NULL"
                + " MATCH (l:Inspection {id: p.jointOf}) MATCH (a:Department {id: 'HRSS-430200'}), (b:Department {id: 'MS-430200'})"
                + " RETURN l.id AS lead, p.id AS part, l.uscc AS uscc, a.name AS a, b.name AS b ORDER BY l.id LIMIT 1").execute().records().get(0);
        browser.get(base() + "/explore");
        signInAsDemoAnalyst();
        type(By.id("search-q"), r.get("uscc").asString());
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor(By.xpath("//ul[@id='results']//button")).click();
        waitIdle();
        // Opening the enterprise selects it: its inspections are listed, the joint one once, naming both departments.
        WebElement visit = waitFor(By.cssSelector("#inspection-list li[data-inspection='" + r.get("lead").asString() + "']"));
        assertThat(visit.getText()).startsWith("联合检查").contains(r.get("a").asString()).contains(r.get("b").asString()).contains("HRSS-01").contains("MS-02");
        assertThat(browser.findElements(By.cssSelector("#inspection-list li[data-inspection='" + r.get("part").asString() + "']"))).isEmpty();
        assertThat(string("return hubExplore.state.inspections.uscc")).isEqualTo(r.get("uscc").asString());
        screenshot("explore-8-joint-inspection");
        assertNoPolicyViolations();
    }

    /** A holder the registry names but never delivers: found by its USCC, shown by it, said to be outside the registry's data. */
    @Test
    void anEnterpriseKnownOnlyByItsUsccIsFoundAndShownByIt() {
        // A fixed code, not the next test key: taking one would shift every later test's enterprises, and with them their draws.
        String first17 = "91110000MB0000001";
        String uscc = first17 + org.supervisionhub.domain.directory.Uscc.checkCharacter(first17);
        neo4j.executableQuery("MERGE (:Enterprise {uscc: $u})").withParameters(java.util.Map.of("u", uscc)).execute();
        browser.get(base() + "/explore");
        signInAsDemoAnalyst();
        type(By.id("search-q"), uscc);
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        WebElement found = waitFor(By.xpath("//ul[@id='results']//button"));
        assertThat(found.getText()).startsWith(uscc).endsWith(uscc + " · 未在登记机关数据中").doesNotContain("null").doesNotContain("undefined");
        assertThat(browser.findElements(By.cssSelector("#errors:not([hidden]) li"))).isEmpty();
        screenshot("explore-10-unregistered");
        assertNoPolicyViolations();
    }

    @Test
    void graphQlErrorsAreShownWithTheirCode() {
        browser.get(base() + "/explore");
        // Not signed in: paths is for analysts and officers, so the hub refuses it as UNAUTHENTICATED.
        type(By.id("path-from"), JUZHOU);
        type(By.id("path-to"), YUELU);
        browser.findElement(By.cssSelector("#path-form button[type=submit]")).click();
        WebElement box = waitFor(By.cssSelector("#errors:not([hidden]) li"));
        assertThat(box.getText()).contains("代码 UNAUTHENTICATED").contains("字段 Query.paths");
        screenshot("explore-7-error");
    }

    private WebElement ownerRow(String name) {
        return waitFor(By.xpath("//table[@id='owners-table']//tr[td[1]/button[normalize-space(.)='" + name + "']]"));
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String script) {
        return (List<String>) js(script);
    }

    // ---- helpers ----

    private String base() {
        return "http://localhost:" + port;
    }

    private void signInAsDemoAnalyst() {
        WebElement form = waitFor(By.cssSelector("#demo-signin:not([hidden])"));
        new Select(browser.findElement(By.id("demo-user"))).selectByValue("analyst-430000");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30), POLL).until(d -> d.findElement(By.id("who")).getText().contains("analyst-430000"));
        assertThat(browser.findElement(By.id("who")).getText()).contains("分析人员");
        assertThat(string("return sessionStorage.getItem('hubExplore.token')")).as("the token, kept for the tab").isNotBlank();
    }

    private void assertNoPolicyViolations() {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }

    private void type(By field, String text) {
        WebElement e = browser.findElement(field);
        e.clear();
        e.sendKeys(text);
    }

    /** The first element found; an error the page shows first fails the test with its text (and a screenshot). */
    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(60), POLL).until(d -> {
            String shown = errors();
            List<WebElement> found = d.findElements(by);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (!shown.isEmpty()) {
                screenshot("explore-failure");
                throw new AssertionError("the page shows an error: " + shown);
            }
            return null;
        });
    }

    /** Until no GraphQL request is in flight; an error the page shows fails the test with its text. */
    private void waitIdle() {
        new WebDriverWait(browser, Duration.ofSeconds(60), POLL).until(d -> bool("return hubExplore.state.busy === 0"));
        if (!errors().isEmpty()) {
            screenshot("explore-failure");
        }
        assertThat(errors()).as("errors shown by the page").isEmpty();
    }

    private String errors() {
        WebElement box = browser.findElement(By.id("errors"));
        return box.isDisplayed() ? box.getText() : "";
    }

    private Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    private long number(String script, Object... args) {
        return ((Number) js(script, args)).longValue();
    }

    private boolean bool(String script, Object... args) {
        return Boolean.TRUE.equals(js(script, args));
    }

    private String string(String script, Object... args) {
        return (String) js(script, args);
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
