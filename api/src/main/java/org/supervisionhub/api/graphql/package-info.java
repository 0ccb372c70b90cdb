/** GraphQL plumbing shared by every area: scalars, the hub's errors as GraphQL errors, connections and page arguments. */
package org.supervisionhub.api.graphql;
