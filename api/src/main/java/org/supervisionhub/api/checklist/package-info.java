/** GraphQL area of the checklist ("one list"): versions, items, drafting and publication. */
package org.supervisionhub.api.checklist;
