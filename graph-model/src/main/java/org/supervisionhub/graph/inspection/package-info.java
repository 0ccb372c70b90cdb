/** Inspection results: proposals, the approval chain, amendments of approved results and publication, as stored in the graph. */
package org.supervisionhub.graph.inspection;
