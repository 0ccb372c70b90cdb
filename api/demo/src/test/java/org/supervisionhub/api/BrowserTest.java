package org.supervisionhub.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** A test of a page the hub serves, in headless Chromium against the real hub; skipped where Chromium is not installed. */
public abstract class BrowserTest extends HubIntegrationTest {

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
