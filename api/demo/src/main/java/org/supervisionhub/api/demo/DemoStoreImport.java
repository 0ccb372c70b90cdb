package org.supervisionhub.api.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.supervisionhub.api.HubProperties;
import org.supervisionhub.api.store.EmbeddedStoreConfiguration;
import org.supervisionhub.graph.synthetic.LoadReport;
import org.supervisionhub.graph.synthetic.ProvinceImport;
import org.supervisionhub.graph.synthetic.SyntheticOptions;

/**
 * In demo mode on the embedded server, writes the synthetic province into a store that does not exist yet with Neo4j's
 * bulk importer ({@link ProvinceImport}), before {@code EmbeddedStoreInitializer} starts the server on it (this runs
 * just ahead of it); the migrations then build the schema over the data as on any start. {@link DemoDataLoader} sees
 * the {@link Imported} bean and replays the demo's year through the hub's services as after a Bolt load. An existing
 * store, an external server or {@code hub.demo.bulk-import=false} leave everything to {@link DemoDataLoader}.
 */
public class DemoStoreImport implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    /** The bean that says this start imported the province. */
    public static final String BEAN_NAME = "demoStoreImport";

    private static final Logger log = LoggerFactory.getLogger(DemoStoreImport.class);

    /** What this start imported. */
    public record Imported(LoadReport report) {
    }

    /** Just before the unordered initializers, among them the embedded server's start. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        Binder binder = Binder.get(env);
        DemoProperties demo = binder.bind("hub.demo", DemoProperties.class).orElse(null);
        if (demo == null || !demo.enabled() || !demo.bulkImport() || !EmbeddedStoreConfiguration.isEmbedded(env)) {
            return;
        }
        HubProperties.Store store = binder.bind("hub", HubProperties.class)
                .orElseGet(() -> new HubProperties(null, null, null, null)).store();
        Path home = store.dataDir().toAbsolutePath();
        String database = env.getProperty("spring.data.neo4j.database");
        if (!ProvinceImport.storeAbsent(home, database)) {
            return;
        }
        log.info("No store yet: importing the synthetic demo province ({} enterprises, seed {}) with Neo4j's bulk importer into {}",
                demo.enterprises(), demo.seed(), home);
        try {
            LoadReport report = ProvinceImport.importInto(home, database,
                    new SyntheticOptions(demo.seed(), demo.enterprises(), 5_000, database));
            log.info("Demo province imported: {} enterprises, {} persons, {} nodes, {} relationships in {} ms",
                    report.enterprises(), report.persons(), report.nodes(), report.relationships(), report.elapsed().toMillis());
            context.getBeanFactory().registerSingleton(BEAN_NAME, new Imported(report));
        } catch (IOException e) {
            throw new UncheckedIOException("importing the demo province into " + home + " failed", e);
        }
    }
}
