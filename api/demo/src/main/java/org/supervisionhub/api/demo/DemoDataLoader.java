package org.supervisionhub.api.demo;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.store.EmbeddedStoreInitializer;
import org.supervisionhub.api.store.GraphConfiguration.GraphSchema;
import org.supervisionhub.graph.synthetic.LoadReport;
import org.supervisionhub.graph.synthetic.SyntheticOptions;
import org.supervisionhub.graph.synthetic.SyntheticProvince;

/**
 * In demo mode, fills an empty graph with the deterministic synthetic province before the hub
 * reports ready: through Bolt, unless {@link DemoStoreImport} imported it into the new store before the server started
 * on this start; either way the demo's year is then replayed through the hub's services. A graph that already holds
 * enterprises otherwise is left alone, so restarts are fast and keep whatever a person changed.
 */
@Component
@ConditionalOnProperty(prefix = "hub.demo", name = "enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Driver driver;
    private final DemoProperties properties;
    private final String database;
    private final SamplingDemo sampling;
    private final RestrictionDemo restrictions;
    private final ResultDemo results;
    private final ExploreDemo explore;
    private final JointDemo joint;
    private final DemoDrawSecrets secrets;
    private final boolean imported;

    public DemoDataLoader(Driver driver, DemoProperties properties, GraphSchema migrated, SamplingDemo sampling, RestrictionDemo restrictions,
                          ResultDemo results, ExploreDemo explore, JointDemo joint, DemoDrawSecrets secrets, @Value("${spring.data.neo4j.database:}") String database,
                          ObjectProvider<EmbeddedStoreInitializer.Startup> embedded) {
        EmbeddedStoreInitializer.Startup startup = embedded.getIfAvailable();
        this.imported = startup != null && startup.seeded();
        this.joint = joint;
        this.secrets = secrets;
        this.driver = driver;
        this.sampling = sampling;
        this.restrictions = restrictions;
        this.results = results;
        this.explore = explore;
        this.properties = properties;
        this.database = database.isBlank() ? null : database;
    }

    @Override
    public void run(ApplicationArguments args) {
        org.neo4j.driver.QueryConfig.Builder config = org.neo4j.driver.QueryConfig.builder();
        if (database != null) {
            config.withDatabase(database);
        }
        if (imported) {
            log.info("Demo province imported into the new store before the server started; replaying the demo's year");
        } else {
            long existing = driver.executableQuery("MATCH (e:Enterprise) RETURN count(e) AS n").withConfig(config.build())
                    .execute().records().get(0).get("n").asLong();
            if (existing > 0) {
                log.info("Demo data present ({} enterprises); not loading", existing);
                return;
            }
            DemoProperties demo = properties;
            log.info("Empty graph: loading the synthetic demo province ({} enterprises, seed {})", demo.enterprises(), demo.seed());
            LoadReport report = SyntheticProvince.load(driver, new SyntheticOptions(demo.seed(), demo.enterprises(), 5_000, database));
            log.info("Demo province loaded: {} enterprises, {} persons, {} nodes, {} relationships in {} ms",
                    report.enterprises(), report.persons(), report.nodes(), report.relationships(), report.elapsed().toMillis());
        }
        secrets.replay(() -> {
            SamplingDemo.Year year = sampling.load();
            restrictions.load();
            results.load(year);
            joint.load();
            explore.load();
        });
    }
}
