/** Recording every mutation in the tamper-evident audit trail, and the oversight queries over it (OVER-03). */
package org.supervisionhub.api.audit;
