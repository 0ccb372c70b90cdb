/** GraphQL plumbing shared by every area: scalars, typed errors, connections and page arguments. */
package org.supervisionhub.api.graphql;
