/** Bounded growth (issue 22): old receipts, audit events and evidence bytes exported out of the graph, their digests kept in it. */
package org.supervisionhub.api.retention;
