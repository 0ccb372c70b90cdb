package org.supervisionhub.api.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hub.demo.*}: the synthetic province loaded into an empty graph on start.
 *
 * @param enabled     load it (the demo profile turns it on)
 * @param seed        its seed: the same seed on the same date gives the same province and year
 * @param enterprises its size
 * @param bulkImport  on the embedded server with no store yet, write the province with Neo4j's bulk importer before the
 *                    server starts ({@link DemoStoreImport}); false loads it through Bolt once the hub runs
 */
@ConfigurationProperties("hub.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("20260101") long seed,
                             @DefaultValue("20000") int enterprises, @DefaultValue("true") boolean bulkImport) {
}
