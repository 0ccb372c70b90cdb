/** Wiring of the graph store: embedded server when no URI is configured, migrations, repositories. */
package org.supervisionhub.api.store;
