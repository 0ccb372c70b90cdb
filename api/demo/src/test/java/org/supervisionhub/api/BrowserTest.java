package org.supervisionhub.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** A test of a page the hub serves, in headless Chromium against the real hub; skipped where Chromium is not installed. */
public abstract class BrowserTest extends HubIntegrationTest {

    /** How often waits look again: WebDriverWait's default half second adds up over a page's many waits. */
    protected static final java.time.Duration POLL = java.time.Duration.ofMillis(50);

    protected Chromium chromium;
    protected WebDriver browser;

    /** What the page is, for the message when the test is skipped. */
    protected abstract String page();

    /** A laptop screen. */
    protected int windowHeight() {
        return 768;
    }

    @BeforeEach
    void startBrowser() {
        chromium = Chromium.start(page(), 1366, windowHeight());
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
