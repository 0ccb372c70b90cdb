/** The public disclosure site's read model (一公开): what anyone may read, per department, in one place. */
package org.supervisionhub.graph.publicsite;
