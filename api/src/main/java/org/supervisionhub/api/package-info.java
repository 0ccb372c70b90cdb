/** The Spring Boot application: GraphQL controllers and the services behind them. */
package org.supervisionhub.api;
