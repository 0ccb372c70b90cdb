// The public site (一公开): published results are searched from their status, newest first.
CREATE INDEX inspection_result_status IF NOT EXISTS FOR (n:InspectionResult) ON (n.status, n.publishedAt);
CREATE INDEX penalty_decision_published IF NOT EXISTS FOR (n:PenaltyDecision) ON (n.publishedAt);
