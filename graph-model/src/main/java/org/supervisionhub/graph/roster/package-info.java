/** The inspector roster, declared conflicts of interest and the effective-dated change records of both rosters. */
package org.supervisionhub.graph.roster;
