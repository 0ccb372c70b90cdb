/** An inspection as aggregates: its notice and on-site record, its result (RESULT-01, APPR, PUB, ARCH-05), re-examinations of it (OBJ-01/02, PUB-08/12), its lifecycle's dates and what is overdue (PUB-03/04, FOLLOW-02). */
package org.supervisionhub.domain.inspection;
