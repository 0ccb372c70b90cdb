// Deadlines stored before: their inputs where the node has them (PUB-03, PUB-04: 20 working days from the end or the
// rectification deadline; PUB-06: from the decision, n counted again at the next start). The basis stays unset: the
// hub's start computes it (and records any change).
MATCH (r:InspectionResult) WHERE r.publishBy IS NOT NULL AND r.publishByFrom IS NULL
SET r.publishByFrom = coalesce(r.rectificationDeadline, r.endedOn), r.publishByWorkingDays = 20;
MATCH (d:PenaltyDecision) WHERE d.publishBy IS NOT NULL AND d.publishByFrom IS NULL
SET d.publishByFrom = d.decidedOn;
