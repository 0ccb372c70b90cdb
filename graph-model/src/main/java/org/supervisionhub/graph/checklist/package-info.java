/** The checklist ("one list"): versions per department, scope and kind, and their inspection items. */
package org.supervisionhub.graph.checklist;
