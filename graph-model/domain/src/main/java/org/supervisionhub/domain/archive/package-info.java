/** The inspection archive as aggregates: archiving a file (ARCH-01, ARCH-03), amendments with a second person's approval (ARCH-04, ARCH-05), loans with two consents and a return check (ARCH-09, ARCH-11). */
package org.supervisionhub.domain.archive;
