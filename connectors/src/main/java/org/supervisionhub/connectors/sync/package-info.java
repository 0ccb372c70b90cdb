/** Running syncs: settings, the resilient call around every source request, leases, runs and their outcome. */
package org.supervisionhub.connectors.sync;
