package org.supervisionhub.graph.store;

import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A state change written only over the state the domain decided from: the statement's {@code WHERE} guard finds the node
 * in that state or nothing, and a change that finds nothing fails (the caller's transaction rolls back) instead of passing
 * unnoticed.
 */
public final class Guarded {

    private Guarded() {
    }

    /** Runs {@code cypher}; fails with {@code what} (such as "loan L-1 is no longer REQUESTED") when it set nothing. */
    public static void write(Neo4jClient client, String cypher, Map<String, Object> parameters, String what) {
        if (client.query(cypher).bindAll(parameters).run().counters().propertiesSet() == 0) {
            throw new IllegalStateException(what + ": the change was not written");
        }
    }
}
