/** Archived inspection files as stored in the graph: what each holds, its approved amendments and its loans (ARCH-*). */
package org.supervisionhub.graph.archive;
