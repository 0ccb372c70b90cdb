/** Working-day arithmetic over China's public holidays and adjusted working days. */
package org.supervisionhub.api.calendar;
