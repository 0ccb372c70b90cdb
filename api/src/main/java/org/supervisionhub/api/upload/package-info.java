/** HTTP file upload for the CSV imports, for clients that send files rather than GraphQL strings. */
package org.supervisionhub.api.upload;
