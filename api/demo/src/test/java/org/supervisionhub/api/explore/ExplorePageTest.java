package org.supervisionhub.api.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.HubIntegrationTest;

/** The /explore page over plain HTTP: served to anyone (it holds no data), with its own Content-Security-Policy. */
class ExplorePageTest extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pageAndLibraryAreServedAnonymouslyUnderAStrictPolicy() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/explore")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("关联图谱分析").contains("/vendor/cytoscape/cytoscape.min.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ExplorePageConfiguration.CONTENT_SECURITY_POLICY);
        for (String asset : List.of("/explore/explore.js", "/explore/explore.css", "/vendor/cytoscape/cytoscape.min.js")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + asset)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
        }
        // The page is light: its own files stay small beside the vendored library.
        long own = 0;
        for (String asset : List.of("/explore", "/explore/explore.js", "/explore/explore.css")) {
            own += http.send(HttpRequest.newBuilder(URI.create(base() + asset)).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        assertThat(own).isLessThan(300_000);
    }

    @Test
    void otherPathsKeepTheirPolicy() throws Exception {
        HttpResponse<String> draws = get("/public/draws");
        assertThat(draws.statusCode()).isEqualTo(200);
        assertThat(draws.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
