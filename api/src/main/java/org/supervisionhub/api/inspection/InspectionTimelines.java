package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.supervisionhub.domain.inspection.LifecycleDates;
import org.supervisionhub.domain.inspection.LifecycleDates.Timeline;
import org.supervisionhub.graph.inspection.NoticeRepository;
import org.supervisionhub.graph.inspection.NoticeRepository.Notice;
import org.supervisionhub.graph.inspection.RecordRepository;
import org.supervisionhub.graph.inspection.RecordRepository.InspectionRecord;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.PlanRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Task;

/** Reads what is known of an inspection's dates from the graph, for {@link LifecycleDates} to check an event against. */
@Component
public class InspectionTimelines {

    private final PlanRepository plans;
    private final DrawRepository draws;
    private final NoticeRepository notices;
    private final RecordRepository records;
    private final ResultRepository results;
    private final Clock clock;

    public InspectionTimelines(PlanRepository plans, DrawRepository draws, NoticeRepository notices, RecordRepository records,
                               ResultRepository results, Clock clock) {
        this.plans = plans;
        this.draws = draws;
        this.notices = notices;
        this.records = records;
        this.results = results;
        this.clock = clock;
    }

    /** The timeline of an inspection, with its result's dates where it has one. */
    public Timeline of(Inspection inspection) {
        Result r = results.byId(List.of(ResultService.idOf(inspection.id()))).get(ResultService.idOf(inspection.id()));
        return of(inspection, r);
    }

    /** The timeline of a result's inspection, with the result's dates as given (the caller's locked copy). */
    public Timeline of(Result r) {
        Inspection inspection = draws.inspections(List.of(r.inspectionId())).get(r.inspectionId());
        return of(inspection, r);
    }

    private Timeline of(Inspection inspection, Result r) {
        Task task = inspection == null ? null : plans.task(inspection.taskId()).orElse(null);
        Timeline t = Timeline.of(clock.getZone(), task == null ? null : task.data().windowStart(), task == null ? null : task.data().windowEnd());
        if (inspection != null) {
            Draw draw = inspection.drawId() == null ? null : draws.draw(inspection.drawId()).orElse(null);
            t = t.drawn(draw == null ? null : draw.executedAt(), inspection.plannedOn());
            // A joint inspection is one visit (PLAN-15, GEN-15): a participant's part has the lead's notice and record.
            String visit = inspection.jointOf() != null ? inspection.jointOf() : inspection.id();
            Notice notice = notices.ofInspections(List.of(visit)).get(visit);
            if (notice != null) {
                t = t.notified(notice.issuedAt(), notice.visitAt());
            }
            InspectionRecord record = records.ofInspections(List.of(visit)).get(visit);
            if (record != null) {
                t = t.conducted(record.conductedAt());
            }
        }
        return r == null ? t : t.result(r.endedOn(), r.approvedAt(), r.publishedAt());
    }
}
