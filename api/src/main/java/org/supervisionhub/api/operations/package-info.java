/** Running the hub as production software: the {@code prod} profile's start checks and what operators watch. */
package org.supervisionhub.api.operations;
