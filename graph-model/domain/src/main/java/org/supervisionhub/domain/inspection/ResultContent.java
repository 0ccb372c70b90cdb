package org.supervisionhub.domain.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * What a result says: its category (RESULT-01), the facts, the day the inspection ended and, where a correction was
 * ordered, the order's deadline. Subjects of violations: {@code category}, {@code facts}, {@code endedOn},
 * {@code rectificationDeadline}. How its dates stand against the inspection's other dates is the lifecycle's concern.
 */
public record ResultContent(ResultCategory category, String facts, LocalDate endedOn, LocalDate rectificationDeadline) {

    public static final int MAX_FACTS = 20_000;

    public ResultContent {
        facts = facts == null ? null : facts.strip();
    }

    /** What is wrong with this content, if anything. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (category == null) {
            out.add(new Violation(Kind.REQUIRED, "category", "category: required", null));
        }
        if (facts == null || facts.isEmpty()) {
            out.add(new Violation(Kind.REQUIRED, "facts", "facts: required", null));
        } else if (facts.length() > MAX_FACTS) {
            out.add(new Violation(Kind.INVALID_VALUE, "facts", "facts: at most " + MAX_FACTS + " characters", null));
        }
        if (endedOn == null) {
            out.add(new Violation(Kind.REQUIRED, "endedOn", "endedOn: required", null));
        }
        boolean ordered = category == ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED;
        if (ordered && rectificationDeadline == null) {
            out.add(new Violation(Kind.REQUIRED, "rectificationDeadline",
                    "rectificationDeadline: a correction was ordered, so the order's deadline is required", "FOLLOW-01"));
        }
        if (!ordered && rectificationDeadline != null) {
            out.add(new Violation(Kind.INVALID_VALUE, "rectificationDeadline", "rectificationDeadline: only for PROBLEM_FOUND_RECTIFICATION_ORDERED",
                    "PUB-04"));
        }
        return List.copyOf(out);
    }

    /** PUB-03, PUB-04: the day the working days to publish count from: the rectification deadline where one was set, else the end. */
    public LocalDate publishFrom() {
        return rectificationDeadline != null ? rectificationDeadline : endedOn;
    }
}
