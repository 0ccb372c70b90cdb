package org.supervisionhub.domain.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * What the team records on site (ONSITE-01..06): the facts per item, who was present with the certificate each showed,
 * and the target's signatory, or the reason there is none.
 */
public record OnSiteRecord(LocalDate conductedOn, List<Finding> findings, List<Presence> present, String signedBy, boolean signerRoleGiven,
                           String refusalReason) {

    public OnSiteRecord {
        findings = findings == null ? List.of() : List.copyOf(findings);
        present = present == null ? List.of() : List.copyOf(present);
    }

    /** ONSITE-01, ONSITE-08: the facts found on one item. */
    public record Finding(String itemCode, String facts) {
    }

    /** ONSITE-02: an inspector present and the enforcement certificate shown. */
    public record Presence(String inspectorId, String certificateNo) {
    }

    /** An inspector's enforcement certificate as the roster holds it ({@code validTo} null: no end). */
    public record Certificate(String number, LocalDate validTo) {
    }

    boolean signed() {
        return signedBy != null && !signedBy.isBlank();
    }

    boolean refused() {
        return refusalReason != null && !refusalReason.isBlank();
    }
}
