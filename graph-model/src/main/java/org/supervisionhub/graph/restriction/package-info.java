/** Credit listings, sanctions, the restriction measure catalogue, check receipts and the check query, as stored in the graph. */
package org.supervisionhub.graph.restriction;
