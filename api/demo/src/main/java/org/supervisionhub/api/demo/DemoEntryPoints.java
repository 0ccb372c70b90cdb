package org.supervisionhub.api.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Once the demo is ready, one line says where to start: the public site, the analysts' page, GraphiQL, and enterprises
 * listed in Changsha to try restriction checks on (read from the graph, so it is printed on every start, not only the
 * first one that loaded the demo).
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoEntryPoints {

    private static final Logger log = LoggerFactory.getLogger(DemoEntryPoints.class);
    static final String LISTED = "MATCH (t:RestrictionTrigger) WHERE substring(t.uscc, 2, 4) = '4301' AND t.removedAt IS NULL"
            + " RETURN DISTINCT t.uscc AS uscc ORDER BY uscc LIMIT 6";

    private final Neo4jClient client;
    private final Environment environment;

    public DemoEntryPoints(Neo4jClient client, Environment environment) {
        this.client = client;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void announce() {
        log.info(line());
    }

    String line() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        List<String> listed = List.copyOf(client.query(LISTED).fetchAs(String.class).mappedBy((t, r) -> r.get("uscc").asString()).all());
        boolean graphiql = environment.getProperty("hub.graphiql.enabled", Boolean.class, false);
        return "Demo ready: public site " + base + "/ · analysts " + base + "/explore (demo user analyst-430000)"
                + (graphiql ? " · GraphiQL " + base + "/graphiql/" : "")
                + " · restrictionCheck as partner-bidding-430000 on listed enterprises " + String.join(", ", listed);
    }
}
