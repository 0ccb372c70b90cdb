package org.supervisionhub.domain.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.inspection.LifecycleDates.Timeline;

/** Every pair of dates LifecycleDates checks, without Spring: the window is 2028, the clock reads 2028-06-15 10:00 +08:00. */
class LifecycleDatesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OffsetDateTime NOW = OffsetDateTime.parse("2028-06-15T10:00:00+08:00");
    static final Timeline WINDOW = Timeline.of(ZONE, LocalDate.parse("2028-03-01"), LocalDate.parse("2028-12-31"))
            .drawn(OffsetDateTime.parse("2028-03-02T09:00:00+08:00"), LocalDate.parse("2028-06-20"));
    /** Drawn, and its inspectors assigned for 2028-06-12, the day the notice announces. */
    static final Timeline ASSIGNED = Timeline.of(ZONE, LocalDate.parse("2028-03-01"), LocalDate.parse("2028-12-31"))
            .drawn(OffsetDateTime.parse("2028-03-02T09:00:00+08:00"), LocalDate.parse("2028-06-12"));
    static final Timeline NOTIFIED = ASSIGNED.notified(OffsetDateTime.parse("2028-06-10T09:00:00+08:00"),
            OffsetDateTime.parse("2028-06-12T09:00:00+08:00"));
    static final Timeline RECORDED = NOTIFIED.conducted(OffsetDateTime.parse("2028-06-12T10:00:00+08:00"));
    static final Timeline APPROVED = RECORDED.result(LocalDate.parse("2028-06-13"), OffsetDateTime.parse("2028-06-14T02:00:00Z"), null);
    static final Timeline PUBLISHED = RECORDED.result(LocalDate.parse("2028-06-13"), OffsetDateTime.parse("2028-06-14T02:00:00Z"),
            OffsetDateTime.parse("2028-06-15T01:00:00Z"));

    static List<String> rules(List<Violation> violations) {
        return violations.stream().map(v -> v.kind() + " " + v.subject() + " " + v.rule()).toList();
    }

    static OffsetDateTime at(String day) {
        return LocalDate.parse(day).atTime(9, 0).atZone(ZONE).toOffsetDateTime();
    }

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void aNoticeAnnouncesTheAssignedDayInTheWindowADayAheadNOTICE01_NOTICE05_NOTICE06_PLAN17() {
        assertThat(LifecycleDates.notice(WINDOW, "visitAt", at("2028-06-20"), NOW, true)).isEmpty();
        assertThat(rules(LifecycleDates.notice(WINDOW, "visitAt", at("2028-06-21"), NOW, true))).containsExactly("CONFLICT visitAt NOTICE-06");
        assertThat(rules(LifecycleDates.notice(WINDOW, "visitAt", NOW.plusHours(2), NOW, true)))
                .containsExactly("INVALID_VALUE visitAt NOTICE-05", "CONFLICT visitAt NOTICE-06");
        assertThat(rules(LifecycleDates.notice(WINDOW, "visitAt", NOW.minusDays(1), NOW, false)))
                .containsExactly("INVALID_VALUE visitAt VISIT-AHEAD", "CONFLICT visitAt NOTICE-06");
        Timeline unassigned = Timeline.of(ZONE, d("2028-03-01"), d("2028-12-31"));
        assertThat(rules(LifecycleDates.notice(unassigned, "visitAt", at("2029-01-05"), NOW, false)))
                .containsExactly("INVALID_VALUE visitAt PLAN-17", "CONFLICT visitAt NOTICE-01");
        Timeline drawnLater = Timeline.of(ZONE, d("2028-03-01"), d("2028-12-31")).drawn(NOW.plusDays(1), d("2028-06-20"));
        assertThat(rules(LifecycleDates.notice(drawnLater, "visitAt", at("2028-06-20"), NOW, false))).containsExactly("INVALID_VALUE visitAt NOTICE-01");
    }

    @Test
    void anOnSiteRecordIsInTheWindowNotInTheFutureNorBeforeTheNotifiedVisitPLAN17_NOTICE06() {
        assertThat(LifecycleDates.record(NOTIFIED, "conductedAt", at("2028-06-12"), NOW)).isEmpty();
        assertThat(rules(LifecycleDates.record(WINDOW, "conductedAt", at("2026-05-20"), NOW))).containsExactly("INVALID_VALUE conductedAt PLAN-17");
        assertThat(rules(LifecycleDates.record(WINDOW.result(null, null, null), "conductedAt", NOW.plusHours(1), NOW)))
                .containsExactly("INVALID_VALUE conductedAt DATE-NOT-IN-FUTURE");
        Timeline closed = Timeline.of(ZONE, d("2028-01-01"), d("2028-02-28"));
        assertThat(rules(LifecycleDates.record(closed, "conductedAt", at("2028-06-01"), NOW))).containsExactly("INVALID_VALUE conductedAt PLAN-17");
        assertThat(rules(LifecycleDates.record(NOTIFIED, "conductedAt", at("2028-06-11"), NOW))).containsExactly("INVALID_VALUE conductedAt NOTICE-06");
    }

    @Test
    void evidenceIsCollectedOnceTheWindowOpenedAndOnSiteNotBeforeTheVisitPLAN17_NOTICE06_ONSITE07() {
        assertThat(LifecycleDates.evidence(RECORDED, "inspectionId", NOW, true)).isEmpty();
        Timeline future = Timeline.of(ZONE, d("2031-03-03"), d("2031-12-31"));
        assertThat(rules(LifecycleDates.evidence(future, "inspectionId", NOW, false))).containsExactly("INVALID_VALUE inspectionId PLAN-17");
        Timeline visitAhead = WINDOW.notified(NOW.minusDays(1), NOW.plusDays(2));
        assertThat(rules(LifecycleDates.evidence(visitAhead, "inspectionId", NOW, true))).containsExactly("INVALID_VALUE inspectionId NOTICE-06");
        assertThat(LifecycleDates.evidence(visitAhead, "inspectionId", NOW, false)).isEmpty();
        Timeline recordedLater = WINDOW.conducted(NOW.plusDays(1));
        assertThat(rules(LifecycleDates.evidence(recordedLater, "inspectionId", NOW, true))).containsExactly("INVALID_VALUE inspectionId ONSITE-07");
    }

    @Test
    void aResultEndsInTheWindowNotInTheFutureNotBeforeTheVisitOrTheRecordsStartPLAN17_NOTICE06_FOLLOW01() {
        assertThat(LifecycleDates.result(RECORDED, "input.", d("2028-06-13"), d("2028-07-13"), NOW)).isEmpty();
        assertThat(rules(LifecycleDates.result(ASSIGNED, "input.", d("2026-11-02"), null, NOW)))
                .containsExactly("INVALID_VALUE input.endedOn PLAN-17", "INVALID_VALUE input.endedOn END-NOT-BEFORE-SCHEDULED-VISIT");
        assertThat(rules(LifecycleDates.result(ASSIGNED, "input.", d("2028-06-16"), null, NOW))).containsExactly("INVALID_VALUE input.endedOn DATE-NOT-IN-FUTURE");
        assertThat(rules(LifecycleDates.result(NOTIFIED, "input.", d("2028-06-11"), null, NOW))).containsExactly("INVALID_VALUE input.endedOn NOTICE-06");
        Timeline recordedOn14 = ASSIGNED.conducted(at("2028-06-14"));
        assertThat(rules(LifecycleDates.result(recordedOn14, "input.", d("2028-06-13"), null, NOW)))
                .containsExactly("INVALID_VALUE input.endedOn END-NOT-BEFORE-START");
        assertThat(rules(LifecycleDates.result(RECORDED, "input.", d("2028-06-13"), d("2028-06-13"), NOW)))
                .containsExactly("INVALID_VALUE input.rectificationDeadline FOLLOW-01");
    }

    @Test
    void aResultEndsNeitherBeforeTheVisitItsTeamWasAssignedForNorBeforeTheDrawEndNotBeforeScheduledVisit() {
        // Assigned for 2028-06-20 (WINDOW): a result dated the 13th would record work done a week before the team was sent.
        assertThat(rules(LifecycleDates.result(WINDOW, "input.", d("2028-06-13"), null, NOW.plusDays(10))))
                .containsExactly("INVALID_VALUE input.endedOn END-NOT-BEFORE-SCHEDULED-VISIT");
        assertThat(LifecycleDates.result(WINDOW, "input.", d("2028-06-20"), null, NOW.plusDays(10))).isEmpty();
        // Drawn on 2028-05-02 with no team assigned yet: not before the draw.
        Timeline drawnOnly = Timeline.of(ZONE, d("2028-03-01"), d("2028-12-31")).drawn(at("2028-05-02"), null);
        assertThat(rules(LifecycleDates.result(drawnOnly, "input.", d("2028-05-01"), null, NOW)))
                .containsExactly("INVALID_VALUE input.endedOn END-NOT-BEFORE-SCHEDULED-VISIT");
        assertThat(LifecycleDates.result(drawnOnly, "input.", d("2028-05-02"), null, NOW)).isEmpty();
    }

    @Test
    void approvalAndPublicationFollowTheResultsOwnDateItsApprovalTheWindowAndTheVisitPUB03_APPR04_PLAN17_NOTICE06() {
        assertThat(LifecycleDates.approval(RECORDED.result(d("2028-06-13"), null, null), "id", NOW)).isEmpty();
        assertThat(rules(LifecycleDates.approval(RECORDED.result(d("2028-06-16"), null, null), "id", NOW)))
                .containsExactly("INVALID_VALUE id APPROVAL-NOT-BEFORE-RESULT");
        assertThat(LifecycleDates.publication(APPROVED, "id", NOW)).isEmpty();
        assertThat(rules(LifecycleDates.publication(RECORDED.result(d("2028-06-16"), NOW.minusDays(1), null), "id", NOW)))
                .containsExactly("INVALID_VALUE id PUB-03");
        assertThat(rules(LifecycleDates.publication(RECORDED.result(d("2028-06-13"), NOW.plusDays(1), null), "id", NOW)))
                .containsExactly("INVALID_VALUE id APPR-04");
        // The case the issue reported: a result dated 2026 on a task whose window is 2031, published in 2028 before the window and the visit.
        Timeline later = Timeline.of(ZONE, d("2031-03-03"), d("2031-12-31")).drawn(null, d("2031-05-20"))
                .notified(NOW.minusDays(1), at("2031-05-20")).result(d("2026-11-02"), NOW.minusHours(1), null);
        assertThat(rules(LifecycleDates.publication(later, "id", NOW))).containsExactly("INVALID_VALUE id PLAN-17", "INVALID_VALUE id NOTICE-06");
    }

    @Test
    void feedbackFollowsTheEndTheApprovalAndThePublicationPUB09_PUB08() {
        assertThat(LifecycleDates.feedback(PUBLISHED, "givenOn", d("2028-06-15"), NOW)).isEmpty();
        assertThat(rules(LifecycleDates.feedback(PUBLISHED, "givenOn", d("2028-06-16"), NOW))).containsExactly("INVALID_VALUE givenOn DATE-NOT-IN-FUTURE");
        assertThat(rules(LifecycleDates.feedback(PUBLISHED, "givenOn", d("2028-06-12"), NOW)))
                .containsExactly("INVALID_VALUE givenOn PUB-09", "INVALID_VALUE givenOn PUB-09", "INVALID_VALUE givenOn PUB-08");
        assertThat(rules(LifecycleDates.feedback(PUBLISHED, "givenOn", d("2028-06-14"), NOW))).containsExactly("INVALID_VALUE givenOn PUB-08");
    }

    @Test
    void objectionsCorrectionsCasesAndReferralsFollowTheResultOBJ01_FOLLOW01_FOLLOW06_FOLLOW07() {
        assertThat(LifecycleDates.objection(PUBLISHED, "receivedOn", d("2028-06-15"), NOW)).isEmpty();
        assertThat(rules(LifecycleDates.objection(PUBLISHED, "receivedOn", d("2028-06-14"), NOW))).containsExactly("INVALID_VALUE receivedOn OBJ-01");
        assertThat(rules(LifecycleDates.objection(PUBLISHED, "receivedOn", d("2028-06-16"), NOW)))
                .containsExactly("INVALID_VALUE receivedOn DATE-NOT-IN-FUTURE");
        assertThat(rules(LifecycleDates.rectified(APPROVED, "rectifiedOn", d("2028-06-12"), NOW))).containsExactly("INVALID_VALUE rectifiedOn FOLLOW-01");
        assertThat(rules(LifecycleDates.rectified(APPROVED, "rectifiedOn", d("2099-01-01"), NOW)))
                .containsExactly("INVALID_VALUE rectifiedOn DATE-NOT-IN-FUTURE");
        assertThat(LifecycleDates.followUp(APPROVED, "openedOn", d("2028-06-14"), "FOLLOW-06", NOW)).isEmpty();
        assertThat(rules(LifecycleDates.followUp(APPROVED, "openedOn", d("2028-06-12"), "FOLLOW-06", NOW))).containsExactly("INVALID_VALUE openedOn FOLLOW-06");
        assertThat(rules(LifecycleDates.followUp(APPROVED, "referredOn", d("2028-06-16"), "FOLLOW-07", NOW)))
                .containsExactly("INVALID_VALUE referredOn DATE-NOT-IN-FUTURE");
    }

    @Test
    void penaltiesAndClosingFollowTheCaseAndNonCooperationLiesInTheWindowFOLLOW10_PLAN17() {
        assertThat(LifecycleDates.penalty(ZONE, "decidedOn", d("2028-06-14"), d("2028-06-14"), NOW)).isEmpty();
        assertThat(rules(LifecycleDates.penalty(ZONE, "decidedOn", d("2028-06-13"), d("2028-06-14"), NOW))).containsExactly("INVALID_VALUE decidedOn FOLLOW-10");
        assertThat(LifecycleDates.caseClosed(ZONE, "closedOn", d("2028-06-15"), d("2028-06-01"), d("2028-06-10"), NOW)).isEmpty();
        assertThat(rules(LifecycleDates.caseClosed(ZONE, "closedOn", d("2028-06-05"), d("2028-06-01"), d("2028-06-10"), NOW)))
                .containsExactly("INVALID_VALUE closedOn FOLLOW-10");
        assertThat(rules(LifecycleDates.caseClosed(ZONE, "closedOn", d("2028-05-30"), d("2028-06-01"), null, NOW)))
                .containsExactly("INVALID_VALUE closedOn FOLLOW-06");
        assertThat(LifecycleDates.nonCooperation(WINDOW, "occurredOn", d("2028-06-01"), NOW)).isEmpty();
        assertThat(rules(LifecycleDates.nonCooperation(WINDOW, "occurredOn", d("2026-06-01"), NOW))).containsExactly("INVALID_VALUE occurredOn PLAN-17");
        assertThat(rules(LifecycleDates.nonCooperation(WINDOW, "occurredOn", d("2028-06-16"), NOW)))
                .containsExactly("INVALID_VALUE occurredOn DATE-NOT-IN-FUTURE");
    }

    @Test
    void aFileIsArchivedAfterItsResultWasApprovedAndPublishedARCH01() {
        assertThat(LifecycleDates.archive(PUBLISHED, "inspectionId", NOW)).isEmpty();
        assertThat(rules(LifecycleDates.archive(PUBLISHED, "inspectionId", NOW.minusDays(1)))).containsExactly("INVALID_VALUE inspectionId ARCH-01");
        assertThat(rules(LifecycleDates.archive(APPROVED, "inspectionId", NOW.minusDays(2)))).containsExactly("INVALID_VALUE inspectionId ARCH-01");
        assertThat(rules(LifecycleDates.archive(APPROVED, "inspectionId", NOW.minusDays(3))))
                .containsExactly("INVALID_VALUE inspectionId ARCH-01", "INVALID_VALUE inspectionId ARCH-01");
    }
}
