package org.supervisionhub.domain.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * Dates of one inspection's lifecycle that must agree with each other, checked here and nowhere else. Each event of the
 * lifecycle (notice, on-site record, evidence, result, approval, publication, feedback, objection, correction, case,
 * penalty, referral, non-cooperation, archive) has one method that returns what is wrong with its date against the
 * dates already known ({@link Timeline}) and the clock's now. Pure. Each violation's subject is the {@code field} (or
 * {@code prefix}) the caller names, so an adapter reports it at that path as it is.
 *
 * <p>The pairs, with the DOMAIN rule where one applies (otherwise a rule name):
 * <ul>
 * <li>anything that has happened is not in the future ({@value #NOT_IN_FUTURE});</li>
 * <li>the notified visit, the on-site record, the result's end and non-cooperation lie in the task's window (PLAN-17);</li>
 * <li>the notice follows the draw (NOTICE-01);</li>
 * <li>the notice announces the day the inspectors were assigned for (NOTICE-01 needs them assigned; NOTICE-06 the time told),
 * in the future, a market subject at least 24 hours ahead (NOTICE-05);</li>
 * <li>the on-site record, on-site evidence, the result's end and the publication are not before the notified visit (NOTICE-06);</li>
 * <li>a result does not end before its on-site record started ({@value #END_NOT_BEFORE_START}), nor before its draw or the
 * visit its inspectors were assigned for ({@value #END_NOT_BEFORE_VISIT}); an ordered correction's
 * deadline is after the end (FOLLOW-01);</li>
 * <li>approval is not before the result's end ({@value #APPROVED_AFTER_RESULT}); publication not before the result's own date
 * (PUB-03 counts from it), its approval (APPR-04), the window's opening (PLAN-17) or the notified visit (NOTICE-06);</li>
 * <li>feedback is not before the result's end or approval (PUB-09), nor before its publication where it is published first (PUB-08);</li>
 * <li>an objection is not before the publication (OBJ-01); a correction, case or referral not before the result's end
 * (FOLLOW-01, FOLLOW-06, FOLLOW-07); a penalty decision not before its case opened, a case not closed before it opened or
 * before its penalty decision (FOLLOW-10);</li>
 * <li>a file is not archived before its result was approved or published (ARCH-01).</li>
 * </ul>
 */
public final class LifecycleDates {

    public static final String NOT_IN_FUTURE = "DATE-NOT-IN-FUTURE";
    /** A notice announces a visit still to come. */
    public static final String VISIT_AHEAD = "VISIT-AHEAD";
    public static final String END_NOT_BEFORE_START = "END-NOT-BEFORE-START";
    /** An inspection ends neither before the draw that selected its target nor before the visit its team was assigned for. */
    public static final String END_NOT_BEFORE_VISIT = "END-NOT-BEFORE-SCHEDULED-VISIT";
    public static final String APPROVED_AFTER_RESULT = "APPROVAL-NOT-BEFORE-RESULT";
    static final Kind INVALID = Kind.INVALID_VALUE;
    static final Kind CONFLICT = Kind.CONFLICT;
    /** NOTICE-05 as the hub applies it: a market subject has the notice in hand at least 24 hours before the visit. */
    static final java.time.Duration MARKET_SUBJECT_NOTICE = java.time.Duration.ofHours(24);

    /**
     * What is known of one inspection's dates; null where not (yet) known. {@code plannedOn} is the day its inspectors were
     * assigned for: the one scheduled visit date that the notice and joint visits follow.
     */
    public record Timeline(ZoneId zone, LocalDate windowStart, LocalDate windowEnd, OffsetDateTime drawnAt, LocalDate plannedOn,
                           OffsetDateTime noticeIssuedAt, OffsetDateTime notifiedVisitAt, OffsetDateTime conductedAt,
                           LocalDate endedOn, OffsetDateTime approvedAt, OffsetDateTime publishedAt) {

        public static Timeline of(ZoneId zone, LocalDate windowStart, LocalDate windowEnd) {
            return new Timeline(zone, windowStart, windowEnd, null, null, null, null, null, null, null, null);
        }

        public Timeline drawn(OffsetDateTime at, LocalDate planned) {
            return new Timeline(zone, windowStart, windowEnd, at, planned, noticeIssuedAt, notifiedVisitAt, conductedAt, endedOn, approvedAt, publishedAt);
        }

        public Timeline notified(OffsetDateTime issued, OffsetDateTime visit) {
            return new Timeline(zone, windowStart, windowEnd, drawnAt, plannedOn, issued, visit, conductedAt, endedOn, approvedAt, publishedAt);
        }

        public Timeline conducted(OffsetDateTime at) {
            return new Timeline(zone, windowStart, windowEnd, drawnAt, plannedOn, noticeIssuedAt, notifiedVisitAt, at, endedOn, approvedAt, publishedAt);
        }

        public Timeline result(LocalDate ended, OffsetDateTime approved, OffsetDateTime published) {
            return new Timeline(zone, windowStart, windowEnd, drawnAt, plannedOn, noticeIssuedAt, notifiedVisitAt, conductedAt, ended, approved, published);
        }

        /** The regulators' calendar day of an instant. */
        public LocalDate day(OffsetDateTime at) {
            return at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
        }
    }

    private LifecycleDates() {
    }

    /** Collects the violations of one event. */
    private static final class Found {
        final Timeline t;
        final String field;
        final List<Violation> list = new ArrayList<>();

        Found(Timeline t, String field) {
            this.t = t;
            this.field = field;
        }

        Found check(boolean ok, Kind kind, String why, String rule) {
            if (!ok) {
                list.add(new Violation(kind, field, why, rule));
            }
            return this;
        }

        /** {@code day} is not after today. */
        Found notFuture(LocalDate day, OffsetDateTime now) {
            return check(day == null || !day.isAfter(t.day(now)), INVALID, day + " is in the future", NOT_IN_FUTURE);
        }

        /** {@code day} lies in the task's window (PLAN-17). */
        Found inWindow(LocalDate day) {
            return check(day == null || t.windowStart() == null || !day.isBefore(t.windowStart()), INVALID,
                    day + " is before the task's window opens on " + t.windowStart(), "PLAN-17")
                    .check(day == null || t.windowEnd() == null || !day.isAfter(t.windowEnd()), INVALID,
                            day + " is after the task's window closed on " + t.windowEnd(), "PLAN-17");
        }

        /** {@code day} is not before {@code other} (named {@code what}). */
        Found notBefore(LocalDate day, LocalDate other, String what, String rule) {
            return check(day == null || other == null || !day.isBefore(other), INVALID, day + " is before " + what + " on " + other, rule);
        }

        Found afterDraw(LocalDate day) {
            return notBefore(day, t.day(t.drawnAt()), "the draw", "NOTICE-01");
        }

        Found afterNotifiedVisit(LocalDate day) {
            return notBefore(day, t.day(t.notifiedVisitAt()), "the visit the notice announced", "NOTICE-06");
        }

        List<Violation> done() {
            return List.copyOf(list);
        }
    }

    /**
     * NOTICE-01, NOTICE-05, NOTICE-06, PLAN-17: a notice issued {@code now} announces a visit on the day the inspectors were
     * assigned for, inside the window, after the draw, in the future (a market subject's at least 24 hours ahead).
     */
    public static List<Violation> notice(Timeline t, String field, OffsetDateTime visitAt, OffsetDateTime now, boolean marketSubject) {
        Found f = new Found(t, field);
        if (visitAt == null) {
            return f.done();
        }
        LocalDate day = t.day(visitAt);
        f.check(visitAt.isAfter(now), INVALID, "the announced visit " + visitAt + " is not ahead of the notice", VISIT_AHEAD);
        f.check(!marketSubject || !visitAt.isBefore(now.plus(MARKET_SUBJECT_NOTICE)), INVALID, "at least 24 hours after the notice", "NOTICE-05");
        f.inWindow(day);
        f.afterDraw(t.day(now));
        f.check(t.plannedOn() != null, CONFLICT, "no inspectors are assigned yet (assignInspectors): the notice follows the draw of targets"
                + " and inspectors and announces the day they were assigned for", "NOTICE-01");
        f.check(t.plannedOn() == null || t.plannedOn().equals(day), CONFLICT, "the inspectors were assigned for " + t.plannedOn()
                + ": the notice announces that day, not " + day, "NOTICE-06");
        return f.done();
    }

    /** PLAN-17, NOTICE-06: the on-site record of an inspection conducted at {@code conductedAt}. */
    public static List<Violation> record(Timeline t, String field, OffsetDateTime conductedAt, OffsetDateTime now) {
        Found f = new Found(t, field);
        if (conductedAt == null) {
            return f.done();
        }
        f.check(!conductedAt.isAfter(now), INVALID, conductedAt + " is in the future", NOT_IN_FUTURE);
        LocalDate day = t.day(conductedAt);
        return f.inWindow(day).afterNotifiedVisit(day).done();
    }

    /**
     * Evidence collected {@code now}: not before the task's window opens; collected on site, not before the
     * notified visit or the on-site record (NOTICE-06, ONSITE-07). Evidence may follow the window (statements, OBJ-03).
     */
    public static List<Violation> evidence(Timeline t, String field, OffsetDateTime now, boolean onSite) {
        Found f = new Found(t, field);
        LocalDate today = t.day(now);
        f.check(t.windowStart() == null || !today.isBefore(t.windowStart()), INVALID,
                "evidence is collected once the task's window has opened on " + t.windowStart(), "PLAN-17");
        if (onSite) {
            f.afterNotifiedVisit(today);
            f.notBefore(today, t.day(t.conductedAt()), "the on-site inspection", "ONSITE-07");
        }
        return f.done();
    }

    /**
     * A result whose inspection ended on {@code endedOn} (prefix names the input): not in the future, in the window, not
     * before the notified visit or the on-site record's start; an ordered correction's deadline after it.
     */
    public static List<Violation> result(Timeline t, String prefix, LocalDate endedOn, LocalDate rectificationDeadline, OffsetDateTime now) {
        Found f = new Found(t, prefix + "endedOn");
        f.notFuture(endedOn, now).inWindow(endedOn).afterNotifiedVisit(endedOn)
                .notBefore(endedOn, t.day(t.conductedAt()), "the on-site record's start", END_NOT_BEFORE_START)
                // With a notice, NOTICE-06 above already holds the result to the announced (= assigned) day.
                .notBefore(endedOn, t.notifiedVisitAt() != null ? null : t.plannedOn() != null ? t.plannedOn() : t.day(t.drawnAt()),
                        t.plannedOn() != null ? "the visit its inspectors were assigned for" : "the draw that selected the enterprise",
                        END_NOT_BEFORE_VISIT);
        List<Violation> all = new ArrayList<>(f.done());
        all.addAll(rectificationDeadline(t, prefix, endedOn, rectificationDeadline));
        return List.copyOf(all);
    }

    /** FOLLOW-01: the rectification order's deadline lies after the inspection ended. */
    public static List<Violation> rectificationDeadline(Timeline t, String prefix, LocalDate endedOn, LocalDate deadline) {
        return new Found(t, prefix + "rectificationDeadline").check(deadline == null || endedOn == null || deadline.isAfter(endedOn), INVALID,
                "after the inspection ended on " + endedOn, "FOLLOW-01").done();
    }

    /** An approval made {@code now} is not before the result's own date. */
    public static List<Violation> approval(Timeline t, String field, OffsetDateTime now) {
        return new Found(t, field).notBefore(t.day(now), t.endedOn(), "the result's end", APPROVED_AFTER_RESULT).done();
    }

    /** A publication made {@code now}: not before the result's date (PUB-03), its approval (APPR-04), the window (PLAN-17) or the notified visit. */
    public static List<Violation> publication(Timeline t, String field, OffsetDateTime now) {
        LocalDate today = t.day(now);
        return new Found(t, field).notBefore(today, t.endedOn(), "the result's own date", "PUB-03")
                .notBefore(today, t.day(t.approvedAt()), "its approval", "APPR-04")
                .notBefore(today, t.windowStart(), "the task's window opened", "PLAN-17")
                .afterNotifiedVisit(today).done();
    }

    /** PUB-09, PUB-08: feedback given on {@code givenOn}. */
    public static List<Violation> feedback(Timeline t, String field, LocalDate givenOn, OffsetDateTime now) {
        return new Found(t, field).notFuture(givenOn, now).notBefore(givenOn, t.endedOn(), "the inspection ended", "PUB-09")
                .notBefore(givenOn, t.day(t.approvedAt()), "the result's approval", "PUB-09")
                .notBefore(givenOn, t.day(t.publishedAt()), "its publication", "PUB-08").done();
    }

    /** OBJ-01: an objection received on {@code receivedOn}, to the publication. */
    public static List<Violation> objection(Timeline t, String field, LocalDate receivedOn, OffsetDateTime now) {
        return new Found(t, field).notFuture(receivedOn, now).notBefore(receivedOn, t.day(t.publishedAt()), "the publication", "OBJ-01").done();
    }

    /** FOLLOW-01: an ordered correction made on {@code rectifiedOn}. */
    public static List<Violation> rectified(Timeline t, String field, LocalDate rectifiedOn, OffsetDateTime now) {
        return new Found(t, field).notFuture(rectifiedOn, now).notBefore(rectifiedOn, t.endedOn(), "the inspection ended", "FOLLOW-01").done();
    }

    /** FOLLOW-06, FOLLOW-07: a case opened or a lead referred on {@code day}, from the result's findings. */
    public static List<Violation> followUp(Timeline t, String field, LocalDate day, String rule, OffsetDateTime now) {
        return new Found(t, field).notFuture(day, now).notBefore(day, t.endedOn(), "the inspection ended", rule).done();
    }

    /** NONCOOP-02: serious non-cooperation during the inspection: in its window, not in the future. */
    public static List<Violation> nonCooperation(Timeline t, String field, LocalDate occurredOn, OffsetDateTime now) {
        return new Found(t, field).notFuture(occurredOn, now).inWindow(occurredOn).done();
    }

    /** FOLLOW-10: a penalty decided on {@code decidedOn} in a case opened on {@code caseOpenedOn}. */
    public static List<Violation> penalty(ZoneId zone, String field, LocalDate decidedOn, LocalDate caseOpenedOn, OffsetDateTime now) {
        return new Found(Timeline.of(zone, null, null), field).notFuture(decidedOn, now)
                .notBefore(decidedOn, caseOpenedOn, "the case opened", "FOLLOW-10").done();
    }

    /** FOLLOW-10: a case closed on {@code closedOn}: not before it opened, nor before its last penalty decision. */
    public static List<Violation> caseClosed(ZoneId zone, String field, LocalDate closedOn, LocalDate openedOn, LocalDate lastPenaltyOn,
                                             OffsetDateTime now) {
        return new Found(Timeline.of(zone, null, null), field).notFuture(closedOn, now)
                .notBefore(closedOn, openedOn, "the case opened", "FOLLOW-06")
                .notBefore(closedOn, lastPenaltyOn, "its penalty decision", "FOLLOW-10").done();
    }

    /** ARCH-01: a file archived {@code now}, after its result was approved and, where it was, published. */
    public static List<Violation> archive(Timeline t, String field, OffsetDateTime now) {
        LocalDate today = t.day(now);
        return new Found(t, field).notBefore(today, t.day(t.approvedAt()), "the result's approval", "ARCH-01")
                .notBefore(today, t.day(t.publishedAt()), "the result's publication", "ARCH-01")
                .notBefore(today, t.endedOn(), "the inspection ended", "ARCH-01").done();
    }
}
