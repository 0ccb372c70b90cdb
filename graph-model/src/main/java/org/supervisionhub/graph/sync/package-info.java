/** What the connectors write: source snapshots upserted with their links, checkpoints, dead letters, locks and the outbox. */
package org.supervisionhub.graph.sync;
