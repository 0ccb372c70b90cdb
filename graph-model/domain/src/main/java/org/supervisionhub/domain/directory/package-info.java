/** The directory's domain: enterprises by USCC, persons by pseudonymous id, and the time-bounded links between them. */
package org.supervisionhub.domain.directory;
