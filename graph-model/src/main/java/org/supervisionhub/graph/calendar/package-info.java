/** Working-day deadlines as stored with what they govern: their inputs, the calendar basis, and each recomputation. */
package org.supervisionhub.graph.calendar;
