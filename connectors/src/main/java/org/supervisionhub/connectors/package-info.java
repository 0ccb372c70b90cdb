/** Connectors to the external systems: generated clients, resilient calls, sync into the graph; here their wiring and scheduling. */
package org.supervisionhub.connectors;
