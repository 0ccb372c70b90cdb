/** Follow-up of results: cases and penalty decisions, referrals, serious non-cooperation (FOLLOW-*, NONCOOP-*, PUB-06). */
package org.supervisionhub.api.followup;
