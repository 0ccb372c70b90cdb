package org.supervisionhub.api.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.graph.calendar.DeadlineRepository;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineChange;
import org.supervisionhub.graph.calendar.Deadlines.StoredDeadline;
import org.supervisionhub.graph.store.Page;

/**
 * Keeps the stored working-day deadlines (PUB-03, PUB-04, PUB-06) in step with the holiday data: on start and on
 * {@code reloadCalendar} every provisional deadline (and every one whose period the changed data touches) is computed
 * again from its stored inputs (n working days after its start day); each one that moves, or changes basis, is
 * updated and recorded as a {@code DeadlineChange} (before, after, when, why, by whom) on its owner.
 */
@Service
public class CalendarService {

    /** How far ahead the holiday data must reach for the calendar health to be UP. */
    public static final int HORIZON_DAYS = 90;

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    /** What a reload found and did. */
    public record Reload(Coverage coverage, List<DeadlineChange> recomputed, long provisionalRemaining)
            implements org.supervisionhub.api.audit.MutationAudit.AffectsIds {
        /** The mutation's audit event names every result and penalty decision whose deadline was recomputed. */
        @Override
        public List<String> affectedIds() {
            return recomputed.stream().map(DeadlineChange::ownerId).distinct().toList();
        }
    }

    /** The data in use: where from, which years it covers, the first day of the next {@link #HORIZON_DAYS} it does not. */
    public record Coverage(List<String> sources, List<Integer> coveredYears, LocalDate firstUncoveredDay, int horizonDays,
                           List<String> replaced) {
    }

    private final WorkingDayCalendar calendar;
    private final DeadlineRepository deadlines;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean warnUncovered;

    public CalendarService(WorkingDayCalendar calendar, DeadlineRepository deadlines, PlatformTransactionManager transactionManager,
                           Clock clock, CalendarProperties properties) {
        this.warnUncovered = properties == null || properties.warnsUncovered();
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Coverage coverage() {
        CalendarData d = calendar.data();
        return new Coverage(d.sources(), List.copyOf(d.years()), calendar.firstUncoveredDay(today(), HORIZON_DAYS), HORIZON_DAYS,
                d.replaced());
    }

    /**
     * Reads the holiday data again (bundled file and {@code hub.calendar.location}) and recomputes the deadlines it
     * affects, in the caller's transaction; the new data is used once that commits. Invalid data changes nothing and is
     * refused with the file and line at fault.
     */
    @Transactional
    public Reload reload(String actor, String reason) {
        CalendarData next;
        try {
            next = calendar.load();
        } catch (CalendarDataException e) {
            throw InvalidInputException.of("hub.calendar.location", ErrorCode.INVALID_VALUE, e.getMessage(), null);
        }
        CalendarData current = calendar.data();
        WorkingDayCalendar computing = new WorkingDayCalendar(next);
        String why = "calendar reloaded (" + String.join(", ", next.sources()) + "; covers " + next.years() + ")"
                + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        List<DeadlineChange> changes = recompute(computing, current.differenceFrom(next), actor, why);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendar.use(next);
                }
            });
        } else {
            calendar.use(next);
        }
        long remaining = deadlines.countProvisional();
        return new Reload(new Coverage(next.sources(), List.copyOf(next.years()), computing.firstUncoveredDay(today(), HORIZON_DAYS),
                HORIZON_DAYS, next.replaced()), changes, remaining);
    }

    /** On start: deadlines stored before bases were, and provisional ones the data (perhaps added before a restart) now covers. */
    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        try {
            List<DeadlineChange> changes = transactions.execute(status -> recompute(calendar, null, "hub",
                    "calendar at start (" + String.join(", ", calendar.data().sources()) + "; covers " + calendar.coveredYears() + ")"));
            if (changes != null && !changes.isEmpty()) {
                log.info("Recomputed {} working-day deadlines on the calendar data at start", changes.size());
            }
        } catch (RuntimeException e) {
            log.error("Could not recompute the provisional working-day deadlines at start", e);
        }
        reportCoverage();
    }

    /** Says at start where the holiday data ends, if within {@link #HORIZON_DAYS}: WARN, or INFO where so configured (the demo). */
    void reportCoverage() {
        LocalDate uncovered = calendar.firstUncoveredDay(today(), HORIZON_DAYS);
        if (uncovered != null) {
            String message = "The holiday data does not cover {} (within {} days); deadlines that need it are provisional until the"
                    + " year's notice is added (hub.calendar.location, then reloadCalendar)";
            if (warnUncovered) {
                log.warn(message, uncovered, HORIZON_DAYS);
            } else {
                log.info(message, uncovered, HORIZON_DAYS);
            }
        }
    }

    /** Recomputes the deadlines to recompute ({@code changed}: the span of changed days, or null) on {@code with}; records each change. */
    List<DeadlineChange> recompute(WorkingDayCalendar with, LocalDate[] changed, String actor, String reason) {
        List<StoredDeadline> candidates = deadlines.toRecompute(changed == null ? null : changed[0],
                changed == null ? null : changed[1].plusDays(1));
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<DeadlineChange> out = new ArrayList<>();
        for (StoredDeadline d : candidates) {
            if (d.from() == null || d.due() == null) {
                continue;
            }
            // Stored before the inputs were (PUB-06 penalties): n is what the stored day counts, on the data in use.
            int n = d.workingDays() != null ? d.workingDays() : calendar.workingDaysBetween(d.from(), d.due());
            WorkingDayCalendar.Deadline now = with.deadline(d.from(), n);
            if (now.due().equals(d.due()) && now.basis() == d.basis() && d.workingDays() != null) {
                continue;
            }
            DeadlineChange c = new DeadlineChange(d.kind(), d.ownerId(), d.from(), n, d.due(), d.basis(), now.due(), now.basis(), at,
                    d.kind().rule() + ": " + reason, actor);
            deadlines.apply(c);
            out.add(c);
        }
        return out;
    }

    /** Provisional deadlines, earliest first; of {@code departments} only when not null. */
    public Page<StoredDeadline> provisional(int first, String after, Collection<String> departments) {
        return deadlines.provisional(first, after, departments);
    }

    public long countProvisional() {
        return deadlines.countProvisional();
    }

    public List<DeadlineChange> changesOf(String ownerId) {
        return deadlines.changesOf(ownerId);
    }
}
