package org.supervisionhub.api.store;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.core.env.Environment;

/**
 * Writes a store that does not exist yet before the embedded server starts on it (the demo's bulk import of its province).
 * Implementations are listed in {@code META-INF/spring.factories}; {@link EmbeddedStoreInitializer} calls them on the
 * server's starter thread with the directory it is about to start on, so both agree on the store whatever sets it.
 */
public interface StoreSeed {

    /** Returns true when it wrote the store at {@code home} (database {@code database}, null: the default). */
    boolean seed(Path home, String database, Environment environment) throws IOException;
}
