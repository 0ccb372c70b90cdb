package org.supervisionhub.api.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.BrowserTest;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public site in headless Chromium (Debian's chromium and chromium-driver, as ExplorePageBrowserTest) against the real
 * hub and its demo data: every page loads without errors, weighs under 300 KB and passes axe-core (no serious or critical
 * violation); the result search finds a demo result; the in-page verifier says verified for a demo draw (unstratified:
 * recomputed in full; stratified: what Amendment 1 leaves the public) and reports the mismatch of a tampered copy.
 * Screenshots go to target/screenshots/. Without the browser binaries the test is skipped (JUnit assumption).
 */
class PublicSiteBrowserTest extends BrowserTest {

    static final List<String> PAGES = List.of("index", "results", "draws", "checklists", "plans", "penalties", "notices");
    static final long PAGE_BUDGET = 300 * 1024;

    @Autowired
    Driver neo4j;

    @Override
    protected String page() {
        return "public site";
    }

    @Override
    protected int windowHeight() {
        return 900;
    }

    @Test
    void everyPageLoadsStaysUnder300KbAndHasNoSeriousOrCriticalAccessibilityViolation() {
        for (String page : PAGES) {
            browser.get(base() + "/site/" + page + ".html?department=HRSS-430100");
            waitIdle();
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
            assertThat(number("return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                    + ".reduce(function (n, e) { return n + (e.decodedBodySize || 0); }, 0)")).as(page + " weighs").isLessThan(PAGE_BUDGET);
            assertThat(axeViolations()).as(page + ": axe-core serious or critical violations").isEmpty();
            screenshot("public-" + page);
        }
    }

    @Test
    void theSearchFindsADemoResultByName() {
        Record r = neo4j.executableQuery("MATCH (r:InspectionResult {status: 'PUBLISHED', inspectingDepartment: 'HRSS-430100'})"
                + " WHERE r.withheldAt IS NULL MATCH (e:Enterprise {uscc: r.uscc}) RETURN e.name AS name, r.uscc AS uscc ORDER BY r.id LIMIT 1")
                .execute().records().get(0);
        browser.get(base() + "/site/results.html");
        waitIdle();
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys(r.get("name").asString());
        q.submit();
        WebElement row = waitFor(By.xpath("//div[@id='hits']//tr[td[2][normalize-space(.)='" + r.get("uscc").asString() + "']]"));
        assertThat(row.getText()).contains(r.get("name").asString());
        assertThat(browser.findElement(By.id("count")).getText()).startsWith("找到");
        assertThat(axeViolations()).isEmpty();
        screenshot("public-results-search");
    }

    @Test
    void theVerifierSaysVerifiedForADemoDrawAndFindsTheTamperedSelection() throws Exception {
        String drawId = executedDraw(false);
        browser.get(base() + "/site/draws.html?draw=" + drawId);
        waitIdle();
        for (String shown : List.of("承诺时间", "执行时间")) {
            assertThat(browser.findElement(By.xpath("//div[@id='draw-detail']//dt[.='" + shown + "']/following-sibling::dd[1]")).getText())
                    .as(shown + ": Beijing time to the minute").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        }
        browser.findElement(By.id("verify")).click();
        String status = verdict();
        assertThat(status).startsWith("验证通过").contains("重新计算整个抽取");
        screenshot("public-draw-verified");

        // A copy whose first selected enterprise is swapped for one of the pool that was not selected.
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode doc = (ObjectNode) json.readTree(document(drawId));
        ArrayNode selected = (ArrayNode) doc.get("selected");
        java.util.Set<String> chosen = new java.util.HashSet<>(selected.findValuesAsString("uscc"));
        String other = doc.get("pool").findValuesAsString("uscc").stream().filter(u -> !chosen.contains(u)).findFirst().orElseThrow();
        String was = selected.get(0).get("uscc").asString();
        ((ObjectNode) selected.get(0)).put("uscc", other);
        Path tampered = Files.createTempFile("draw-tampered", ".json");
        Files.writeString(tampered, json.writeValueAsString(doc));
        browser.findElement(By.id("file")).sendKeys(tampered.toAbsolutePath().toString());
        String refused = verdict();
        assertThat(refused).startsWith("验证未通过").contains("抽取结果").contains(was);
        screenshot("public-draw-tampered");
        Files.delete(tampered);
    }

    @Test
    void aConfidentiallyStratifiedDrawIsCheckedAsFarAsThePublicCanAmendment1() {
        String drawId = executedDraw(true);
        browser.get(base() + "/site/draws.html?draw=" + drawId);
        waitIdle();
        assertThat(browser.findElement(By.id("draw-detail")).getText()).contains("S1").contains("不公开");
        browser.findElement(By.id("verify")).click();
        assertThat(verdict()).startsWith("验证通过").contains("分层成员不公开");
        List<WebElement> ranks = browser.findElements(By.cssSelector("#verify-ranks li"));
        assertThat(ranks).as("the rank of each selected enterprise is shown").isNotEmpty();
        assertThat(ranks.get(0).getAttribute("textContent")).matches("[0-9A-Z]{18}：[0-9a-f]{64}");
        screenshot("public-draw-stratified");
    }

    // ---- helpers ----

    /** An executed demo draw, stratified (opaque labels) or not (the single stratum ALL). */
    String executedDraw(boolean stratified) {
        List<Record> rows = neo4j.executableQuery("MATCH (d:Draw) WHERE d.executedAt IS NOT NULL AND (d.strataLabels = ['ALL']) <> $stratified"
                + " RETURN d.id AS id ORDER BY d.poolSize, d.id LIMIT 1").withParameters(Map.of("stratified", stratified)).execute().records();
        assertThat(rows).as("the demo province has an executed " + (stratified ? "stratified" : "unstratified") + " draw").isNotEmpty();
        return rows.get(0).get("id").asString();
    }

    String document(String drawId) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/public/draws/" + drawId)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    /** The verifier's verdict, scrolled into view for the screenshot that follows. */
    private String verdict() {
        String verdict = new WebDriverWait(browser, Duration.ofSeconds(60), POLL).until(d -> {
            String t = d.findElement(By.id("verify-status")).getText();
            return t.startsWith("验证通过") || t.startsWith("验证未通过") ? t : null;
        });
        js("document.getElementById('verify-status').scrollIntoView({block: 'start'})");
        return verdict;
    }

    /** axe-core's violations of impact serious or critical, as "rule: target" lines (axe is injected, never served). */
    @SuppressWarnings("unchecked")
    private List<String> axeViolations() {
        js(axeSource());
        Object found = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations"
                + ".filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); },"
                + " function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) found;
    }

    private static String axe;

    private static synchronized String axeSource() {
        if (axe == null) {
            try (var in = PublicSiteBrowserTest.class.getResourceAsStream("/axe-core/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(60), POLL).until(d -> {
            List<WebElement> found = d.findElements(by);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            assertThat(errors()).as("errors shown by the page").isEmpty();
            return null;
        });
    }

    /** Until the page has no request in flight; an error it shows fails the test with its text. */
    private void waitIdle() {
        new WebDriverWait(browser, Duration.ofSeconds(60), POLL).until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'"
                + " && !!window.hubSite && hubSite.state.busy === 0")));
        if (!errors().isEmpty()) {
            screenshot("public-failure");
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

    private long number(String script) {
        return ((Number) js(script)).longValue();
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
