/** Restriction checks for partner departments (一处违法，处处受限): the measure catalogue, listings and sanctions, answers and receipts. */
package org.supervisionhub.api.restriction;
