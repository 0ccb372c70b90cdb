/** The public disclosure site (一公开): its open-data endpoints, Atom feeds, static pages and their headers. */
package org.supervisionhub.api.publicsite;
