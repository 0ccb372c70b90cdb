/** Plans, tasks, triggers, draws and the inspections they select, as stored in the graph. */
package org.supervisionhub.graph.sampling;
