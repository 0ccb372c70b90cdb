/** Connectors to the external systems: generated clients, resilient calls, sync into the graph. */
package org.supervisionhub.connectors;
