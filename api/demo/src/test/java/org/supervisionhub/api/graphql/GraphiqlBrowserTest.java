package org.supervisionhub.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.supervisionhub.api.BrowserTest;

/** GraphiQL as the hub serves it, in headless Chromium: it loads with nothing from elsewhere, signs in and runs a query. */
class GraphiqlBrowserTest extends BrowserTest {

    @Override
    protected String page() {
        return "GraphiQL";
    }

    @Test
    void graphiqlLoadsOfflineSignsInWithTheDemoIssuerAndRunsAQuery() {
        browser.get("http://localhost:" + port + "/graphiql");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), POLL);
        wait.until(d -> !d.findElements(By.cssSelector(".graphiql-container")).isEmpty());
        // Every resource came from the hub itself.
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) chromium.js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).isNotEmpty().allMatch(url -> url.startsWith("http://localhost:" + port + "/"));

        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
        new Select(browser.findElement(By.id("demo-user"))).selectByValue("officer-hrss-430100");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("signed-in")).getText().contains("officer-hrss-430100"));
        wait.until(d -> !d.findElements(By.cssSelector(".graphiql-execute-button")).isEmpty());
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        // The default query asks who the caller is: the result names the signed-in officer.
        wait.until(d -> d.findElement(By.cssSelector(".result-window")).getText().contains("officer-hrss-430100"));
        assertThat(browser.findElement(By.cssSelector(".result-window")).getText()).contains("OFFICER").doesNotContain("UNAUTHENTICATED");
        chromium.screenshot("graphiql-signed-in");
        List<LogEntry> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }
}
