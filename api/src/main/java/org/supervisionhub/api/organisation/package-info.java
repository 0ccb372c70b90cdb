/** GraphQL area of regions, departments, units and business lines. */
package org.supervisionhub.api.organisation;
