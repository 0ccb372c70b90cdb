/** The external sources as the hub's users see them: freshness, breaker state, runs on demand, dead letters. */
package org.supervisionhub.api.connectors;
