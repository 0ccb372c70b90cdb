/** GraphQL area of the target roster: enterprises, persons, their links, and bulk import. */
package org.supervisionhub.api.directory;
