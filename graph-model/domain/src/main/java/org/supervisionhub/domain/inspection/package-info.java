/** An inspection's result as an aggregate: its content rules (RESULT-01, FOLLOW-01, PUB-04) and its lifecycle (APPR, PUB, ARCH-05). */
package org.supervisionhub.domain.inspection;
