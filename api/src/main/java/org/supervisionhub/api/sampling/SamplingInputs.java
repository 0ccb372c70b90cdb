package org.supervisionhub.api.sampling;

import java.time.LocalDate;
import java.util.List;

/** GraphQL inputs of the sampling area. */
public final class SamplingInputs {

    private SamplingInputs() {
    }

    public record CreateSamplingPlanInput(String departmentId, Integer year, String title) {
    }

    public record DirectedCriteriaInput(List<String> orgTypes, List<String> scales, List<String> industries,
                                        List<String> regionCodes) {
    }

    public record StratumRatioInput(String label, String ratio) {
    }

    public record ComplaintRuleInput(Integer minComplaints, Integer withinDays, String ratio) {
    }

    public record TriggerScopeInput(List<String> types, LocalDate from, LocalDate to) {
    }

    public record RosterScopeInput(List<String> unitIds, Boolean neighbouringRegions) {
    }

    public record SamplingTaskInput(String title, String kind, List<String> itemIds, String method, String mode,
                                    DirectedCriteriaInput criteria, String strataBy, List<StratumRatioInput> strata,
                                    ComplaintRuleInput complaintRule, TriggerScopeInput triggerScope, LocalDate windowStart,
                                    LocalDate windowEnd, Integer batches, Integer inspectorsPerInspection,
                                    List<String> expertise, RosterScopeInput rosterScope, String origin,
                                    String dispatchLevel, Boolean announced) {
    }

    public record TriggerInput(String type, String uscc, String departmentId, LocalDate occurredOn, String description,
                               String sourceRef) {
    }

    public record ParticipationInput(List<String> itemIds, RosterScopeInput rosterScope, Integer inspectorCount) {
    }
}
