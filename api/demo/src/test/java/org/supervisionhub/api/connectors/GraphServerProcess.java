package org.supervisionhub.api.connectors;

import java.nio.file.Path;

import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/**
 * The Neo4j server of {@link ReplicasApiTest}, in a JVM of its own as a deployment's server would be: the embedded
 * 5.26 server on the given port, with a password. Prints {@code READY} once it takes connections and runs until its
 * standard input closes (the test ends) or it is killed.
 */
public final class GraphServerProcess {

    private GraphServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]), 64, args[2]);
        System.out.println("READY " + server.boltUri());
        System.out.flush();
        while (System.in.read() != -1) {
            // Until the test closes the pipe.
        }
        server.close();
        System.exit(0);
    }
}
