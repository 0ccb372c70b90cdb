// Working-day deadlines store their inputs and calendar basis (CALENDAR | PROVISIONAL_CALENDAR) so provisional ones
// (computed on weekdays for a year the holiday data does not cover) can be listed and recomputed; each recomputation
// is a DeadlineChange on the deadline's owner.
CREATE INDEX inspection_result_publish_by_basis IF NOT EXISTS FOR (n:InspectionResult) ON (n.publishByBasis);
CREATE INDEX penalty_decision_publish_by_basis IF NOT EXISTS FOR (n:PenaltyDecision) ON (n.publishByBasis);
CREATE INDEX deadline_change_owner IF NOT EXISTS FOR (n:DeadlineChange) ON (n.ownerId);
