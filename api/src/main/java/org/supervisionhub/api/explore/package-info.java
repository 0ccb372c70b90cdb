/** Analyst exploration (issue 18): neighbourhoods, shortest connections, beneficial owners, common controllers, exposure, METH-07 dossiers. */
package org.supervisionhub.api.explore;
