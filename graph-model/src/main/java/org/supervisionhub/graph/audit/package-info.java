/** The append-only audit trail: events chained by hash so that any change to the past is detectable. */
package org.supervisionhub.graph.audit;
