/** The credit platform: published inspection results delivered from the outbox, once per idempotency key. */
package org.supervisionhub.connectors.credit;
