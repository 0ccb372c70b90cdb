/** What follows a result that found a problem as aggregates: cases and their closing (FOLLOW-06, FOLLOW-10), penalty decisions (PUB-06), referrals (FOLLOW-07..09), serious non-cooperation (NONCOOP-01/02). */
package org.supervisionhub.domain.followup;
