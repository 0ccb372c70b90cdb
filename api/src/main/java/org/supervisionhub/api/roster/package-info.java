/** GraphQL area of the inspector roster, conflicts of interest and the roster-update report. */
package org.supervisionhub.api.roster;
