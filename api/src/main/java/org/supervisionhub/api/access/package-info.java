/** Who may see and do what: tokens, roles scoped by department, the schema's access rules and their enforcement. */
package org.supervisionhub.api.access;
