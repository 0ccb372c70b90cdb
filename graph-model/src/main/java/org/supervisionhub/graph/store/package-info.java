/** The graph store itself: the embedded Neo4j server, schema migrations and keyset cursors. */
package org.supervisionhub.graph.store;
