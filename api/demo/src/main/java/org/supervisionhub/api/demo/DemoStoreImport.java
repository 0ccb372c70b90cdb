package org.supervisionhub.api.demo;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.supervisionhub.api.store.StoreSeed;
import org.supervisionhub.graph.synthetic.LoadReport;
import org.supervisionhub.graph.synthetic.ProvinceImport;
import org.supervisionhub.graph.synthetic.SyntheticOptions;

/**
 * In demo mode, writes the synthetic province with Neo4j's bulk importer ({@link ProvinceImport}) into a store that does
 * not exist yet, just before the embedded server starts on it (a {@link StoreSeed}, called with the directory the server
 * uses); the migrations then build the schema over the data as on any start. {@link DemoDataLoader} sees that the start
 * was seeded and replays the demo's year through the hub's services as after a Bolt load. An existing store, an external
 * server or {@code hub.demo.bulk-import=false} leave everything to {@link DemoDataLoader}.
 */
public class DemoStoreImport implements StoreSeed {

    private static final Logger log = LoggerFactory.getLogger(DemoStoreImport.class);

    @Override
    public boolean seed(Path home, String database, Environment environment) throws IOException {
        DemoProperties demo = Binder.get(environment).bind("hub.demo", DemoProperties.class).orElse(null);
        if (demo == null || !demo.enabled() || !demo.bulkImport() || !ProvinceImport.storeAbsent(home, database)) {
            return false;
        }
        log.info("No store yet: importing the synthetic demo province ({} enterprises, seed {}) with Neo4j's bulk importer into {}",
                demo.enterprises(), demo.seed(), home);
        LoadReport report = ProvinceImport.importInto(home, database, new SyntheticOptions(demo.seed(), demo.enterprises(), 5_000, database));
        log.info("Demo province imported: {} enterprises, {} persons, {} nodes, {} relationships in {} ms",
                report.enterprises(), report.persons(), report.nodes(), report.relationships(), report.elapsed().toMillis());
        return true;
    }
}
