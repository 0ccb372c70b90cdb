package org.supervisionhub.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shape of each directory link and of an enterprise record (restriction-propagation spec, "Facts"), without a database. */
class DirectoryLinkTest {

    static final String A = "91350100M000100Y43";
    static final String B = "91110000802100433B";
    static final String PERSON = PersonId.fromSeed("directory-link-test").value();
    static final LocalDate FROM = LocalDate.of(2021, 1, 1);

    static List<String> refusals(DirectoryLink link) {
        return link.violations().stream().map(v -> v.kind() + " " + v.subject()).toList();
    }

    static DirectoryLink link(LinkType type, String from, boolean person, String to, String role, Double share, LocalDate validTo) {
        return new DirectoryLink(type, from, person, to, role, share, FROM, validTo);
    }

    @Test
    void aLegalRepresentativeAndAnOfficerArePersonsAndAnOfficerHasARole() {
        assertThat(link(LinkType.LEGAL_REPRESENTATIVE, PERSON, true, A, null, null, null).violations()).isEmpty();
        assertThat(refusals(link(LinkType.LEGAL_REPRESENTATIVE, B, false, A, null, null, null))).containsExactly("INVALID_VALUE from");
        assertThat(refusals(link(LinkType.OFFICER, B, false, A, null, null, null))).containsExactly("INVALID_VALUE from", "REQUIRED role");
        assertThat(link(LinkType.OFFICER, PERSON, true, A, "DIRECTOR", null, null).violations()).isEmpty();
        assertThat(refusals(link(LinkType.LEGAL_REPRESENTATIVE, null, false, A, null, null, null))).as("an invalid source is reported by the input")
                .isEmpty();
    }

    @Test
    void aShareholdingHasAShareAboveZeroAndAtMostAHundredAndOnlyItHasOne() {
        assertThat(link(LinkType.SHAREHOLDER, B, false, A, null, 100.0, null).violations()).isEmpty();
        assertThat(refusals(link(LinkType.SHAREHOLDER, B, false, A, null, 0.0, null))).containsExactly("INVALID_VALUE sharePct");
        assertThat(refusals(link(LinkType.SHAREHOLDER, PERSON, true, A, null, null, null))).containsExactly("INVALID_VALUE sharePct");
        assertThat(refusals(link(LinkType.BRANCH, B, false, A, "DIRECTOR", 10.0, null))).containsExactly("INVALID_VALUE role", "INVALID_VALUE sharePct");
    }

    @Test
    void aBranchIsAnEnterpriseAndNothingLinksToItself() {
        assertThat(refusals(link(LinkType.BRANCH, PERSON, true, A, null, null, null))).containsExactly("INVALID_VALUE from");
        assertThat(refusals(link(LinkType.BRANCH, A, false, A, null, null, null))).containsExactly("INVALID_VALUE toUscc");
    }

    @Test
    void aLinkEndsNotBeforeItBeganAndTheEndReportsFirst() {
        assertThat(refusals(link(LinkType.BRANCH, A, false, A, null, null, FROM.minusYears(1))))
                .containsExactly("INVALID_VALUE validTo", "INVALID_VALUE toUscc");
        assertThat(link(LinkType.BRANCH, B, false, A, null, null, FROM).violations()).isEmpty();
        assertThat(DirectoryLink.endViolations(FROM, FROM.minusDays(1))).extracting(v -> v.subject()).containsExactly("validTo");
        assertThat(DirectoryLink.endViolations(FROM, FROM)).isEmpty();
    }

    @Test
    void anEnterpriseIsNotEstablishedInTheFuture() {
        LocalDate today = LocalDate.of(2027, 6, 1);
        assertThat(new EnterpriseRecord(Uscc.of(A), today).violations(today)).isEmpty();
        assertThat(new EnterpriseRecord(Uscc.of(A), today.plusDays(1)).violations(today)).extracting(v -> v.kind() + " " + v.subject())
                .containsExactly("INVALID_VALUE establishedOn");
    }
}
