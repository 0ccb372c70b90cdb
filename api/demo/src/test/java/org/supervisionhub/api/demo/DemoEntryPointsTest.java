package org.supervisionhub.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;

class DemoEntryPointsTest extends HubIntegrationTest {

    @Autowired
    DemoEntryPoints entryPoints;

    @Test
    void theReadyLineNamesTheEntryPointsAndEnterprisesListedInChangsha() {
        String line = entryPoints.line();
        assertThat(line).contains("http://localhost:" + port + "/ ", "/explore", "/graphiql/", "partner-bidding-430000");
        Matcher usccs = Pattern.compile("\\b[0-9A-Z]{18}\\b").matcher(line.substring(line.indexOf("listed enterprises")));
        int found = 0;
        while (usccs.find()) {
            String uscc = usccs.group();
            assertThat(uscc.substring(2, 6)).isEqualTo("4301");
            graphQl(officer("HRSS-430100")).document("query($u: ID!) { enterprise(uscc: $u) { restrictionTriggers { id removedAt } } }")
                    .variable("u", uscc).execute().path("enterprise.restrictionTriggers[*].removedAt").entityList(Object.class)
                    .satisfies(removed -> assertThat(removed).as(uscc).containsNull());
            found++;
        }
        assertThat(found).isBetween(1, 6);
    }
}
