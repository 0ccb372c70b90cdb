/** Archived inspection files: archiving, approved amendments, retention and loans (ARCH-*). */
package org.supervisionhub.api.archive;
