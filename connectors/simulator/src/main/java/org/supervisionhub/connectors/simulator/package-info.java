/** A runnable simulator of the market registry, the tax system and the credit platform, serving the specifications in schema with switchable faults. */
package org.supervisionhub.connectors.simulator;
