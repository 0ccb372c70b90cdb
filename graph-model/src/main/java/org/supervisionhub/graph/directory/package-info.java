/** The target roster's subjects: enterprises by USCC, pseudonymous persons and their time-bounded links. */
package org.supervisionhub.graph.directory;
