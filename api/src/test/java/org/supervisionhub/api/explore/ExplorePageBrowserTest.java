package org.supervisionhub.api.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * The /explore page in headless Chromium (Debian's chromium and chromium-driver) against the real hub and its demo data:
 * an analyst signs in with the demo issuer, searches an enterprise, expands a node, finds a path and reads the owners.
 * Counts are read from Cytoscape itself, not the DOM. Screenshots go to target/screenshots/. Without the browser
 * binaries the browser tests are skipped (JUnit assumption); .ci/run installs them.
 */
class ExplorePageBrowserTest extends HubIntegrationTest {

    static final Path CHROMIUM = Path.of(System.getProperty("hub.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("hub.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    Driver neo4j;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium at " + CHROMIUM + " or chromedriver at " + CHROMEDRIVER
                        + ": install Debian's chromium and chromium-driver (.ci/run does) to run the /explore browser test");
        profile = Files.createTempDirectory("explore-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A demo enterprise E with a person P holding at least 30% of it directly (so P is one of its beneficial owners), and an
     * enterprise O two hops from E through a neighbour M (the owner P where the demo has one): a one-hop picture of E
     * leaves O out until M is expanded, and the one shortest path from O to E runs through M (one link on each side, no
     * other common neighbour, no link between O and E, ever).
     */
    record Scenario(String uscc, String name, String personId, String personName, double sharePct, String middle, String other,
                    LocalDate middleLinkFrom) {
    }

    static final String LINKS = "LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF|BRANCH_OF";

    Scenario scenario() {
        LocalDate today = LocalDate.now(clock);
        List<Record> rows = neo4j.executableQuery(("""
                        MATCH (p:Person)-[s:SHAREHOLDER_OF]->(e:Enterprise)
                        WHERE s.sharePct >= 30 AND s.validFrom <= $today AND (s.validTo IS NULL OR s.validTo > $today) AND p.name IS NOT NULL
                        MATCH (e)-[r1:%1$s]-(m)-[r2:%1$s]-(o:Enterprise)
                        WHERE o <> e AND r1.validFrom <= $today AND (r1.validTo IS NULL OR r1.validTo > $today)
                          AND r2.validFrom <= $today AND (r2.validTo IS NULL OR r2.validTo > $today)
                          AND COUNT { (e)-[:%1$s]-(m) } = 1 AND COUNT { (m)-[:%1$s]-(o) } = 1
                          AND NOT EXISTS { (e)-[:%1$s]-(o) } AND NOT EXISTS { MATCH (e)-[:%1$s]-(x)-[:%1$s]-(o) WHERE x <> m }
                          AND COUNT { (m)-[:%1$s]-() } <= 20 AND COUNT { (e)-[:%1$s]-() } <= 20
                        RETURN e.uscc AS uscc, e.name AS name, p.personId AS person, p.name AS personName, s.sharePct AS pct,
                               coalesce(m.uscc, m.personId) AS middle, o.uscc AS other, r1.validFrom AS middleLinkFrom
                        ORDER BY m = p DESC, e.uscc, o.uscc LIMIT 1""").formatted(LINKS))
                .withParameters(Map.of("today", today)).execute().records();
        assertThat(rows).as("the demo province has an owned enterprise with another two hops away").isNotEmpty();
        Record r = rows.get(0);
        return new Scenario(r.get("uscc").asString(), r.get("name").asString(), r.get("person").asString(), r.get("personName").asString(),
                r.get("pct").asDouble(), r.get("middle").asString(), r.get("other").asString(), r.get("middleLinkFrom").asLocalDate());
    }

    @Test
    void analystSearchesExpandsFindsAPathAndReadsTheOwners() {
        Scenario s = scenario();
        browser.get(base() + "/explore");
        signInAsDemoAnalyst();

        // Search by name, open the enterprise one hop deep: it and its neighbours are drawn.
        new Select(browser.findElement(By.id("hops"))).selectByValue("1");
        type(By.id("search-q"), s.name());
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        WebElement hit = waitFor(By.xpath("//ul[@id='results']//button[.//small[starts-with(normalize-space(.), '" + s.uscc() + "')]]"));
        hit.click();
        waitIdle();
        long drawn = number("return hubExplore.cy.nodes().length");
        assertThat(drawn).as("the enterprise and its neighbours are drawn").isGreaterThanOrEqualTo(2);
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).hasClass('root')", s.uscc())).isTrue();
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).nonempty()", s.middle())).as("a neighbour").isTrue();
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).nonempty()", s.other())).as("two hops away: not drawn yet").isFalse();
        assertThat(string("return hubExplore.cy.getElementById(arguments[0]).data('kind')", s.personId())).as("the owner, a person")
                .isEqualTo("PERSON");
        // Enterprises and persons are drawn apart.
        assertThat(string("return hubExplore.cy.getElementById(arguments[0]).style('shape')", s.uscc())).isEqualTo("round-rectangle");
        assertThat(string("return hubExplore.cy.getElementById(arguments[0]).style('shape')", s.personId())).isEqualTo("ellipse");
        screenshot("explore-1-graph");

        // Expand the neighbour with the keyboard route: pick it in the node list, press 展开.
        new Select(browser.findElement(By.id("node-pick"))).selectByValue(s.middle());
        browser.findElement(By.id("expand")).click();
        waitIdle();
        assertThat(number("return hubExplore.cy.nodes().length")).as("expanding adds the neighbour's other links").isGreaterThan(drawn);
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).nonempty()", s.other())).isTrue();
        screenshot("explore-2-expanded");

        // Path from the other enterprise to E: through the neighbour, highlighted.
        type(By.id("path-from"), s.other());
        type(By.id("path-to"), s.uscc());
        browser.findElement(By.cssSelector("#path-form button[type=submit]")).click();
        waitIdle();
        waitFor(By.cssSelector("#path-list li"));
        assertThat(browser.findElement(By.id("path-status")).getText()).contains("最短 2 跳");
        assertThat(number("return hubExplore.cy.edges('.path').length")).as("both edges of the two-hop path are highlighted").isEqualTo(2);
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).hasClass('path')", s.middle())).isTrue();
        screenshot("explore-3-path");
        // The CSV export is the drawn view: a header and one line per node; the path's edges flagged (WebDriver hands
        // line ends back as \n, so any line break splits).
        assertThat(string("return hubExplore.csv('nodes')").split("\\R")).hasSize((int) number("return hubExplore.cy.nodes().length") + 1);
        assertThat(string("return hubExplore.csv('edges')").split("\\R")).filteredOn(line -> line.endsWith(",true")).hasSize(2);

        // The owners panel of E: the person with at least its direct share, and the actual controller with its basis.
        new Select(browser.findElement(By.id("node-pick"))).selectByValue(s.uscc());
        browser.findElement(By.id("owners-btn")).click();
        waitIdle();
        WebElement row = waitFor(By.xpath("//table[@id='owners-table']//tr[td[1]/button[normalize-space(.)='" + s.personName() + "']]"));
        double share = Double.parseDouble(row.findElement(By.cssSelector("td.share")).getText().replace("%", ""));
        assertThat(share).as("effective share includes the direct holding").isGreaterThanOrEqualTo(s.sharePct() - 0.01);
        assertThat(browser.findElement(By.id("actual-controller")).getText()).startsWith("实际控制人：").contains("依据：");
        assertThat(errors()).isEmpty();
        screenshot("explore-4-owners");

        // The day before E and M were linked: the picture is asked again for that day, without that link.
        String dayBefore = s.middleLinkFrom().minusDays(1).toString();
        js("var d = document.getElementById('asof'); d.value = arguments[0]; d.dispatchEvent(new Event('change'));", dayBefore);
        waitIdle();
        assertThat(string("return hubExplore.state.asOfShown")).isEqualTo(dayBefore);
        assertThat(number("return hubExplore.cy.getElementById(arguments[0]).edgesWith(hubExplore.cy.getElementById(arguments[1])).length",
                s.uscc(), s.middle())).isZero();
    }

    @Test
    void restrictedSubjectsAreMarkedWithTheirTriggers() {
        Instant now = clock.instant();
        List<Record> rows = neo4j.executableQuery("""
                        MATCH (t:CreditListing {triggerType: 'SERIOUS_VIOLATION_LIST'})-[:CONCERNS]->(e:Enterprise)
                        WHERE t.removedAt IS NULL AND t.activeFrom <= $now AND (t.expiresAt IS NULL OR t.expiresAt > $now)
                        RETURN e.uscc AS uscc ORDER BY e.uscc LIMIT 1""")
                .withParameters(Map.of("now", now.atOffset(java.time.ZoneOffset.ofHours(8)))).execute().records();
        assertThat(rows).as("the demo lists an enterprise as a serious violator").isNotEmpty();
        String uscc = rows.get(0).get("uscc").asString();

        browser.get(base() + "/explore");
        signInAsDemoAnalyst();
        type(By.id("search-q"), uscc);
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor(By.xpath("//ul[@id='results']//button")).click();
        waitIdle();
        assertThat(bool("return hubExplore.cy.getElementById(arguments[0]).data('restricted')", uscc)).isTrue();
        // Restricted nodes wear a red border; others none.
        assertThat(string("return hubExplore.cy.getElementById(arguments[0]).style('border-color')", uscc)).isEqualTo("rgb(198,40,40)");
        assertThat(number("return hubExplore.cy.nodes('[!restricted]').filter(n => n.style('border-width') !== '0px').length")).isZero();
        assertThat(browser.findElement(By.id("triggers")).getText()).contains("严重违法失信名单");
        js("hubExplore.cy.getElementById(arguments[0]).emit('mouseover')", uscc);
        assertThat(browser.findElement(By.id("tooltip")).getText()).contains("受限").contains("严重违法失信名单");
        screenshot("explore-6-restricted");
    }

    @Test
    void graphQlErrorsAreShownWithTheirCode() {
        Scenario s = scenario();
        browser.get(base() + "/explore");
        // Not signed in: paths is for analysts and officers, so the hub refuses it as UNAUTHENTICATED.
        type(By.id("path-from"), s.other());
        type(By.id("path-to"), s.uscc());
        browser.findElement(By.cssSelector("#path-form button[type=submit]")).click();
        WebElement box = waitFor(By.cssSelector("#errors:not([hidden]) li"));
        assertThat(box.getText()).contains("代码 UNAUTHENTICATED");
        screenshot("explore-5-error");
    }

    // ---- helpers ----

    private String base() {
        return "http://localhost:" + port;
    }

    private void signInAsDemoAnalyst() {
        WebElement form = waitFor(By.cssSelector("#demo-signin:not([hidden])"));
        new Select(browser.findElement(By.id("demo-user"))).selectByValue("analyst-430000");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("who")).getText().contains("analyst-430000"));
        assertThat(browser.findElement(By.id("who")).getText()).contains("分析人员");
    }

    private void type(By field, String text) {
        WebElement e = browser.findElement(field);
        e.clear();
        e.sendKeys(text);
    }

    /** The first element found; an error the page shows first fails the test with its text (and a screenshot). */
    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
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
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> bool("return hubExplore.state.busy === 0"));
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
        return ((JavascriptExecutor) browser).executeScript(script, args);
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
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
