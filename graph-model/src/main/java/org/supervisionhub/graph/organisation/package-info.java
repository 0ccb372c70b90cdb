/** Administrative regions, departments of every sector and level, their units and business lines. */
package org.supervisionhub.graph.organisation;
