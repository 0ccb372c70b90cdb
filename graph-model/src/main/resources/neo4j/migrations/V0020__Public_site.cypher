// The public site (一公开): published results are searched from their status, newest first.
CREATE INDEX inspection_result_status IF NOT EXISTS FOR (n:InspectionResult) ON (n.status, n.publishedAt);
CREATE INDEX penalty_decision_published IF NOT EXISTS FOR (n:PenaltyDecision) ON (n.publishedAt);
// A department's published results, and the few withheld ones (PUB-11), counted from indexes.
CREATE INDEX inspection_result_inspecting_department IF NOT EXISTS FOR (n:InspectionResult) ON (n.inspectingDepartment);
CREATE INDEX inspection_result_withheld IF NOT EXISTS FOR (n:InspectionResult) ON (n.withheldAt);
