package org.supervisionhub.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.store.GraphConfiguration.GraphSchema;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/** What the hub runs on. */
@Controller
public class HubInfoController {

    public record HubInfo(String version, String graphSchemaVersion, boolean embeddedStore) {
    }

    private final HubInfo info;

    public HubInfoController(GraphSchema schema, ObjectProvider<EmbeddedNeo4jServer> embedded) {
        String version = HubInfoController.class.getPackage().getImplementationVersion();
        this.info = new HubInfo(version == null ? "development" : version, schema.version(), embedded.getIfAvailable() != null);
    }

    @QueryMapping
    public HubInfo hubInfo() {
        return info;
    }
}
