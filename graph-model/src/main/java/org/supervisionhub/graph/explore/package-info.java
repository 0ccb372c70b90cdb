/** Analyst exploration of linked entities: one-hop reads of the link graph, batched per frontier, for the algorithms in the api. */
package org.supervisionhub.graph.explore;
