package org.supervisionhub.domain.followup;

import java.util.List;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;
import org.supervisionhub.domain.inspection.InspectionResult;

/** Where follow-up starts: from an approved result that found something (FOLLOW-03). */
public final class FollowUp {

    private FollowUp() {
    }

    /**
     * FOLLOW-03: a case (FOLLOW-06) or a referral (FOLLOW-07) starts from an approved result, named by {@code rule} when it is
     * not approved, and one that found nothing has nothing to follow up. Subject {@code resultId}.
     */
    public static List<Violation> startsFrom(InspectionResult result, String rule) {
        if (!result.status().approved()) {
            return List.of(Violation.illegalTransition("resultId", "the result is " + result.status()
                    + "; follow-up starts from an approved result", rule));
        }
        if (result.content().category().foundNothing()) {
            return List.of(new Violation(Kind.CONFLICT, "resultId", "the result is " + result.content().category() + ": nothing to follow up",
                    "FOLLOW-03"));
        }
        return List.of();
    }
}
