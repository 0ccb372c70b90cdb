/** What retention exported out of the graph: one node per export file, with its digest and range, so exports stay verifiable. */
package org.supervisionhub.graph.retention;
