package org.supervisionhub.domain.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.inspection.OnSiteRecord.Certificate;
import org.supervisionhub.domain.inspection.OnSiteRecord.Finding;
import org.supervisionhub.domain.inspection.OnSiteRecord.Presence;

/** Every rule {@link OnSiteInspection} guards, without a database: each test names the rule it checks. */
class OnSiteInspectionTest {

    static final InspectionId ID = new InspectionId("INS-1");
    static final LocalDate DAY = LocalDate.of(2027, 5, 10);
    static final Set<String> TEAM = Set.of("I-1", "I-2", "I-3");
    static final OnSiteInspection FRESH = new OnSiteInspection(ID, true, false, false, TEAM, Set.of("ITEM-1", "ITEM-2"));
    static final Map<String, Certificate> CERTIFICATES = Map.of("I-1", new Certificate("C-1", null), "I-2", new Certificate("C-2", DAY),
            "I-3", new Certificate("C-3", null));
    static final List<Presence> TWO = List.of(new Presence("I-1", "C-1"), new Presence("I-2", "C-2"));
    static final List<Finding> FACTS = List.of(new Finding("ITEM-1", "劳动合同齐全"));

    static OnSiteRecord signed(List<Finding> findings, List<Presence> present) {
        return new OnSiteRecord(DAY, findings, present, "张三", true, null);
    }

    @Test
    void anUnannouncedTaskGetsNoNoticeAndAnInspectionOneNOTICE07_NOTICE01() {
        assertThat(FRESH.noticeable("T-1")).isEmpty();
        assertThat(refusals(new OnSiteInspection(ID, false, false, false, TEAM, null).noticeable("T-1"))).containsExactly("CONFLICT id NOTICE-07");
        assertThat(refusals(new OnSiteInspection(ID, true, true, false, TEAM, null).noticeable("T-1"))).containsExactly("CONFLICT id NOTICE-01");
        assertThat(refusals(new OnSiteInspection(ID, true, true, false, TEAM, null).notice(true, NoticeChannel.POST, List.of()).violations()))
                .containsExactly("CONFLICT id NOTICE-01");
    }

    @Test
    void aNoticeToAMarketSubjectIsAlsoServedAndOneOnProductsOnlyPublishedNOTICE04_NOTICE05() {
        assertThat(FRESH.notice(true, NoticeChannel.POST, List.of("劳动合同")))
                .isEqualTo(Outcome.done(List.of(NoticeChannel.PUBLICITY_SYSTEM, NoticeChannel.POST)));
        assertThat(FRESH.notice(true, NoticeChannel.DIRECT_SERVICE, List.of()))
                .isEqualTo(Outcome.done(List.of(NoticeChannel.PUBLICITY_SYSTEM, NoticeChannel.DIRECT_SERVICE)));
        assertThat(refusals(FRESH.notice(true, null, List.of()).violations())).containsExactly("REQUIRED delivery NOTICE-05");
        assertThat(refusals(FRESH.notice(true, NoticeChannel.PUBLICITY_SYSTEM, List.of()).violations())).containsExactly("REQUIRED delivery NOTICE-05");
        assertThat(FRESH.notice(false, null, List.of())).isEqualTo(Outcome.done(List.of(NoticeChannel.PUBLICITY_SYSTEM)));
        assertThat(refusals(FRESH.notice(false, NoticeChannel.POST, List.of()).violations())).containsExactly("INVALID_VALUE delivery NOTICE-04");
    }

    @Test
    void aNoticeListsTheMaterialsToSubmitNoneBlankNOTICE02() {
        assertThat(refusals(FRESH.notice(false, null, null).violations())).containsExactly("INVALID_VALUE materials NOTICE-02");
        assertThat(refusals(FRESH.notice(true, null, List.of("劳动合同", " ")).violations()))
                .as("every violation at once").containsExactly("INVALID_VALUE materials NOTICE-02", "REQUIRED delivery NOTICE-05");
    }

    @Test
    void theRecordIsMadeOnceAndNotChangedONSITE03() {
        assertThat(FRESH.recordable()).isEmpty();
        OnSiteInspection recorded = new OnSiteInspection(ID, true, true, true, TEAM, Set.of("ITEM-1"));
        assertThat(refusals(recorded.recordable())).containsExactly("IMMUTABLE id ONSITE-03");
        assertThat(refusals(recorded.recordViolations(signed(FACTS, TWO), CERTIFICATES, false))).containsExactly("IMMUTABLE id ONSITE-03");
    }

    @Test
    void theRecordStatesTheFactsItemByItemForTheInspectionsItemsONSITE01() {
        assertThat(FRESH.recordViolations(signed(FACTS, TWO), CERTIFICATES, false)).isEmpty();
        assertThat(refusals(FRESH.recordViolations(signed(List.of(), TWO), CERTIFICATES, false))).containsExactly("REQUIRED findings ONSITE-01");
        assertThat(refusals(FRESH.recordViolations(signed(List.of(new Finding("NOT-AN-ITEM", "x")), TWO), CERTIFICATES, false)))
                .containsExactly("INVALID_VALUE findings[0].itemCode ONSITE-01");
        assertThat(refusals(FRESH.recordViolations(signed(List.of(new Finding("ITEM-1", "x"), new Finding("ITEM-1", " ")), TWO), CERTIFICATES, false)))
                .containsExactly("CONFLICT findings[1].itemCode null", "REQUIRED findings[1].facts null");
    }

    @Test
    void atLeastTwoOfTheTeamTakePartEachShowingTheirValidCertificateONSITE02() {
        assertThat(refusals(FRESH.recordViolations(signed(FACTS, TWO.subList(0, 1)), CERTIFICATES, false))).containsExactly("INVALID_VALUE present ONSITE-02");
        assertThat(refusals(FRESH.recordViolations(signed(FACTS, List.of(new Presence("I-1", "C-1"), new Presence("I-1", "C-1"))), CERTIFICATES,
                false))).as("two distinct inspectors").containsExactly("INVALID_VALUE present ONSITE-02");
        assertThat(refusals(FRESH.recordViolations(signed(FACTS, List.of(new Presence("I-1", "C-1"), new Presence("I-2", "C-9"))), CERTIFICATES, false)))
                .containsExactly("INVALID_VALUE present[1].certificateNo ONSITE-02");
        assertThat(refusals(FRESH.recordViolations(signed(FACTS, List.of(new Presence("I-1", "C-1"), new Presence("X-9", "C-9"))), CERTIFICATES, false)))
                .containsExactly("INVALID_VALUE present[1].inspectorId ONSITE-02", "INVALID_VALUE present[1].certificateNo ONSITE-02");
        OnSiteRecord dayAfterExpiry = new OnSiteRecord(DAY.plusDays(1), FACTS, TWO, "张三", true, null);
        assertThat(refusals(FRESH.recordViolations(dayAfterExpiry, CERTIFICATES, false))).containsExactly("INVALID_VALUE present[1].certificateNo ONSITE-02");
    }

    @Test
    void theTargetSignsOrTheReasonItDidNotIsNotedONSITE04_ONSITE05() {
        assertThat(refusals(FRESH.recordViolations(new OnSiteRecord(DAY, FACTS, TWO, null, false, null), CERTIFICATES, false)))
                .containsExactly("INVALID_VALUE signedBy ONSITE-04");
        assertThat(refusals(FRESH.recordViolations(new OnSiteRecord(DAY, FACTS, TWO, "张三", true, "拒签"), CERTIFICATES, false)))
                .containsExactly("INVALID_VALUE signedBy ONSITE-04");
        assertThat(refusals(FRESH.recordViolations(new OnSiteRecord(DAY, FACTS, TWO, "张三", false, null), CERTIFICATES, false)))
                .containsExactly("REQUIRED signerRole ONSITE-04");
        assertThat(FRESH.recordViolations(new OnSiteRecord(DAY, FACTS, TWO, null, false, "拒签"), CERTIFICATES, false)).isEmpty();
    }

    @Test
    void inQingdaoARefusalToSignIsSignedByTheWholeTeamONSITE06() {
        OnSiteRecord refused = new OnSiteRecord(DAY, FACTS, TWO, null, false, "拒签");
        assertThat(refusals(FRESH.recordViolations(refused, CERTIFICATES, true))).containsExactly("INVALID_VALUE present ONSITE-06");
        OnSiteRecord all = new OnSiteRecord(DAY, FACTS, List.of(new Presence("I-1", "C-1"), new Presence("I-2", "C-2"), new Presence("I-3", "C-3")),
                null, false, "拒签");
        assertThat(FRESH.recordViolations(all, CERTIFICATES, true)).isEmpty();
        assertThat(FRESH.recordViolations(signed(FACTS, TWO), CERTIFICATES, true)).as("a signed record is not signed by the whole team").isEmpty();
    }

    @Test
    void aCopyCarriesTheTargetsSealAndAThirdPartyCertificationItsSealOrSignatureEVID05() {
        assertThat(EvidenceType.DOCUMENTARY.mustBeSealed()).isTrue();
        assertThat(EvidenceType.THIRD_PARTY_CERTIFICATION.mustBeSealed()).isTrue();
        assertThat(java.util.Arrays.stream(EvidenceType.values()).filter(EvidenceType::mustBeSealed)).hasSize(2);
    }
}
