/** Restriction propagation's domain: triggers (listings, penalty decisions) and their lifecycle, measures and their rules, the JOINT-02 domains. */
package org.supervisionhub.domain.restriction;
