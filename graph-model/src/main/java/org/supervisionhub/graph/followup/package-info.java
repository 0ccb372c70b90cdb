/** Follow-up of results, as stored in the graph: cases and their penalty decisions, referrals, serious non-cooperation. */
package org.supervisionhub.graph.followup;
