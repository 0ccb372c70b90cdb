package org.supervisionhub.domain.followup;

import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;
import org.supervisionhub.domain.inspection.DepartmentId;

/**
 * Where a result's lead may be passed (FOLLOW-07..09): inside the HR&SS system to another of its departments, as a case
 * source; outside it to a named organ; a suspected crime only to a judicial organ or public security. Subjects
 * {@code destination}, {@code recipientDepartmentId}.
 */
public final class Referrals {

    private Referrals() {
    }

    /**
     * What is wrong with passing the lead from the department {@code from} to {@code destination}: {@code recipientDepartment}
     * (null where none is named) is an HR&SS department of the hub when {@code recipientInSystem}.
     */
    public static List<Violation> violations(DepartmentId from, ReferralDestination destination, boolean suspectedCrime,
                                             DepartmentId recipientDepartment, boolean recipientInSystem) {
        List<Violation> out = new ArrayList<>();
        if (suspectedCrime && (destination == null || !destination.takesCrimes())) {
            out.add(new Violation(Kind.INVALID_VALUE, "destination", "a suspected crime goes to a JUDICIAL_ORGAN or PUBLIC_SECURITY", "FOLLOW-09"));
        }
        if (destination == ReferralDestination.HRSS_INTERNAL) {
            if (recipientDepartment != null && !recipientInSystem) {
                out.add(new Violation(Kind.INVALID_VALUE, "recipientDepartmentId", "an HR&SS department of the hub", "FOLLOW-08"));
            }
            if (from.equals(recipientDepartment)) {
                out.add(new Violation(Kind.INVALID_VALUE, "recipientDepartmentId", "another department than the referring one", "FOLLOW-08"));
            }
        } else if (destination != null && recipientDepartment != null) {
            out.add(new Violation(Kind.INVALID_VALUE, "recipientDepartmentId", "only for HRSS_INTERNAL; name the organ in `recipient`", "FOLLOW-09"));
        }
        return List.copyOf(out);
    }
}
